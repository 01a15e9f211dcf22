// Finding the person a subject access request is about by name and date of birth (issue 21), when the
// letter gives no NHS number: the officer searches every case in the partnership (docs/adr/0012), as
// the baby or as a person around a baby, by the service's own person search rules
// (domain/search/person-match.ts: a name alike enough or a family name that sounds the same, and the
// same date of birth, both true of one person). Each match is one person: rows with the same NHS
// number are one, a row without one is its own. It shows only what tells them apart: the name, the
// date of birth, and each case they are in (the baby, what they are to it, the household's postcode
// district unless the address is restricted, and the agencies in its team). A postcode from the
// letter puts the matches in that household first; it never finds a restricted address. Every search
// is a look at personal data: audited with what was asked and the cases it showed; refusals too.
import { sql } from 'kysely';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { isPostcode, normalisePostcode } from '../../domain/people/record-details.ts';
import { parseNameQuery, type NameQuery } from '../../domain/people/record-matching.ts';
import { RELATIONSHIPS_TO_INFANT, isRelationshipToInfant } from '../../domain/people/relationships.ts';
import { matchPerson, type PersonFacts } from '../../domain/search/person-match.ts';
import { anyDayProblem, tooEarlyWords } from '../../domain/shared/date-rules.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { FULL_NAME_SQL, PERSON_FULL_NAME_SQL, SEARCH_LIMIT, familySoundsLike, personFamilySoundsLike } from '../cases/search-cases.ts';
import type { AppContext } from '../context.ts';
import { refuseUnlessOfficer, type Refusal } from './officer-guard.ts';

export interface SubjectSearchTyped {
  name: string;
  dateOfBirth: string;
  postcode?: string | undefined;
}

export type SubjectSearchProblem = { field: 'name' | 'dateOfBirth' | 'postcode'; message: string };

/** One case a match is in: its baby, what the match is to it, and where. */
export interface MatchedCase {
  caseId: string;
  babyName: string;
  /** "the baby", or their relationship to the baby: "mother". */
  as: string;
  /** The household's postcode district ("DE22"); null when not known or the address is restricted. */
  postcodeDistrict: string | null;
  /** The agencies of the case's team, by name. */
  agencies: string[];
  /** The household's postcode is the one typed. */
  postcodeMatched: boolean;
}

/** A person found: how to name them in the request, and what tells them apart. */
export interface SubjectMatch {
  /** Their NHS number's request names them by it; without one, by the person's id. The baby always has one here. */
  named: { nhsNumber: string; personId: null } | { nhsNumber: null; personId: string };
  name: string;
  dateOfBirth: string;
  cases: MatchedCase[];
}

/** A baby without an NHS number cannot be named in a request (it names a person by NHS number or a person's id). */
export interface UnnamedBaby {
  caseId: string;
  babyName: string;
  agencies: string[];
}

export interface SubjectSearchResults {
  matches: SubjectMatch[];
  /** Babies who match but have no NHS number on their record. */
  babiesWithoutNhsNumber: UnnamedBaby[];
  /** More people matched than are shown. */
  more: boolean;
}

type Invalid = { ok: false; code: 'invalid'; message: string; problems: SubjectSearchProblem[] };

