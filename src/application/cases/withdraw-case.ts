// Withdrawing a record made in error (issue 21), through the one way to change a case
// (cases/change-case.ts). The lead professional proposes it with the reason; a safeguarding lead or
// manager who oversees the case, never the proposer, confirms it (domain/withdrawal/withdrawal-rules.ts).
// The confirmation, in one transaction: tells everyone the case's alerts reached that they are
// withdrawn (withdrawal-email.ts, by the outbox; the emails name nobody), removes every row of the
// case (remove-case-data.ts), so that it answers "not found" to everyone and is in no list, search or
// export, and leaves a tombstone in the audit chain (case.withdrawn: who proposed and confirmed it,
// when, what was removed), which redacts the details of the entries about it (recordTombstone).
// A refusal of who is asking is audited as denied, a slip in the form as a failure; neither changes anything.
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Severity } from '../../domain/catalogue/finding-definitions.ts';
import type { AlertReason } from '../../domain/alerts/alert.types.ts';
import { withdrawnAlertsEmail, type Withdrawn } from '../../domain/withdrawal/withdrawal-email.ts';
import { decideConfirmation, decideProposal, isSlip, mayPropose, WITHDRAWAL_REFUSAL_MESSAGES, type WithdrawalRefusal } from '../../domain/withdrawal/withdrawal-rules.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone, recordTombstone, type AuditEvent } from '../audit.ts';
import { refuseWhenClosedForTransfer } from './case-intent.ts';
import { loadCaseAccess } from './case-access.ts';
import { changeCase, type CaseChangeOutcome } from './change-case.ts';
import type { AppContext } from '../context.ts';
import { removeCaseData } from './remove-case-data.ts';
import { removeWithdrawnCaseFromDisclosures } from '../subject-access/withdrawn-record.ts';

export interface WithdrawalProposalView {
  reason: string;
  proposedAt: Date;
  proposedBy: string;
  proposedByName: string;
}

export type WithdrawalResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'refused'; refusal: WithdrawalRefusal; message: string };

const NOT_FOUND = { ok: false as const, code: 'not-found' as const, message: 'There is no case with this id.' };
const FORBIDDEN = { ok: false as const, code: 'forbidden' as const, message: 'Only the team around the family can withdraw this record.' };

function refused<T>(action: string, caseId: string, refusal: WithdrawalRefusal): CaseChangeOutcome<WithdrawalResult<T>> {
  const audit: AuditEvent = { action, outcome: isSlip(refusal) ? 'failure' : 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { reason: refusal } };
  return { changed: false, answer: { ok: false, code: 'refused', refusal, message: WITHDRAWAL_REFUSAL_MESSAGES[refusal] }, audit };
}

async function proposalOf(db: Tx, caseId: string) {
  return db.selectFrom('case_withdrawals').select(['reason', 'proposed_at', 'proposed_by', 'proposed_by_name']).where('case_id', '=', caseId).executeTakeFirst();
}

/** The lead professional proposes withdrawing the record, with why it was made in error. */
export async function proposeWithdrawal(ctx: AppContext, actor: UserActor, caseId: string, reason: string | undefined): Promise<WithdrawalResult<WithdrawalProposalView>> {
  const action = 'case.withdrawal-propose';
  return changeCase<WithdrawalResult<WithdrawalProposalView>>(ctx, actor, caseId, { action }, (refusal) => (refusal.code === 'not-found' ? NOT_FOUND : FORBIDDEN), async ({ trx, recorder, record, now }) => {
    const existing = await proposalOf(trx, caseId);
    const decided = decideProposal({ userId: actor.userId, role: actor.role, basis: record.basis }, existing ? { proposedBy: existing.proposed_by } : null, reason);
    if (!decided.ok) return refused(action, caseId, decided.refusal);
    await trx.insertInto('case_withdrawals').values({ case_id: caseId, reason: decided.value.reason, proposed_at: now, proposed_by: actor.userId, proposed_by_name: recorder.name }).execute();
    const proposal: WithdrawalProposalView = { reason: decided.value.reason, proposedAt: now, proposedBy: actor.userId, proposedByName: recorder.name };
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      audit: () => ({ action, caseId, subjectType: 'case', subjectId: caseId }),
      answer: () => ({ ok: true, value: proposal }),
    };
  });
}

export interface WithdrawalConfirmed {
  /** The alerts withdrawn with the record, and the emails that say so. */
  alertsWithdrawn: number;
  emailsSent: number;
}

