// Makes a record for an unborn baby or a born infant. Before making it, looks for records that may
// be the same baby (by the baby's NHS number, the mother's, names and dates; its likely duplicates:
// docs/domain.md, "Who is in the record") and refuses until the caller confirms they checked them, with a reason when
// they ask for one; a record with the same NHS number always stops it. Each match shown is audited. The creator becomes the lead professional. One transaction, audited;
// the form's submission id is noted in it, so that the form posted twice makes one record (ADR 0026).
import { serviceToday } from '../../domain/shared/service-day.ts';
import { sql, type SqlBool } from 'kysely';
import { normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import {
  assessMatch,
  checkNewRecord,
  compareStrength,
  matchWindows,
  mobilityToKeep,
  type DateRange,
  type FieldProblem,
  type InfantRecordFacts,
  type MatchGround,
  type MatchStrength,
  type MotherIdentity,
  type NewRecordInput,
} from '../../domain/people/record-matching.ts';
import { differentBabyReasonProblem } from '../../domain/people/duplicate-override.ts';
import { changedRecordDetails, checkRecordDetails, NO_RECORD_DETAILS, normaliseRecordDetails, type RecordDetails, type RecordDetailsProblem } from '../../domain/people/record-details.ts';
import { roleAllows } from '../../domain/shared/roles.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { writeNewCaseSummary } from '../dashboards/case-summaries.ts';
import { noteSubmissionWithoutCase, refuseIfSubmittedBefore } from './form-submissions.ts';
import { detailColumns } from './case-details.ts';
import { auditedIds, CASE_SUMMARY_COLUMNS, FULL_NAME_SQL, familySoundsLike, toCaseHits, type RestrictedCase, type VisibleCase } from './search-cases.ts';

/** Administrators manage accounts; they do not hold cases, so they do not make records. */

/** At most this many possible matches are shown: more than that, and the details need checking. */
export const MATCH_LIMIT = 20;
/** Serialises record creation, so two people entering the same baby at once cannot miss each other. */
const CREATE_CASE_LOCK = 7_210_003;
/** The audit action, and what the new record form's submission is known by (it has no case yet). */
export const CREATE_CASE = 'case.create';

/**
 * A record that may be the same baby. One the caller may open shows its summary and every reason; one
 * they may not shows only who holds it (RestrictedCase) and the grounds of the match in kinds.
 */
export type PossibleMatch = (VisibleCase & { strength: MatchStrength; reasons: string[]; grounds: MatchGround[] }) | (RestrictedCase & { strength: MatchStrength; grounds: MatchGround[] });

export interface CreateCaseOptions {
  /** The caller has looked at the possible matches shown and none is the same baby. */
  confirmedNoDuplicate?: boolean;
  /** The ids of the matches they looked at: a match that has appeared since still stops them. */
  checkedCaseIds?: readonly string[];
  /**
   * Why none of the matches checked is this baby, audited with the record. A caller that asks for a
   * reason passes it (null when none was given) and a confirmation without one is refused; left out
   * (undefined), as the transfer import does, which records its own reason, none is asked.
   */
  differentBabyReason?: string | null;
  /** The one-time id of the form it was posted from, noted with the record so that a second post makes none (ADR 0026). */
  submission?: string | undefined;
}

export type CreateCaseResult =
  | { ok: true; value: { id: string; version: number } }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: (FieldProblem | RecordDetailsProblem)[] }
  | { ok: false; code: 'possible-duplicate' | 'duplicate-nhs-number' | 'reason-needed'; message: string; matches: PossibleMatch[] };

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Names trimmed, blanks as null, the NHS number as its ten digits; days of gestation only beside weeks;
 * no mobility kept for a baby under 6 months (the rules count them not mobile by age).
 */
function normalise(input: NewRecordInput, motherNhsNumber: string | null, today: string): NewRecordInput & InfantRecordFacts {
  const nhs = blankToNull(input.nhsNumber);
  const mother: MotherIdentity = { givenName: blankToNull(input.motherGivenName), familyName: blankToNull(input.motherFamilyName), dateOfBirth: blankToNull(input.motherDateOfBirth) };
  const born = input.status === 'born';
  const weeks = born ? (input.gestationAtBirthWeeks ?? null) : null;
  return {
    ...input,
    motherNhsNumbers: motherNhsNumber ? [motherNhsNumber] : [],
    mothers: mother.givenName || mother.familyName || mother.dateOfBirth ? [mother] : [],
    motherGivenName: mother.givenName,
    motherFamilyName: mother.familyName,
    motherDateOfBirth: mother.dateOfBirth,
    gestationAtBirthWeeks: weeks,
    gestationAtBirthDays: weeks === null ? null : (input.gestationAtBirthDays ?? null),
    independentlyMobile: born ? mobilityToKeep(input.dateOfBirth, input.independentlyMobile, today) : null,
    givenName: blankToNull(input.givenName),
    familyName: blankToNull(input.familyName),
    sex: blankToNull(input.sex),
    nhsNumber: nhs ? normaliseNhsNumber(nhs) : null,
    dateOfBirth: input.status === 'born' ? (input.dateOfBirth ?? null) : null,
    expectedDeliveryDate: blankToNull(input.expectedDeliveryDate),
  };
}

