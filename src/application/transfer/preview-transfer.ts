// Importing a transfer pack from a page (issue 21), its first step: the receiving area's practitioner
// uploads the pack another area sent and sees what it holds before anything is stored (the sending
// area, when it was sent, the baby, how many people, entries, findings, assessments and meetings).
// The pack is read and checked whole as the import reads it (domain/transfer/transfer-pack.ts); the
// import itself is receive-transfer.ts. Who may: the roles that make records, as for the API. Each
// step is audited: the page's refusal (denied), a pack that cannot be read (failure) and the look.
// After a likely duplicate, previewMerge shows what adding the pack to the chosen record would do.
import type { OutcomeIssue } from '../../domain/fhir/operation-outcome.ts';
import { roleAllows } from '../../domain/shared/roles.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { ALREADY_MERGED_MESSAGE, isAlreadyMerged, isMergeMismatch, matchPeopleByNhsNumber, MERGE_MISMATCH_MESSAGE } from '../../domain/transfer/merge-rules.ts';
import { readTransferPack } from '../../domain/transfer/transfer-pack.ts';
import type { TransferRecord, TransferredBaby } from '../../domain/transfer/transfer-record.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import type { AppContext } from '../context.ts';
import { peopleHereByNhsNumber, receivedEntriesHere, samePackReceived } from './receive-transfer.ts';

const ACTION = 'transfer.preview';

export const IMPORT_FORBIDDEN = 'Your role does not make records for babies, so it cannot receive a transfer. Ask a practitioner or your safeguarding lead.';

export interface PackPreview {
  fromArea: string;
  toArea: string;
  sentAt: string;
  baby: TransferredBaby;
  counts: { people: number; entries: number; findings: number };
}

export type PreviewResult =
  | { ok: true; value: PackPreview }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'invalid-pack'; issues: OutcomeIssue[] };

/** Whether the caller may import a pack at all: for the page, a refusal audited. */
export async function mayImportTransfer(ctx: AppContext, actor: UserActor): Promise<boolean> {
  if (roleAllows(actor.role, 'create-records')) return true;
  await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'denied', subjectType: 'case' });
  return false;
}

/** What the pack holds, read and checked whole; nothing is stored. `pack`: the parsed file, or null when it was not JSON. */
export async function previewTransferPack(ctx: AppContext, actor: UserActor, pack: unknown): Promise<PreviewResult> {
  if (!(await mayImportTransfer(ctx, actor))) return { ok: false, code: 'forbidden', message: IMPORT_FORBIDDEN };
  const read = await readForPreview(ctx, actor, pack);
  if (!read.ok) return read;
  const { record, value } = read;
  // The sending area and the counts are named; the baby is not (the pack is not stored yet).
  await recordAuditAlone(ctx, actor, { action: ACTION, subjectType: 'case', details: { fromArea: record.fromArea, sendingCaseId: record.sendingCaseId, ...value.counts } });
  return { ok: true, value };
}

/** The pack shown again beside a refusal its use case audited already (the merge's): read, not audited a second time; null when it cannot be read. */
export function packShownAgain(ctx: AppContext, pack: unknown): PackPreview | null {
  const read = readTransferPack(pack, serviceToday(ctx.clock.now()));
  return read.ok ? previewOf(read.record) : null;
}

const previewOf = (record: TransferRecord): PackPreview => ({ fromArea: record.fromArea, toArea: record.toArea, sentAt: record.sentAt, baby: record.baby, counts: { people: record.people.length, entries: record.entries.length, findings: record.findings.length } });

/** The pack read and checked whole, a pack that cannot be read audited; the look itself is audited by the caller, once. */
async function readForPreview(ctx: AppContext, actor: UserActor, pack: unknown): Promise<{ ok: false; code: 'invalid-pack'; issues: OutcomeIssue[] } | { ok: true; value: PackPreview; record: TransferRecord }> {
  const read = readTransferPack(pack, serviceToday(ctx.clock.now()));
  if (!read.ok) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'failure', subjectType: 'case', details: { reason: 'invalid-pack', problems: read.issues.length } });
    return { ok: false, code: 'invalid-pack', issues: read.issues };
  }
  return { ok: true, value: previewOf(read.record), record: read.record };
}