/** A safeguarding lead or manager overseeing the case, not the proposer, confirms: the case is removed. */
export async function confirmWithdrawal(ctx: AppContext, actor: UserActor, caseId: string): Promise<WithdrawalResult<WithdrawalConfirmed>> {
  const action = 'case.withdrawal-confirm';
  return changeCase<WithdrawalResult<WithdrawalConfirmed>>(ctx, actor, caseId, { action }, (refusal) => (refusal.code === 'not-found' ? NOT_FOUND : FORBIDDEN), async ({ trx, record, now }) => {
    const existing = await proposalOf(trx, caseId);
    const decided = decideConfirmation({ userId: actor.userId, role: actor.role, basis: record.basis }, existing ? { proposedBy: existing.proposed_by } : null);
    if (!decided.ok || existing === undefined) return refused(action, caseId, decided.ok ? 'no-proposal' : decided.refusal);
    const [reached, theCase, people] = await Promise.all([
      trx
        .selectFrom('alerts')
        .innerJoin('alert_recipients', 'alert_recipients.alert_id', 'alerts.id')
        .innerJoin('users', 'users.id', 'alert_recipients.user_id')
        .select(['alerts.id', 'alerts.reason', 'alerts.finding_id', 'alerts.severity', 'alerts.raised_at', 'users.email'])
        .where('alerts.case_id', '=', caseId)
        .orderBy('alerts.raised_at')
        .orderBy('alerts.id')
        .execute(),
      trx.selectFrom('cases').select(['given_name', 'family_name', 'nhs_number', 'mother_nhs_number', 'mother_given_name', 'mother_family_name', 'postcode']).where('id', '=', caseId).executeTakeFirstOrThrow(),
      trx.selectFrom('people').select(['given_name', 'family_name', 'nhs_number']).where('case_id', '=', caseId).execute(),
    ]);
    const emails = withdrawalEmails(ctx, reached, caseId, now);
    const alertsWithdrawn = new Set(reached.map((r) => r.id)).size;
    const removed = await removeCaseData(trx, caseId);
    if (emails.length > 0) await trx.insertInto('outbox').values(emails).execute();
    await recordTombstone(
      trx,
      ctx,
      actor,
      {
        action: 'case.withdrawn',
        caseId,
        subjectType: 'case',
        subjectId: caseId,
        details: { proposedBy: existing.proposed_by, proposedAt: existing.proposed_at.toISOString(), confirmedBy: actor.userId, confirmedAt: now.toISOString(), removed, alertsWithdrawn },
      },
      {
        caseId,
        // As a disposal does: each name and NHS number, and the postcode, wherever an entry about no case holds one.
        mentions: [theCase, ...people].flatMap((p) => [p.given_name, p.family_name, p.nhs_number]).concat([theCase.mother_nhs_number, theCase.mother_given_name, theCase.mother_family_name, theCase.postcode]).filter((text): text is string => typeof text === 'string' && text.trim().length >= 3),
      },
    );
    await removeWithdrawnCaseFromDisclosures(trx, ctx, actor, caseId);
    return {
      changed: true,
      version: null,
      entriesAdded: [],
      audit: () => ({ action, caseId, subjectType: 'case', subjectId: caseId, details: { alertsWithdrawn, emails: emails.length } }),
      answer: () => ({ ok: true, value: { alertsWithdrawn, emailsSent: emails.length } }),
    };
  });
}

/** One email to each address the alerts withdrawn reached, listing that person's alerts; `reference` is the withdrawal's. */
export function withdrawalEmails(
  ctx: AppContext,
  reached: readonly { reason: AlertReason; finding_id: string | null; severity: Severity; raised_at: Date; email: string }[],
  reference: string,
  now: Date,
  withdrawn: Withdrawn = 'record',
) {
  const byAddress = new Map<string, typeof reached>();
  for (const row of reached) {
    const address = row.email.trim();
    if (address !== '') byAddress.set(address, [...(byAddress.get(address) ?? []), row]);
  }
  return [...byAddress].map(([address, rows]) => {
    const { subject, body } = withdrawnAlertsEmail(
      rows.map((r) => ({ reason: r.reason, findingId: r.finding_id, severity: r.severity, raisedOn: serviceToday(r.raised_at) })),
      reference,
      withdrawn,
    );
    return { id: ctx.newId(), to_address: address, subject, body, alert_id: null, created_at: now, next_attempt_at: now, last_error: null, sent_at: null };
  });
}

export interface WithdrawalView {
  proposal: WithdrawalProposalView | null;
  /** What the page offers the caller: the proposal form, the confirmation button. */
  mayPropose: boolean;
  mayConfirm: boolean;
}

/** The proposal waiting on the case, for the pages: to anyone who may change the case (read audited). */
export async function viewWithdrawal(ctx: AppContext, actor: UserActor, caseId: string): Promise<{ ok: true; value: WithdrawalView } | { ok: false; code: 'not-found' | 'forbidden'; message: string }> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return NOT_FOUND;
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  if (!access.allowed || !access.canChange) {
    await recordAuditAlone(ctx, actor, { action: 'case.withdrawal-view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return FORBIDDEN;
  }
  await refuseWhenClosedForTransfer(ctx, actor, caseId, { action: 'case.withdrawal-view', need: 'change' });
  const row = await ctx.db.selectFrom('case_withdrawals').select(['reason', 'proposed_at', 'proposed_by', 'proposed_by_name']).where('case_id', '=', caseId).executeTakeFirst();
  await recordAuditAlone(ctx, actor, { action: 'case.withdrawal-view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, proposed: row !== undefined } });
  const requester = { userId: actor.userId, role: actor.role, basis: access.basis };
  const existing = row ? { proposedBy: row.proposed_by } : null;
  return {
    ok: true,
    value: {
      proposal: row ? { reason: row.reason, proposedAt: row.proposed_at, proposedBy: row.proposed_by, proposedByName: row.proposed_by_name } : null,
      mayPropose: mayPropose(requester, existing).ok,
      mayConfirm: decideConfirmation(requester, existing).ok,
    },
  };
}
