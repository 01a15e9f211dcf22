// When an unborn baby is born, the same record becomes the infant's, so its history stays with it.
// Only a practitioner who may change the record does it, from the version they read.
import { sql } from 'kysely';
import type { CaseAccess } from '../../domain/access/case-access.ts';
import { alertForEntry } from '../../domain/alerts/entry-alert.ts';
import { babyNhsNumberProblem } from '../../domain/people/baby-nhs-number.ts';
import { birthEntrySummary, gestationProblem } from '../../domain/people/birth-details.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { checkRecordedBirth, type BirthFacts, type FieldProblem } from '../../domain/people/record-matching.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AlertToStore } from '../alerts/raise-alerts.ts';
import { recordAudit } from '../audit.ts';
import { writeEntry } from '../chronology/write-entry.ts';
import type { AppContext } from '../context.ts';
import { adultNumbersOn } from './adult-numbers.ts';
import { loadCaseAccess } from './case-access.ts';
import { closedForTransferRefusal } from './case-intent.ts';
import { CaseClosedForTransferError } from './case-closed-for-transfer.ts';
import { closureOfCase } from '../../domain/transfer/closed-for-transfer.ts';
import { changeCase } from './change-case.ts';
import { CASE_SUMMARY_COLUMNS, toCaseHits, type CaseHit } from './search-cases.ts';

export interface BirthInput extends BirthFacts {
  /** Days past the completed weeks ("38+4": 4), 0 to 6; kept beside the weeks (migration 065). */
  gestationAtBirthDays?: number | null;
  /** Given, if the baby has been named; left as it was when not given. */
  givenName?: string | null;
  sex?: string | null;
  nhsNumber?: string | null;
}

/** The unborn baby's record as the birth form shows it. */
export interface UnbornRecord {
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  sex: string | null;
  expectedDeliveryDate: string | null;
  version: number;
}

/** Whom to contact is on the refusal's page (application/cases/case-refusal.ts), read there. */
type Refused = { ok: false; code: 'forbidden'; message: string };
type NotFound = { ok: false; code: 'not-found'; message: string };
type NotUnborn = { ok: false; code: 'not-unborn'; message: string };

export type LoadUnbornResult = { ok: true; value: UnbornRecord } | Refused | NotFound | NotUnborn;

export type RecordBirthResult =
  | { ok: true; value: { id: string; version: number } }
  | Refused
  | NotFound
  | NotUnborn
  | { ok: false; code: 'version-conflict'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: FieldProblem[] }
  | { ok: false; code: 'duplicate-nhs-number'; message: string; matches: CaseHit[] };

const NOT_FOUND: NotFound = { ok: false, code: 'not-found', message: 'There is no record with this reference.' };
const NOT_UNBORN: NotUnborn = { ok: false, code: 'not-unborn', message: 'The birth has already been recorded on this record.' };

function mayChange(access: CaseAccess): boolean {
  return access.allowed && access.canChange;
}

async function refuse(trx: Tx, ctx: AppContext, actor: UserActor, action: string, caseId: string): Promise<Refused> {
  await recordAudit(trx, ctx, actor, { action, outcome: 'denied', subjectType: 'case', subjectId: caseId, caseId });
  return { ok: false, code: 'forbidden', message: 'You cannot change this record. Contact its lead professional.' };
}

