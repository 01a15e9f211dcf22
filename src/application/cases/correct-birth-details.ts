// Correcting a born baby's birth details (date of birth, NHS number, gestation, birth weight, sex,
// name: docs/domain.md, "Recording the birth"), through the one way to change a case (change-case.ts):
// a reason is asked, the audit entry says what each detail was and is now, the profile is evaluated
// again as a version of its own (prematurity, low birth weight, the baby's age and all that hangs on
// them), and a Birth entry whose day or words the correction changes is corrected in the chronology
// too (a correction entry with the same reason), so the record and the chronology tell one truth.
import { sql } from 'kysely';
import { birthDetailsChanged, birthEntrySummary, checkCorrection, gestationProblem, type BirthDetails, type DetailChanged } from '../../domain/people/birth-details.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { babyNhsNumberProblem } from '../../domain/people/baby-nhs-number.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { checkRecordedBirth, type FieldProblem } from '../../domain/people/record-matching.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { ChronologyRow } from '../chronology/chronology-rows.ts';
import { writeEntry } from '../chronology/write-entry.ts';
import type { AppContext } from '../context.ts';
import { adultNumbersOn } from './adult-numbers.ts';
import { loadCaseAccess } from './case-access.ts';
import { closedForTransferRefusal } from './case-intent.ts';
import { CaseClosedForTransferError } from './case-closed-for-transfer.ts';
import { closureOfCase } from '../../domain/transfer/closed-for-transfer.ts';
import { changeCase } from './change-case.ts';
import { CASE_SUMMARY_COLUMNS, toCaseHits, type CaseHit } from './search-cases.ts';

export const CORRECT_BIRTH_DETAILS = 'case.birth-details-corrected';

/** A born baby's record as the correction form shows it. */
export interface BornRecord {
  id: string;
  name: string;
  details: BirthDetails;
  version: number;
}

/** A problem with a field of the correction: a birth detail, the reason, or nothing changed. */
export interface CorrectionFieldProblem {
  field: keyof BirthDetails | 'reason' | 'changes';
  message: string;
}

type Refused = { ok: false; code: 'forbidden'; message: string };
type NotFound = { ok: false; code: 'not-found'; message: string };
type NotBorn = { ok: false; code: 'not-born'; message: string };

export type LoadBornResult = { ok: true; value: BornRecord } | Refused | NotFound | NotBorn;

export type CorrectBirthResult =
  | { ok: true; value: { id: string; version: number; details: BirthDetails; changed: DetailChanged[]; profileVersion: number; entriesCorrected: string[] } }
  | Refused
  | NotFound
  | NotBorn
  | { ok: false; code: 'version-conflict'; message: string; current: { version: number } }
  | { ok: false; code: 'invalid'; message: string; problems: CorrectionFieldProblem[] }
  | { ok: false; code: 'duplicate-nhs-number'; message: string; matches: CaseHit[] };

const NOT_FOUND: NotFound = { ok: false, code: 'not-found', message: 'There is no record with this reference.' };
const NOT_BORN: NotBorn = { ok: false, code: 'not-born', message: 'The birth is not recorded on this record yet: record the birth first.' };
const FORBIDDEN: Refused = { ok: false, code: 'forbidden', message: 'You cannot change this record. Contact its lead professional.' };

