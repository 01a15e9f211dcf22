// Which record each Patient of a Bundle is, by NHS number: the baby of a record (cases.nhs_number),
// or a person recorded around a baby (people.nhs_number). An unborn baby sent without an NHS number
// (a Patient with the fetal-status extension) is the unborn baby's record whose mother's NHS number
// is that of another Patient in the Bundle, when exactly one record says so. Nothing is matched on
// names or dates of birth: a Patient that matches nobody is reported, for a practitioner to confirm.
// The records found are all there are; recordsOpenTo says which of them the caller may open, for the
// import to leave out the others (domain/fhir/import/matches-as-seen.ts).
import { decideCaseAccess } from '../../domain/access/case-access.ts';
import type { BundlePatient } from '../../domain/fhir/import/bundle-patient.ts';
import type { BundleMatches, PatientMatch } from '../../domain/fhir/import/plan-import.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { readAccessFacts } from '../cases/case-access.ts';

export async function matchPatients(trx: Tx, patients: readonly BundlePatient[], subjectNhsNumbers: readonly string[]): Promise<BundleMatches> {
  const numbers = [...new Set([...patients.flatMap((p) => (p.nhsNumber === undefined ? [] : [p.nhsNumber])), ...subjectNhsNumbers])];
  const byNhsNumber = new Map<string, PatientMatch>();
  if (numbers.length > 0) {
    const infants = await trx.selectFrom('cases').select(['id', 'nhs_number']).where('nhs_number', 'in', numbers).execute();
    const people = await trx.selectFrom('people').select(['case_id', 'id', 'nhs_number']).where('nhs_number', 'in', numbers).orderBy('case_id').orderBy('id').execute();
    for (const nhsNumber of numbers) {
      const records = infants.filter((row) => row.nhs_number === nhsNumber);
      const around = people.filter((row) => row.nhs_number === nhsNumber);
      if (records.length > 1) byNhsNumber.set(nhsNumber, { kind: 'several-records', caseIds: records.map((row) => row.id) });
      else if (records[0] !== undefined) byNhsNumber.set(nhsNumber, { kind: 'infant', caseId: records[0].id });
      else if (around.length > 0) byNhsNumber.set(nhsNumber, { kind: 'person', on: around.map((row) => ({ caseId: row.case_id, personId: row.id })) });
      else byNhsNumber.set(nhsNumber, { kind: 'unmatched' });
    }
  }
  const unbornRecord = await unbornByMother(trx, patients);
  const matches = new Map<number, PatientMatch>();
  for (const patient of patients) {
    if (patient.invalidNhsNumberPath !== undefined) matches.set(patient.index, { kind: 'nhs-number-invalid', path: patient.invalidNhsNumberPath });
    else if (patient.nhsNumber !== undefined) matches.set(patient.index, byNhsNumber.get(patient.nhsNumber)!);
    else if (patient.unborn && unbornRecord !== undefined) matches.set(patient.index, { kind: 'infant', caseId: unbornRecord });
    else matches.set(patient.index, { kind: 'unmatched' });
  }
  return { patients: matches, byNhsNumber };
}

/** The one unborn baby's record whose mother is a Patient in the Bundle, for an unborn Patient with no NHS number. */
async function unbornByMother(trx: Tx, patients: readonly BundlePatient[]): Promise<string | undefined> {
  // Two unborn babies without NHS numbers (twins) could each be either: neither is matched.
  if (patients.filter((patient) => patient.unborn && patient.nhsNumber === undefined && patient.invalidNhsNumberPath === undefined).length !== 1) return undefined;
  const mothers = patients.flatMap((patient) => (patient.nhsNumber === undefined ? [] : [patient.nhsNumber]));
  if (mothers.length === 0) return undefined;
  const records = await trx.selectFrom('cases').select('id').where('status', '=', 'unborn').where('mother_nhs_number', 'in', mothers).limit(2).execute();
  return records.length === 1 ? records[0]!.id : undefined;
}

/** The records among these the actor may open at all now (the access rules, by one statement). */
export async function recordsOpenTo(trx: Tx, actor: UserActor, caseIds: readonly string[], now: Date): Promise<Set<string>> {
  const { team, breakGlass } = await readAccessFacts(trx, caseIds, actor.userId, now);
  const requester = { userId: actor.userId, organisationId: actor.organisationId, role: actor.role };
  return new Set(
    caseIds.filter((caseId) => {
      const members = team.filter((member) => member.caseId === caseId);
      return decideCaseAccess({ requester, team: members, breakGlass: breakGlass.filter((grant) => grant.caseId === caseId), now }).allowed;
    }),
  );
}
