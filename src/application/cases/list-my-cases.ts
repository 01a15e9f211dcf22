// "My cases": the cases whose team the practitioner is in, the most pressing profile review first.
// Reading the list is audited.
import type { TeamRole } from '../../domain/access/case-access.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import { EVENT_KIND_IDS } from '../../domain/catalogue/event-kinds.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { InfantStatus } from '../../domain/people/record-matching.ts';
import type { ProfileEvent } from '../../domain/profile/profile.types.ts';
import { byReviewUrgency, nextReviewDate, reviewState, type ReviewStatus } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

export interface MyCase {
  id: string;
  name: string;
  status: InfantStatus;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  level: string;
  teamRole: TeamRole;
  review: ReviewStatus;
}

/** A case's next profile review and how pressing it is today. `events` is its chronology. */
function profileReview(level: string, reviewedAt: Date | null, events: readonly ProfileEvent[], today: string): ReviewStatus {
  // The London day of the review, as the profile page reads it (profile-facts.ts), so both pages give the same due date.
  const next = nextReviewDate(level as CaseLevel, reviewedAt ? serviceToday(reviewedAt) : null, events);
  return { state: reviewState(next, today), dueOn: next.dueOn };
}

const TRIGGER_KINDS = EVENT_KIND_IDS.filter((kind) => isTriggerEventKind(kind));

/** Each case's current chronology events that are reassessment triggers: they bring a review forward. */
async function triggerEventsByCase(ctx: AppContext, caseIds: readonly string[]): Promise<Map<string, ProfileEvent[]>> {
  const byCase = new Map<string, ProfileEvent[]>();
  if (caseIds.length === 0) return byCase;
  // Only triggers and corrections matter here (a correction can turn a trigger into something else).
  const rows = await ctx.db
    .selectFrom('chronology_entries')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .where((eb) => eb.or([eb('kind', 'in', TRIGGER_KINDS), eb('corrects', 'is not', null)]))
    .orderBy('occurred_on')
    .orderBy('recorded_at')
    .execute();
  const entries = new Map<string, ChronologyEntry[]>();
  for (const row of rows) entries.set(row.case_id, [...(entries.get(row.case_id) ?? []), entryFromRow(row)]);
  for (const [caseId, list] of entries) byCase.set(caseId, profileEventsFrom(list).filter((e) => isTriggerEventKind(e.kind)));
  return byCase;
}

export async function listMyCases(ctx: AppContext, actor: UserActor): Promise<MyCase[]> {
  const today = serviceToday(ctx.clock.now());
  const rows = await ctx.db
    .selectFrom('case_team')
    .innerJoin('cases', 'cases.id', 'case_team.case_id')
    .select([
      'cases.id',
      'cases.status',
      'cases.given_name',
      'cases.family_name',
      'cases.date_of_birth',
      'cases.expected_delivery_date',
      'cases.level',
      'cases.profile_reviewed_at',
      'case_team.role',
    ])
    .where('case_team.user_id', '=', actor.userId)
    .orderBy('cases.family_name')
    .orderBy('cases.id')
    .execute();
  await recordAuditAlone(ctx, actor, { action: 'cases.list', details: { caseIds: rows.map((r) => r.id) } });
  const events = await triggerEventsByCase(ctx, rows.map((r) => r.id));
  const cases = rows.map((row) => ({
    id: row.id,
    name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
    status: row.status,
    dateOfBirth: row.date_of_birth,
    expectedDeliveryDate: row.expected_delivery_date,
    level: row.level,
    teamRole: row.role,
    review: profileReview(row.level, row.profile_reviewed_at, events.get(row.id) ?? [], today),
  }));
  // A stable sort: within the same review, the query's order (family name) stays.
  return cases.sort((a, b) => byReviewUrgency(a.review, b.review));
}
