// Adding a person around the baby, and changing their details. Changes carry the version the user
// read: if someone else saved in between, nothing is overwritten and the caller gets the latest.
// Whether their history has been checked lives beside the domain's details: the profile assumes
// hidden risk until it is.
import { alreadyOnRecord } from '../../domain/people/already-on-record.ts';
import { checkPersonDetails, normalisePersonDetails, type PersonDetails, type PersonProblem } from '../../domain/people/person-rules.ts';
import type { PersonRelationshipKind } from '../../domain/people/relationships.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { changeCase, type CaseRefusal, type ProfileChange } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';

export interface PersonInput extends PersonDetails {
  /** Checked with police, children's social care and health records. Left out: false when adding, unchanged when changing. */
  historyChecked?: boolean;
}

export type StoredPerson = PersonDetails & { historyChecked: boolean; version: number };

export type SavePersonResult =
  | { ok: true; personId: string; version: number }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; problems: Partial<Record<keyof PersonDetails, PersonProblem>>; existingPersonId?: string }
  | { ok: false; code: 'version-conflict'; message: string; current: StoredPerson };

const DETAIL_FIELDS: (keyof Omit<StoredPerson, 'version'>)[] = [
  'givenName', 'familyName', 'identityKnown', 'description', 'relationshipToInfant', 'dateOfBirth', 'nhsNumber', 'sex',
  'livesInHousehold', 'caresForInfant', 'visitsRegularly', 'parentalResponsibility', 'paternityConfirmed', 'deceased',
  'address', 'addressRestricted', 'historyChecked',
];

type PersonRow = Awaited<ReturnType<typeof selectPerson>>;

/**
 * The details' problems, with any way they repeat someone already on the record (already-on-record.ts):
 * the same NHS number, or a second mother. `personId` null when adding.
 */
async function problemsOnRecord(trx: Tx, caseId: string, personId: string | null, details: PersonDetails, today: string): Promise<Extract<SavePersonResult, { code: 'invalid' }> | null> {
  const problems = checkPersonDetails(details, today);
  const onRecord = await trx.selectFrom('people').select(['id', 'nhs_number', 'relationship_to_infant']).where('case_id', '=', caseId).execute();
  const repeats = alreadyOnRecord(
    { id: personId, nhsNumber: problems.nhsNumber ? null : details.nhsNumber, relationshipToInfant: details.relationshipToInfant },
    onRecord.map((row) => ({ id: row.id, nhsNumber: row.nhs_number, relationshipToInfant: row.relationship_to_infant })),
  );
  for (const repeat of repeats) problems[repeat.field] ??= repeat.problem;
  if (Object.keys(problems).length === 0) return null;
  return { ok: false, code: 'invalid', problems, ...(repeats[0] ? { existingPersonId: repeats[0].existingPersonId } : {}) };
}

function selectPerson(trx: Tx, caseId: string, personId: string) {
  return trx.selectFrom('people').selectAll().where('case_id', '=', caseId).where('id', '=', personId).forUpdate().executeTakeFirst();
}

function toDetails(row: NonNullable<PersonRow>, canSeeRestricted: boolean): StoredPerson {
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    identityKnown: row.identity_known,
    description: row.description,
    relationshipToInfant: row.relationship_to_infant,
    dateOfBirth: row.date_of_birth,
    nhsNumber: row.nhs_number,
    sex: row.sex as PersonDetails['sex'],
    livesInHousehold: row.lives_in_household,
    caresForInfant: row.cares_for_infant,
    visitsRegularly: row.visits_regularly,
    parentalResponsibility: row.parental_responsibility,
    paternityConfirmed: row.paternity_confirmed,
    deceased: row.deceased,
    address: row.address_restricted && !canSeeRestricted ? null : row.address,
    addressRestricted: row.address_restricted,
    historyChecked: row.history_checked,
    version: row.version,
  };
}

/** A person's details as the people table's columns. */
export function personColumns(details: Omit<StoredPerson, 'version'>) {
  return {
    given_name: details.givenName,
    family_name: details.familyName,
    identity_known: details.identityKnown,
    description: details.description,
    relationship_to_infant: details.relationshipToInfant,
    date_of_birth: details.dateOfBirth,
    nhs_number: details.nhsNumber,
    sex: details.sex,
    lives_in_household: details.livesInHousehold,
    cares_for_infant: details.caresForInfant,
    visits_regularly: details.visitsRegularly,
    parental_responsibility: details.parentalResponsibility,
    paternity_confirmed: details.paternityConfirmed,
    deceased: details.deceased,
    address: details.address,
    address_restricted: details.addressRestricted,
    history_checked: details.historyChecked,
  };
}

const changeRefused = (refusal: CaseRefusal): { ok: false; code: 'not-found' | 'forbidden'; message: string } =>
  refusal.code === 'not-found'
    ? { ok: false, code: 'not-found', message: 'There is no record at this address.' }
    : { ok: false, code: 'forbidden', message: 'Only the team around the family can change this record.' };

