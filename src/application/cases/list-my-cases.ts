// "My cases": the cases whose team the practitioner is in or, for a safeguarding lead or a manager,
// every case a member of their organisation is in the team of (the cases they oversee). Each with
// its most severe finding as the profile's latest version stored it (not evaluated again), its
// review and its clocks on the service's day (docs/domain.md, My cases), what needs action first
// (domain/profile/action-first.ts) unless the most pressing review or clock is asked for, 50 a page.
// The clocks of every case come from the same few queries (the entries that bring a review forward
// or run a clock, read once for all the cases; their meetings, once), never a query per case: the
// order and the counts need them for every case. The findings are read as their severities only
// (in SQL), and what only a row shows (the organisation's members in the team) for the page's cases.
// readMyCases reads and does not audit: the home page's use case (view-home.ts) audits what it
// showed beside the alerts; listMyCases reads and audits on its own.
import { sql } from 'kysely';
import { OVERSIGHT_ROLES, type TeamRole } from '../../domain/access/case-access.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { InfantStatus } from '../../domain/people/record-matching.ts';
import type { Severity } from '../../domain/catalogue/finding-definitions.ts';
import { byActionNeeded, highestFindings, nextDue, type HighestFindings, type NextDue } from '../../domain/profile/action-first.ts';
import type { ProfileEvent } from '../../domain/profile/profile.types.ts';
import { byReviewUrgency, nextReviewDate, reviewState, type ReviewStatus } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { byClockUrgency, mostUrgentClock } from '../../domain/timescales/clock-urgency.ts';
import type { Clock } from '../../domain/timescales/clocks.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone, type AuditEvent } from '../audit.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { CLOCK_AND_TRIGGER_KINDS, readClockEntriesOfCases, readClocksOfCases } from '../timescales/case-clocks.ts';

/** Cases shown on one page of the list. */
export const CASES_PER_PAGE = 50;

/** Whose cases: the caller's teams, or every case their organisation is in the team of. */
export type MyCasesScope = 'team' | 'organisation';

export interface MyCase {
  id: string;
  name: string;
  status: InfantStatus;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  level: string;
  /** The caller's own place in the team, or null (a case their organisation's members are in). */
  teamRole: TeamRole | null;
  /** For the organisation's cases: its members in the team, by name. */
  colleagues: { name: string; role: TeamRole }[];
  /** The most severe finding of the profile's latest version, or null when it has none. */
  findings: HighestFindings | null;
  review: ReviewStatus;
  /** The case's clocks on `today`, in the domain's order. */
  clocks: Clock[];
  /** The running clock that presses most (overdue, then due soon, then due), or null. */
  urgentClock: Clock | null;
  /** The running clock's or the review's day, whichever is sooner. */
  next: NextDue;
}

export interface MyCases {
  scope: MyCasesScope;
  /** The cases on the page asked for. */
  cases: MyCase[];
  /** The service's day the reviews and clocks were read for. */
  today: string;
  page: number;
  pages: number;
  /** How many cases the filter keeps, on every page. */
  total: number;
  /** Among every case in scope, whatever the filter and the page. */
  counts: { overdueClocks: number; overdueReviews: number; neverReviewed: number; critical: number; high: number };
}

export interface MyCasesOptions {
  /** 'action' (the default): what needs action first; 'review': the most pressing profile review first; 'clocks': the most pressing clock first. */
  order?: 'action' | 'review' | 'clocks';
  /** Only the cases with a clock overdue. */
  overdueClocksOnly?: boolean;
  /** 1-based; a page past the last shows the last. */
  page?: number;
}

/** A safeguarding lead or a manager sees the cases they oversee; anyone else their own teams'. */
export function scopeOf(actor: UserActor): MyCasesScope {
  return OVERSIGHT_ROLES.includes(actor.role) ? 'organisation' : 'team';
}

/** A case's next profile review and how pressing it is today. `events` is its chronology. */
function profileReview(level: string, reviewedAt: Date | null, events: readonly ProfileEvent[], today: string): ReviewStatus {
  // The London day of the review, as the profile page reads it (profile-facts.ts), so both pages give the same due date.
  const next = nextReviewDate(level as CaseLevel, reviewedAt ? serviceToday(reviewedAt) : null, events);
  return { state: reviewState(next, today), dueOn: next.dueOn };
}

/**
 * Every case in scope, with what ordering them needs: no colleagues, and of the findings only their severities (read in SQL).
 * The cases of the user's teams, or with `overseenOrganisationId`, every case a member of that organisation is in the team of.
 */
function casesInScopeQuery(db: Queryable, userId: string, overseenOrganisationId: string | null) {
  const query = db
    .selectFrom('cases')
    .leftJoin('case_team as mine', (join) => join.onRef('mine.case_id', '=', 'cases.id').on('mine.user_id', '=', userId))
    .leftJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
    .select([
      'cases.id',
      'cases.status',
      'cases.given_name',
      'cases.family_name',
      'cases.date_of_birth',
      'cases.expected_delivery_date',
      'cases.level',
      'cases.profile_reviewed_at',
      'mine.role',
      sql<Severity[] | null>`(select json_agg(finding ->> 'severity') from jsonb_array_elements(profile_versions.findings) as finding)`.as('severities'),
    ])
    .orderBy('cases.family_name')
    .orderBy('cases.id');
  if (overseenOrganisationId === null) return query.where('mine.user_id', 'is not', null);
  // The cases a member of the organisation is in the team of: the cases it oversees.
  return query
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_team')
          .innerJoin('users', 'users.id', 'case_team.user_id')
          .select('case_team.case_id')
          .whereRef('case_team.case_id', '=', 'cases.id')
          .where('users.organisation_id', '=', overseenOrganisationId),
      ),
    );
}

