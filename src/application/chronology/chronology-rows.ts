// Reading chronology entries from the database as the domain's ChronologyEntry.
import { PLAN_CHECK_OUTCOMES, type ChronologyEntry, type RecordedPlanCheck } from '../../domain/chronology/chronology.types.ts';
import type { EventKindId } from '../../domain/catalogue/event-kinds.ts';
import type { FactorId } from '../../domain/catalogue/factor-ids.ts';
import { livedExperienceOfEntry } from '../../domain/chronology/lived-experience.ts';
import { referralSourceOfEntry } from '../../domain/chronology/referral-source.ts';
import { serviceDateTime } from '../../domain/shared/service-day.ts';
import { receivedFromOf } from '../../domain/transfer/transfer-record.ts';
import type { ChronologyEntriesTable, Queryable } from '../../infrastructure/db/schema.ts';
import { sql, type Selectable } from 'kysely';

export type ChronologyRow = Selectable<ChronologyEntriesTable>;

/** A dispute as the entry's row carries it (entriesWithDisputes): its time as JSON writes it. */
interface DisputeJson {
  id: string;
  disputedBy: string;
  text: string;
  recordedAt: string;
  recordedBy: string;
  agency: string;
}

/**
 * The entries of these cases, each with its disputes, oldest first (null when none), in the statement
 * that reads the entries: the disputes of the cases grouped by entry and joined, not a subquery per
 * entry (which made the chronology of 2,000 entries ten times dearer for the database, issue 12).
 */
function entriesWithDisputes(db: Queryable, caseIds: readonly string[]) {
  const disputes = db
    .selectFrom('chronology_disputes as d')
    .select([
      'd.case_id',
      'd.entry_id',
      sql<DisputeJson[]>`jsonb_agg(jsonb_build_object('id', d.id, 'disputedBy', d.disputed_by, 'text', d.text, 'recordedAt', d.recorded_at,
                                                     'recordedBy', d.recorded_by_name, 'agency', d.agency) ORDER BY d.recorded_at, d.id)`.as('disputes'),
    ])
    .where('d.case_id', 'in', [...caseIds])
    .groupBy(['d.case_id', 'd.entry_id']);
  return db
    .selectFrom('chronology_entries')
    .leftJoin(disputes.as('disputed'), (join) => join.onRef('disputed.case_id', '=', 'chronology_entries.case_id').onRef('disputed.entry_id', '=', 'chronology_entries.id'))
    .selectAll('chronology_entries')
    .select('disputed.disputes')
    .where('chronology_entries.case_id', 'in', [...caseIds]);
}

function disputesFrom(disputes: DisputeJson[] | null | undefined): Pick<ChronologyEntry, 'disputes'> {
  if (!disputes || disputes.length === 0) return {};
  return { disputes: disputes.map((d) => ({ ...d, recordedAt: new Date(d.recordedAt).toISOString() })) };
}

/** An entry's moment is written as London reads it (serviceDateTime): its date part is the day it happened there. */
export function entryFromRow(row: ChronologyRow & { disputes?: DisputeJson[] | null }): ChronologyEntry {
  return {
    id: row.id,
    kind: row.kind as EventKindId,
    occurredAt: row.occurred_at ? serviceDateTime(row.occurred_at) : row.occurred_on,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by_name,
    agency: row.agency,
    agencyKind: row.agency_kind,
    summary: row.summary,
    source: row.source,
    personIds: row.person_ids,
    presentIds: row.present_ids,
    significant: row.significant,
    indicates: row.indicates.map((item) => ({ factorId: item.factorId as FactorId, ...(item.personId === undefined ? {} : { personId: item.personId }) })),
    babySeen: row.baby_seen,
    victimIds: row.victim_ids,
    perpetratorIds: row.perpetrator_ids,
    ...(row.substance ? { substance: row.substance } : {}),
    ...(row.gestation_weeks === null ? {} : { gestationWeeks: row.gestation_weeks }),
    ...(row.corrects ? { corrects: row.corrects } : {}),
    ...(row.correction_reason ? { correctionReason: row.correction_reason } : {}),
    ...(row.external_id ? { externalId: row.external_id } : {}),
    ...planChecksOf(row.details),
    ...livedExperienceOfEntry(row.details),
    ...referralSourceOfEntry(row.kind, row.details),
    ...receivedFromOf(row.details),
    ...disputesFrom(row.disputes),
  };
}

