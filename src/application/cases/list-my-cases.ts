// "My cases": the cases whose team the practitioner is in, the most pressing profile review first
// (or, when asked, the most pressing clock first, or only the cases with a clock overdue), each with
// its review and its clocks on the service's day (docs/domain.md, Clocks and timescales). The
// clocks of every case come from the same few queries (the entries that bring a review forward or
// run a clock, read once for all the cases; their meetings, once), never a query per case. Reading
// the list is audited.
import type { TeamRole } from '../../domain/access/case-access.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import { EVENT_KIND_IDS } from '../../domain/catalogue/event-kinds.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { InfantStatus } from '../../domain/people/record-matching.ts';
import type { ProfileEvent } from '../../domain/profile/profile.types.ts';
import { byReviewUrgency, nextReviewDate, reviewState, type ReviewStatus } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { byClockUrgency, mostUrgentClock } from '../../domain/timescales/clock-urgency.ts';
import type { Clock } from '../../domain/timescales/clocks.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { readClockEntriesOfCases, readClocksOfCases } from '../timescales/case-clocks.ts';

export interface MyCase {
  id: string;
  name: string;
  status: InfantStatus;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  level: string;
  teamRole: TeamRole;
  review: ReviewStatus;
  /** The case's clocks on `today`, in the domain's order. */
  clocks: Clock[];
  /** The running clock that presses most (overdue, then due soon, then due), or null. */
  urgentClock: Clock | null;
}

export interface MyCases {
  cases: MyCase[];
  /** The service's day the reviews and clocks were read for. */
  today: string;
  /** How many of the practitioner's cases have a clock overdue, whatever the filter. */
  overdueClockCases: number;
}

export interface MyCasesOptions {
  /** 'review' (the default): the most pressing profile review first; 'clocks': the most pressing clock first. */
  order?: 'review' | 'clocks';
  /** Only the cases with a clock overdue. */
  overdueClocksOnly?: boolean;
}

/** A case's next profile review and how pressing it is today. `events` is its chronology. */
function profileReview(level: string, reviewedAt: Date | null, events: readonly ProfileEvent[], today: string): ReviewStatus {
  // The London day of the review, as the profile page reads it (profile-facts.ts), so both pages give the same due date.
  const next = nextReviewDate(level as CaseLevel, reviewedAt ? serviceToday(reviewedAt) : null, events);
  return { state: reviewState(next, today), dueOn: next.dueOn };
}

const TRIGGER_KINDS = EVENT_KIND_IDS.filter((kind) => isTriggerEventKind(kind));

/** The practitioner's cases, as readMyCases orders and filters them. */
export async function listMyCases(ctx: AppContext, actor: UserActor, options: MyCasesOptions = {}): Promise<MyCase[]> {
  return (await readMyCases(ctx, actor, options)).cases;
}

/** The practitioner's cases with the day they were read for and how many have a clock overdue. */
export async function readMyCases(ctx: AppContext, actor: UserActor, options: MyCasesOptions = {}): Promise<MyCases> {
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
  // Entries that bring a review forward (triggers) or run a clock, and corrections, for every case at once.
  // The meetings are read beside them.
  const reading = readClockEntriesOfCases(ctx.db, rows.map((r) => r.id), TRIGGER_KINDS);
  const [entries, clocks] = await Promise.all([reading, readClocksOfCases(ctx, rows.map((r) => ({ id: r.id, bornOn: r.date_of_birth, expectedDeliveryOn: r.expected_delivery_date })), today, reading)]);
  const all = rows.map((row): MyCase => ({
    id: row.id,
    name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
    status: row.status,
    dateOfBirth: row.date_of_birth,
    expectedDeliveryDate: row.expected_delivery_date,
    level: row.level,
    teamRole: row.role,
    review: profileReview(row.level, row.profile_reviewed_at, profileEventsFrom(entries.get(row.id) ?? []).filter((e) => isTriggerEventKind(e.kind)), today),
    clocks: clocks.get(row.id) ?? [],
    urgentClock: mostUrgentClock(clocks.get(row.id) ?? []),
  }));
  const overdue = (c: MyCase) => c.urgentClock?.status === 'overdue';
  const cases = options.overdueClocksOnly ? all.filter(overdue) : all;
  await recordAuditAlone(ctx, actor, {
    action: 'cases.list',
    details: { caseIds: cases.map((c) => c.id), ...(options.order === 'clocks' ? { order: 'clocks' } : {}), ...(options.overdueClocksOnly ? { overdueClocksOnly: true } : {}) },
  });
  // Stable sorts: between cases equally pressing, the next order, then the query's (family name), stays.
  cases.sort((a, b) => byReviewUrgency(a.review, b.review));
  if (options.order === 'clocks') cases.sort((a, b) => byClockUrgency(a.clocks, b.clocks));
  return { cases, today, overdueClockCases: all.filter(overdue).length };
}