/** What a merge into a record here would add (the page's second step after a likely duplicate): nothing is stored. */
export interface MergePreview {
  pack: PackPreview;
  target: { id: string; name: string };
  /** The pack's people found here by NHS number, by name; the others are proposed, not added. */
  peopleMatched: string[];
  peopleProposed: string[];
  /** The pack's entries in the record already (received from the same area under the same id): not added again. */
  entriesAlreadyHere: number;
  assessments: number;
  meetings: number;
}

export type MergePreviewResult =
  | { ok: true; value: MergePreview }
  /** `not-a-maker`: the caller's role makes no records; `forbidden`: not on the record's team. */
  | { ok: false; code: 'not-a-maker' | 'forbidden' | 'not-found' | 'merge-mismatch' | 'already-merged'; message: string }
  | { ok: false; code: 'invalid-pack'; issues: OutcomeIssue[] };

export const MERGE_NOT_FOUND = 'There is no record with this id. Check the possible match the service showed you.';
export const MERGE_FORBIDDEN = 'Only the team around the family can add to this record. Ask its lead professional to add the pack, or receive it as a different baby if it is not this baby.';

const personName = (person: { givenName: string | null; familyName: string | null; description: string | null }) => [person.givenName, person.familyName].filter(Boolean).join(' ') || person.description || 'Name not sent';

/**
 * What adding the pack to the record `caseId` would do, checked as the merge checks it: the caller
 * may change that record (asked before the pack is read, so an outsider learns nothing of either),
 * and its NHS number is not another baby's. Each refusal audited; the look audited as a preview.
 */
export async function previewMerge(ctx: AppContext, actor: UserActor, pack: unknown, caseId: string): Promise<MergePreviewResult> {
  if (!(await mayImportTransfer(ctx, actor))) return { ok: false, code: 'not-a-maker', message: IMPORT_FORBIDDEN };
  const target = await ctx.db.selectFrom('cases').select(['given_name', 'family_name', 'nhs_number']).where('id', '=', caseId).executeTakeFirst();
  if (!target) return { ok: false, code: 'not-found', message: MERGE_NOT_FOUND };
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  if (!access.allowed || !access.canChange) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { mergeInto: caseId } });
    return { ok: false, code: 'forbidden', message: MERGE_FORBIDDEN };
  }
  const read = await readForPreview(ctx, actor, pack);
  if (!read.ok) return read;
  const { record } = read;
  if (isMergeMismatch(target.nhs_number, record.baby.nhsNumber)) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { mergeInto: caseId, reason: 'merge-mismatch' } });
    return { ok: false, code: 'merge-mismatch', message: MERGE_MISMATCH_MESSAGE };
  }
  const entriesHere = await receivedEntriesHere(ctx.db, caseId, record);
  if (isAlreadyMerged({ entriesSent: record.entries.length, entriesHere: entriesHere.size, samePackReceived: await samePackReceived(ctx.db, caseId, record) })) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { mergeInto: caseId, reason: 'already-merged', fromArea: record.fromArea, sendingCaseId: record.sendingCaseId } });
    return { ok: false, code: 'already-merged', message: ALREADY_MERGED_MESSAGE };
  }
  const { matched, notFound } = matchPeopleByNhsNumber(record.people, await peopleHereByNhsNumber(ctx.db, caseId));
  // One entry for the look: the pack's sending area and counts, and what the merge would do.
  await recordAuditAlone(ctx, actor, { action: ACTION, caseId, subjectType: 'case', subjectId: caseId, details: { mergeInto: caseId, fromArea: record.fromArea, sendingCaseId: record.sendingCaseId, ...read.value.counts, peopleMatched: matched.size, peopleProposed: notFound.length, entriesAlreadyHere: entriesHere.size } });
  return {
    ok: true,
    value: {
      pack: read.value,
      target: { id: caseId, name: [target.given_name, target.family_name].filter(Boolean).join(' ') || 'Baby, not yet named' },
      peopleMatched: record.people.filter((person) => matched.has(person.id)).map(personName),
      peopleProposed: notFound.map(personName),
      entriesAlreadyHere: entriesHere.size,
      assessments: record.assessments.length,
      meetings: record.meetings.length,
    },
  };
}