/**
 * Records that may be the same baby, strongest first. The database finds candidates by NHS number
 * or in the date windows the domain gives; the domain decides, and explains, which are matches.
 */
export async function findPossibleMatches(trx: Tx, actor: UserActor, record: InfantRecordFacts, now: Date, excludeCaseId?: string): Promise<PossibleMatch[]> {
  const windows = matchWindows(record);
  const given = record.givenName ? record.givenName.toLowerCase() : null;
  const family = record.familyName ? record.familyName.toLowerCase() : null;
  const full = [given, family].filter(Boolean).join(' ');
  const rows = await trx
    .selectFrom('cases')
    .select(CASE_SUMMARY_COLUMNS)
    .select([
      (family ? familySoundsLike(family).$castTo<boolean>() : sql<boolean>`false`).as('family_sounds_alike'),
      (given ? sql<boolean>`(dmetaphone(coalesce(cases.given_name, '')) = dmetaphone(${given}) and dmetaphone(${given}) <> '')` : sql<boolean>`false`).as('given_sounds_alike'),
    ])
    .where((eb) => {
      const within = (column: 'cases.date_of_birth' | 'cases.expected_delivery_date', ranges: DateRange[]) => ranges.map((range) => eb.between(column, range.from, range.to));
      const anyOf = [
        ...within('cases.date_of_birth', windows.close.dateOfBirth),
        ...within('cases.expected_delivery_date', windows.close.expectedDeliveryDate),
      ];
      if (record.nhsNumber) anyOf.push(eb('cases.nhs_number', '=', record.nhsNumber));
      // The same mother, as recorded before the birth or as the person recorded as the mother: whatever the dates.
      const mothers = (record.motherNhsNumbers ?? []).filter((n): n is string => Boolean(n));
      if (mothers.length > 0) {
        anyOf.push(eb('cases.mother_nhs_number', 'in', mothers));
        anyOf.push(eb('cases.id', 'in', eb.selectFrom('people').select('people.case_id').where('people.relationship_to_infant', '=', 'mother').where('people.nhs_number', 'in', mothers)));
      }
      // The same mother's date of birth, as given when the record was made or as the person recorded as the mother's: the domain compares the names.
      const motherBirthdays = [...new Set((record.mothers ?? []).map((mother) => mother.dateOfBirth).filter((date): date is string => Boolean(date)))];
      if (motherBirthdays.length > 0) {
        anyOf.push(eb('cases.mother_date_of_birth', 'in', motherBirthdays));
        anyOf.push(eb('cases.id', 'in', eb.selectFrom('people').select('people.case_id').where('people.relationship_to_infant', '=', 'mother').where('people.date_of_birth', 'in', motherBirthdays)));
      }
      const wide = [...within('cases.date_of_birth', windows.wide.dateOfBirth), ...within('cases.expected_delivery_date', windows.wide.expectedDeliveryDate)];
      if (wide.length > 0 && full) {
        // Far-apart dates count only with a like name; this is looser than the domain's test, never tighter.
        const likeName = [sql<SqlBool>`${FULL_NAME_SQL} % ${full}`, sql<SqlBool>`${FULL_NAME_SQL} % ${[family, given].filter(Boolean).join(' ')}`];
        if (family) likeName.push(familySoundsLike(family), sql<SqlBool>`lower(coalesce(cases.given_name, '')) % ${family}`);
        if (given) likeName.push(sql<SqlBool>`dmetaphone(coalesce(cases.given_name, '')) = dmetaphone(${given})`, sql<SqlBool>`lower(coalesce(cases.family_name, '')) % ${given}`);
        anyOf.push(eb.and([eb.or(wide), eb.or(likeName)]));
      }
      const found = eb.or(anyOf);
      return excludeCaseId ? eb.and([found, eb('cases.id', '<>', excludeCaseId)]) : found;
    })
    .orderBy('cases.id')
    .limit(500)
    .execute();
  const mothersOf = await motherNhsNumbersOf(trx, rows.map((row) => row.id));
  const identitiesOf = await motherIdentitiesOf(trx, rows.map((row) => row.id));

  const assessed = rows
    .map((row) => ({
      row,
      assessment: assessMatch(
        record,
        {
          status: row.status,
          givenName: row.given_name,
          familyName: row.family_name,
          nhsNumber: row.nhs_number,
          dateOfBirth: row.date_of_birth,
          expectedDeliveryDate: row.expected_delivery_date,
          motherNhsNumbers: mothersOf.get(row.id) ?? [],
          mothers: identitiesOf.get(row.id) ?? [],
        },
        { familyName: row.family_sounds_alike, givenName: row.given_sounds_alike },
      ),
    }))
    .filter(({ assessment }) => assessment.strength !== 'none')
    .sort((a, b) => compareStrength(a.assessment.strength, b.assessment.strength))
    .slice(0, MATCH_LIMIT);

  const hits = await toCaseHits(trx, actor, assessed.map(({ row }) => row), now);
  return hits.map((hit, index): PossibleMatch => {
    const { strength, reasons, grounds } = assessed[index]!.assessment;
    return hit.restricted ? { ...hit, strength, grounds } : { ...hit, strength, reasons, grounds };
  });
}

