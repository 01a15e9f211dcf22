// "My cases": the cases whose team the practitioner is in or, for a safeguarding lead or a manager,
// every case a member of their organisation is in the team of (the cases they oversee). Each with
// its most severe finding as the profile's latest version stored it (not evaluated again), its
// review and its clocks on the service's day (docs/domain.md, My cases), what needs action first
// (domain/profile/action-first.ts) unless the most pressing review or clock is asked for, 50 a page.
// Everything the order, the counts and the rows need comes back from one statement, whatever the
// number of cases: each case in scope with the severities of its findings (in SQL), its entries that
// bring a review forward or run a clock and its meetings (each aggregated as JSON by the case's row),
// and for an organisation's cases its members in the team. The order and the counts need the clocks of
// every case; one statement instead of a list and then its entries, its meetings and its colleagues
// takes three round trips one after another off every home page (issue 12).
// A case closed for transfer (docs/domain.md, "Transfer to another area") runs no clock and
// needs no review here: it says so, comes after every open case, and counts in none of the counts.
// readMyCases reads and does not audit: the home page's use case (view-home.ts) audits what it
// showed beside the alerts; listMyCases reads and audits on its own.
import { sql, type ExpressionBuilder } from 'kysely';
import { OVERSIGHT_ROLES, type TeamRole } from '../../domain/access/case-access.ts';
import { profileEventsFrom } from '../../domain/chronology/to-profile-event.ts';
import { isTriggerEventKind } from '../../domain/catalogue/catalogue.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { InfantStatus } from '../../domain/people/record-matching.ts';
import { closureOfCase, type ClosedForTransfer } from '../../domain/transfer/closed-for-transfer.ts';
import type { Severity } from '../../domain/catalogue/finding-definitions.ts';
import { byActionNeeded, highestFindings, nextDue, type HighestFindings, type NextDue } from '../../domain/profile/action-first.ts';
import type { ProfileEvent } from '../../domain/profile/profile.types.ts';
import { byReviewUrgency, nextReviewDate, reviewState, type ReviewStatus } from '../../domain/profile/review-schedule.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { byClockUrgency, mostUrgentClock } from '../../domain/timescales/clock-urgency.ts';
import { clockEventsFrom } from '../../domain/timescales/clock-events.ts';
import { timescaleClocks, type Clock } from '../../domain/timescales/clocks.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { Meeting } from '../../domain/meetings/meeting.types.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone, type AuditEvent } from '../audit.ts';
import type { AppContext } from '../context.ts';
import type { Database, Queryable } from '../../infrastructure/db/schema.ts';
import { entryFromRow, type ChronologyRow } from '../chronology/chronology-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { CLOCK_AND_TRIGGER_KINDS } from '../timescales/case-clocks.ts';

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
  /** The transfer that closed the case, which then has no clocks; null while it is open. */
  closedForTransfer: ClosedForTransfer | null;
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

/** A meeting as casesInScopeQuery aggregates it: what the clocks read of it. */
type MeetingJson = [kind: Meeting['kind'], heldOn: string, section47: boolean | null, protectionPlan: boolean | null];

/** An organisation's member in a case's team as casesInScopeQuery aggregates them. */
type ColleagueJson = [name: string, role: TeamRole];

/** An entry's row as json_agg writes it: its times as text. */
type EntryJson = Omit<ChronologyRow, 'occurred_at' | 'recorded_at'> & { occurred_at: string | null; recorded_at: string };

/**
 * Every case in scope, with what ordering them and their rows need: the severities of the findings, the
 * entries that bring a review forward or run a clock and the corrections (the kinds written into the text,
 * so that the plan kept for any user reads them from migration 059's index, a descent per case:
 * list-my-cases.test.ts; no disputes, which neither rule reads), the meetings and, with
 * `overseenOrganisationId`, the organisation's members in the team by name (of every case in scope, not only
 * the page's: the same descent a case as the EXISTS that chooses the cases, and no round trip once the order
 * is known). The cases of the user's teams, or with `overseenOrganisationId`, every case a member of that
 * organisation is in the team of.
 */
export function casesInScopeQuery(db: Queryable, userId: string, overseenOrganisationId: string | null) {
  const query = db
    .selectFrom('cases')
    .leftJoin('case_team as mine', (join) => join.onRef('mine.case_id', '=', 'cases.id').on('mine.user_id', '=', userId))
    .leftJoin('profile_versions', (join) => join.onRef('profile_versions.case_id', '=', 'cases.id').onRef('profile_versions.version', '=', 'cases.profile_version'))
    .select((eb) => [
      'cases.id',
      'cases.status',
      'cases.given_name',
      'cases.family_name',
      'cases.date_of_birth',
      'cases.expected_delivery_date',
      'cases.level',
      'cases.profile_reviewed_at',
      'cases.closed_for_transfer_to',
      'cases.closed_for_transfer_at',
      'mine.role',
      sql<Severity[] | null>`(select json_agg(finding ->> 'severity') from jsonb_array_elements(profile_versions.findings) as finding)`.as('severities'),
      eb
        .selectFrom('chronology_entries as e')
        .select(sql<EntryJson[]>`json_agg(e order by e.occurred_on, e.occurred_at, e.recorded_at, e.id)`.as('entries'))
        .whereRef('e.case_id', '=', 'cases.id')
        .where((w) => w.or([w('e.kind', 'in', CLOCK_AND_TRIGGER_KINDS.map((kind) => sql.lit(kind))), w('e.corrects', 'is not', null)]))
        .as('timing_entries'),
      eb
        .selectFrom('case_meetings as m')
        .select(sql<MeetingJson[]>`json_agg(json_build_array(m.kind, m.held_on, m.section47, m.protection_plan))`.as('meetings'))
        .whereRef('m.case_id', '=', 'cases.id')
        .as('meetings'),
    ])
    .orderBy('cases.family_name')
    .orderBy('cases.id');
  if (overseenOrganisationId === null) return query.select(sql<ColleagueJson[] | null>`null`.as('colleagues')).where('mine.user_id', 'is not', null);
  // The cases a member of the organisation is in the team of: the cases it oversees.
  const members = (eb: ExpressionBuilder<Database, 'cases'>) =>
    eb.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').whereRef('case_team.case_id', '=', 'cases.id').where('users.organisation_id', '=', overseenOrganisationId);
  return query
    .select((eb) => members(eb).select(sql<ColleagueJson[]>`json_agg(json_build_array(users.name, case_team.role) order by users.name, users.id)`.as('colleagues')).as('colleagues'))
    .where((eb) => eb.exists(members(eb).select('case_team.case_id')));
}

