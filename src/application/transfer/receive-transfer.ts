// Receiving a transfer pack from another area (issue 21): the pack is read and checked whole first
// (domain/transfer/transfer-pack.ts), so a bad pack stores nothing and is answered with every
// problem. Then the case is made as any new record is (cases/create-case.ts: the checks, the
// matching against records already here, the maker as lead professional), and its history is added
// through the one way to change a case: every person, and every entry with where it came from (the
// sending area and the day it was received, in the entry's details) beside who recorded it, for which
// agency and when; then the relationships, factor assessments, plan, meetings and disputes
// (rebuild-received-parts.ts), each marked as received; the findings the sending area's profile
// showed are kept with the case. The profile is then evaluated here, on the received assessments, and
// raises here the alerts its findings call for.
//
// A likely duplicate is not a dead end: the receiver either confirms it is a different baby (with a
// reason, audited) or adds the received history to the record here (`mergeInto`): its entries, its
// people matched by NHS number, its assessments received as above. The people it does not match are
// proposed, for someone here to confirm or reject (propose-received-people.ts), not added.
// A merge is idempotent by the pack's entries: an entry already here as received from the same area
// under the same sending id (its receivedFrom) is not added again, nor its disputes; a pack whose
// entries are all here already, or the very pack the record was made from or took first (its
// received_transfers row: sending area, record and time), adds nothing and is refused as already
// merged (audited), so the same pack merged twice, or into the record made from it, doubles nothing.
import { sql } from 'kysely';
import { dayOfOccurrence } from '../../domain/chronology/entry-rules.ts';
import type { OutcomeIssue } from '../../domain/fhir/operation-outcome.ts';
import { normalisePersonDetails, type PersonDetails } from '../../domain/people/person-rules.ts';
import { roleAllows } from '../../domain/shared/roles.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { ALREADY_MERGED_MESSAGE, isAlreadyMerged, isMergeMismatch, matchPeopleByNhsNumber, MERGE_MISMATCH_MESSAGE } from '../../domain/transfer/merge-rules.ts';
import { readTransferPack } from '../../domain/transfer/transfer-pack.ts';
import { RECEIVED_FROM_KEY, type ReceivedFrom, type TransferRecord } from '../../domain/transfer/transfer-record.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { changeCase, type CaseChange } from '../cases/change-case.ts';
import { createCase, type CreateCaseOptions, type CreateCaseResult } from '../cases/create-case.ts';
import { entryFromRow, type ChronologyRow } from '../chronology/chronology-rows.ts';
import { insertableEntryRow } from '../chronology/write-entry.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import { personColumns } from '../people/save-person.ts';
import type { Recorder } from '../recorder.ts';
import { proposeReceivedPeople } from './propose-received-people.ts';
import { rebuildReceivedParts, type RebuiltCounts } from './rebuild-received-parts.ts';

export interface ReceiveTransferOptions extends CreateCaseOptions {
  /** With confirmedNoDuplicate: why the receiver is sure the matches shown are another baby (audited). */
  differentBabyReason?: string;
  /** Add the received history to this record here instead of making a new one (the likely duplicate is the same baby). */
  mergeInto?: string;
}

export interface ReceivedCounts extends RebuiltCounts {
  entries: number;
  people: number;
  /** Merging: the received people found here by their NHS number. */
  peopleMatched: number;
  /** Merging: the received people not found here, proposed for someone here to decide about. */
  peopleProposed: number;
}

export type ReceiveTransferResult =
  | { ok: true; value: { caseId: string; merged: boolean } & ReceivedCounts }
  | { ok: false; code: 'invalid-pack'; issues: OutcomeIssue[] }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'merge-mismatch'; message: string }
  /** Merging: every entry of the pack is in the record already (merged before, or the record was made from it); nothing added. */
  | { ok: false; code: 'already-merged'; message: string }
  | Exclude<CreateCaseResult, { ok: true }>;

const ACTION = 'transfer.receive';