/** The mother's NHS numbers each record knows: recorded before the birth, and the person recorded as the mother. */
async function motherNhsNumbersOf(trx: Tx, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const byCase = new Map<string, string[]>();
  if (caseIds.length === 0) return byCase;
  const add = (caseId: string, number: string | null) => {
    if (number) byCase.set(caseId, [...(byCase.get(caseId) ?? []), number]);
  };
  const recorded = await trx.selectFrom('cases').select(['id', 'mother_nhs_number']).where('id', 'in', [...caseIds]).where('mother_nhs_number', 'is not', null).execute();
  for (const row of recorded) add(row.id, row.mother_nhs_number);
  const people = await trx
    .selectFrom('people')
    .select(['case_id', 'nhs_number'])
    .where('case_id', 'in', [...caseIds])
    .where('relationship_to_infant', '=', 'mother')
    .where('nhs_number', 'is not', null)
    .execute();
  for (const row of people) add(row.case_id, row.nhs_number);
  return byCase;
}

/** The mother's name and date of birth each record knows: given when it was made, and the person recorded as the mother's. */
async function motherIdentitiesOf(trx: Tx, caseIds: readonly string[]): Promise<Map<string, MotherIdentity[]>> {
  const byCase = new Map<string, MotherIdentity[]>();
  if (caseIds.length === 0) return byCase;
  const add = (caseId: string, mother: MotherIdentity) => byCase.set(caseId, [...(byCase.get(caseId) ?? []), mother]);
  const recorded = await trx
    .selectFrom('cases')
    .select(['id', 'mother_given_name', 'mother_family_name', 'mother_date_of_birth'])
    .where('id', 'in', [...caseIds])
    .where('mother_date_of_birth', 'is not', null)
    .execute();
  for (const row of recorded) add(row.id, { givenName: row.mother_given_name, familyName: row.mother_family_name, dateOfBirth: row.mother_date_of_birth });
  const people = await trx
    .selectFrom('people')
    .select(['case_id', 'given_name', 'family_name', 'date_of_birth'])
    .where('case_id', 'in', [...caseIds])
    .where('relationship_to_infant', '=', 'mother')
    .where('date_of_birth', 'is not', null)
    .execute();
  for (const row of people) add(row.case_id, { givenName: row.given_name, familyName: row.family_name, dateOfBirth: row.date_of_birth });
  return byCase;
}

/** What the audit records of the matches shown: the ids, split by whether the caller could open them, and each one's grounds. */
export function auditedMatches(matches: readonly PossibleMatch[]) {
  return { ...auditedIds(matches), grounds: Object.fromEntries(matches.map((match) => [match.id, match.grounds])) };
}

/** A new record: the baby, and what helps find the record and reach the family (the address, GP practice, birth hospital, mother's NHS number). */
export type NewCaseInput = NewRecordInput & { details?: Partial<RecordDetails> };

