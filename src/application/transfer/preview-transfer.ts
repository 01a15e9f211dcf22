// Importing a transfer pack from a page (issue 21), its first step: the receiving area's practitioner
// uploads the pack another area sent and sees what it holds before anything is stored (the sending
// area, when it was sent, the baby, how many people, entries, findings, assessments and meetings).
// The pack is read and checked whole as the import reads it (domain/transfer/transfer-pack.ts); the
// import itself is receive-transfer.ts. Who may: the roles that make records, as for the API. Each
// step is audited: the page's refusal (denied), a pack that cannot be read (failure) and the look.
import type { OutcomeIssue } from '../../domain/fhir/operation-outcome.ts';
import { roleAllows } from '../../domain/shared/roles.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { readTransferPack } from '../../domain/transfer/transfer-pack.ts';
import type { TransferredBaby } from '../../domain/transfer/transfer-record.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

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
  const read = readTransferPack(pack, serviceToday(ctx.clock.now()));
  if (!read.ok) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'failure', subjectType: 'case', details: { reason: 'invalid-pack', problems: read.issues.length } });
    return { ok: false, code: 'invalid-pack', issues: read.issues };
  }
  const { record } = read;
  const counts = { people: record.people.length, entries: record.entries.length, findings: record.findings.length };
  // The sending area and the counts are named; the baby is not (the pack is not stored yet).
  await recordAuditAlone(ctx, actor, { action: ACTION, subjectType: 'case', details: { fromArea: record.fromArea, sendingCaseId: record.sendingCaseId, ...counts } });
  return { ok: true, value: { fromArea: record.fromArea, toArea: record.toArea, sentAt: record.sentAt, baby: record.baby, counts } };
}