export async function receiveTransfer(ctx: AppContext, actor: UserActor, pack: unknown, options: ReceiveTransferOptions = {}): Promise<ReceiveTransferResult> {
  if (!roleAllows(actor.role, 'create-records')) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'denied', subjectType: 'case' });
    return { ok: false, code: 'forbidden', message: 'Your role does not make records for babies, so it cannot receive a transfer. Ask a practitioner or your safeguarding lead.' };
  }
  const read = readTransferPack(pack, serviceToday(ctx.clock.now()));
  if (!read.ok) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'failure', subjectType: 'case', details: { reason: 'invalid-pack', problems: read.issues.length } });
    return { ok: false, code: 'invalid-pack', issues: read.issues };
  }
  const { record } = read;
  if (options.mergeInto !== undefined) return mergeTransfer(ctx, actor, record, options.mergeInto);
  const createOptions: CreateCaseOptions = { ...(options.confirmedNoDuplicate === undefined ? {} : { confirmedNoDuplicate: options.confirmedNoDuplicate }), ...(options.checkedCaseIds ? { checkedCaseIds: options.checkedCaseIds } : {}) };
  const differentBabyReason = options.differentBabyReason;
  const created = await createCase(ctx, actor, { ...record.baby }, createOptions);
  if (!created.ok) return created;
  const caseId = created.value.id;
  const differentBaby = createOptions.confirmedNoDuplicate && differentBabyReason?.trim() ? { differentBaby: { reason: differentBabyReason.trim(), checkedCaseIds: createOptions.checkedCaseIds ?? [] } } : {};
  return changeCase<ReceiveTransferResult>(ctx, actor, caseId, { action: ACTION }, (refusal) => ({ ok: false, code: refusal.code === 'not-found' ? 'forbidden' : refusal.code, message: 'The case made for the transfer could not be opened.' }), (given) =>
    addReceivedHistory(given, record, new Map(record.people.map((person) => [person.id, ctx.newId()])), { merged: false, peopleMatched: 0, audit: differentBaby }),
  );
}

/** The received history added to a record here that is the same baby: its people matched by NHS number, or proposed. */
async function mergeTransfer(ctx: AppContext, actor: UserActor, record: TransferRecord, caseId: string): Promise<ReceiveTransferResult> {
  const notFound = 'There is no record with this id that you can add to. Check the id of the possible match the service showed you.';
  return changeCase<ReceiveTransferResult>(ctx, actor, caseId, { action: ACTION }, () => ({ ok: false, code: 'not-found', message: notFound }), async (given) => {
    const { trx, record: here } = given;
    const nhsHere = (await trx.selectFrom('cases').select('nhs_number').where('id', '=', caseId).executeTakeFirstOrThrow()).nhs_number;
    if (isMergeMismatch(nhsHere, record.baby.nhsNumber)) {
      return { changed: false, answer: { ok: false, code: 'merge-mismatch', message: MERGE_MISMATCH_MESSAGE }, audit: { action: ACTION, outcome: 'failure', caseId: here.id, subjectType: 'case', subjectId: here.id, details: { reason: 'merge-mismatch', fromArea: record.fromArea } } };
    }
    const entriesHere = await receivedEntriesHere(trx, caseId, record);
    if (isAlreadyMerged({ entriesSent: record.entries.length, entriesHere: entriesHere.size, samePackReceived: await samePackReceived(trx, caseId, record) })) {
      const details = { reason: 'already-merged', fromArea: record.fromArea, sendingCaseId: record.sendingCaseId, entries: record.entries.length };
      return { changed: false, answer: { ok: false, code: 'already-merged', message: ALREADY_MERGED_MESSAGE }, audit: { action: ACTION, outcome: 'failure', caseId: here.id, subjectType: 'case', subjectId: here.id, details } };
    }
    const { matched: found } = matchPeopleByNhsNumber(record.people, await peopleHereByNhsNumber(trx, caseId));
    const personIds = new Map(record.people.map((person) => [person.id, found.get(person.id) ?? ctx.newId()]));
    const matched = new Set(found.keys());
    return addReceivedHistory(given, record, personIds, { merged: true, peopleMatched: matched.size, matched, entriesHere });
  });
}

