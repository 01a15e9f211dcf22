// The record's details that help people find it and reach the family (issue 14): the household's
// address, the GP practice, the birth hospital and, before the birth, the mother's NHS number.
// Changing them goes through the one way to change a case (change-case.ts): they are not what the
// profile is evaluated from, so a change is audited, not versioned, and the record's version goes up.
// A restricted address is never shown in passing: only its reveal, to the lead professional or
// oversight, shows it, and every reveal (and refusal) is audited. Audit entries name the fields
// that changed, never an address.
import { sql } from 'kysely';
import {
  changedRecordDetails,
  checkRecordDetails,
  normaliseRecordDetails,
  type RecordDetails,
  type RecordDetailsProblem,
} from '../../domain/people/record-details.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { InfantStatus } from '../../domain/people/record-matching.ts';
import type { CasesTable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { refuseWhenClosedForTransfer } from './case-intent.ts';
import type { AppContext } from '../context.ts';
import { caseContact, loadCaseAccess } from './case-access.ts';
import { changeCase, type CaseRefusal } from './change-case.ts';
import type { CaseContact } from './search-cases.ts';

/** The details as a page or the API shows them: a restricted address (and its postcode) withheld. */
export interface ShownRecordDetails extends RecordDetails {
  /** The address is restricted and not shown here: it is shown only when revealed. */
  addressWithheld: boolean;
}

type DetailColumns = Pick<CasesTable, 'address' | 'postcode' | 'gp_practice_name' | 'gp_practice_ods_code' | 'birth_hospital' | 'mother_nhs_number'> & { address_restricted: boolean };

export function recordDetailsOf(row: DetailColumns): RecordDetails {
  return {
    address: row.address,
    postcode: row.postcode,
    addressRestricted: row.address_restricted,
    gpPracticeName: row.gp_practice_name,
    gpPracticeOdsCode: row.gp_practice_ods_code,
    birthHospital: row.birth_hospital,
    motherNhsNumber: row.mother_nhs_number,
  };
}

/** The details with a restricted address withheld, as every page and reply but the reveal shows them. */
export function shownRecordDetails(row: DetailColumns): ShownRecordDetails {
  const details = recordDetailsOf(row);
  const withheld = details.addressRestricted && (details.address !== null || details.postcode !== null);
  return withheld ? { ...details, address: null, postcode: null, addressWithheld: true } : { ...details, addressWithheld: false };
}

export function detailColumns(details: RecordDetails) {
  return {
    address: details.address,
    postcode: details.postcode,
    address_restricted: details.addressRestricted,
    gp_practice_name: details.gpPracticeName,
    gp_practice_ods_code: details.gpPracticeOdsCode,
    birth_hospital: details.birthHospital,
    mother_nhs_number: details.motherNhsNumber,
  };
}

const DETAIL_COLUMNS = ['address', 'postcode', 'address_restricted', 'gp_practice_name', 'gp_practice_ods_code', 'birth_hospital', 'mother_nhs_number'] as const;

/** The record's details as the edit page shows them. */
export interface CaseDetailsForEdit {
  id: string;
  name: string;
  status: InfantStatus;
  version: number;
  /** The address in full when the editor may see a restricted one (opening the page reveals it); else withheld. */
  details: ShownRecordDetails;
  canSeeRestricted: boolean;
}

/** Whom to contact is on the refusal's page (application/cases/case-refusal.ts), read there. */
type Refused = { ok: false; code: 'forbidden'; message: string };
type NotFound = { ok: false; code: 'not-found'; message: string };

const NOT_FOUND: NotFound = { ok: false, code: 'not-found', message: 'There is no record at this address.' };
const CANNOT_CHANGE = 'You cannot change this record. Contact its lead professional.';

export type LoadCaseDetailsResult = { ok: true; value: CaseDetailsForEdit } | Refused | NotFound;

/**
 * The details for the edit page: only for someone who may change the record. Opening it is audited
 * as a view of the case, saying whether it revealed a restricted address; a refusal is audited too.
 */
export async function loadCaseDetailsForEdit(ctx: AppContext, actor: UserActor, caseId: string): Promise<LoadCaseDetailsResult> {
  const row = await ctx.db.selectFrom('cases').select(['id', 'status', 'given_name', 'family_name', 'version', ...DETAIL_COLUMNS]).where('id', '=', caseId).executeTakeFirst();
  if (!row) return NOT_FOUND;
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  if (!access.allowed || !access.canChange) {
    await recordAuditAlone(ctx, actor, { action: 'case.details-update', outcome: 'denied', subjectType: 'case', subjectId: caseId, caseId, details: { page: 'case-details' } });
    return { ok: false, code: 'forbidden', message: CANNOT_CHANGE };
  }
  await refuseWhenClosedForTransfer(ctx, actor, caseId, { action: 'case.details-update', need: 'change' });
  const reveals = row.address_restricted && access.canSeeRestricted && (row.address !== null || row.postcode !== null);
  await recordAuditAlone(ctx, actor, { action: 'case.view', subjectType: 'case', subjectId: caseId, caseId, details: { page: 'case-details', basis: access.basis, ...(reveals ? { restrictedAddressRevealed: true } : {}) } });
  return {
    ok: true,
    value: {
      id: row.id,
      name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
      status: row.status,
      version: row.version,
      details: access.canSeeRestricted ? { ...recordDetailsOf(row), addressWithheld: false } : shownRecordDetails(row),
      canSeeRestricted: access.canSeeRestricted,
    },
  };
}

export type UpdateCaseDetailsResult =
  | { ok: true; value: { id: string; version: number; changed: string[] } }
  | Refused
  | NotFound
  | { ok: false; code: 'invalid'; message: string; problems: RecordDetailsProblem[] }
  | { ok: false; code: 'version-conflict'; message: string; current: { version: number; details: ShownRecordDetails } };

/**
 * Changes the details from the version the editor read (a field left out stays as it is). Someone who may not see a restricted
 * address cannot change it or lift the restriction (what they send for it is ignored), but anyone
 * who may change the record may restrict an address: keeping it from others is always allowed.
 */
/** `submission`: the one-time id of the form it was posted from, noted with the change so that a second post is answered as the first, not refused as stale (ADR 0026). */
export async function updateCaseDetails(ctx: AppContext, actor: UserActor, caseId: string, input: Partial<RecordDetails>, readVersion: number, submission?: string): Promise<UpdateCaseDetailsResult> {
  const refused = (refusal: CaseRefusal): UpdateCaseDetailsResult => (refusal.code === 'not-found' ? NOT_FOUND : { ok: false, code: 'forbidden', message: CANNOT_CHANGE });
  return changeCase<UpdateCaseDetailsResult>(ctx, actor, caseId, { action: 'case.details-update', submission }, refused, async ({ trx, record, now }) => {
    const refuse = (answer: UpdateCaseDetailsResult) => ({ changed: false as const, answer });
    const row = (await trx.selectFrom('cases').select(['status', 'version', ...DETAIL_COLUMNS]).where('id', '=', caseId).executeTakeFirst())!;
    const stored = recordDetailsOf(row);
    const shown = record.canSeeRestricted ? { ...stored, addressWithheld: false } : shownRecordDetails(row);
    if (row.version !== readVersion) {
      return refuse({ ok: false, code: 'version-conflict', message: 'Someone else changed this record while you were editing. Their details are shown; check them and save yours again.', current: { version: row.version, details: shown } });
    }
    // A field left out stays as it is; null clears it.
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    let details = normaliseRecordDetails({ ...stored, ...given });
    // After the birth the mother's NHS number is not asked for: left blank, what was recorded before stays.
    if (row.status !== 'unborn' && details.motherNhsNumber === null) details = { ...details, motherNhsNumber: stored.motherNhsNumber };
    if (stored.addressRestricted && !record.canSeeRestricted) {
      details = { ...details, address: stored.address, postcode: stored.postcode, addressRestricted: true };
    }
    const problems = checkRecordDetails(details, row.status, stored);
    if (problems.length > 0) return refuse({ ok: false, code: 'invalid', message: problems[0]!.message, problems });
    const changed = changedRecordDetails(stored, details);
    if (changed.length === 0) return refuse({ ok: true, value: { id: caseId, version: row.version, changed: [] } });
    const updated = await trx
      .updateTable('cases')
      .set({ ...detailColumns(details), updated_at: now, updated_by: actor.userId, version: sql<number>`version + 1` })
      .where('id', '=', caseId)
      .returning('version')
      .executeTakeFirstOrThrow();
    // Nothing the profile is evaluated from: audited, not versioned. The entry names fields, never values.
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      audit: () => ({
        action: 'case.details-update',
        subjectType: 'case',
        subjectId: caseId,
        caseId,
        details: { changed, fromVersion: readVersion, toVersion: updated.version, ...(details.addressRestricted ? { addressRestricted: true } : {}) },
      }),
      answer: () => ({ ok: true, value: { id: caseId, version: updated.version, changed } }),
      recordId: caseId,
    };
  });
}

