// The dashboards' summary of each case (issue 16, ADR 0017; domain/dashboards/case-summary.ts), kept in
// dashboard_case_summaries (migration 055). The one way to change a case writes the changed cases'
// rows inside its own transaction, from what it read to evaluate the profile (summaryOfProfile): the
// version writer (profile/profile-versions.ts) by the statement that inserts the versions
// (upsertSummaries as a data-modifying WITH), cases/change-case.ts for a change with no version, such
// as a meeting, which runs a clock (writeCaseSummaries); create-case the new record's, from what it
// inserted (writeNewCaseSummary); the re-evaluations (reevaluate-profiles.ts) for every case they
// evaluate. A row is of the profile version and the clocks' settings it was
// worked out under; a dashboard first works out again, by the summaries' own read (summary-facts.ts), the rows
// of its cases that are missing or of another version or settings (refreshStaleSummaries): cases
// made before the table, or a change of the area's timescales before the queued work (below) reached
// them. That write never overwrites a row of a later version. A change of the timescales queues every
// case (reevaluate-profiles.ts queueSettingsReevaluation) and the server's background work writes
// their rows again (rewriteSummariesLocked). `icp dashboards rebuild-summaries` does the same for every case (rebuildCaseSummaries).
import { createHash } from 'node:crypto';
import { sql, type ColumnType, type Insertable, type Kysely, type QueryCreator } from 'kysely';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { summariseCase, type CaseSummary } from '../../domain/dashboards/case-summary.ts';
import type { DashboardName, DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import { HAND_ASSESSED_RISK_FACTOR_IDS } from '../../domain/dashboards/completeness.ts';
import { nextReviewDate } from '../../domain/profile/review-schedule.ts';
import { isSignificantAdult } from '../../domain/profile/profile-subjects.ts';
import type { CaseLevel } from '../../domain/shared/case-levels.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { clockEventsFrom } from '../../domain/timescales/clock-events.ts';
import { timescaleClocks } from '../../domain/timescales/clocks.ts';
import type { TimescaleSettings } from '../../domain/timescales/timescale-settings.ts';
import type { FindingSnapshot, Queryable } from '../../infrastructure/db/schema.ts';
import { loadStoredProfiles, type StoredProfile, type SummaryFacts } from '../profile/profile-facts.ts';
import type { AppContext } from '../context.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { clockEntriesOfCase } from '../timescales/clock-entries-kept.ts';
import { casesWithMemberOf, readSummaryFacts } from './summary-facts.ts';

type DateOnly = ColumnType<string, string, string>;

export interface DashboardCaseSummariesTable {
  case_id: string;
  profile_version: number;
  settings_stamp: string;
  status: 'unborn' | 'born';
  level: string;
  opened_on: DateOnly;
  six_months_on: DateOnly | null;
  twelve_months_on: DateOnly | null;
  completeness: string;
  record_measures: string[];
  review_due_on: DateOnly | null;
  clock_due_on: DateOnly | null;
  /** The organisations of the people on the team around the family (migration 058), read from case_team by every write (upsertSummaries). */
  organisation_ids: string[];
  written_at: Date;
}

/** The database with the summaries' table (kept beside the code that owns it). */
export const withSummaries = (db: Queryable) => db.withTables<{ dashboard_case_summaries: DashboardCaseSummariesTable }>();

export type SummariesDatabase = ReturnType<typeof withSummaries> extends Kysely<infer DB> ? DB : never;
/** A row as worked out in Node: its organisations are read in SQL as it is written (upsertSummaries). */
export type SummaryRow = Omit<Insertable<DashboardCaseSummariesTable>, 'organisation_ids'>;

/** Names the clocks' settings a row's due days were worked out under: a change of them makes every row stale. */
export function settingsStamp(timescales: TimescaleSettings): string {
  return createHash('sha256').update(JSON.stringify(timescales)).digest('hex').slice(0, 16);
}

const COLUMNS = ['profile_version', 'settings_stamp', 'status', 'level', 'opened_on', 'six_months_on', 'twelve_months_on', 'completeness', 'record_measures', 'review_due_on', 'clock_due_on', 'organisation_ids', 'written_at'] as const;

/** Which rows an upsert of summaries replaces (see writeSummaries and rebuildCaseSummaries). */
type Overwrite = 'always' | 'if-older' | 'unless-newer';

/** The rows' columns with their SQL types, as the statement that writes them reads them from JSON (upsertSummaries). */
const GIVEN_COLUMNS = sql.raw(
  'row_order integer, case_id text, profile_version integer, settings_stamp text, status text, level text, opened_on date, six_months_on date, twelve_months_on date, completeness text, record_measures text[], review_due_on date, clock_due_on date, written_at timestamptz',
);

/**
 * The one statement that writes summary rows, for a caller to run alone or as a data-modifying WITH of
 * its own statement (the version writer's, profile-versions.ts): 'always' inside a change (the cases are
 * locked); 'if-older' from a dashboard's refresh, which locks nothing and so must not replace a row a
 * change wrote meanwhile (of a later version, or of the same one under the same settings);
 * 'unless-newer' from a re-evaluation or a rebuild, whose cases are locked, never over a later version.
 * Each row's organisations are read from its team in the same statement, so that a change to the team
 * (manage-team.ts, through changeCase, which writes the row with or without a version) writes them too:
 * the teams of all the rows' cases grouped by case in one pass and joined, not a sub-select a row. The
 * rows go as one JSON parameter (not a parameter a column a row), and are written in the order given, as
 * VALUES wrote them: a refresh locks no case, and two refreshes of the same rows take their locks in one order.
 */
export function upsertSummaries(db: QueryCreator<SummariesDatabase>, rows: readonly SummaryRow[], overwrite: Overwrite) {
  const given = sql<Omit<DashboardCaseSummariesTable, 'organisation_ids'> & { row_order: number }>`(select * from jsonb_to_recordset(${JSON.stringify(rows.map((row, rowOrder) => ({ ...row, row_order: rowOrder })))}::jsonb) as r(${GIVEN_COLUMNS}))`.as('r');
  const organisations = db
    .selectFrom('case_team as ct')
    .innerJoin('users as u', 'u.id', 'ct.user_id')
    .select(['ct.case_id', sql<string[]>`array_agg(distinct u.organisation_id order by u.organisation_id)`.as('ids')])
    .where('ct.case_id', '=', sql<string>`any(${rows.map((row) => row.case_id)}::text[])`)
    .groupBy('ct.case_id')
    .as('o');
  return db
    .insertInto('dashboard_case_summaries')
    .columns(['case_id', ...COLUMNS])
    .expression(
      db
        .selectFrom(given)
        .leftJoin(organisations, 'o.case_id', 'r.case_id')
        .select(['case_id', ...COLUMNS].map((column) => (column === 'organisation_ids' ? sql<string[]>`coalesce(o.ids, '{}')`.as(column) : sql.ref(`r.${column}`).as(column))))
        .orderBy('r.row_order'),
    )
    .onConflict((oc) => {
      const update = oc.column('case_id').doUpdateSet((eb) => Object.fromEntries(COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)])));
      if (overwrite === 'always') return update;
      if (overwrite === 'unless-newer') return update.where((eb) => eb('dashboard_case_summaries.profile_version', '<=', eb.ref('excluded.profile_version')));
      return update.where((eb) =>
        eb.or([
          eb('dashboard_case_summaries.profile_version', '<', eb.ref('excluded.profile_version')),
          eb.and([eb('dashboard_case_summaries.profile_version', '=', eb.ref('excluded.profile_version')), eb('dashboard_case_summaries.settings_stamp', '<>', eb.ref('excluded.settings_stamp'))]),
        ]),
      );
    });
}