export async function createCase(ctx: AppContext, actor: UserActor, input: NewCaseInput, options: CreateCaseOptions = {}): Promise<CreateCaseResult> {
  if (!roleAllows(actor.role, 'create-records')) {
    await recordAuditAlone(ctx, actor, { action: CREATE_CASE, outcome: 'denied', subjectType: 'case' });
    return { ok: false, code: 'forbidden', message: 'Your role does not make records for babies. Ask a practitioner or your safeguarding lead.' };
  }
  const now = ctx.clock.now();
  const details = normaliseRecordDetails(input.details ?? {});
  const problems = [...checkNewRecord(input, serviceToday(now)), ...checkRecordDetails(details, input.status)];
  if (problems.length > 0) return { ok: false, code: 'invalid', message: problems[0]!.message, problems };
  const record = normalise(input, details.motherNhsNumber, serviceToday(now));
  const reason = options.differentBabyReason === undefined ? undefined : (options.differentBabyReason ?? '').trim();

  return ctx.db.transaction().execute(async (trx): Promise<CreateCaseResult> => {
    await sql`SELECT pg_advisory_xact_lock(${CREATE_CASE_LOCK}, 0)`.execute(trx);
    // The same form posted at the same moment made its record while this waited: that record is not a match to stop at.
    await refuseIfSubmittedBefore(trx, actor, CREATE_CASE, options.submission);
    const matches = await findPossibleMatches(trx, actor, record, now);
    const sameNhs = record.nhsNumber ? await trx.selectFrom('cases').select('id').where('nhs_number', '=', record.nhsNumber).execute() : [];
    const refuse = async (code: 'possible-duplicate' | 'duplicate-nhs-number' | 'reason-needed', message: string): Promise<CreateCaseResult> => {
      await recordAudit(trx, ctx, actor, { action: CREATE_CASE, outcome: 'failure', subjectType: 'case', details: { code, ...auditedMatches(matches) } });
      return { ok: false, code, message, matches };
    };
    if (sameNhs.length > 0) {
      return refuse('duplicate-nhs-number', 'A record with this NHS number already exists. Use that record instead of making a new one.');
    }
    const checked = new Set(options.checkedCaseIds ?? matches.map((match) => match.id));
    const unchecked = options.confirmedNoDuplicate ? matches.filter((match) => !checked.has(match.id)) : matches;
    if (unchecked.length > 0) {
      return refuse('possible-duplicate', 'There may already be a record for this baby. Check the records found before making a new one.');
    }
    const reasonProblem = matches.length > 0 && reason !== undefined ? differentBabyReasonProblem(reason) : null;
    if (reasonProblem !== null) return refuse('reason-needed', reasonProblem);

    const id = ctx.newId();
    const created = await trx
      .insertInto('cases')
      .values({
        id,
        status: record.status,
        given_name: record.givenName,
        family_name: record.familyName,
        sex: record.sex ?? null,
        nhs_number: record.nhsNumber,
        date_of_birth: record.dateOfBirth,
        expected_delivery_date: record.expectedDeliveryDate,
        gestation_at_birth_weeks: record.gestationAtBirthWeeks ?? null,
        gestation_at_birth_days: record.gestationAtBirthDays ?? null,
        birth_weight_grams: record.birthWeightGrams ?? null,
        multiple_birth: record.multipleBirth ?? null,
        independently_mobile: record.independentlyMobile ?? null,
        mother_given_name: record.motherGivenName ?? null,
        mother_family_name: record.motherFamilyName ?? null,
        mother_date_of_birth: record.motherDateOfBirth ?? null,
        ...detailColumns(details),
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('version')
      .executeTakeFirstOrThrow();
    const given = changedRecordDetails(NO_RECORD_DETAILS, details);
    const motherGiven = (['motherGivenName', 'motherFamilyName', 'motherDateOfBirth'] as const).filter((field) => record[field] !== null);
    await trx.insertInto('case_team').values({ case_id: id, user_id: actor.userId, role: 'lead-professional', added_at: now, added_by: actor.userId }).execute();
    // The dashboards' summary row of the new record (ADR 0017), from what was just inserted: the level is the column's default.
    await writeNewCaseSummary(trx, ctx, { caseId: id, status: record.status, dateOfBirth: record.dateOfBirth, expectedDeliveryDate: record.expectedDeliveryDate, level: 'universal' });
    await recordAudit(trx, ctx, actor, {
      action: CREATE_CASE,
      subjectType: 'case',
      subjectId: id,
      caseId: id,
      // The details given are named, never their values: an address stays out of the audit trail.
      details: {
        status: record.status,
        confirmedNoDuplicate: options.confirmedNoDuplicate === true,
        checkedCaseIds: matches.length > 0 ? [...checked] : [],
        ...(matches.length > 0 ? { matchesShown: auditedMatches(matches) } : {}),
        ...(matches.length > 0 && reason ? { differentBabyReason: reason } : {}),
        ...(given.length > 0 ? { recordDetails: given } : {}),
        // Named, never their values, as the details are.
        ...(motherGiven.length > 0 ? { motherGiven } : {}),
      },
    });
    if (options.submission !== undefined) await noteSubmissionWithoutCase(trx, actor, now, { caseId: id, submissionId: options.submission, action: CREATE_CASE, recordId: id });
    return { ok: true, value: { id, version: created.version } };
  });
}