/** `restricted`: the user is in the team, but the address is kept from them; `forbidden`: they are not in the team. */
export type RevealAddressResult =
  | { ok: true; value: { address: string | null; postcode: string | null; restricted: boolean } }
  | Refused
  | { ok: false; code: 'restricted'; message: string; contact: CaseContact | null }
  | NotFound;

/**
 * Shows the household's address. A restricted one is shown only to the lead professional and
 * oversight, and each reveal is audited (a refusal too), so the lead can see who has looked.
 */
export async function revealAddress(ctx: AppContext, actor: UserActor, caseId: string): Promise<RevealAddressResult> {
  const row = await ctx.db.selectFrom('cases').select(['address', 'postcode', 'address_restricted']).where('id', '=', caseId).executeTakeFirst();
  if (!row) return NOT_FOUND;
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  if (!access.allowed || (row.address_restricted && !access.canSeeRestricted)) {
    await recordAuditAlone(ctx, actor, { action: 'case.address-reveal', outcome: 'denied', subjectType: 'case', subjectId: caseId, caseId, details: { restricted: row.address_restricted } });
    if (!access.allowed) return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
    return { ok: false, code: 'restricted', message: 'This address is restricted. Only the lead professional and safeguarding leads or managers overseeing the case can see it.', contact: await caseContact(ctx.db, caseId) };
  }
  await recordAuditAlone(ctx, actor, { action: 'case.address-reveal', subjectType: 'case', subjectId: caseId, caseId, details: { restricted: row.address_restricted, basis: access.basis } });
  return { ok: true, value: { address: row.address, postcode: row.postcode, restricted: row.address_restricted } };
}
