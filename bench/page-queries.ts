// Each page's main queries, issued straight through the driver (bench/database.ts RawQuery): the
// floor under the page's time. The SQL is compiled once from the same Kysely queries the use cases
// build (view-case.ts, profile-facts.ts, chronology-rows.ts, list-my-cases.ts with case-clocks.ts, list-alerts.ts),
// then sent as text and parameters, without the access check, the audit entry, the rules, the
// template or Kysely itself.
import { sql, type Compilable } from 'kysely';
import { isTriggerEventKind } from '../src/domain/catalogue/catalogue.ts';
import { EVENT_KIND_IDS } from '../src/domain/catalogue/event-kinds.ts';
import { CLOCK_ENTRY_KINDS } from '../src/application/timescales/case-clocks.ts';
import type { Db } from '../src/infrastructure/db/schema.ts';
import type { RawQuery } from './database.ts';

type Statement = { sql: string; parameters: readonly unknown[] };

const compiled = (query: Compilable): Statement => query.compile();

/** Sends the statements at once, as the use case's Promise.all does. */
const together = (raw: RawQuery, statements: readonly Statement[]) => () => Promise.all(statements.map((s) => raw(s.sql, s.parameters)));

const chronologyOf = (db: Db, caseId: string) =>
  db.selectFrom('chronology_entries').selectAll().where('case_id', '=', caseId).orderBy('occurred_on').orderBy('occurred_at').orderBy('recorded_at').orderBy('id');

export const caseOverviewQuery = (db: Db, raw: RawQuery, caseId: string) =>
  together(raw, [
    compiled(db.selectFrom('cases').selectAll().where('id', '=', caseId)),
    compiled(db.selectFrom('people').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id')),
    compiled(chronologyOf(db, caseId)),
  ]);

export const profileQuery = (db: Db, raw: RawQuery, caseId: string) =>
  together(raw, [
    compiled(db.selectFrom('cases').selectAll().where('id', '=', caseId)),
    compiled(db.selectFrom('people').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id')),
    compiled(db.selectFrom('profile_assessments').selectAll().where('case_id', '=', caseId)),
    compiled(db.selectFrom('profile_evidence').selectAll().where('case_id', '=', caseId).orderBy('recorded_at').orderBy('id')),
    compiled(chronologyOf(db, caseId)),
  ]);

export const chronologyQuery = (db: Db, raw: RawQuery, caseId: string) => together(raw, [compiled(chronologyOf(db, caseId))]);

const TRIGGER_KINDS = EVENT_KIND_IDS.filter((kind) => isTriggerEventKind(kind));
/** The entries that bring a review forward or run a clock (case-clocks.ts CLOCK_ENTRY_KINDS), as the home page reads them. */
const CASELOAD_KINDS = [...new Set([...CLOCK_ENTRY_KINDS, ...TRIGGER_KINDS])];

/** The caseload, then the entries that bring a review forward or run a clock (and corrections) beside the cases' meetings, as the home page reads them. */
export const caseloadQuery = (db: Db, raw: RawQuery, userId: string) => {
  const caseload = compiled(
    db
      .selectFrom('case_team')
      .innerJoin('cases', 'cases.id', 'case_team.case_id')
      .select(['cases.id', 'cases.status', 'cases.given_name', 'cases.family_name', 'cases.date_of_birth', 'cases.expected_delivery_date', 'cases.level', 'cases.profile_reviewed_at', 'case_team.role'])
      .where('case_team.user_id', '=', userId)
      .orderBy('cases.family_name')
      .orderBy('cases.id'),
  );
  return async () => {
    const rows = (await raw(caseload.sql, caseload.parameters)) as { id: string }[];
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const entries = compiled(
      db
        .selectFrom('chronology_entries')
        .selectAll()
        .where('case_id', 'in', ids)
        .where((eb) => eb.or([eb('kind', 'in', CASELOAD_KINDS), eb('corrects', 'is not', null)]))
        .orderBy('occurred_on')
        .orderBy('occurred_at')
        .orderBy('recorded_at')
        .orderBy('id'),
    );
    const meetings = compiled(db.selectFrom('case_meetings').select(['case_id', 'kind', 'held_on', 'section47', 'protection_plan']).where('case_id', 'in', ids));
    return together(raw, [entries, meetings])();
  };
};

export const openAlertsQuery = (db: Db, raw: RawQuery, userId: string) =>
  together(raw, [
    compiled(
      db
        .selectFrom('alert_recipients')
        .innerJoin('alerts', 'alerts.id', 'alert_recipients.alert_id')
        .innerJoin('cases', 'cases.id', 'alerts.case_id')
        .select(['alerts.id', 'alerts.case_id', 'alerts.reason', 'alerts.severity', 'alerts.message', 'alerts.steps', 'alerts.raised_at', 'alert_recipients.acknowledged_at', 'cases.given_name', 'cases.family_name'])
        .where('alert_recipients.user_id', '=', userId)
        .where('alert_recipients.acknowledged_at', 'is', null)
        .orderBy('alerts.raised_at', 'desc')
        .orderBy(sql`case alerts.severity when 'critical' then 0 when 'high' then 1 else 2 end`)
        .orderBy('alerts.id'),
    ),
  ]);
