// Finds records by NHS number (the baby's, or the mother's recorded before the birth), by name
// (forgiving misspelling: trigrams on the full name and a phonetic match on the family name), by date
// of birth or due date, and by the household's postcode (never a restricted address's). Each finds
// the baby, or a person around the baby (a parent, a carer, anyone in the record's people): so a
// father's name, date of birth or NHS number finds the babies he is around. What was typed must all
// be true of the baby or of one person (domain/search/person-match.ts). One row a case, the caller's
// own cases first, each with why it matched and through whom (their relationship, never a name). A
// record the caller may not open shows only that it exists, how old the baby is in a wide band, why
// it matched and whom to contact. Every search is audited: criteria and ids.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccessBasis } from '../../domain/access/case-access.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { nhsNumberWords, normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { ageBand, isPostcode, matchReasons, normalisePostcode, orderSearchHits, type MatchReason } from '../../domain/people/record-details.ts';
import { anyDayProblem, tooEarlyWords } from '../../domain/shared/date-rules.ts';
import { roleAllows } from '../../domain/shared/roles.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { parseNameQuery, searchDueDateRange, type InfantStatus, type NameQuery } from '../../domain/people/record-matching.ts';
import { matchPeople, searchesForPeople, type PersonCriteria, type PersonFacts, type PersonMatch } from '../../domain/search/person-match.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { caseContact, loadCaseAccess } from './case-access.ts';

export const SEARCH_LIMIT = 20;

export interface SearchCriteria {
  nhsNumber?: string | null;
  name?: string | null;
  /** A date of birth, or a due date: it finds due dates within a week either side. */
  dateOfBirth?: string | null;
  /** The household's postcode: it never finds a restricted address. */
  postcode?: string | null;
}

/** What a caller who may open the record sees of it in a list. */
export interface VisibleCase {
  restricted: false;
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  status: InfantStatus;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  nhsNumber: string | null;
  level: string;
  version: number;
  access: AccessBasis;
}

export interface CaseContact {
  name: string;
  organisation: string;
  email: string;
}

/** A record the caller may not open: that it exists, the age band, and who to contact. No name, date, NHS number or address. */
export interface RestrictedCase {
  restricted: true;
  id: string;
  /** "unborn, due March 2027", "under 3 months", "3 to 6 months" …: never the date itself. */
  ageBand: string;
  contact: CaseContact | null;
}

export type CaseHit = VisibleCase | RestrictedCase;

/**
 * A record a search found: why the baby matched (`matchedOn`, with the household's postcode), which
 * people around the baby matched and how (`peopleMatched`: relationships, never names), and whether
 * it is one of the caller's own cases.
 */
export type SearchHit = CaseHit & { matchedOn: MatchReason[]; peopleMatched: PersonMatch[]; own: boolean };

export type SearchFailure = 'no-criteria' | 'invalid-nhs-number' | 'invalid-name' | 'invalid-date' | 'invalid-postcode' | 'postcode-not-allowed';

export interface SearchResults {
  hits: SearchHit[];
  /** More records matched than are shown: the caller should add details to narrow the search. */
  more: boolean;
}

/** The columns every list of records reads. */
export const CASE_SUMMARY_COLUMNS = [
  'cases.id',
  'cases.status',
  'cases.given_name',
  'cases.family_name',
  'cases.nhs_number',
  'cases.date_of_birth',
  'cases.expected_delivery_date',
  'cases.level',
  'cases.version',
] as const;

export interface CaseSummaryRow {
  id: string;
  status: InfantStatus;
  given_name: string | null;
  family_name: string | null;
  nhs_number: string | null;
  date_of_birth: string | null;
  expected_delivery_date: string | null;
  level: string;
  version: number;
}

/** The lower-cased full name, written exactly as the trigram index (migration 003) is, so it is used. */
export const FULL_NAME_SQL = sql<string>`lower(coalesce(cases.given_name, '') || ' ' || coalesce(cases.family_name, ''))`;

/** A person's lower-cased full name, written exactly as their trigram index (migration 030) is. */
export const PERSON_FULL_NAME_SQL = sql<string>`lower(coalesce(people.given_name, '') || ' ' || coalesce(people.family_name, ''))`;