function readCase(trx: Tx, caseId: string) {
  return trx
    .selectFrom('cases')
    .select(['id', 'status', 'given_name', 'family_name', 'sex', 'nhs_number', 'date_of_birth', 'gestation_at_birth_weeks', 'gestation_at_birth_days', 'birth_weight_grams', 'version', 'closed_for_transfer_to', 'closed_for_transfer_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

type CaseRow = NonNullable<Awaited<ReturnType<typeof readCase>>>;

function detailsOf(row: CaseRow): BirthDetails {
  return {
    dateOfBirth: row.date_of_birth!,
    nhsNumber: row.nhs_number,
    gestationAtBirthWeeks: row.gestation_at_birth_weeks,
    gestationAtBirthDays: row.gestation_at_birth_days,
    birthWeightGrams: row.birth_weight_grams,
    sex: row.sex,
    givenName: row.given_name,
    familyName: row.family_name,
  };
}

/** Reads a born baby's record for the correction form. Looking is audited, and so is a refusal. */
export async function loadBornRecord(ctx: AppContext, actor: UserActor, caseId: string): Promise<LoadBornResult> {
  const now = ctx.clock.now();
  const loaded = await ctx.db.transaction().execute(async (trx): Promise<LoadBornResult | CaseClosedForTransferError> => {
    const row = await readCase(trx, caseId);
    if (!row) return NOT_FOUND;
    const access = await loadCaseAccess(trx, actor, caseId, now);
    if (!access.allowed || !access.canChange) {
      await recordAudit(trx, ctx, actor, { action: CORRECT_BIRTH_DETAILS, outcome: 'denied', subjectType: 'case', subjectId: caseId, caseId });
      return FORBIDDEN;
    }
    const closed = closureOfCase(row.closed_for_transfer_to, row.closed_for_transfer_at);
    if (closed) {
      const refusal = closedForTransferRefusal(caseId, { action: CORRECT_BIRTH_DETAILS, need: 'change' }, closed);
      await recordAudit(trx, ctx, actor, refusal.audit);
      return refusal.error;
    }
    await recordAudit(trx, ctx, actor, { action: 'case.view', subjectType: 'case', subjectId: caseId, caseId, details: { page: 'birth-details' } });
    if (row.status !== 'born' || row.date_of_birth === null) return NOT_BORN;
    return { ok: true, value: { id: row.id, name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }), details: detailsOf(row), version: row.version } };
  });
  // Thrown once its audit entry has committed: the page a change refused on a closed case gets.
  if (loaded instanceof CaseClosedForTransferError) throw loaded;
  return loaded;
}

/** The details as given, tidied as the record keeps them: names trimmed, the NHS number as digits, days only beside weeks. */
function tidied(input: BirthDetails): BirthDetails {
  const text = (value: string | null) => (value?.trim() ? value.trim() : null);
  const nhs = text(input.nhsNumber);
  return {
    dateOfBirth: input.dateOfBirth,
    nhsNumber: nhs ? normaliseNhsNumber(nhs) : null,
    gestationAtBirthWeeks: input.gestationAtBirthWeeks,
    gestationAtBirthDays: input.gestationAtBirthDays,
    birthWeightGrams: input.birthWeightGrams,
    sex: text(input.sex),
    givenName: text(input.givenName),
    familyName: text(input.familyName),
  };
}

/** Every problem with the corrected details and the reason, at once, in the form's order. */
export function correctionProblems(details: BirthDetails, reason: string | null, changed: readonly DetailChanged[], today: string, also: readonly CorrectionFieldProblem[] = []): CorrectionFieldProblem[] {
  const problems: CorrectionFieldProblem[] = checkRecordedBirth(
    { dateOfBirth: details.dateOfBirth, birthWeightGrams: details.birthWeightGrams, givenName: details.givenName, familyName: details.familyName, sex: details.sex, nhsNumber: details.nhsNumber },
    today,
  ).map((problem: FieldProblem) => ({ field: problem.field as keyof BirthDetails, message: problem.message }));
  const gestation = gestationProblem(details.gestationAtBirthWeeks, details.gestationAtBirthDays);
  if (gestation) problems.push({ field: 'gestationAtBirthWeeks', message: gestation });
  problems.push(...also, ...checkCorrection(reason, changed));
  const order = ['givenName', 'familyName', 'sex', 'dateOfBirth', 'nhsNumber', 'gestationAtBirthWeeks', 'birthWeightGrams', 'reason', 'changes'];
  return problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** The Birth entries a correction of these details corrects: the newest of each chain, when its day or (for the one written with the birth) its words change. */
async function birthEntriesToCorrect(trx: Tx, caseId: string, before: BirthDetails, after: BirthDetails): Promise<ChronologyRow[]> {
  const rows = await trx.selectFrom('chronology_entries').selectAll().where('case_id', '=', caseId).where('kind', '=', 'birth').execute();
  const corrected = new Set(rows.flatMap((row) => (row.corrects ? [row.corrects] : [])));
  const summaryChanged = birthEntrySummary(before) !== birthEntrySummary(after);
  return rows.filter((row) => !corrected.has(row.id) && (row.occurred_on !== after.dateOfBirth || (summaryChanged && withTheBirth(row))));
}

/** The Birth entry the birth's own page wrote (record-birth.ts), whose words are the record's. */
function withTheBirth(row: ChronologyRow): boolean {
  return (row.details as Record<string, unknown> | null)?.['recordedWithTheBirth'] === true;
}

/**
 * Corrects the birth details from the version read. `input` is each detail as it should be (the
 * form sends them all; the API may leave some out, and those stay as the record has them); what
 * differs from the record is the correction.
 */
export async function correctBirthDetails(ctx: AppContext, actor: UserActor, caseId: string, expectedVersion: number, input: Partial<BirthDetails>, reason: string | null, submission?: string): Promise<CorrectBirthResult> {
  return changeCase<CorrectBirthResult>(
    ctx,
    actor,
    caseId,
    { action: CORRECT_BIRTH_DETAILS, submission },
    async (refusal) => (refusal.code === 'not-found' ? NOT_FOUND : FORBIDDEN),
    async ({ trx, now, today, recorder }) => {
      const row = (await readCase(trx, caseId))!;
      if (row.status !== 'born' || row.date_of_birth === null) return { changed: false, answer: NOT_BORN, audit: { action: CORRECT_BIRTH_DETAILS, outcome: 'failure', subjectType: 'case', subjectId: caseId, caseId, details: { reason: 'not-born' } } };
      const before = detailsOf(row);
      const after = tidied({ ...before, ...input });
      const changed = birthDetailsChanged(before, after);
      const adultsNumber = after.nhsNumber !== before.nhsNumber ? babyNhsNumberProblem(after.nhsNumber, await adultNumbersOn(trx, caseId)) : null;
      const problems = correctionProblems(after, reason, changed, today, adultsNumber ? [{ field: 'nhsNumber', message: adultsNumber }] : []);
      if (problems.length > 0) {
        return {
          changed: false,
          answer: { ok: false, code: 'invalid', message: problems[0]!.message, problems },
          audit: { action: CORRECT_BIRTH_DETAILS, outcome: 'failure', subjectType: 'case', subjectId: caseId, caseId, details: { reason: 'invalid', fields: problems.map((problem) => problem.field) } },
        };
      }
      if (row.version !== expectedVersion) {
        return { changed: false, answer: { ok: false, code: 'version-conflict', message: 'Someone else changed this record while you were correcting it. Check the details and save again.', current: { version: row.version } } };
      }
      if (after.nhsNumber && after.nhsNumber !== before.nhsNumber) {
        const others = await trx.selectFrom('cases').select(CASE_SUMMARY_COLUMNS).where('nhs_number', '=', after.nhsNumber).where('id', '<>', caseId).execute();
        if (others.length > 0) {
          return { changed: false, answer: { ok: false, code: 'duplicate-nhs-number', message: 'Another record already has this NHS number. Check it before going on.', matches: await toCaseHits(trx, actor, others, now) } };
        }
      }
      const why = reason!.trim();
      const updated = await trx
        .updateTable('cases')
        .set({
          date_of_birth: after.dateOfBirth,
          nhs_number: after.nhsNumber,
          gestation_at_birth_weeks: after.gestationAtBirthWeeks,
          gestation_at_birth_days: after.gestationAtBirthWeeks === null ? null : after.gestationAtBirthDays,
          birth_weight_grams: after.birthWeightGrams,
          sex: after.sex,
          given_name: after.givenName,
          family_name: after.familyName,
          updated_at: now,
          updated_by: actor.userId,
          version: sql<number>`version + 1`,
        })
        .where('id', '=', caseId)
        .returning('version')
        .executeTakeFirstOrThrow();
      const corrections: ChronologyEntry[] = [];
      for (const entry of await birthEntriesToCorrect(trx, caseId, before, after)) {
        const written = await writeEntry(trx, ctx, recorder, caseId, {
          kind: 'birth',
          occurredAt: after.dateOfBirth,
          summary: withTheBirth(entry) ? birthEntrySummary(after) : entry.summary,
          source: entry.source,
          personIds: [...entry.person_ids],
          details: { ...(entry.details as Record<string, unknown> | null) },
          corrects: entry.id,
          correctionReason: why,
        });
        // The entry is built from one already stored and the reason checked: a refusal here is a bug, and undoes the change.
        if (!written.ok) throw new Error(`The Birth entry's correction was refused: ${written.message}`);
        corrections.push(written.entry);
      }
      const entriesCorrected = corrections.map((entry) => entry.id);
      return {
        changed: true,
        version: { kind: 'birth', change: { summary: `Birth details corrected: ${changed.map((c) => c.field).join(', ')}`, changed }, why },
        entriesAdded: corrections,
        audit: ({ profileVersion, alerts }) => ({
          action: CORRECT_BIRTH_DETAILS,
          subjectType: 'case',
          subjectId: caseId,
          caseId,
          details: { fromVersion: expectedVersion, toVersion: updated.version, changed, reason: why, profileVersion, ...(entriesCorrected.length > 0 ? { entriesCorrected } : {}), ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}) },
        }),
        answer: ({ profileVersion }) => ({ ok: true, value: { id: caseId, version: updated.version, details: after, changed, profileVersion, entriesCorrected } }),
        recordId: caseId,
      };
    },
  );
}