/** Reads the record; `lock` holds the row until the transaction ends, so no one changes it meanwhile. */
function readCase(trx: Tx, caseId: string, lock: boolean) {
  const query = trx
    .selectFrom('cases')
    .select(['id', 'status', 'given_name', 'family_name', 'sex', 'nhs_number', 'expected_delivery_date', 'version', 'closed_for_transfer_to', 'closed_for_transfer_at'])
    .where('id', '=', caseId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** Reads an unborn baby's record for the birth form. Looking is audited, and so is a refusal. */
export async function loadUnbornRecord(ctx: AppContext, actor: UserActor, caseId: string): Promise<LoadUnbornResult> {
  const now = ctx.clock.now();
  const loaded = await ctx.db.transaction().execute(async (trx): Promise<LoadUnbornResult | CaseClosedForTransferError> => {
    const row = await readCase(trx, caseId, false);
    if (!row) return NOT_FOUND;
    if (!mayChange(await loadCaseAccess(trx, actor, caseId, now))) return refuse(trx, ctx, actor, 'case.birth-recorded', caseId);
    const closed = closureOfCase(row.closed_for_transfer_to, row.closed_for_transfer_at);
    if (closed) {
      const refusal = closedForTransferRefusal(caseId, { action: 'case.birth-recorded', need: 'change' }, closed);
      await recordAudit(trx, ctx, actor, refusal.audit);
      return refusal.error;
    }
    await recordAudit(trx, ctx, actor, { action: 'case.view', subjectType: 'case', subjectId: caseId, caseId, details: { page: 'record-birth' } });
    if (row.status !== 'unborn') return NOT_UNBORN;
    return {
      ok: true,
      value: {
        id: row.id,
        name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
        givenName: row.given_name,
        familyName: row.family_name,
        sex: row.sex,
        expectedDeliveryDate: row.expected_delivery_date,
        version: row.version,
      },
    };
  });
  // Thrown once its audit entry has committed: the page a change refused on a closed case gets.
  if (loaded instanceof CaseClosedForTransferError) throw loaded;
  return loaded;
}

/** Every problem with the birth's details at once: the birth's rules, with gestation read as weeks and days. */
export function birthProblems(input: BirthInput, today: string, also: readonly FieldProblem[] = []): FieldProblem[] {
  const problems = [...checkRecordedBirth(input, today).filter((problem) => problem.field !== 'gestationAtBirthWeeks'), ...also];
  const gestation = gestationProblem(input.gestationAtBirthWeeks, input.gestationAtBirthDays);
  if (gestation) problems.push({ field: 'gestationAtBirthWeeks', message: gestation });
  const order = ['dateOfBirth', 'givenName', 'familyName', 'sex', 'nhsNumber', 'gestationAtBirthWeeks', 'birthWeightGrams', 'multipleBirth', 'independentlyMobile'];
  return problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/**
 * Records the birth on the unborn baby's record: same id, status born, the birth details, version
 * + 1, through the one way to change a case (change-case.ts), as one path (docs/domain.md, "Recording
 * the birth"): the Birth entry is written to the chronology with it, which raises the birth's alert to
 * everyone in the team and, being a trigger, re-opens the profile (reassessment-due); the profile is
 * evaluated again as a new version, since it now counts the baby's age, and any critical finding the
 * birth leaves alerts too.
 */
/** `submission`: the one-time id of the form it was posted from, noted with the birth so that a second post is answered as the first, not refused (ADR 0026). */
export async function recordBirth(ctx: AppContext, actor: UserActor, caseId: string, expectedVersion: number, input: BirthInput, submission?: string): Promise<RecordBirthResult> {
  return changeCase<RecordBirthResult>(
    ctx,
    actor,
    caseId,
    { action: 'case.birth-recorded', submission },
    async (refusal) => (refusal.code === 'not-found' ? NOT_FOUND : { ok: false, code: 'forbidden', message: 'You cannot change this record. Contact its lead professional.' }),
    async ({ trx, now, today, recorder, record }) => {
      const refuse = (answer: RecordBirthResult) => ({ changed: false as const, answer });
      const row = (await readCase(trx, caseId, false))!;
      const adultsNumber = babyNhsNumberProblem(input.nhsNumber, await adultNumbersOn(trx, caseId));
      const problems = birthProblems(input, today, adultsNumber ? [{ field: 'nhsNumber', message: adultsNumber }] : []);
      if (problems.length > 0) {
        return {
          changed: false as const,
          answer: { ok: false, code: 'invalid', message: problems[0]!.message, problems },
          audit: { action: 'case.birth-recorded', outcome: 'failure', subjectType: 'case', subjectId: caseId, caseId, details: { reason: 'invalid', fields: problems.map((problem) => problem.field) } },
        };
      }
      if (row.version !== expectedVersion) return refuse({ ok: false, code: 'version-conflict', message: 'Someone else changed this record while you were editing. Check the details and save again.' });
      if (row.status !== 'unborn') return refuse(NOT_UNBORN);
      const givenName = input.givenName?.trim() || null;
      const sex = input.sex?.trim() || null;
      const nhsNumber = input.nhsNumber?.trim() ? normaliseNhsNumber(input.nhsNumber) : null;
      if (nhsNumber) {
        const others = await trx.selectFrom('cases').select(CASE_SUMMARY_COLUMNS).where('nhs_number', '=', nhsNumber).where('id', '<>', caseId).execute();
        if (others.length > 0) {
          return refuse({ ok: false, code: 'duplicate-nhs-number', message: 'Another record already has this NHS number. Check it before going on.', matches: await toCaseHits(trx, actor, others, now) });
        }
      }
      // Only what the birth tells us changes; anything not given stays as it was (the due date too).
      const changes = {
        status: 'born' as const,
        date_of_birth: input.dateOfBirth,
        gestation_at_birth_weeks: input.gestationAtBirthWeeks ?? null,
        gestation_at_birth_days: input.gestationAtBirthWeeks === null || input.gestationAtBirthWeeks === undefined ? null : (input.gestationAtBirthDays ?? null),
        birth_weight_grams: input.birthWeightGrams ?? null,
        multiple_birth: input.multipleBirth ?? null,
        independently_mobile: input.independentlyMobile ?? null,
        ...(givenName ? { given_name: givenName } : {}),
        ...(sex ? { sex } : {}),
        ...(nhsNumber ? { nhs_number: nhsNumber } : {}),
      };
      const updated = await trx
        .updateTable('cases')
        .set({ ...changes, updated_at: now, updated_by: actor.userId, version: sql<number>`version + 1` })
        .where('id', '=', caseId)
        .returning(['version', 'status', 'given_name', 'family_name'])
        .executeTakeFirstOrThrow();
      // The Birth entry, written by the birth itself: the chronology and the record tell one truth.
      const written = await writeEntry(trx, ctx, recorder, caseId, {
        kind: 'birth',
        occurredAt: input.dateOfBirth,
        summary: birthEntrySummary(input),
        source: 'agency-record',
        details: { recordedWithTheBirth: true },
      });
      // The birth's checks have passed and the entry is built from them: a refusal here is a bug, and undoes the change.
      if (!written.ok) throw new Error(`The birth's chronology entry was refused: ${written.message}`);
      const entry = written.entry;
      // Told to everyone in the team (not the recorder by email: raise-alerts.ts), naming the baby as now born.
      const babyName = infantDisplayName({ status: updated.status, givenName: updated.given_name, familyName: updated.family_name });
      const draft = alertForEntry(entry, { babyName, today });
      const entryAlerts: AlertToStore[] = draft ? [{ caseId, draft, entryId: entry.id, team: record.team.filter((member) => !member.disabled) }] : [];
      return {
        changed: true,
        version: { kind: 'birth', change: { summary: `Birth recorded: born ${input.dateOfBirth}`, dateOfBirth: input.dateOfBirth, entryId: entry.id }, why: null },
        entriesAdded: [entry],
        entryAlerts,
        audit: ({ profileVersion, alerts }) => ({
          action: 'case.birth-recorded',
          subjectType: 'case',
          subjectId: caseId,
          caseId,
          details: { fromVersion: expectedVersion, toVersion: updated.version, fields: Object.keys(changes), entryId: entry.id, profileVersion, ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}) },
        }),
        answer: () => ({ ok: true, value: { id: caseId, version: updated.version } }),
        recordId: caseId,
      };
    },
  );
}
