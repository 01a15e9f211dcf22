// What a caller means to do with a case it reads first: open a form to change it, or manage its
// team. The reading use case refuses, and audits the refusal under the intended action, when the
// user's access does not reach that far: routes never decide a refusal or audit one themselves. A case
// closed for transfer takes no change (docs/domain.md, "Transfer to another area"), so a
// form to change it is not offered either: the refusal is audited as the change's would be and thrown,
// for the page a change refused there gets (case-closed-for-transfer.ts, web/plugins/errors.ts).
import { mayManageTeam, type CaseAccess } from '../../domain/access/case-access.ts';
import { closedForTransferMessage, closureOfCase, type ClosedForTransfer } from '../../domain/transfer/closed-for-transfer.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone, type AuditEvent } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { CaseClosedForTransferError } from './case-closed-for-transfer.ts';

export interface CaseIntent {
  /** The audit action a refusal is recorded under, such as "case.change". */
  action: string;
  need: 'change' | 'manage';
}

/** What a reading use case shows: the action its view is audited under, and its subject when not the case. */
export interface CaseReading {
  action: string;
  subjectType?: string;
  subjectId?: string;
}

/**
 * The refusal of someone outside the team, audited once, under the action refused: the intent's when
 * they came to change the case (a form's page or its post), the reading's own otherwise.
 */
export async function refusedOutsideTeam(ctx: AppContext, actor: UserActor, caseId: string, reading: CaseReading, intent?: CaseIntent): Promise<{ ok: false; code: 'forbidden'; message: string }> {
  await recordAuditAlone(ctx, actor, { action: intent?.action ?? reading.action, outcome: 'denied', caseId, subjectType: reading.subjectType ?? 'case', subjectId: reading.subjectId ?? caseId });
  return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
}

/**
 * True, with the refusal audited, when the access does not reach the intent; false when there is none.
 * On a case closed for transfer an intent the access reaches is refused too, audited (reason
 * closed-for-transfer) and thrown as CaseClosedForTransferError: every change form's page and every
 * post that reads the case first answer as a change refused there does.
 */
export async function refusedForIntent(ctx: AppContext, actor: UserActor, caseId: string, access: CaseAccess, intent: CaseIntent | undefined): Promise<boolean> {
  if (!intent) return false;
  const reaches = intent.need === 'manage' ? mayManageTeam(access) : access.allowed && access.canChange;
  if (reaches) {
    await refuseWhenClosedForTransfer(ctx, actor, caseId, intent);
    return false;
  }
  await recordAuditAlone(ctx, actor, { action: intent.action, outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
  return true;
}

/**
 * For a form's page whose access the caller has checked: when the case is closed for transfer, the
 * refusal audited (under the intent's action, reason closed-for-transfer) and thrown, as
 * refusedForIntent does. Call outside any transaction (the audit entry is written on its own).
 */
export async function refuseWhenClosedForTransfer(ctx: AppContext, actor: UserActor, caseId: string, intent: CaseIntent): Promise<void> {
  const row = await ctx.db.selectFrom('cases').select(['closed_for_transfer_to', 'closed_for_transfer_at']).where('id', '=', caseId).executeTakeFirst();
  const closed = row ? closureOfCase(row.closed_for_transfer_to, row.closed_for_transfer_at) : null;
  if (!closed) return;
  const refusal = closedForTransferRefusal(caseId, intent, closed);
  await recordAuditAlone(ctx, actor, refusal.audit);
  throw refusal.error;
}

/**
 * The refusal of a form's page on a case closed for transfer, for a reader that holds a transaction:
 * the audit entry to write in it, and the error to throw once it has committed.
 */
export function closedForTransferRefusal(caseId: string, intent: CaseIntent, closed: ClosedForTransfer): { audit: AuditEvent; error: CaseClosedForTransferError } {
  return {
    audit: { action: intent.action, outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'closed-for-transfer' } },
    error: new CaseClosedForTransferError(caseId, closed, closedForTransferMessage(closed)),
  };
}
