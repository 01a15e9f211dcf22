// Who a subject access request is about (issue 21): the person named by an NHS number or a person's
// id, in every case of the partnership they appear in: as the baby (the child, whose request a parent
// makes) or as a person around a baby (each row with their NHS number, or the one row named).
import { nhsNumberWords, normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { RELATIONSHIPS_TO_INFANT, isRelationshipToInfant } from '../../domain/people/relationships.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';

export interface SubjectNamed {
  nhsNumber: string | null;
  personId: string | null;
  parentNhsNumber: string | null;
}

export interface Subject {
  /** The cases the subject is the baby of. */
  babyOf: string[];
  /** The subject's own rows in the cases they appear in, as caseId/personId. */
  rows: { caseId: string; personId: string }[];
  /** The requesting parent's rows, for a child's request. */
  parentRows: { caseId: string; personId: string }[];
  /** "Sarah Hart, mother": for the list of requests. */
  name: string;
}

export type SubjectProblem = { field: 'nhsNumber' | 'parentNhsNumber' | 'personId'; message: string };

const fullName = (given: string | null, family: string | null) => [given, family].filter(Boolean).join(' ') || 'Name not known';
const relationshipWords = (relationship: string) => (isRelationshipToInfant(relationship) ? RELATIONSHIPS_TO_INFANT[relationship].toLocaleLowerCase('en-GB') : relationship);

function checkedNhsNumber(typed: string | null, field: SubjectProblem['field']): { ok: true; value: string | null } | { ok: false; problem: SubjectProblem } {
  if (typed === null || typed.trim() === '') return { ok: true, value: null };
  const digits = normaliseNhsNumber(typed);
  const words = nhsNumberWords(digits);
  if (words !== null) return { ok: false, problem: { field, message: words } };
  return { ok: true, value: digits };
}

/** The subject, or what is wrong with how they were named: an NHS number nobody in the record has is a problem too (422). */
export async function findSubject(db: Queryable, named: SubjectNamed): Promise<{ ok: true; subject: Subject; named: SubjectNamed } | { ok: false; problems: SubjectProblem[] }> {
  const nhs = checkedNhsNumber(named.nhsNumber, 'nhsNumber');
  const parent = checkedNhsNumber(named.parentNhsNumber, 'parentNhsNumber');
  const problems = [nhs, parent].flatMap((checked) => (checked.ok ? [] : [checked.problem]));
  const personId = named.personId?.trim() || null;
  if (problems.length === 0 && nhs.ok && nhs.value === null && personId === null) problems.push({ field: 'nhsNumber', message: 'Enter the NHS number of the person asking, or of the child whose information a parent asks for' });
  if (problems.length > 0 || !nhs.ok || !parent.ok) return { ok: false, problems };

  const byId = personId ? await db.selectFrom('people').select(['case_id', 'id', 'nhs_number', 'given_name', 'family_name', 'relationship_to_infant']).where('id', '=', personId).execute() : [];
  if (personId && byId.length === 0) return { ok: false, problems: [{ field: 'personId', message: 'There is no person with this id in any record. Check the id, or name them by their NHS number.' }] };
  const nhsNumber = nhs.value ?? byId.find((row) => row.nhs_number !== null)?.nhs_number ?? null;
  if (nhs.value !== null && byId.some((row) => row.nhs_number !== null && row.nhs_number !== nhs.value)) {
    return { ok: false, problems: [{ field: 'nhsNumber', message: 'The NHS number is not that person’s. Give one or the other, or check both.' }] };
  }
  const [babies, people] = await Promise.all([
    nhsNumber ? db.selectFrom('cases').select(['id', 'given_name', 'family_name']).where('nhs_number', '=', nhsNumber).execute() : Promise.resolve([]),
    nhsNumber ? db.selectFrom('people').select(['case_id', 'id', 'nhs_number', 'given_name', 'family_name', 'relationship_to_infant']).where('nhs_number', '=', nhsNumber).execute() : Promise.resolve([]),
  ]);
  const rows = [...new Map([...byId, ...people].map((row) => [`${row.case_id}/${row.id}`, { caseId: row.case_id, personId: row.id }])).values()];
  if (babies.length === 0 && rows.length === 0) return { ok: false, problems: [{ field: 'nhsNumber', message: 'Nobody in any record has this NHS number. Check it with the person asking; if they are in a record without one, give their person id.' }] };
  const parentRows = parent.value && babies.length > 0 ? await db.selectFrom('people').select(['case_id', 'id']).where('nhs_number', '=', parent.value).where('case_id', 'in', babies.map((b) => b.id)).execute() : [];
  if (parent.value && parentRows.length === 0) return { ok: false, problems: [{ field: 'parentNhsNumber', message: 'No parent in the child’s record has this NHS number. Check it, or leave it empty.' }] };
  const first = [...byId, ...people][0];
  const name = babies[0] ? `${fullName(babies[0].given_name, babies[0].family_name)}, the baby` : `${fullName(first!.given_name, first!.family_name)}, ${relationshipWords(first!.relationship_to_infant)}`;
  return {
    ok: true,
    named: { nhsNumber, personId, parentNhsNumber: parent.value },
    subject: { babyOf: babies.map((b) => b.id), rows, parentRows: parentRows.map((row) => ({ caseId: row.case_id, personId: row.id })), name },
  };
}