/** The entry as chronology-rows.ts reads it, from its row as json_agg wrote it. */
function entryFromJson(json: EntryJson): ChronologyEntry {
  return entryFromRow({ ...json, occurred_at: json.occurred_at === null ? null : new Date(json.occurred_at), recorded_at: new Date(json.recorded_at) });
}

/** What the clocks read of a meeting, as case-clocks.ts gives it them. */
function meetingFromJson([kind, heldOn, section47, protectionPlan]: MeetingJson): Pick<Meeting, 'kind' | 'heldOn' | 'section47' | 'protectionPlan'> {
  return { kind, heldOn, ...(section47 !== null ? { section47 } : {}), ...(protectionPlan !== null ? { protectionPlan } : {}) };
}

/**
 * The caller's cases (their teams', or their organisation's when they oversee it), ordered, filtered and paged. Not audited.
 * What the order, the filter and the counts need is worked out for every case in scope, from the one statement
 * casesInScopeQuery sends (the settings, kept for a few seconds, read beside it when they are not).
 */
export async function readMyCases(ctx: AppContext, actor: UserActor, options: MyCasesOptions = {}): Promise<MyCases> {
  const today = serviceToday(ctx.clock.now());
  const scope = scopeOf(actor);
  const [rows, inForce] = await Promise.all([casesInScopeQuery(ctx.db, actor.userId, scope === 'organisation' ? actor.organisationId : null).execute(), settingsInForce(ctx)]);
  const all = rows.map((row) => {
    const entries = (row.timing_entries ?? []).map(entryFromJson);
    const review = profileReview(row.level, row.profile_reviewed_at, profileEventsFrom(entries).filter((e) => isTriggerEventKind(e.kind)), today);
    const events = clockEventsFrom({ entries, meetings: (row.meetings ?? []).map(meetingFromJson), bornOn: row.date_of_birth, expectedDeliveryOn: row.expected_delivery_date });
    const closedForTransfer = closureOfCase(row.closed_for_transfer_to, row.closed_for_transfer_at);
    const caseClocks = closedForTransfer ? [] : timescaleClocks(events, today, inForce.settings.timescales);
    const urgentClock = mostUrgentClock(caseClocks);
    const findings = highestFindings((row.severities ?? []).map((severity) => ({ severity })));
    return { row, review, clocks: caseClocks, urgentClock, findings, next: nextDue(urgentClock, review, today), closedForTransfer };
  });
  type Keys = (typeof all)[number];
  const open = all.filter((c) => c.closedForTransfer === null);
  const overdue = (c: Keys) => c.urgentClock?.status === 'overdue';
  const openKept = options.overdueClocksOnly ? open.filter(overdue) : open;
  // Stable sorts: between cases equally pressing, the query's order (family name) stays.
  if (options.order === 'clocks') openKept.sort((a, b) => byReviewUrgency(a.review, b.review)).sort((a, b) => byClockUrgency(a.clocks, b.clocks));
  else if (options.order === 'review') openKept.sort((a, b) => byReviewUrgency(a.review, b.review));
  else openKept.sort(byActionNeeded);
  // Closed cases last, in the query's order: none has a clock, so none is kept by the overdue filter.
  const kept = options.overdueClocksOnly ? openKept : [...openKept, ...all.filter((c) => c.closedForTransfer !== null)];
  const pages = Math.max(1, Math.ceil(kept.length / CASES_PER_PAGE));
  const page = Math.min(Math.max(options.page ?? 1, 1), pages);
  const shown = kept.slice((page - 1) * CASES_PER_PAGE, page * CASES_PER_PAGE);
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
      colleagues: (row.colleagues ?? []).map(([name, role]) => ({ name, role })),
      ...keys,
    })),
    today,
    page,
    pages,
    total: kept.length,
    counts: {
      overdueClocks: open.filter(overdue).length,
      overdueReviews: open.filter((c) => c.review.state === 'overdue').length,
      neverReviewed: open.filter((c) => c.review.state === 'never-reviewed').length,
      critical: open.filter((c) => c.findings?.severity === 'critical').length,
      high: open.filter((c) => c.findings?.severity === 'high').length,
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