function checkTyped(typed: SubjectSearchTyped): { name: NameQuery; dateOfBirth: string; postcode: string | null } | SubjectSearchProblem[] {
  const nameTyped = typed.name.trim();
  const dateTyped = typed.dateOfBirth.trim();
  const postcodeTyped = typed.postcode?.trim() ?? '';
  const name = nameTyped === '' ? null : parseNameQuery(nameTyped);
  const problems: SubjectSearchProblem[] = [];
  if (nameTyped === '') problems.push({ field: 'name', message: 'Enter the name of the person the request is about, as the letter gives it' });
  else if (!name) problems.push({ field: 'name', message: 'The name must have at least 2 letters' });
  if (dateTyped === '') problems.push({ field: 'dateOfBirth', message: 'Enter their date of birth, such as 1994-03-17: a name alone finds too many people' });
  else if (anyDayProblem(dateTyped) === 'not-a-date') problems.push({ field: 'dateOfBirth', message: 'Date of birth must be a real date, such as 1994-03-17' });
  else if (anyDayProblem(dateTyped) === 'too-early') problems.push({ field: 'dateOfBirth', message: tooEarlyWords('Date of birth') });
  if (postcodeTyped !== '' && !isPostcode(postcodeTyped)) problems.push({ field: 'postcode', message: 'Enter a real postcode, like DE1 2AB, or leave it empty' });
  if (problems.length > 0 || !name) return problems;
  return { name, dateOfBirth: dateTyped, postcode: postcodeTyped === '' ? null : normalisePostcode(postcodeTyped) };
}

const outwardCode = (postcode: string) => postcode.split(' ')[0] ?? postcode;
const fullName = (given: string | null, family: string | null) => [given, family].filter((part) => part?.trim()).join(' ') || 'Name not known';

interface Row extends PersonFacts {
  caseId: string;
  personId: string | null;
}

/** The babies and the people around babies whose name and date of birth match, with the facts matchPerson decides from. */
async function candidates(db: Queryable, name: NameQuery, dateOfBirth: string): Promise<Row[]> {
  const [babies, people] = await Promise.all([
    db
      .selectFrom('cases')
      .select(['cases.id', 'cases.given_name', 'cases.family_name', 'cases.date_of_birth', 'cases.nhs_number'])
      .select([sql<number>`similarity(${FULL_NAME_SQL}, ${name.full})`.as('likeness'), familySoundsLike(name.family).$castTo<boolean>().as('sounds_alike')])
      .where(sql<boolean>`(${FULL_NAME_SQL} % ${name.full} or ${familySoundsLike(name.family)})`)
      .where('cases.date_of_birth', '=', dateOfBirth)
      .execute(),
    db
      .selectFrom('people')
      .select(['people.case_id', 'people.id', 'people.relationship_to_infant', 'people.given_name', 'people.family_name', 'people.date_of_birth', 'people.nhs_number'])
      .select([sql<number>`similarity(${PERSON_FULL_NAME_SQL}, ${name.full})`.as('likeness'), personFamilySoundsLike(name.family).$castTo<boolean>().as('sounds_alike')])
      .where(sql<boolean>`(${PERSON_FULL_NAME_SQL} % ${name.full} or ${personFamilySoundsLike(name.family)})`)
      .where('people.date_of_birth', '=', dateOfBirth)
      .execute(),
  ]);
  const facts = (row: { given_name: string | null; family_name: string | null; date_of_birth: string | null; nhs_number: string | null; likeness: number; sounds_alike: boolean }) => ({
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    nhsNumber: row.nhs_number,
    nameLikeness: row.likeness,
    familySoundsAlike: row.sounds_alike,
  });
  return [
    ...babies.map((row) => ({ caseId: row.id, personId: null, relationship: 'baby', ...facts(row) })),
    ...people.map((row) => ({ caseId: row.case_id, personId: row.id, relationship: row.relationship_to_infant, ...facts(row) })),
  ];
}

/** The cases' babies, households and team agencies, for telling the matches apart. */
async function casesOf(db: Queryable, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, { babyName: string; postcode: string | null; agencies: string[] }>();
  const [cases, teams] = await Promise.all([
    db.selectFrom('cases').select(['id', 'status', 'given_name', 'family_name', 'postcode', 'address_restricted']).where('id', 'in', [...caseIds]).execute(),
    db
      .selectFrom('case_team')
      .innerJoin('users', 'users.id', 'case_team.user_id')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['case_team.case_id', 'organisations.name'])
      .where('case_team.case_id', 'in', [...caseIds])
      .distinct()
      .execute(),
  ]);
  return new Map(
    cases.map((c) => [
      c.id,
      {
        babyName: infantDisplayName({ status: c.status, givenName: c.given_name, familyName: c.family_name }),
        postcode: c.address_restricted ? null : c.postcode,
        agencies: teams.filter((team) => team.case_id === c.id).map((team) => team.name).sort(),
      },
    ]),
  );
}