/** Whether the record was made from this pack, or took it first: its received transfer is the pack's sending area, record and time. */
export async function samePackReceived(db: Tx | AppContext['db'], caseId: string, record: TransferRecord): Promise<boolean> {
  const received = await db.selectFrom('received_transfers').select(['from_area', 'sending_case_id', 'sent_at']).where('case_id', '=', caseId).executeTakeFirst();
  return received !== undefined && received.from_area === record.fromArea && received.sending_case_id === record.sendingCaseId && received.sent_at.getTime() === new Date(record.sentAt).getTime();
}

/**
 * The pack's entries already in the record here, by the sending record's id to the id here: entries
 * received from the same area under that id (their receivedFrom), by an earlier merge or the receipt
 * that made the record. The pack's identity for a merge.
 */
export async function receivedEntriesHere(db: Tx | AppContext['db'], caseId: string, record: TransferRecord): Promise<Map<string, string>> {
  if (record.entries.length === 0) return new Map();
  const from = sql<string | null>`details->${RECEIVED_FROM_KEY}`;
  const rows = await db
    .selectFrom('chronology_entries')
    .select(['id', sql<string>`${from}->>'sentId'`.as('sent_id')])
    .where('case_id', '=', caseId)
    .where(sql<string>`${from}->>'area'`, '=', record.fromArea)
    .where(sql<string>`${from}->>'sentId'`, 'in', record.entries.map((entry) => entry.id))
    .execute();
  return new Map(rows.map((row) => [row.sent_id, row.id]));
}

/** The record's people with an NHS number, by that number. */
export async function peopleHereByNhsNumber(db: Tx | AppContext['db'], caseId: string): Promise<Map<string, string>> {
  const people = await db.selectFrom('people').select(['id', 'nhs_number']).where('case_id', '=', caseId).where('nhs_number', 'is not', null).execute();
  return new Map(people.flatMap((p) => (p.nhs_number === null ? [] : [[p.nhs_number, p.id] as const])));
}

interface Adding {
  merged: boolean;
  peopleMatched: number;
  /** The pack's people already here (merging): not added again; the others are proposed, not added. */
  matched?: ReadonlySet<string>;
  /** The pack's entries already here (merging), by the sending id: not added again (receivedEntriesHere). */
  entriesHere?: ReadonlyMap<string, string>;
  audit?: Record<string, unknown>;
}