/** True when a person's family name sounds like `family`, written as their metaphone index (migration 030) is. */
export function personFamilySoundsLike(family: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(dmetaphone(coalesce(people.family_name, '')) = dmetaphone(${family}) and dmetaphone(${family}) <> '')`;
}

interface Wanted {
  nhsNumber: string | null;
  name: NameQuery | null;
  date: string | null;
  due: { from: string; to: string } | null;
}

function allOf(conditions: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** Everything typed (but the postcode) is true of the baby: its NHS number or the mother's on the record, name, date of birth or due date. */
function babyMatches({ nhsNumber, name, date, due }: Wanted): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (nhsNumber) conditions.push(sql<SqlBool>`(cases.nhs_number = ${nhsNumber} or cases.mother_nhs_number = ${nhsNumber})`);
  if (name) conditions.push(sql<SqlBool>`(${FULL_NAME_SQL} % ${name.full} or ${familySoundsLike(name.family)})`);
  if (date && due) conditions.push(sql<SqlBool>`(cases.date_of_birth = ${date}::date or cases.expected_delivery_date between ${due.from}::date and ${due.to}::date)`);
  return allOf(conditions);
}

/** Everything typed (but the postcode) is true of one person around the baby: the rule matchPerson explains. */
function personMatches({ nhsNumber, name, date }: Wanted): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [];
  if (nhsNumber) conditions.push(sql<SqlBool>`people.nhs_number = ${nhsNumber}`);
  if (name) conditions.push(sql<SqlBool>`(${PERSON_FULL_NAME_SQL} % ${name.full} or ${personFamilySoundsLike(name.family)})`);
  if (date) conditions.push(sql<SqlBool>`people.date_of_birth = ${date}::date`);
  return allOf(conditions);
}

/** True when the family name sounds like `family` (double metaphone), and the code is not empty. */
export function familySoundsLike(family: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(dmetaphone(coalesce(cases.family_name, '')) = dmetaphone(${family}) and dmetaphone(${family}) <> '')`;
}

/** Each row as the caller may see it: the summary if they may open the record, else only the contact. */
export async function toCaseHits(db: Queryable, actor: UserActor, rows: readonly CaseSummaryRow[], now: Date): Promise<CaseHit[]> {
  const hits: CaseHit[] = [];
  const today = serviceToday(now);
  for (const row of rows) {
    const access = await loadCaseAccess(db, actor, row.id, now);
    if (!access.allowed) {
      const band = ageBand({ status: row.status, dateOfBirth: row.date_of_birth, expectedDeliveryDate: row.expected_delivery_date }, today);
      hits.push({ restricted: true, id: row.id, ageBand: band, contact: await caseContact(db, row.id) });
      continue;
    }
    hits.push({
      restricted: false,
      id: row.id,
      name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
      givenName: row.given_name,
      familyName: row.family_name,
      status: row.status,
      dateOfBirth: row.date_of_birth,
      expectedDeliveryDate: row.expected_delivery_date,
      nhsNumber: row.nhs_number,
      level: row.level,
      version: row.version,
      access: access.basis,
    });
  }
  return hits;
}

/** The ids in a list of hits, split by whether the caller could open them: what the audit records. */
export function auditedIds(hits: readonly CaseHit[]): { caseIds: string[]; restrictedCaseIds: string[] } {
  return { caseIds: hits.filter((hit) => !hit.restricted).map((hit) => hit.id), restrictedCaseIds: hits.filter((hit) => hit.restricted).map((hit) => hit.id) };
}

/** Who may search by where a family lives: those who work on families' records, not administrators. */
export function maySearchByPostcode(actor: UserActor): boolean {
  return roleAllows(actor.role, 'create-records');
}

/** The audit action a search is recorded as: a search, or an NHS number lookup (application/lookup) made through it. */
export type SearchAuditAction = 'cases.search' | 'cases.lookup';

