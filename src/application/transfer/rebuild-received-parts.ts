// Rebuilding the parts of a transfer record beyond its people and entries in a case here (issue 21),
// inside the receiving change's transaction (receive-transfer.ts): relationships, factor assessments
// with their evidence, the plan, meetings and disputes, each naming people, entries and meetings by
// their ids here and marked as received from the sending area on the day it arrived (received_from,
// migration 046). A received assessment keeps who assessed it there and when, and stays the sending
// area's (unverified) until someone here confirms or re-assesses it. Into a case that already has its
// own (a merge), what is here wins: a factor already assessed here gets the received evidence beside
// its own assessment, and a plan here is kept (the received plan is then not added). Merged again (a
// later pack of the same record), nothing already here is added twice: a relationship between the
// same two people, evidence with the same note, agency, recorder and time, a meeting received before
// with the same kind, day, recorder and time.
import { factorById } from '../../domain/catalogue/catalogue.ts';
import type { EntryDispute } from '../../domain/chronology/chronology.types.ts';
import type { TransferRecord, ReceivedMark, ReceivedAssessmentMark } from '../../domain/transfer/transfer-record.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import { subjectKey } from '../profile/profile-facts.ts';
import type { Recorder } from '../recorder.ts';

/** Ids of the sending record's people and entries, as they are here. */
export interface IdsHere {
  people: ReadonlyMap<string, string>;
  entries: ReadonlyMap<string, string>;
  /** Merging: the ids here of the people proposed rather than added; their relationships wait with them (propose-received-people.ts). */
  proposed: ReadonlySet<string>;
}

export interface RebuiltCounts {
  /** Relationships added: between people here (one naming a proposed person waits for them to be confirmed). */
  relationships: number;
  assessments: number;
  /** Received factors already assessed here: their evidence added beside the assessment here. */
  assessmentsKeptHere: number;
  plan: 'received' | 'kept-here' | 'none';
  meetings: number;
  disputes: number;
}

export interface Rebuilt {
  counts: RebuiltCounts;
  /** The disputes added, by the id here of the entry each disputes, for the chronology the change leaves. */
  disputes: ReadonlyMap<string, EntryDispute[]>;
}

const json = (value: unknown) => JSON.stringify(value);

async function rebuildAssessments(trx: Tx, ctx: AppContext, caseId: string, record: TransferRecord, ids: IdsHere, mark: ReceivedMark): Promise<Pick<RebuiltCounts, 'assessments' | 'assessmentsKeptHere'>> {
  const here = new Set((await trx.selectFrom('profile_assessments').select(['factor_id', 'subject_key']).where('case_id', '=', caseId).execute()).map((a) => `${a.factor_id}|${a.subject_key}`));
  const evidenceKey = (e: { factorId: string; subjectKey: string; note: string; agency: string; recordedBy: string | null; recordedAt: string }) => JSON.stringify([e.factorId, e.subjectKey, e.note, e.agency, e.recordedBy, new Date(e.recordedAt).toISOString()]);
  const evidenceHere = new Set(
    (await trx.selectFrom('profile_evidence').select(['factor_id', 'subject_key', 'note', 'agency', 'recorded_by_name', 'recorded_at']).where('case_id', '=', caseId).where('recorded_by', 'is', null).execute()).map((e) =>
      evidenceKey({ factorId: e.factor_id, subjectKey: e.subject_key, note: e.note, agency: e.agency, recordedBy: e.recorded_by_name, recordedAt: e.recorded_at.toISOString() }),
    ),
  );
  let received = 0;
  for (const assessment of record.assessments) {
    const factor = factorById(assessment.factorId)!;
    const personId = assessment.personId === undefined ? null : ids.people.get(assessment.personId)!;
    const key = subjectKey(factor.subject, personId);
    if (!here.has(`${assessment.factorId}|${key}`)) {
      const received_from: ReceivedAssessmentMark = { ...mark, assessedAt: assessment.assessedAt, assessedBy: assessment.assessedBy, version: 1 };
      await trx
        .insertInto('profile_assessments')
        .values({
          case_id: caseId,
          factor_id: assessment.factorId,
          subject_key: key,
          person_id: personId,
          status: assessment.status,
          detail: assessment.detail ?? null,
          pattern: assessment.pattern ?? null,
          reason: assessment.reason ?? null,
          protection: assessment.protection ? json(assessment.protection) : null,
          responses: assessment.responses ? json(assessment.responses) : null,
          version: 1,
          updated_at: assessment.assessedAt,
          updated_by: null,
          received_from: json(received_from),
        })
        .execute();
      received += 1;
    }
    const evidence = assessment.evidence.filter((e) => !evidenceHere.has(evidenceKey({ factorId: assessment.factorId, subjectKey: key, note: e.note, agency: e.agency, recordedBy: e.recordedBy, recordedAt: e.recordedAt })));
    if (evidence.length === 0) continue;
    await trx
      .insertInto('profile_evidence')
      .values(
        evidence.map((e) => ({
          case_id: caseId,
          id: ctx.newId(),
          factor_id: assessment.factorId,
          subject_key: key,
          source: e.source,
          note: e.note,
          indicates: e.indicates,
          given_by: e.givenBy,
          recorded_at: e.recordedAt,
          recorded_by: null,
          recorded_by_name: e.recordedBy,
          agency: e.agency,
          event_id: e.entryId === undefined ? null : ids.entries.get(e.entryId)!,
          seen_on: e.seenOn ?? null,
        })),
      )
      .execute();
  }
  return { assessments: received, assessmentsKeptHere: record.assessments.length - received };
}