/** The people who match by name and date of birth, for a data protection officer. */
export async function searchSubjects(ctx: AppContext, actor: UserActor, typed: SubjectSearchTyped): Promise<{ ok: true; value: SubjectSearchResults } | Refusal | Invalid> {
  const action = 'subject-access.search';
  const refused = await refuseUnlessOfficer(ctx, actor, action);
  if (refused) return refused;
  const checked = checkTyped(typed);
  if (Array.isArray(checked)) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'failure', subjectType: 'subject-access-request', details: { invalid: checked.map((p) => p.field) } });
    return { ok: false, code: 'invalid', message: checked[0]!.message, problems: checked };
  }
  const { name, dateOfBirth, postcode } = checked;
  const criteria = { nhsNumber: null, name, dateOfBirth };
  const rows = (await candidates(ctx.db, name, dateOfBirth)).filter((row) => matchPerson(criteria, row) !== null);

  const byPerson = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.nhsNumber ? `nhs:${row.nhsNumber}` : row.personId ? `person:${row.caseId}/${row.personId}` : `baby:${row.caseId}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), row]);
  }
  const cases = await casesOf(ctx.db, [...new Set(rows.map((row) => row.caseId))]);
  const caseOf = (row: Row): MatchedCase => {
    const c = cases.get(row.caseId)!;
    return {
      caseId: row.caseId,
      babyName: c.babyName,
      as: row.personId === null ? 'the baby' : isRelationshipToInfant(row.relationship) ? RELATIONSHIPS_TO_INFANT[row.relationship].toLocaleLowerCase('en-GB') : row.relationship,
      postcodeDistrict: c.postcode ? outwardCode(c.postcode) : null,
      agencies: c.agencies,
      postcodeMatched: postcode !== null && c.postcode === postcode,
    };
  };
  const babiesWithoutNhsNumber: UnnamedBaby[] = [];
  const matches: SubjectMatch[] = [];
  for (const group of byPerson.values()) {
    const first = group[0]!;
    if (first.personId === null && first.nhsNumber === null) {
      const c = cases.get(first.caseId)!;
      babiesWithoutNhsNumber.push({ caseId: first.caseId, babyName: c.babyName, agencies: c.agencies });
      continue;
    }
    const named = first.nhsNumber ? { nhsNumber: first.nhsNumber, personId: null } : { nhsNumber: null, personId: first.personId! };
    matches.push({ named, name: fullName(first.givenName, first.familyName), dateOfBirth, cases: group.map(caseOf).sort((a, b) => a.babyName.localeCompare(b.babyName) || a.caseId.localeCompare(b.caseId)) });
  }
  const inHousehold = (match: SubjectMatch) => Number(match.cases.some((c) => c.postcodeMatched));
  matches.sort((a, b) => inHousehold(b) - inHousehold(a) || a.name.localeCompare(b.name) || a.cases[0]!.caseId.localeCompare(b.cases[0]!.caseId));
  const shown = matches.slice(0, SEARCH_LIMIT);
  const caseIds = [...new Set([...shown.flatMap((m) => m.cases.map((c) => c.caseId)), ...babiesWithoutNhsNumber.map((b) => b.caseId)])].sort();
  await recordAuditAlone(ctx, actor, {
    action,
    subjectType: 'subject-access-request',
    details: { criteria: { name: typed.name.trim(), dateOfBirth, postcode }, matches: shown.length, caseIds, more: matches.length > SEARCH_LIMIT },
  });
  return { ok: true, value: { matches: shown, babiesWithoutNhsNumber, more: matches.length > SEARCH_LIMIT } };
}
