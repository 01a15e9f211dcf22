// Reading and writing a case's consent and information sharing records: a row of case_consents each
// (migration 018), never changed; and the people and users a record may name.
import type { ConsentRecord, RecordedConsent } from '../../domain/consent/consent.types.ts';
import { personDisplayName, RELATIONSHIPS_TO_INFANT, isRelationshipToInfant } from '../../domain/people/relationships.ts';
import type { Queryable, Tx } from '../../infrastructure/db/schema.ts';
import type { Recorder } from '../recorder.ts';

type Row = Awaited<ReturnType<typeof selectRows>>[number];

const selectRows = (db: Queryable, caseId: string) => db.selectFrom('case_consents').selectAll().where('case_id', '=', caseId).orderBy('dated_on', 'desc').orderBy('recorded_at', 'desc').execute();

function recordFromRow(row: Row): RecordedConsent {
  const stored = { id: row.id, recordedAt: row.recorded_at.toISOString(), recordedBy: row.recorded_by_name, ...(row.note !== null ? { note: row.note } : {}) };
  switch (row.kind) {
    case 'consent':
      return { kind: 'consent', ...(row.asked_person_id !== null ? { askedPersonId: row.asked_person_id } : {}), ...(row.asked_name !== null ? { askedName: row.asked_name } : {}), purpose: row.purpose!, soughtOn: row.dated_on, answer: row.answer!, ...stored };
    case 'withdrawal':
      return { kind: 'withdrawal', withdraws: row.withdraws!, withdrawnOn: row.dated_on, ...stored };
    case 'shared-without-consent':
      return {
        kind: 'shared-without-consent',
        sharedWhat: row.shared_what!,
        sharedWith: row.shared_with!,
        sharedOn: row.dated_on,
        basis: row.basis!,
        ...(row.basis_other !== null ? { basisOther: row.basis_other } : {}),
        decidedBy: row.decided_by ?? '',
        decidedByName: row.decided_by_name!,
        reason: row.reason!,
        ...stored,
      };
  }
}

/** The case's records, the latest dated first (recorded order within a day). */
export async function readConsents(db: Queryable, caseId: string): Promise<RecordedConsent[]> {
  return (await selectRows(db, caseId)).map(recordFromRow);
}

/** Stores a checked record under a new id. */
export async function insertConsent(trx: Tx, caseId: string, id: string, record: ConsentRecord, recorder: Recorder, now: Date): Promise<RecordedConsent> {
  const common = { case_id: caseId, id, kind: record.kind, note: record.note ?? null, recorded_at: now, recorded_by: recorder.userId, recorded_by_name: recorder.name };
  switch (record.kind) {
    case 'consent':
      await trx.insertInto('case_consents').values({ ...common, dated_on: record.soughtOn, asked_person_id: record.askedPersonId ?? null, asked_name: record.askedName ?? null, purpose: record.purpose, answer: record.answer }).execute();
      break;
    case 'withdrawal':
      await trx.insertInto('case_consents').values({ ...common, dated_on: record.withdrawnOn, withdraws: record.withdraws }).execute();
      break;
    case 'shared-without-consent':
      await trx
        .insertInto('case_consents')
        .values({ ...common, dated_on: record.sharedOn, shared_what: record.sharedWhat, shared_with: record.sharedWith, basis: record.basis, basis_other: record.basisOther ?? null, decided_by: record.decidedBy, decided_by_name: record.decidedByName, reason: record.reason })
        .execute();
      break;
  }
  return { ...record, id, recordedAt: now.toISOString(), recordedBy: recorder.name };
}

export interface CasePerson {
  id: string;
  /** "Amy Smith (Mother)". */
  name: string;
}

/** The people on the case, each named with how they are related to the baby. */
export async function readCasePeople(db: Queryable, caseId: string): Promise<CasePerson[]> {
  const rows = await db.selectFrom('people').select(['id', 'given_name', 'family_name', 'description', 'identity_known', 'relationship_to_infant']).where('case_id', '=', caseId).orderBy('created_at').execute();
  return rows.map((row) => {
    const relationship = isRelationshipToInfant(row.relationship_to_infant) ? RELATIONSHIPS_TO_INFANT[row.relationship_to_infant] : row.relationship_to_infant;
    return { id: row.id, name: `${personDisplayName({ givenName: row.given_name, familyName: row.family_name, description: row.description, identityKnown: row.identity_known })} (${relationship})` };
  });
}

/** The users named, by id with their names: those who exist and are not disabled. */
export async function readUserNames(db: Queryable, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = userIds.filter((id) => id.trim() !== '');
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).where('disabled_at', 'is', null).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The team around the family, who may be named as having decided: the lead first. */
export async function readTeamUsers(db: Queryable, caseId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['users.id as id', 'users.name as name'])
    .where('case_team.case_id', '=', caseId)
    .where('users.disabled_at', 'is', null)
    .orderBy('case_team.role')
    .orderBy('users.name')
    .execute();
}
