// Receiving a transfer pack from another area (issue 21): the pack is read and checked whole first
// (domain/transfer/transfer-pack.ts), so a bad pack stores nothing and is answered with every
// problem. Then the case is made as any new record is (cases/create-case.ts: the checks, the
// matching against records already here, the maker as lead professional), and its history is added
// through the one way to change a case: every person, and every entry with where it came from (the
// sending area and the day it was received, in the entry's details) beside who recorded it, for which
// agency and when; the findings the sending area's profile showed are kept with the case. The profile
// is then evaluated here, and raises here the alerts its findings call for.
import { dayOfOccurrence } from '../../domain/chronology/entry-rules.ts';
import type { OutcomeIssue } from '../../domain/fhir/operation-outcome.ts';
import { normalisePersonDetails, type PersonDetails } from '../../domain/people/person-rules.ts';
import { roleAllows } from '../../domain/shared/roles.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { readTransferPack } from '../../domain/transfer/transfer-pack.ts';
import { RECEIVED_FROM_KEY, type ReceivedFrom, type TransferRecord } from '../../domain/transfer/transfer-record.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { changeCase } from '../cases/change-case.ts';
import { createCase, type CreateCaseOptions, type CreateCaseResult } from '../cases/create-case.ts';
import { entryFromRow, type ChronologyRow } from '../chronology/chronology-rows.ts';
import { insertableEntryRow } from '../chronology/write-entry.ts';
import type { AppContext } from '../context.ts';
import { personColumns } from '../people/save-person.ts';
import type { Recorder } from '../recorder.ts';

export type ReceiveTransferResult =
  | { ok: true; value: { caseId: string; entries: number; people: number } }
  | { ok: false; code: 'invalid-pack'; issues: OutcomeIssue[] }
  | Exclude<CreateCaseResult, { ok: true }>;

const ACTION = 'transfer.receive';

export async function receiveTransfer(ctx: AppContext, actor: UserActor, pack: unknown, options: CreateCaseOptions = {}): Promise<ReceiveTransferResult> {
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
  const created = await createCase(ctx, actor, { ...record.baby }, options);
  if (!created.ok) return created;
  const caseId = created.value.id;
  return changeCase<ReceiveTransferResult>(ctx, actor, caseId, { action: ACTION }, (refusal) => ({ ok: false, code: refusal.code === 'not-found' ? 'forbidden' : refusal.code, message: 'The case made for the transfer could not be opened.' }), async ({ trx, recorder, now, today }) => {
    const personIds = new Map(record.people.map((person) => [person.id, ctx.newId()]));
    if (record.people.length > 0) {
      await trx
        .insertInto('people')
        .values(record.people.map((person) => ({ case_id: caseId, id: personIds.get(person.id)!, ...personColumns({ ...normalisePersonDetails(person as PersonDetails), historyChecked: false }), created_at: now, updated_at: now, updated_by: actor.userId })))
        .execute();
    }
    const rows = receivedRows(ctx, recorder, caseId, record, personIds, { area: record.fromArea, receivedOn: today });
    if (rows.length > 0) await trx.insertInto('chronology_entries').values(rows.map(insertableEntryRow)).execute();
    await trx
      .insertInto('received_transfers')
      .values({ case_id: caseId, from_area: record.fromArea, sending_case_id: record.sendingCaseId, sent_at: record.sentAt, received_at: now, received_by: actor.userId, findings: JSON.stringify(record.findings.map(({ severity, title }) => ({ severity, title }))) })
      .execute();
    const entries: ChronologyEntry[] = rows.map((row) => entryFromRow(row));
    const counts = { entries: entries.length, people: record.people.length, findings: record.findings.length };
    return {
      changed: true,
      version: { kind: 'event', change: { receivedFrom: record.fromArea, ...counts }, why: `Received in a transfer from ${record.fromArea}` },
      entriesAdded: entries,
      audit: ({ profileVersion, alerts }) => ({ action: ACTION, caseId, subjectType: 'case', subjectId: caseId, details: { fromArea: record.fromArea, sendingCaseId: record.sendingCaseId, ...counts, profileVersion, ...(alerts.length > 0 ? { alerts: alerts.map((a) => a.id) } : {}) } }),
      answer: () => ({ ok: true, value: { caseId, entries: counts.entries, people: counts.people } }),
    };
  });
}

/** Each entry of the record as a row here: new ids (a correction pointing at its entry's), people by their ids here, and where it came from. */
function receivedRows(ctx: AppContext, recorder: Recorder, caseId: string, record: TransferRecord, personIds: ReadonlyMap<string, string>, from: Omit<ReceivedFrom, 'sentId'>): ChronologyRow[] {
  const entryIds = new Map(record.entries.map((entry) => [entry.id, ctx.newId()]));
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