/** A summary as its row, of this profile version, worked out under the clocks' settings `stamp` (settingsStamp). */
export function summaryRow(caseId: string, profileVersion: number, stamp: string, summary: CaseSummary, now: Date): SummaryRow {
  return {
    case_id: caseId,
    profile_version: profileVersion,
    settings_stamp: stamp,
    status: summary.status,
    level: summary.level,
    opened_on: summary.openedOn,
    six_months_on: summary.sixMonthsOn,
    twelve_months_on: summary.twelveMonthsOn,
    completeness: summary.completeness,
    record_measures: summary.recordMeasures,
    review_due_on: summary.reviewDueOn,
    clock_due_on: summary.clockDueOn,
    written_at: now,
  };
}

/**
 * The summary of a case from what its profile was evaluated from (read with `withSummaryFacts`:
 * loadStoredProfiles), with the findings its version holds, on `today`: the same facts as the summaries' own
 * read (summary-facts.ts readSummaryFacts), so the pipeline writes it without reading the case again.
 */
export function summaryOfProfile(caseId: string, stored: StoredProfile & { summaryFacts: SummaryFacts }, findings: readonly FindingSnapshot[], timescales: TimescaleSettings, today: string): CaseSummary {
  const { facts, summaryFacts } = stored;
  const next = nextReviewDate(stored.level as CaseLevel, facts.lastReviewedAt, facts.events);
  // Only the entries the clocks read, kept for the case: a change adds a few entries to a long chronology.
  const events = clockEventsFrom({ entries: clockEntriesOfCase(caseId, stored.chronology), meetings: summaryFacts.meetings, bornOn: facts.infant.dateOfBirth, expectedDeliveryOn: facts.infant.expectedDeliveryDate });
  return summariseCase(
    {
      caseId,
      status: facts.infant.status,
      dateOfBirth: facts.infant.dateOfBirth,
      level: stored.level,
      openedOn: stored.openedOn,
      findings: findings.map((f) => ({ id: f.id, severity: f.severity })),
      decisions: summaryFacts.decisions,
      lastReviewedAt: stored.reviewedAt?.toISOString() ?? null,
      assessedRiskFactors: facts.assessments.filter((a) => a.status !== 'not-assessed' && HAND_ASSESSED.has(a.factorId)).length,
      significantAdults: facts.people.filter(isSignificantAdult).length,
    },
    next,
    timescaleClocks(events, today, timescales),
  );
}

