// Finds records by NHS number, by name (forgiving misspelling: trigrams on the full name and a
// phonetic match on the family name) and by date of birth or due date. A record the caller may not
// open shows only that it exists and whom to contact. Every search is audited: criteria and ids.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccessBasis } from '../../domain/access/case-access.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { checkNhsNumber, normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { isRealIsoDate } from '../../domain/shared/calendar-date.ts';
import { NHS_NUMBER_MESSAGE, parseNameQuery, searchDueDateRange, type InfantStatus } from '../../domain/people/record-matching.ts';
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

/** A record the caller may not open: that it exists, and who to contact. No name, date or NHS number. */
export interface RestrictedCase {
  restricted: true;
  id: string;
  contact: CaseContact | null;
}

export type CaseHit = VisibleCase | RestrictedCase;

export type SearchFailure = 'no-criteria' | 'invalid-nhs-number' | 'invalid-name' | 'invalid-date';

export interface SearchResults {
  hits: CaseHit[];
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

/** True when the family name sounds like `family` (double metaphone), and the code is not empty. */
export function familySoundsLike(family: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(dmetaphone(coalesce(cases.family_name, '')) = dmetaphone(${family}) and dmetaphone(${family}) <> '')`;
}

/** Each row as the caller may see it: the summary if they may open the record, else only the contact. */
export async function toCaseHits(db: Queryable, actor: UserActor, rows: readonly CaseSummaryRow[], now: Date): Promise<CaseHit[]> {
  const hits: CaseHit[] = [];
  for (const row of rows) {
    const access = await loadCaseAccess(db, actor, row.id, now);
    if (!access.allowed) {
      hits.push({ restricted: true, id: row.id, contact: await caseContact(db, row.id) });
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

export async function searchCases(ctx: AppContext, actor: UserActor, criteria: SearchCriteria): Promise<Result<SearchResults, SearchFailure>> {
  const nhsInput = criteria.nhsNumber?.trim() || null;
  const nameInput = criteria.name?.trim() || null;
  const date = criteria.dateOfBirth?.trim() || null;
  if (!nhsInput && !nameInput && !date) return fail('no-criteria', 'Enter an NHS number, a name, or a date of birth or due date');
  if (nhsInput && checkNhsNumber(nhsInput) !== null) return fail('invalid-nhs-number', NHS_NUMBER_MESSAGE);
  const name = nameInput ? parseNameQuery(nameInput) : null;
  if (nameInput && !name) return fail('invalid-name', 'Name must include at least 2 letters');
  if (date && !isRealIsoDate(date)) return fail('invalid-date', 'Date of birth or due date must be a real date');
  const nhsNumber = nhsInput ? normaliseNhsNumber(nhsInput) : null;

  let query = ctx.db.selectFrom('cases').select(CASE_SUMMARY_COLUMNS);
  if (nhsNumber) query = query.where('cases.nhs_number', '=', nhsNumber);
  if (name) {
    query = query.where((eb) => eb.or([sql<SqlBool>`${FULL_NAME_SQL} % ${name.full}`, familySoundsLike(name.family)]));
    query = query.orderBy(sql`similarity(${FULL_NAME_SQL}, ${name.full})`, 'desc').orderBy(familySoundsLike(name.family), 'desc');
  }
  if (date) {
    const due = searchDueDateRange(date);
    query = query.where((eb) => eb.or([eb('cases.date_of_birth', '=', date), eb.between('cases.expected_delivery_date', due.from, due.to)]));
    // The exact date of birth first, then the nearest due dates.
    query = query.orderBy(sql`case when cases.date_of_birth = ${date}::date then 0 else abs(cases.expected_delivery_date - ${date}::date) + 1 end`);
  }
  const rows = await query.orderBy('cases.family_name').orderBy('cases.given_name').orderBy('cases.id').limit(SEARCH_LIMIT + 1).execute();

  const more = rows.length > SEARCH_LIMIT;
  const hits = await toCaseHits(ctx.db, actor, rows.slice(0, SEARCH_LIMIT), ctx.clock.now());
  await recordAuditAlone(ctx, actor, {
    action: 'cases.search',
    details: { criteria: { nhsNumber, name: nameInput, dateOfBirth: date }, ...auditedIds(hits), more },
  });
  return ok({ hits, more });
}