export async function searchCases(ctx: AppContext, actor: UserActor, criteria: SearchCriteria, auditAction: SearchAuditAction = 'cases.search'): Promise<Result<SearchResults, SearchFailure>> {
  const nhsInput = criteria.nhsNumber?.trim() || null;
  const nameInput = criteria.name?.trim() || null;
  const date = criteria.dateOfBirth?.trim() || null;
  const postcodeInput = criteria.postcode?.trim() || null;
  if (!nhsInput && !nameInput && !date && !postcodeInput) return fail('no-criteria', 'Enter an NHS number, a name, a date of birth or due date, or a postcode');
  const nhsProblem = nhsInput ? nhsNumberWords(nhsInput) : null;
  if (nhsProblem !== null) return fail('invalid-nhs-number', nhsProblem);
  const name = nameInput ? parseNameQuery(nameInput) : null;
  if (nameInput && !name) return fail('invalid-name', 'Name must include at least 2 letters');
  if (date && anyDayProblem(date) === 'not-a-date') return fail('invalid-date', 'Date of birth or due date must be a real date');
  if (date && anyDayProblem(date) === 'too-early') return fail('invalid-date', tooEarlyWords('Date of birth or due date'));
  if (postcodeInput && !isPostcode(postcodeInput)) return fail('invalid-postcode', 'Enter a real postcode, like DE1 2AB');
  if (postcodeInput && !maySearchByPostcode(actor)) {
    await recordAuditAlone(ctx, actor, { action: 'cases.search', outcome: 'denied', details: { reason: 'postcode-not-allowed' } });
    return fail('postcode-not-allowed', 'Your role does not search by where a family lives. Search by NHS number, name or date of birth.');
  }
  const nhsNumber = nhsInput ? normaliseNhsNumber(nhsInput) : null;
  const postcode = postcodeInput ? normalisePostcode(postcodeInput) : null;
  const due = date ? searchDueDateRange(date) : null;

  const wanted: Wanted = { nhsNumber, name, date, due };
  const personCriteria: PersonCriteria = { nhsNumber, name, dateOfBirth: date };
  const forPeople = searchesForPeople(personCriteria);
  const baby = babyMatches(wanted);

  const own = sql<boolean>`exists (select 1 from case_team where case_team.case_id = cases.id and case_team.user_id = ${actor.userId})`;
  let query = ctx.db
    .selectFrom('cases')
    .select(CASE_SUMMARY_COLUMNS)
    .select([baby.$castTo<boolean>().as('baby_matched'), own.as('own')])
    .select([
      (nhsNumber ? sql<boolean>`coalesce(cases.nhs_number = ${nhsNumber}, false)` : sql<boolean>`false`).as('met_nhs'),
      (nhsNumber ? sql<boolean>`coalesce(cases.mother_nhs_number = ${nhsNumber}, false)` : sql<boolean>`false`).as('met_mother_nhs'),
      (date ? sql<boolean>`coalesce(cases.date_of_birth = ${date}::date, false)` : sql<boolean>`false`).as('met_date_of_birth'),
      (due ? sql<boolean>`coalesce(cases.expected_delivery_date between ${due.from}::date and ${due.to}::date, false)` : sql<boolean>`false`).as('met_due_date'),
    ]);
  if (forPeople) {
    // The babies that match, and the babies of the people who match: each found through its own indexes.
    const babies = ctx.db.selectFrom('cases').select('cases.id as id').where(baby);
    const ofPeople = ctx.db.selectFrom('people').select('people.case_id as id').where(personMatches(wanted));
    query = query.where('cases.id', 'in', babies.union(ofPeople));
  }
  if (postcode) query = query.where('cases.postcode', '=', postcode).where('cases.address_restricted', '=', false);
  // The caller's own cases first, so that the limit never pushes them out; then the baby itself before
  // the babies found through a person; then by how well each matched.
  query = query.orderBy(own, 'desc');
  if (forPeople) query = query.orderBy(baby, 'desc');
  if (name) {
    const personLikeness = sql<number>`(select max(similarity(${PERSON_FULL_NAME_SQL}, ${name.full})) from people where people.case_id = cases.id and ${personMatches(wanted)})`;
    query = query.orderBy(sql`coalesce(greatest(case when ${baby} then similarity(${FULL_NAME_SQL}, ${name.full}) end, ${personLikeness}), 0)`, 'desc');
    query = query.orderBy(familySoundsLike(name.family), 'desc');
  }
  if (date && due) {
    // The exact date of birth first, then the nearest due dates.
    query = query.orderBy(sql`case when cases.date_of_birth = ${date}::date then 0 else abs(cases.expected_delivery_date - ${date}::date) + 1 end`);
  }
  // One row a case: people are asked about in a subquery, never joined.
  const rows = await query.orderBy('cases.family_name').orderBy('cases.given_name').orderBy('cases.id').limit(SEARCH_LIMIT + 1).execute();

  const more = rows.length > SEARCH_LIMIT;
  const shown = rows.slice(0, SEARCH_LIMIT);
  const found = await toCaseHits(ctx.db, actor, shown, ctx.clock.now());
  const people = forPeople ? await peopleOf(ctx.db, shown.map((row) => row.id), name) : new Map<string, PersonFacts[]>();
  const hits = orderSearchHits(
    found.map((hit, index): SearchHit => {
      const row = shown[index]!;
      const matchedOn = matchReasons({
        nhsNumber: row.baby_matched && row.met_nhs,
        motherNhsNumber: row.baby_matched && row.met_mother_nhs,
        name: row.baby_matched && name !== null,
        dateOfBirth: row.baby_matched && row.met_date_of_birth,
        dueDate: row.baby_matched && row.met_due_date,
        postcode: postcode !== null,
      });
      return { ...hit, matchedOn, peopleMatched: matchPeople(personCriteria, people.get(row.id) ?? []), own: row.own };
    }),
  );
  await recordAuditAlone(ctx, actor, {
    action: auditAction,
    details: { criteria: { nhsNumber, name: nameInput, dateOfBirth: date, postcode }, ...auditedIds(hits), more },
  });
  return ok({ hits, more });
}

/** The people around each of these babies, with how alike their names are to the one searched: what matchPerson decides from. */
async function peopleOf(db: Queryable, caseIds: readonly string[], name: NameQuery | null): Promise<Map<string, PersonFacts[]>> {
  const byCase = new Map<string, PersonFacts[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('people')
    .select(['case_id', 'relationship_to_infant', 'given_name', 'family_name', 'date_of_birth', 'nhs_number'])
    .select([
      (name ? sql<number>`similarity(${PERSON_FULL_NAME_SQL}, ${name.full})` : sql<number>`0`).as('name_likeness'),
      (name ? personFamilySoundsLike(name.family).$castTo<boolean>() : sql<boolean>`false`).as('family_sounds_alike'),
    ])
    .where('case_id', 'in', [...caseIds])
    .execute();
  for (const row of rows) {
    const list = byCase.get(row.case_id) ?? [];
    list.push({
      relationship: row.relationship_to_infant,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      nhsNumber: row.nhs_number,
      nameLikeness: row.name_likeness,
      familySoundsAlike: row.family_sounds_alike,
    });
    byCase.set(row.case_id, list);
  }
  return byCase;
}