const HAND_ASSESSED = new Set(HAND_ASSESSED_RISK_FACTOR_IDS);

/** Works out the cases' summaries from `db` by the summaries' own read (summary-facts.ts readSummaryFacts) and writes them (see upsertSummaries for `overwrite`). */
async function writeSummaries(ctx: AppContext, db: Queryable, caseIds: readonly string[], overwrite: Overwrite): Promise<void> {
  if (caseIds.length === 0) return;
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const [facts, inForce] = await Promise.all([readSummaryFacts(ctx, db, caseIds, today), settingsInForce(ctx, db)]);
  if (facts.length === 0) return;
  const stamp = settingsStamp(inForce.settings.timescales);
  const rows = facts.map(({ facts: c, profileVersion, next, clocks }) => summaryRow(c.caseId, profileVersion, stamp, summariseCase(c, next, clocks), now));
  await upsertSummaries(withSummaries(db), rows, overwrite).execute();
}

/**
 * Inside a change's transaction (`trx`), after the change and its version, when the version writer
 * has not written them with the version (a change with no version, such as a meeting, which runs a
 * clock): the changed cases' summaries, of the version they are at. One statement reads them (the
 * profile's read, with the decisions and meetings), one more each chronology the caller does not
 * give (`chronologies`: their whole chronologies after the change), and one writes them.
 */
export async function writeCaseSummaries(trx: Queryable, ctx: AppContext, caseIds: readonly string[], chronologies?: ReadonlyMap<string, readonly ChronologyEntry[]>): Promise<void> {
  if (caseIds.length === 0) return;
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const { settings } = await settingsInForce(ctx, trx);
  const { timescales } = settings;
  const profiles = await loadStoredProfiles(trx, caseIds, today, settings, chronologies, { withSummaryFacts: true });
  const stamp = settingsStamp(timescales);
  const rows = [...profiles].flatMap(([caseId, stored]) =>
    stored.summaryFacts ? [summaryRow(caseId, stored.profileVersion, stamp, summaryOfProfile(caseId, { ...stored, summaryFacts: stored.summaryFacts }, stored.currentFindings, timescales, today), now)] : [],
  );
  if (rows.length > 0) await upsertSummaries(withSummaries(trx), rows, 'always').execute();
}

/** What a new record's summary is worked out from: the case as create-case inserts it. */
export interface NewCaseFacts {
  caseId: string;
  status: 'unborn' | 'born';
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  /** The case's level as inserted (the column's default, universal). */
  level: CaseLevel;
}

/**
 * Inside create-case's transaction, after the case's insert: its summary row, in one statement and from
 * what create-case has, without reading the case again. A new record has no profile version (0, so no
 * findings), no decision, review, entry, meeting, assessment or person; its clocks are those its birth or
 * expected delivery start (clockEventsFrom), under the clocks' settings in force (kept, as every change reads them).
 */