/** The meetings, each under a new id (one received before keeps its own): the ids here by the pack's, and how many were added. */
async function rebuildMeetings(trx: Tx, ctx: AppContext, caseId: string, record: TransferRecord, mark: ReceivedMark): Promise<{ meetingIds: Map<string, string>; added: number }> {
  if (record.meetings.length === 0) return { meetingIds: new Map(), added: 0 };
  const meetingKey = (m: { kind: string; heldOn: string; recordedBy: string | null; recordedAt: string }) => JSON.stringify([m.kind, m.heldOn, m.recordedBy, new Date(m.recordedAt).toISOString()]);
  const received = await trx.selectFrom('case_meetings').select(['id', 'kind', 'held_on', 'recorded_by_name', 'recorded_at']).where('case_id', '=', caseId).where('received_from', 'is not', null).execute();
  const here = new Map(received.map((m) => [meetingKey({ kind: m.kind, heldOn: m.held_on, recordedBy: m.recorded_by_name, recordedAt: m.recorded_at.toISOString() }), m.id]));
  const meetingIds = new Map(record.meetings.map((meeting) => [meeting.id, here.get(meetingKey(meeting)) ?? ctx.newId()]));
  const added = record.meetings.filter((meeting) => !here.has(meetingKey(meeting)));
  if (added.length === 0) return { meetingIds, added: 0 };
  await trx
    .insertInto('case_meetings')
    .values(
      added.map((m) => ({
        case_id: caseId,
        id: meetingIds.get(m.id)!,
        kind: m.kind,
        held_on: m.heldOn,
        chair: m.chair,
        chair_independent: m.chairIndependent ?? null,
        parents_present: m.parentsPresent,
        attendees: json(m.attendees),
        invited_absent: json(m.invitedAbsent),
        decisions: json(m.decisions),
        dissent: m.dissent ?? null,
        actions: json(m.actions),
        section47: m.section47 ?? null,
        protection_plan: m.protectionPlan ?? null,
        abuse_category: m.abuseCategory ?? null,
        recorded_at: m.recordedAt,
        recorded_by: null,
        recorded_by_name: m.recordedBy,
        received_from: json(mark),
      })),
    )
    .execute();
  return { meetingIds, added: added.length };
}

