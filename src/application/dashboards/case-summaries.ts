// The dashboards' summary of each case (issue 16, ADR 0017; domain/dashboards/case-summary.ts), kept in
// dashboard_case_summaries (migration 055). The one way to change a case writes the changed cases'
// rows inside its own transaction (writeCaseSummaries, called by profile/profile-versions.ts for every
// version and by cases/change-case.ts for a change with none, such as a meeting, which runs a clock).
// A row is of the profile version and the clocks' settings it was worked out under; a dashboard first
// works out again the rows of its cases that are missing or of another version or settings
// (refreshStaleSummaries): cases made before the table, a catalogue or settings re-evaluation, a
// change of the area's timescales. That write never overwrites a row of a later version.
import { createHash } from 'node:crypto';
import type { ColumnType, Insertable } from 'kysely';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { summariseCase } from '../../domain/dashboards/case-summary.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { TimescaleSettings } from '../../domain/timescales/timescale-settings.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { casesWithMemberOf, readCaseFacts, type RowsScope } from './dashboard-rows.ts';

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
  written_at: Date;
}

/** The database with the summaries' table (kept beside the code that owns it). */
export const withSummaries = (db: Queryable) => db.withTables<{ dashboard_case_summaries: DashboardCaseSummariesTable }>();

/** Names the clocks' settings a row's due days were worked out under: a change of them makes every row stale. */
export function settingsStamp(timescales: TimescaleSettings): string {
  return createHash('sha256').update(JSON.stringify(timescales)).digest('hex').slice(0, 16);
}

const COLUMNS = ['profile_version', 'settings_stamp', 'status', 'level', 'opened_on', 'six_months_on', 'twelve_months_on', 'completeness', 'record_measures', 'review_due_on', 'clock_due_on', 'written_at'] as const;

/**
 * Works out the cases' summaries from `db` and writes them: `overwrite` 'always' inside a change (the
 * cases are locked), 'if-older' from a dashboard's refresh, which locks nothing and so must not
 * replace a row a change wrote meanwhile (of a later version, or of the same one under the same settings).
 */
async function writeSummaries(ctx: AppContext, db: Queryable, caseIds: readonly string[], overwrite: 'always' | 'if-older', entries?: ReadonlyMap<string, readonly ChronologyEntry[]>): Promise<void> {
  if (caseIds.length === 0) return;
  const now = ctx.clock.now();
  const today = serviceToday(now);
  const [facts, inForce] = await Promise.all([readCaseFacts(ctx, db, { caseIds }, today, entries), settingsInForce(ctx, db)]);
  if (facts.length === 0) return;
  const stamp = settingsStamp(inForce.settings.timescales);
  const rows = facts.map(({ facts: c, profileVersion, next, clocks }): Insertable<DashboardCaseSummariesTable> => {
    const summary = summariseCase(c, next, clocks);
    return {
      case_id: c.caseId,
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
  });
  await withSummaries(db)
    .insertInto('dashboard_case_summaries')
    .values(rows)
    .onConflict((oc) => {
      const update = oc.column('case_id').doUpdateSet((eb) => Object.fromEntries(COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)])));
      if (overwrite === 'always') return update;
      return update.where((eb) =>
        eb.or([
          eb('dashboard_case_summaries.profile_version', '<', eb.ref('excluded.profile_version')),
          eb.and([eb('dashboard_case_summaries.profile_version', '=', eb.ref('excluded.profile_version')), eb('dashboard_case_summaries.settings_stamp', '<>', eb.ref('excluded.settings_stamp'))]),
        ]),
      );
    })
    .execute();
}

/**
 * Inside a change's transaction (`trx`), after the change and its version: the changed cases' summaries.
 * `chronologies`: their whole chronologies after the change, where the caller has them.
 */
export async function writeCaseSummaries(trx: Queryable, ctx: AppContext, caseIds: readonly string[], chronologies?: ReadonlyMap<string, readonly ChronologyEntry[]>): Promise<void> {
  const known = chronologies && caseIds.every((id) => chronologies.has(id)) ? chronologies : undefined;
  await writeSummaries(ctx, trx, caseIds, 'always', known);
}

/** How many stale rows a refresh works out at once: its statements name the cases by id. */
const REFRESH_CHUNK = 500;

/**
 * Works out again the summaries of the cases in scope (every case when none is given) that have none, or one
 * of another profile version or other clocks' settings. Answers how many it wrote.
 */
export async function refreshStaleSummaries(ctx: AppContext, scope?: Exclude<RowsScope, { caseIds: readonly string[] }>): Promise<number> {
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