export async function writeNewCaseSummary(trx: Queryable, ctx: AppContext, c: NewCaseFacts): Promise<void> {
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const { timescales } = (await settingsInForce(ctx, trx)).settings;
  const events = clockEventsFrom({ entries: [], meetings: [], bornOn: c.dateOfBirth, expectedDeliveryOn: c.expectedDeliveryDate });
  const summary = summariseCase(
    {
      caseId: c.caseId,
      status: c.status,
      dateOfBirth: c.dateOfBirth,
      level: c.level,
      openedOn: today,
      findings: [],
      decisions: [],
      lastReviewedAt: null,
      assessedRiskFactors: 0,
      significantAdults: 0,
    },
    nextReviewDate(c.level, null, []),
    timescaleClocks(events, today, timescales),
  );
  await upsertSummaries(withSummaries(trx), [summaryRow(c.caseId, 0, settingsStamp(timescales), summary, now)], 'always').execute();
}

/** How many stale rows a refresh works out at once: its statements name the cases by id. */
const REFRESH_CHUNK = 500;

/**
 * Works out again the summaries of the cases in scope (every case when none is given) that have none, or one
 * of another profile version or other clocks' settings. Answers how many it wrote.
 */
export async function refreshStaleSummaries(ctx: AppContext, scope?: { viewer: DashboardViewer; name: DashboardName }): Promise<number> {
  const { settings } = await settingsInForce(ctx);
  const stamp = settingsStamp(settings.timescales);
  const db = withSummaries(ctx.db);
  const stale = await db
    .selectFrom('cases')
    .leftJoin('dashboard_case_summaries as s', 's.case_id', 'cases.id')
    .select('cases.id')
    .where((eb) => eb.or([eb('s.case_id', 'is', null), eb('s.profile_version', '<>', eb.ref('cases.profile_version')), eb('s.settings_stamp', '<>', stamp)]))
    .$if(scope !== undefined && scope.name === 'organisation', (q) =>
      q.where('cases.id', 'in', casesWithMemberOf(ctx.db, scope!.viewer.organisationId)),
    )
    .execute();
  const ids = stale.map((row) => row.id);
  for (let i = 0; i < ids.length; i += REFRESH_CHUNK) await writeSummaries(ctx, ctx.db, ids.slice(i, i + REFRESH_CHUNK), 'if-older');
  return ids.length;
}

export interface SummariesRebuilt {
  /** Cases in the database. */
  cases: number;
  /** Rows written. */
  written: number;
}

/**
 * `icp dashboards rebuild-summaries`: after migration 055 on an existing database, or whenever a row is
 * in doubt. By default the rows missing or of another version or settings (refreshStaleSummaries); with
 * `all`, every case's, in chunks each in a transaction of its own that locks its cases as a change does
 * (so no change writes a row meanwhile), overwriting any row but one of a later version.
 */
export async function rebuildCaseSummaries(ctx: AppContext, { all }: { all: boolean }): Promise<SummariesRebuilt> {
  const ids = (await ctx.db.selectFrom('cases').select('id').orderBy('id').execute()).map((row) => row.id);
  if (!all) return { cases: ids.length, written: await refreshStaleSummaries(ctx) };
  let written = 0;
  for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
    const chunk = ids.slice(i, i + REFRESH_CHUNK);
    written += await ctx.db.transaction().execute((trx) => rewriteSummariesLocked(trx, ctx, chunk));
  }
  return { cases: ids.length, written };
}

/**
 * Inside `trx`: locks these cases as a change does (FOR SHARE, so no change writes a row meanwhile) and
 * writes their summaries again by the summaries' own read, over any row but one of a later version.
 * The rebuild's chunk, and the queued work after a change of the clocks' timescales (reevaluate-profiles.ts).
 * Answers how many cases it found.
 */
export async function rewriteSummariesLocked(trx: Queryable, ctx: AppContext, caseIds: readonly string[]): Promise<number> {
  if (caseIds.length === 0) return 0;
  const locked = (await trx.selectFrom('cases').select('id').where('id', 'in', [...caseIds]).orderBy('id').forShare().execute()).map((row) => row.id);
  await writeSummaries(ctx, trx, locked, 'unless-newer');
  return locked.length;
}