/**
 * A contact's answers to the plan's check items, as the service keeps them in its details once it has
 * checked them against the plan: the contact form (`form: 'contact'`) or an agency's entry
 * (`form: 'plan-checks'`, application/chronology/plan-check-entries.ts). An agency may not send
 * either key itself, and any other entry's details are not read for them.
 */
function planChecksOf(details: Record<string, unknown> | null): { planChecks?: RecordedPlanCheck[] } {
  if (details?.['form'] !== 'contact' && details?.['form'] !== 'plan-checks') return {};
  const raw = details['planChecks'];
  if (!Array.isArray(raw) || raw.length === 0) return {};
  const checks = raw.filter(
    (item): item is RecordedPlanCheck =>
      item !== null && typeof item === 'object' && typeof (item as RecordedPlanCheck).itemId === 'string' && (PLAN_CHECK_OUTCOMES as readonly unknown[]).includes((item as RecordedPlanCheck).outcome),
  );
  return checks.length === 0 ? {} : { planChecks: checks };
}

/** Every entry of a case, corrected ones included, in the order things happened, each with its disputes. */
export async function loadChronology(db: Queryable, caseId: string): Promise<ChronologyEntry[]> {
  const rows = await entriesWithDisputes(db, [caseId])
    .orderBy('chronology_entries.occurred_on')
    .orderBy('chronology_entries.occurred_at')
    .orderBy('chronology_entries.recorded_at')
    .orderBy('chronology_entries.id')
    .execute();
  return rows.map(entryFromRow);
}

/** One entry of a case with its disputes, or undefined when the chronology has no such entry. */
export async function loadEntry(db: Queryable, caseId: string, entryId: string): Promise<ChronologyEntry | undefined> {
  const row = await entriesWithDisputes(db, [caseId]).where('chronology_entries.id', '=', entryId).executeTakeFirst();
  return row === undefined ? undefined : entryFromRow(row);
}

/**
 * The statement loadChronologies sends: every entry of these cases in
 * loadChronologies' order, with their disputes; with `kinds`, only the entries of those kinds and the
 * corrections (a correction can turn an entry into another kind, or take one away). When the kinds are
 * among the clocks' and the triggers' (case-clocks.ts CLOCK_AND_TRIGGER_KINDS), PostgreSQL reads them from
 * migration 059's index, a descent per case, instead of every entry of each case. The kinds are written
 * into the text, not sent as values: a plan made for any values (the generic plan a named statement keeps,
 * infrastructure/db/named-statements.ts) can use a partial index only when the query's own text shows its
 * condition holds, so with the kinds as values PostgreSQL planned the statement again on every read
 * (1.2 ms of planning for 0.25 ms of running at county size; timing-entries-index.test.ts).
 */
export function chronologiesQuery(db: Queryable, caseIds: readonly string[], kinds?: readonly string[]) {
  return entriesWithDisputes(db, caseIds)
    .$if(kinds !== undefined, (query) => query.where((eb) => eb.or([eb('chronology_entries.kind', 'in', kinds!.map((kind) => sql.lit(kind))), eb('chronology_entries.corrects', 'is not', null)])))
    .orderBy('chronology_entries.case_id')
    .orderBy('chronology_entries.occurred_on')
    .orderBy('chronology_entries.occurred_at')
    .orderBy('chronology_entries.recorded_at')
    .orderBy('chronology_entries.id');
}

/** Every entry of each of many cases (chronologiesQuery), by case id, each case's in the order things happened. */
export async function loadChronologies(db: Queryable, caseIds: readonly string[], kinds?: readonly string[]): Promise<Map<string, ChronologyEntry[]>> {
  const byCase = new Map<string, ChronologyEntry[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await chronologiesQuery(db, caseIds, kinds).execute();
  for (const row of rows) {
    const entries = byCase.get(row.case_id);
    if (entries) entries.push(entryFromRow(row));
    else byCase.set(row.case_id, [entryFromRow(row)]);
  }
  return byCase;
}
