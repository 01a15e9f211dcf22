// What retention reads of cases (issue 21): the facts the disposal date is reckoned from and the
// legal holds that reach each case (its own, and every rule that matches it), for one case or many,
// by a fixed number of statements whatever the number of cases.
import { sql } from 'kysely';
import { disposalOf, type CaseForRetention, type Disposal, type HoldSpan } from '../../domain/retention/disposal-date.ts';
import { SAFEGUARDING_LEVELS, type RetentionSettings } from '../../domain/retention/retention-schedule.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';

export interface LegalHold extends HoldSpan {
  /** Null for a hold set by a rule. */
  caseId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  bornFrom: string | null;
  bornTo: string | null;
  setAt: Date;
  setByName: string;
  liftedAt: Date | null;
  liftedByName: string | null;
}

export interface HoldRow {
  id: string;
  case_id: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  born_from: string | null;
  born_to: string | null;
  reason: string;
  set_at: Date;
  set_by_name: string;
  lifted_at: Date | null;
  lifted_by_name: string | null;
}

export function holdFromRow(row: HoldRow): LegalHold {
  return {
    id: row.id,
    reason: row.reason,
    setOn: serviceToday(row.set_at),
    liftedOn: row.lifted_at ? serviceToday(row.lifted_at) : null,
    caseId: row.case_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    bornFrom: row.born_from,
    bornTo: row.born_to,
    setAt: row.set_at,
    setByName: row.set_by_name,
    liftedAt: row.lifted_at,
    liftedByName: row.lifted_by_name,
  };
}

/** The columns of a hold with its organisation's name, for `legal_holds AS h`. */
export const HOLD_COLUMNS = sql`h.id, h.case_id, h.organisation_id, o.name AS organisation_name, h.born_from::text AS born_from, h.born_to::text AS born_to, h.reason, h.set_at, h.set_by_name, h.lifted_at, h.lifted_by_name`;

/** Every hold, lifted or not, that reaches each of these cases, oldest first: one statement. */
export async function readHoldsOfCases(db: Queryable, caseIds: readonly string[]): Promise<Map<string, LegalHold[]>> {
  const byCase = new Map<string, LegalHold[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return byCase;
  const { rows } = await sql<HoldRow & { matched: string }>`
    SELECT c.id AS matched, ${HOLD_COLUMNS}
    FROM cases AS c
    JOIN legal_holds AS h ON h.case_id = c.id OR (h.case_id IS NULL
      AND (h.organisation_id IS NULL OR EXISTS (SELECT 1 FROM case_team AS t JOIN users AS u ON u.id = t.user_id WHERE t.case_id = c.id AND u.organisation_id = h.organisation_id))
      AND (h.born_from IS NULL OR coalesce(c.date_of_birth, c.expected_delivery_date) >= h.born_from)
      AND (h.born_to IS NULL OR coalesce(c.date_of_birth, c.expected_delivery_date) <= h.born_to))
    LEFT JOIN organisations AS o ON o.id = h.organisation_id
    WHERE c.id IN (${sql.join(caseIds)})
    ORDER BY h.set_at, h.id`.execute(db);
  for (const row of rows) byCase.get(row.matched)?.push(holdFromRow(row));
  return byCase;
}

/** What each case's disposal date is reckoned from: one statement. Cases that do not exist are left out. */
export async function readRetentionFacts(db: Queryable, caseIds: readonly string[]): Promise<Map<string, CaseForRetention>> {
  const facts = new Map<string, CaseForRetention>();
  if (caseIds.length === 0) return facts;
  const { rows } = await sql<{ id: string; status: 'born' | 'unborn'; born_on: string | null; due_on: string | null; safeguarding: boolean; last_recorded_at: Date | null }>`
    SELECT c.id, c.status, c.date_of_birth::text AS born_on, c.expected_delivery_date::text AS due_on,
      (c.level IN (${sql.join(SAFEGUARDING_LEVELS)})
        OR EXISTS (SELECT 1 FROM level_proposals AS p WHERE p.case_id = c.id AND p.status = 'accepted' AND p.to_level IN (${sql.join(SAFEGUARDING_LEVELS)}))
        OR EXISTS (SELECT 1 FROM case_meetings AS m WHERE m.case_id = c.id AND m.protection_plan)) AS safeguarding,
      (SELECT max(e.recorded_at) FROM chronology_entries AS e WHERE e.case_id = c.id) AS last_recorded_at
    FROM cases AS c WHERE c.id IN (${sql.join(caseIds)})`.execute(db);
  for (const row of rows) {
    facts.set(row.id, {
      status: row.status,
      bornOn: row.born_on,
      expectedDeliveryOn: row.due_on,
      safeguarding: row.safeguarding,
      lastRecordedOn: row.last_recorded_at ? serviceToday(new Date(row.last_recorded_at)) : null,
    });
  }
  return facts;
}

export interface CaseRetention {
  disposal: Disposal;
  /** Every hold that reaches the case, lifted ones too, oldest first. */
  holds: LegalHold[];
}

/** Each case's disposal date and holds on `today`; cases that do not exist are left out. */
export async function retentionOfCases(db: Queryable, caseIds: readonly string[], settings: RetentionSettings, today: string): Promise<Map<string, CaseRetention>> {
  const [facts, holds] = await Promise.all([readRetentionFacts(db, caseIds), readHoldsOfCases(db, caseIds)]);
  const retention = new Map<string, CaseRetention>();
  for (const [id, record] of facts) {
    const reaching = holds.get(id) ?? [];
    retention.set(id, { disposal: disposalOf(record, settings, reaching, today), holds: reaching });
  }
  return retention;
}
