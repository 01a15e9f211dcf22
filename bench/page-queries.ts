// Each page's main queries, issued straight through the driver (bench/database.ts RawQuery): the
// floor under the page's time. The SQL is compiled once from the same Kysely queries the use cases
// build (view-case.ts, profile-facts.ts, chronology-rows.ts; the home and alerts pages' from the use cases' own builders),
// then sent as text and parameters, without the access check, the audit entry, the rules, the
// template or Kysely itself.
import type { Compilable } from 'kysely';
import { alertCountsQuery, firstOpenAlertsQuery, myAlertsQuery } from '../src/application/alerts/list-alerts.ts';
import { casesInScopeQuery } from '../src/application/cases/list-my-cases.ts';
import { HOME_ALERTS_SHOWN } from '../src/application/cases/view-home.ts';
import { chronologiesQuery } from '../src/application/chronology/chronology-rows.ts';
import { CLOCK_AND_TRIGGER_KINDS, meetingsForClocksQuery } from '../src/application/timescales/case-clocks.ts';
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

/**
 * The home page as viewHome sends it (view-home.ts): the caller's first open alerts and their count beside the caseload (their teams' cases with
 * their findings' severities), then the caseload's entries that bring a review forward or run a clock, and corrections,
 * with their disputes (chronology-rows.ts chronologiesQuery), beside the cases' meetings. The statements are the use
 * cases' own builders, so the baseline sends what the page sends.
 */
export const caseloadQuery = (db: Db, raw: RawQuery, userId: string) => {
  const alerts = compiled(firstOpenAlertsQuery(db, userId, HOME_ALERTS_SHOWN));
  const caseload = compiled(casesInScopeQuery(db, userId, null));
  const casesAndTheirEntries = async () => {
    const rows = (await raw(caseload.sql, caseload.parameters)) as { id: string }[];
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    return together(raw, [compiled(chronologiesQuery(db, ids, CLOCK_AND_TRIGGER_KINDS)), compiled(meetingsForClocksQuery(db, ids))])();
  };
  return () => Promise.all([raw(alerts.sql, alerts.parameters), casesAndTheirEntries()]);
};

/** The alerts page as listMyAlerts sends it: the caller's open alerts beside their counts. */
export const openAlertsQuery = (db: Db, raw: RawQuery, userId: string) => together(raw, [compiled(myAlertsQuery(db, userId, 'open')), compiled(alertCountsQuery(db, userId))]);