/** The version a change to the people around the baby writes: who the profile counts has changed. */
export function personVersion(summary: string, personId: string, changed: readonly string[]): ProfileChange {
  return { kind: 'person', change: { summary, personId, changed: [...changed] }, why: null };
}

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post records nothing (ADR 0026). */
export async function addPerson(ctx: AppContext, actor: UserActor, caseId: string, input: PersonInput, submission?: string): Promise<SavePersonResult> {
  const details = { ...normalisePersonDetails(input), historyChecked: input.historyChecked ?? false };
  return changeCase<SavePersonResult>(ctx, actor, caseId, { action: 'person.add', submission }, changeRefused, async ({ trx, record, now, today }) => {
    const invalid = await problemsOnRecord(trx, caseId, null, details, today);
    if (invalid) return { changed: false, answer: invalid };
    // Only someone who may see restricted details may mark an address restricted or add one that is.
    const safe = record.canSeeRestricted ? details : { ...details, addressRestricted: false };
    const id = ctx.newId();
    await trx.insertInto('people').values({ case_id: caseId, id, ...personColumns(safe), created_at: now, updated_at: now, updated_by: actor.userId }).execute();
    return {
      changed: true,
      version: personVersion(`Person added around the baby (${safe.relationshipToInfant.replace(/-/g, ' ')})`, id, []),
      entriesAdded: [],
      audit: ({ profileVersion, alerts }) => ({
        action: 'person.add',
        caseId,
        subjectType: 'person',
        subjectId: id,
        details: { relationshipToInfant: safe.relationshipToInfant, identityKnown: safe.identityKnown, historyChecked: safe.historyChecked, profileVersion, ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}) },
      }),
      answer: () => ({ ok: true, personId: id, version: 1 }),
      recordId: id,
    };
  });
}

export async function updatePerson(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  personId: string,
  input: PersonInput,
  readVersion: number,
): Promise<SavePersonResult> {
  const details = normalisePersonDetails(input);
  return changeCase<SavePersonResult>(ctx, actor, caseId, { action: 'person.update' }, changeRefused, async ({ trx, record, now, today }) => {
    const refuse = (answer: SavePersonResult) => ({ changed: false as const, answer });
    const row = await selectPerson(trx, caseId, personId);
    if (!row) return refuse({ ok: false, code: 'not-found', message: 'That person is not in this record.' });
    const { canSeeRestricted } = record;
    if (row.version !== readVersion) {
      return refuse({ ok: false, code: 'version-conflict', message: 'Someone else changed these details while you were editing. Their version is shown; check it and save yours again.', current: toDetails(row, canSeeRestricted) });
    }
    const invalid = await problemsOnRecord(trx, caseId, personId, details, today);
    if (invalid) return refuse(invalid);
    // A restricted address stays as it is unless the editor may see it.
    const withHistory = { ...details, historyChecked: input.historyChecked ?? row.history_checked };
    const safe = canSeeRestricted ? withHistory : { ...withHistory, address: row.address, addressRestricted: row.address_restricted };
    const before = toDetails(row, true);
    const changed = DETAIL_FIELDS.filter((field) => before[field] !== safe[field]);
    // Ticking or unticking it changes what the profile assumes, so the entry says which way.
    const historyDetail = changed.includes('historyChecked') ? { historyChecked: safe.historyChecked } : {};
    const version = row.version + 1;
    await trx
      .updateTable('people')
      .set({ ...personColumns(safe), version, updated_at: now, updated_by: actor.userId })
      .where('case_id', '=', caseId)
      .where('id', '=', personId)
      .execute();
    return {
      changed: true,
      version: personVersion('Details of a person around the baby changed', personId, changed),
      entriesAdded: [],
      audit: ({ profileVersion, alerts }) => ({
        action: 'person.update',
        caseId,
        subjectType: 'person',
        subjectId: personId,
        details: { changed, version, ...historyDetail, profileVersion, ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}) },
      }),
      answer: () => ({ ok: true, personId, version }),
    };
  });
}

export async function addRelationship(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: { personId: string; otherPersonId: string; kind: PersonRelationshipKind },
  /** The one-time id of the form it was posted from (ADR 0026). */
  submission?: string,
): Promise<{ ok: true; id: string } | { ok: false; code: 'not-found' | 'forbidden' | 'invalid'; message: string }> {
  return changeCase<{ ok: true; id: string } | { ok: false; code: 'not-found' | 'forbidden' | 'invalid'; message: string }>(ctx, actor, caseId, { action: 'relationship.add', submission }, changeRefused, async ({ trx, now }) => {
    if (input.personId === input.otherPersonId) return { changed: false, answer: { ok: false, code: 'invalid', message: 'Choose two different people.' } };
    const found = await trx.selectFrom('people').select('id').where('case_id', '=', caseId).where('id', 'in', [input.personId, input.otherPersonId]).execute();
    if (found.length !== 2) return { changed: false, answer: { ok: false, code: 'invalid', message: 'Choose two people from this record.' } };
    const id = ctx.newId();
    await trx
      .insertInto('person_relationships')
      .values({ case_id: caseId, id, person_id: input.personId, other_person_id: input.otherPersonId, kind: input.kind, created_at: now, created_by: actor.userId })
      .execute();
    // The profile is not evaluated from relationships: audited, not versioned.
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      audit: () => ({ action: 'relationship.add', caseId, subjectType: 'relationship', subjectId: id, details: { kind: input.kind } }),
      answer: () => ({ ok: true, id }),
      recordId: id,
    };
  });
}