async function rebuildPlan(trx: Tx, caseId: string, record: TransferRecord, ids: IdsHere, meetingIds: ReadonlyMap<string, string>, mark: ReceivedMark): Promise<RebuiltCounts['plan']> {
  const plan = record.plan;
  if (!plan) return 'none';
  const here = await trx.selectFrom('case_plans').select('version').where('case_id', '=', caseId).limit(1).executeTakeFirst();
  if (here) return 'kept-here';
  await trx
    .insertInto('case_plans')
    .values({
      case_id: caseId,
      version: 1,
      level: plan.level,
      outcomes: json(plan.outcomes),
      check_items: json(plan.checkItems.map((item) => ({ ...item, ...(item.personId === undefined ? {} : { personId: ids.people.get(item.personId)! }) }))),
      actions: json(plan.actions.map((action) => ({ ...action, ...(action.fromMeeting ? { fromMeeting: { ...action.fromMeeting, id: meetingIds.get(action.fromMeeting.id)! } } : {}) }))),
      visits: json(plan.visits),
      recorded_at: plan.recordedAt,
      recorded_by: null,
      recorded_by_name: plan.recordedBy,
      received_from: json(mark),
    })
    .execute();
  return 'received';
}

export async function rebuildReceivedParts(trx: Tx, ctx: AppContext, recorder: Recorder, caseId: string, record: TransferRecord, ids: IdsHere, mark: ReceivedMark): Promise<Rebuilt> {
  const pair = (a: string, b: string) => [a, b].sort().join('|');
  const related = new Set((await trx.selectFrom('person_relationships').select(['person_id', 'other_person_id']).where('case_id', '=', caseId).execute()).map((r) => pair(r.person_id, r.other_person_id)));
  const relationships = record.relationships.filter((r) => !ids.proposed.has(ids.people.get(r.personId)!) && !ids.proposed.has(ids.people.get(r.otherPersonId)!) && !related.has(pair(ids.people.get(r.personId)!, ids.people.get(r.otherPersonId)!)));
  if (relationships.length > 0) {
    await trx
      .insertInto('person_relationships')
      .values(relationships.map((r) => ({ case_id: caseId, id: ctx.newId(), person_id: ids.people.get(r.personId)!, other_person_id: ids.people.get(r.otherPersonId)!, kind: r.kind, created_at: ctx.clock.now(), created_by: null, received_from: json(mark) })))
      .execute();
  }
  const assessments = await rebuildAssessments(trx, ctx, caseId, record, ids, mark);
  const { meetingIds, added: meetings } = await rebuildMeetings(trx, ctx, caseId, record, mark);
  const plan = await rebuildPlan(trx, caseId, record, ids, meetingIds, mark);
  const disputes = new Map<string, EntryDispute[]>();
  const disputeIds = record.disputes.map(() => ctx.newId());
  record.disputes.forEach((d, at) => {
    const entryId = ids.entries.get(d.entryId)!;
    disputes.set(entryId, [...(disputes.get(entryId) ?? []), { id: disputeIds[at]!, disputedBy: d.disputedBy, text: d.text, recordedAt: d.recordedAt, recordedBy: d.recordedBy, agency: d.agency }]);
  });
  if (record.disputes.length > 0) {
    await trx
      .insertInto('chronology_disputes')
      .values(
        record.disputes.map((d, at) => ({
          case_id: caseId,
          id: disputeIds[at]!,
          entry_id: ids.entries.get(d.entryId)!,
          disputed_by: d.disputedBy,
          text: d.text,
          recorded_at: d.recordedAt,
          recorded_by: null,
          recorded_by_name: d.recordedBy,
          // Stored under the receiver's organisation, as a received entry is; the agency says whose it was.
          organisation_id: recorder.organisationId,
          agency: d.agency,
          received_from: json(mark),
        })),
      )
      .execute();
  }
  return { counts: { relationships: relationships.length, ...assessments, plan, meetings, disputes: record.disputes.length }, disputes };
}
