// One chronology entry as stored: checked, written as a row that is never edited (a correction is a
// new entry), and known without reading it back. An agency's external id makes it idempotent: the
// same id from the same agency on the same case is the entry already stored (on another case it is a
// new entry: ids are never looked up across cases). The one path that records entries, with their
// profile version, alerts and audit, is record-batch.ts.
import { checkNewEntry, dayOfOccurrence, significantByKind, type EntryProblem, type NewEntry } from '../../domain/chronology/entry-rules.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { babySeenAsRecorded } from '../../domain/chronology/unseen-periods.ts';
import { REFERRAL_SOURCE_DETAIL } from '../../domain/chronology/referral-source.ts';
import type { Insertable } from 'kysely';
import type { ChronologyEntriesTable, Tx } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Recorder } from '../recorder.ts';
import { entryFromRow, type ChronologyRow } from './chronology-rows.ts';

export interface EntryInput extends NewEntry {
  /** The agency the information came from, when not the recorder's own organisation. */
  agency?: string;
  /** Defaults to significant when the kind is a reassessment trigger. */
  significant?: boolean;
  babySeen?: boolean;
  details?: Record<string, unknown>;
  /** The id of the entry this corrects (then `correctionReason` is needed). */
  corrects?: string;
  externalId?: string;
}

export type WriteEntryResult =
  | { ok: true; entry: ChronologyEntry; duplicate: boolean }
  | { ok: false; code: 'invalid'; message: string; problems: EntryProblem[] }
  | { ok: false; code: 'unknown-correction'; message: string }
  | { ok: false; code: 'already-corrected'; message: string; newestId: string };

/** Where a new entry's information came from: the recorder's organisation, or, for a correction, the corrected entry's. */
export interface EntrySource {
  agency: string;
  agencyKind: string;
}

/** The row a checked entry is stored as, as it will read back: the entry is known without reading it. */
export function newEntryRow(ctx: AppContext, recorder: Recorder, caseId: string, input: EntryInput, source: EntrySource): ChronologyRow {
  const day = dayOfOccurrence(input.occurredAt)!;
  return {
    case_id: caseId,
    id: ctx.newId(),
    kind: input.kind,
    occurred_on: day,
    occurred_at: input.occurredAt === day ? null : new Date(input.occurredAt),
    recorded_at: ctx.clock.now(),
    recorded_by: recorder.userId,
    recorded_by_name: recorder.name,
    organisation_id: recorder.organisationId,
    agency: input.agency?.trim() || source.agency,
    agency_kind: source.agencyKind,
    summary: input.summary.trim(),
    source: input.source as ChronologyEntry['source'],
    person_ids: [...new Set(input.personIds ?? [])],
    present_ids: [...new Set(input.presentIds ?? [])],
    victim_ids: [...new Set(input.victimIds ?? [])],
    perpetrator_ids: [...new Set(input.perpetratorIds ?? [])],
    indicates: [...(input.indicates ?? [])],
    significant: input.significant ?? significantByKind(input.kind),
    baby_seen: babySeenAsRecorded(input.kind, input.babySeen),
    substance: input.substance ?? null,
    gestation_weeks: input.gestationWeeks ?? null,
    details: input.referralSource === undefined ? (input.details ?? {}) : { ...input.details, [REFERRAL_SOURCE_DETAIL]: input.referralSource },
    corrects: input.corrects ?? null,
    correction_reason: input.corrects === undefined ? null : (input.correctionReason?.trim() ?? null),
    external_id: input.externalId ?? null,
  };
}

/** The row as the INSERT takes it: the JSON columns as text. */
export function insertableEntryRow(row: ChronologyRow): Insertable<ChronologyEntriesTable> {
  return {
    ...row,
    person_ids: JSON.stringify(row.person_ids),
    present_ids: JSON.stringify(row.present_ids),
    victim_ids: JSON.stringify(row.victim_ids),
    perpetrator_ids: JSON.stringify(row.perpetrator_ids),
    indicates: JSON.stringify(row.indicates),
    details: JSON.stringify(row.details),
  };
}

/**
 * Checks and stores one entry for a case the caller has locked and may change, without the profile
 * version, alerts or audit: for corrections, which read the chain they extend (new entries are
 * written together by write-entries-together.ts).
 */
export async function writeEntry(trx: Tx, ctx: AppContext, recorder: Recorder, caseId: string, input: EntryInput): Promise<WriteEntryResult> {
  if (input.externalId !== undefined) {
    // Keyed by case and agency: the same id on a case the caller may not see is not theirs to be told of.
    const existing = await trx
      .selectFrom('chronology_entries')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('organisation_id', '=', recorder.organisationId)
      .where('external_id', '=', input.externalId)
      .executeTakeFirst();
    if (existing) return { ok: true, entry: entryFromRow(existing), duplicate: true };
  }
  const people = await trx.selectFrom('people').select('id').where('case_id', '=', caseId).execute();
  const problems = checkNewEntry(input, { today: serviceToday(ctx.clock.now()), personIds: new Set(people.map((p) => p.id)), isCorrection: input.corrects !== undefined });
  if (problems.length > 0) return { ok: false, code: 'invalid', message: 'The entry cannot be recorded like this: see the problems.', problems };
  let source: EntrySource = { agency: recorder.organisation, agencyKind: recorder.organisationKind };
  if (input.corrects !== undefined) {
    const corrected = await trx.selectFrom('chronology_entries').select(['id', 'agency', 'agency_kind']).where('case_id', '=', caseId).where('id', '=', input.corrects).executeTakeFirst();
    if (!corrected) return { ok: false, code: 'unknown-correction', message: 'The entry to correct is not in this chronology.' };
    // Versions of an entry form one chain: only the newest can be corrected.
    const newer = await trx.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).where('corrects', '=', input.corrects).executeTakeFirst();
    if (newer) return { ok: false, code: 'already-corrected', message: 'That entry has already been corrected: correct the newest version instead.', newestId: newer.id };
    // A correction is still the information of the agency the entry came from.
    source = { agency: corrected.agency, agencyKind: corrected.agency_kind };
  }
  const row = newEntryRow(ctx, recorder, caseId, input, source);
  await trx.insertInto('chronology_entries').values(insertableEntryRow(row)).execute();
  return { ok: true, entry: entryFromRow(row), duplicate: false };
}
