// What a caller means to do with a case it reads first: open a form to change it, or manage its
// team. The reading use case refuses, and audits the refusal under the intended action, when the
// user's access does not reach that far: routes never decide a refusal or audit one themselves.
import { mayManageTeam, type CaseAccess } from '../../domain/access/case-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

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

/** True, with the refusal audited, when the access does not reach the intent; false when there is none. */
export async function refusedForIntent(ctx: AppContext, actor: UserActor, caseId: string, access: CaseAccess, intent: CaseIntent | undefined): Promise<boolean> {
  if (!intent) return false;
  const reaches = intent.need === 'manage' ? mayManageTeam(access) : access.allowed && access.canChange;
  if (reaches) return false;
  await recordAuditAlone(ctx, actor, { action: intent.action, outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
  return true;
}
