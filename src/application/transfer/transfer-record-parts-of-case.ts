// The parts of a case's transfer record beyond its people and entries (domain/transfer/transfer-record.ts):
// how its people are related, its factor assessments with their evidence, its plan, its meetings and
// the disputes beside its entries. Who assessed a factor or owns an action is said in words (name,
// role, agency), since an account here means nothing in the receiving area. Supervision is not read:
// it is the sending organisation's own oversight of its staff.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { PlanAction } from '../../domain/plan/plan.types.ts';
import type { TransferredAssessment, TransferredAssessor, TransferRecord } from '../../domain/transfer/transfer-record.ts';
import type { Db } from '../../infrastructure/db/schema.ts';
import { readMeetings } from '../meetings/meeting-rows.ts';
import { readCurrentPlan } from '../plan/plan-rows.ts';

type Parts = Pick<TransferRecord, 'relationships' | 'assessments' | 'plan' | 'meetings' | 'disputes'>;

/** Accounts of the case's assessors and owners, in words. */
async function assessorsOf(db: Db, userIds: readonly string[]): Promise<Map<string, TransferredAssessor>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'users.role', 'organisations.name as agency', 'organisations.kind as agencyKind'])
    .where('users.id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, { name: row.name, role: row.role, agency: row.agency, agencyKind: row.agencyKind }]));
}

async function assessmentsOf(db: Db, caseId: string, entryIds: ReadonlySet<string>): Promise<TransferredAssessment[]> {
  const [assessments, evidence] = await Promise.all([
    db.selectFrom('profile_assessments').selectAll().where('case_id', '=', caseId).orderBy('factor_id').orderBy('subject_key').execute(),
    db.selectFrom('profile_evidence').selectAll().where('case_id', '=', caseId).orderBy('recorded_at').orderBy('id').execute(),
  ]);
  const assessors = await assessorsOf(db, assessments.flatMap((a) => (a.updated_by ? [a.updated_by] : [])));
  return assessments.map((a) => ({
    factorId: a.factor_id,
    ...(a.person_id ? { personId: a.person_id } : {}),
    status: a.status,
    ...(a.detail ? { detail: a.detail } : {}),
    ...(a.pattern ? { pattern: a.pattern } : {}),
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.protection ? { protection: a.protection } : {}),
    ...(a.responses ? { responses: a.responses } : {}),
    assessedAt: a.updated_at.toISOString(),
    assessedBy: (a.updated_by && assessors.get(a.updated_by)) || null,
    evidence: evidence
      .filter((e) => e.factor_id === a.factor_id && e.subject_key === a.subject_key)
      .map((e) => ({
        source: e.source,
        note: e.note,
        indicates: e.indicates,
        givenBy: e.given_by,
        recordedAt: e.recorded_at.toISOString(),
        recordedBy: e.recorded_by_name,
        agency: e.agency,
        ...(e.event_id && entryIds.has(e.event_id) ? { entryId: e.event_id } : {}),
        ...(e.seen_on ? { seenOn: e.seen_on } : {}),
      })),
  }));
}

/** An action's owner in words: an account here becomes "name, agency". */
function ownerInWords(action: PlanAction, owners: ReadonlyMap<string, TransferredAssessor>): PlanAction {
  if (!('userId' in action.owner)) return action;
  const owner = owners.get(action.owner.userId);
  return { ...action, owner: { name: owner ? `${owner.name}, ${owner.agency}` : 'Someone no longer in the sending area’s service' } };
}

export async function transferRecordPartsOf(db: Db, caseId: string, chronology: readonly ChronologyEntry[]): Promise<Parts> {
  const entryIds = new Set(chronology.map((entry) => entry.id));
  const [relationships, assessments, plan, meetings] = await Promise.all([
    db.selectFrom('person_relationships').select(['person_id', 'other_person_id', 'kind']).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
    assessmentsOf(db, caseId, entryIds),
    readCurrentPlan(db, caseId),
    readMeetings(db, caseId),
  ]);
  const owners = await assessorsOf(db, plan?.actions.flatMap((action) => ('userId' in action.owner ? [action.owner.userId] : [])) ?? []);
  return {
    relationships: relationships.map((r) => ({ personId: r.person_id, otherPersonId: r.other_person_id, kind: r.kind })),
    assessments,
    plan: plan ? { level: plan.level, outcomes: plan.outcomes, checkItems: plan.checkItems, actions: plan.actions.map((action) => ownerInWords(action, owners)), visits: plan.visits, recordedAt: plan.recordedAt, recordedBy: plan.recordedBy ?? 'Unknown' } : null,
    meetings: meetings.reverse(),
    disputes: chronology.flatMap((entry) => (entry.disputes ?? []).map((d) => ({ entryId: entry.id, disputedBy: d.disputedBy, text: d.text, recordedAt: d.recordedAt, recordedBy: d.recordedBy, agency: d.agency }))),
  };
}