/** The organisation's members in the team of each of these cases, by name: read for the cases shown only. */
async function readColleagues(ctx: AppContext, actor: UserActor, caseIds: readonly string[]): Promise<Map<string, MyCase['colleagues']>> {
  const byCase = new Map<string, MyCase['colleagues']>();
  if (caseIds.length === 0) return byCase;
  const rows = await ctx.db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['case_team.case_id', 'users.name', 'case_team.role'])
    .where('case_team.case_id', 'in', [...caseIds])
    .where('users.organisation_id', '=', actor.organisationId)
    .orderBy('users.name')
    .execute();
  for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), { name: row.name, role: row.role }]);
  return byCase;
}

/**
 * The caller's cases (their teams', or their organisation's when they oversee it), ordered, filtered and paged. Not audited.
 * What the order, the filter and the counts need is worked out for every case in scope: the severities of the
 * findings (from SQL), the review and the clocks (from one read of the entries and one of the meetings). What
 * only a row shows (the name, the organisation's members in the team) is read for the page's cases alone.
 */
export async function readMyCases(ctx: AppContext, actor: UserActor, options: MyCasesOptions = {}): Promise<MyCases> {
  const today = serviceToday(ctx.clock.now());
  const scope = scopeOf(actor);
  const rows = await casesInScopeQuery(ctx.db, actor.userId, scope === 'organisation' ? actor.organisationId : null).execute();
  // Entries that bring a review forward (triggers) or run a clock, and corrections, for every case at once
  // (from migration 059's index). The meetings are read beside them.
  const reading = readClockEntriesOfCases(ctx.db, rows.map((r) => r.id), CLOCK_AND_TRIGGER_KINDS);
  const [entries, clocks] = await Promise.all([reading, readClocksOfCases(ctx, rows.map((r) => ({ id: r.id, bornOn: r.date_of_birth, expectedDeliveryOn: r.expected_delivery_date })), today, reading)]);
  const all = rows.map((row) => {
    const review = profileReview(row.level, row.profile_reviewed_at, profileEventsFrom(entries.get(row.id) ?? []).filter((e) => isTriggerEventKind(e.kind)), today);
    const caseClocks = clocks.get(row.id) ?? [];
    const urgentClock = mostUrgentClock(caseClocks);
    const findings = highestFindings((row.severities ?? []).map((severity) => ({ severity })));
    return { row, review, clocks: caseClocks, urgentClock, findings, next: nextDue(urgentClock, review, today) };
  });
  type Keys = (typeof all)[number];
  const overdue = (c: Keys) => c.urgentClock?.status === 'overdue';
  const kept = options.overdueClocksOnly ? all.filter(overdue) : all;
  // Stable sorts: between cases equally pressing, the query's order (family name) stays.
  if (options.order === 'clocks') kept.sort((a, b) => byReviewUrgency(a.review, b.review)).sort((a, b) => byClockUrgency(a.clocks, b.clocks));
  else if (options.order === 'review') kept.sort((a, b) => byReviewUrgency(a.review, b.review));
  else kept.sort(byActionNeeded);
  const pages = Math.max(1, Math.ceil(kept.length / CASES_PER_PAGE));
  const page = Math.min(Math.max(options.page ?? 1, 1), pages);
  const shown = kept.slice((page - 1) * CASES_PER_PAGE, page * CASES_PER_PAGE);
  const colleagues = scope === 'organisation' ? await readColleagues(ctx, actor, shown.map((c) => c.row.id)) : new Map<string, MyCase['colleagues']>();
  return {
    scope,
    cases: shown.map(({ row, ...keys }): MyCase => ({
      id: row.id,
      name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
      status: row.status,
      dateOfBirth: row.date_of_birth,
      expectedDeliveryDate: row.expected_delivery_date,
      level: row.level,
      teamRole: row.role,
      colleagues: colleagues.get(row.id) ?? [],
      ...keys,
    })),
    today,
    page,
    pages,
    total: kept.length,
    counts: {
      overdueClocks: all.filter(overdue).length,
      overdueReviews: all.filter((c) => c.review.state === 'overdue').length,
      neverReviewed: all.filter((c) => c.review.state === 'never-reviewed').length,
      critical: all.filter((c) => c.findings?.severity === 'critical').length,
      high: all.filter((c) => c.findings?.severity === 'high').length,
    },
  };
}

/** The audit entry for a look at the list: the cases shown, and how they were chosen when not the default. */
export function casesListed(listed: MyCases, options: MyCasesOptions): AuditEvent {
  return {
    action: 'cases.list',
    details: {
      caseIds: listed.cases.map((c) => c.id),
      ...(listed.scope === 'organisation' ? { scope: 'organisation' } : {}),
      ...(options.order && options.order !== 'action' ? { order: options.order } : {}),
      ...(options.overdueClocksOnly ? { overdueClocksOnly: true } : {}),
      ...(listed.page > 1 ? { page: listed.page } : {}),
    },
  };
}

/** The caller's cases as readMyCases gives them, the look audited. */
export async function listMyCases(ctx: AppContext, actor: UserActor, options: MyCasesOptions = {}): Promise<MyCase[]> {
  const listed = await readMyCases(ctx, actor, options);
  await recordAuditAlone(ctx, actor, casesListed(listed, options));
  return listed.cases;
}