async function addReceivedHistory({ trx, ctx, actor, recorder, record: here, now, today }: CaseChange, record: TransferRecord, personIds: ReadonlyMap<string, string>, adding: Adding) {
  const caseId = here.id;
  const notHere = record.people.filter((person) => !adding.matched?.has(person.id));
  const mark = { area: record.fromArea, receivedOn: today };
  // A new record takes the pack's people; a record here is offered them to confirm.
  const newPeople = adding.merged ? [] : notHere;
  const proposed = adding.merged ? notHere : [];
  const peopleProposed = await proposeReceivedPeople(trx, recorder, caseId, record, proposed, personIds, { mark, at: now });
  if (newPeople.length > 0) {
    await trx
      .insertInto('people')
      .values(newPeople.map((person) => ({ case_id: caseId, id: personIds.get(person.id)!, ...personColumns({ ...normalisePersonDetails(person as PersonDetails), historyChecked: false }), created_at: now, updated_at: now, updated_by: actor.userId })))
      .execute();
  }
  const entriesHere = adding.entriesHere ?? new Map<string, string>();
  const entryIds = new Map(record.entries.map((entry) => [entry.id, entriesHere.get(entry.id) ?? ctx.newId()]));
  const newEntries = record.entries.filter((entry) => !entriesHere.has(entry.id));
  const rows = receivedRows(recorder, caseId, { ...record, entries: newEntries }, { people: personIds, entries: entryIds }, mark);
  if (rows.length > 0) await trx.insertInto('chronology_entries').values(rows.map(insertableEntryRow)).execute();
  const proposedIds = new Set(proposed.map((person) => personIds.get(person.id)!));
  // A dispute of an entry already here came with it: only those of the entries added now are added.
  const disputes = record.disputes.filter((dispute) => !entriesHere.has(dispute.entryId));
  const rebuilt = await rebuildReceivedParts(trx, ctx, recorder, caseId, { ...record, disputes }, { people: personIds, entries: entryIds, proposed: proposedIds }, mark);
  await trx
    .insertInto('received_transfers')
    .values({ case_id: caseId, from_area: record.fromArea, sending_case_id: record.sendingCaseId, sent_at: record.sentAt, received_at: now, received_by: actor.userId, findings: JSON.stringify(record.findings.map(({ severity, title }) => ({ severity, title }))) })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  const entries: ChronologyEntry[] = rows.map((row) => {
    const entry = entryFromRow(row);
    const disputes = rebuilt.disputes.get(entry.id);
    return disputes ? { ...entry, disputes } : entry;
  });
  const counts: ReceivedCounts = { entries: entries.length, people: record.people.length, peopleMatched: adding.peopleMatched, peopleProposed, ...rebuilt.counts };
  const summary = { ...counts, findings: record.findings.length, ...(adding.merged ? { merged: true } : {}), ...(entriesHere.size > 0 ? { entriesAlreadyHere: entriesHere.size } : {}) };
  return {
    changed: true as const,
    version: { kind: 'event' as const, change: { receivedFrom: record.fromArea, ...summary }, why: `${adding.merged ? 'History added from' : 'Received in'} a transfer from ${record.fromArea}` },
    entriesAdded: entries,
    audit: ({ profileVersion, alerts }: { profileVersion: number; alerts: readonly { id: string }[] }) => ({
      action: ACTION,
      caseId,
      subjectType: 'case',
      subjectId: caseId,
      details: { fromArea: record.fromArea, sendingCaseId: record.sendingCaseId, ...summary, ...adding.audit, profileVersion, ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}) },
    }),
    answer: () => ({ ok: true as const, value: { caseId, merged: adding.merged, ...counts } }),
  };
}

/** Each entry of the record as a row here: new ids (a correction pointing at its entry's), people by their ids here, and where it came from. */
function receivedRows(recorder: Recorder, caseId: string, record: TransferRecord, ids: { people: ReadonlyMap<string, string>; entries: ReadonlyMap<string, string> }, from: Omit<ReceivedFrom, 'sentId'>): ChronologyRow[] {
  const { people: personIds, entries: entryIds } = ids;
  const people = (ids: readonly string[]) => ids.map((id) => personIds.get(id)!);
  return record.entries.map((entry) => {
    const day = dayOfOccurrence(entry.occurredAt)!;
    return {
      case_id: caseId,
      id: entryIds.get(entry.id)!,
      kind: entry.kind,
      occurred_on: day,
      occurred_at: entry.occurredAt === day ? null : new Date(entry.occurredAt),
      recorded_at: new Date(entry.recordedAt),
      // Recorded by someone in the sending area, who has no account here: named, and stored under the receiver's organisation.
      recorded_by: null,
      recorded_by_name: entry.recordedBy,
      organisation_id: recorder.organisationId,
      agency: entry.agency,
      agency_kind: entry.agencyKind,
      summary: entry.summary.trim(),
      source: entry.source as ChronologyRow['source'],
      person_ids: people(entry.personIds),
      present_ids: people(entry.presentIds),
      victim_ids: people(entry.victimIds),
      perpetrator_ids: people(entry.perpetratorIds),
      indicates: entry.indicates.map((item) => ({ factorId: item.factorId, ...(item.personId === undefined ? {} : { personId: personIds.get(item.personId)! }) })),
      significant: entry.significant,
      baby_seen: entry.babySeen,
      substance: entry.substance ?? null,
      gestation_weeks: entry.gestationWeeks ?? null,
      details: { [RECEIVED_FROM_KEY]: { ...from, sentId: entry.id } },
      corrects: entry.corrects === undefined ? null : entryIds.get(entry.corrects)!,
      correction_reason: entry.correctionReason ?? null,
      external_id: null,
    };
  });
}
