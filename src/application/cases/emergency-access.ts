// Break-glass: a practitioner outside the team opens a record in an emergency. The reason is
// required, the access is read-only and time-limited, and it waits in the safeguarding leads'
// review queue until one of them has looked at it.
import { mayOpenInEmergency, type EmergencyAccessReviewOutcome } from '../../domain/access/case-access.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { loadCaseAccess } from './case-access.ts';
import { noteSubmission } from './form-submissions.ts';

export const MIN_REASON_LENGTH = 10;

export type EmergencyAccessFailure = 'not-found' | 'forbidden' | 'reason-too-short' | 'already-has-access';

/** The action opening a record in an emergency is audited under, and its refusal. */
const BREAK_GLASS = 'case.break-glass';

/**
 * Whether this user may ask to open the record in an emergency, for the form's page: refused (and
 * audited, as opening it would be) when their role gives no access to families' records.
 */
export async function mayAskEmergencyAccess(ctx: AppContext, actor: UserActor, caseId: string): Promise<Result<null, 'not-found' | 'forbidden'>> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) return fail('not-found', 'There is no record at this address.');
  if (mayOpenInEmergency(actor.role)) return ok(null);
  await recordAuditAlone(ctx, actor, refusedEmergencyAccess(caseId));
  return fail('forbidden', 'Your role gives no access to families’ records, in an emergency or not.');
}

const refusedEmergencyAccess = (caseId: string) => ({ action: BREAK_GLASS, outcome: 'denied' as const, caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'role' } });

export async function openInEmergency(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  reason: string,
  /** The one-time id of the form it was posted from, noted with the access so that a second post opens no second one (ADR 0026). */
  submission?: string,
): Promise<Result<{ expiresAt: Date }, EmergencyAccessFailure>> {
  const trimmed = reason.trim();
  if (trimmed.length < MIN_REASON_LENGTH) {
    return fail('reason-too-short', `Give the reason in at least ${MIN_REASON_LENGTH} characters: what is happening, and why you cannot wait for the team.`);
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!exists) return fail('not-found', 'There is no record at this address.');
    if (!mayOpenInEmergency(actor.role)) {
      await recordAudit(trx, ctx, actor, refusedEmergencyAccess(caseId));
      return fail('forbidden', 'Your role gives no access to families’ records, in an emergency or not.');
    }
    const access = await loadCaseAccess(trx, actor, caseId, now);
    if (access.allowed && access.basis !== 'break-glass') return fail('already-has-access', 'You can already open this record.');
    const expiresAt = new Date(now.getTime() + ctx.config.breakGlassHours * 3_600_000);
    const id = ctx.newId();
    await trx.insertInto('break_glass_access').values({ case_id: caseId, id, user_id: actor.userId, reason: trimmed, started_at: now, expires_at: expiresAt }).execute();
    if (submission !== undefined) await noteSubmission(trx, actor, now, { caseId, submissionId: submission, action: BREAK_GLASS, recordId: id });
    await recordAudit(trx, ctx, actor, {
      action: BREAK_GLASS,
      caseId,
      subjectType: 'break-glass',
      subjectId: id,
      details: { reason: trimmed, expiresAt: expiresAt.toISOString() },
    });
    return ok({ expiresAt });
  });
}

export interface EmergencyAccessReviewItem {
  caseId: string;
  id: string;
  userName: string;
  userOrganisation: string;
  reason: string;
  startedAt: Date;
  expiresAt: Date;
}

/**
 * The review queue of a safeguarding lead: emergency access by their own organisation's staff,
 * and to cases their organisation works on. Reading the queue is audited.
 */
export async function listEmergencyAccessToReview(ctx: AppContext, actor: UserActor): Promise<Result<EmergencyAccessReviewItem[], 'forbidden'>> {
  if (actor.role !== 'safeguarding-lead') {
    await recordAuditAlone(ctx, actor, { action: 'break-glass.list', outcome: 'denied' });
    return fail('forbidden', 'Only safeguarding leads review emergency access.');
  }
  const rows = await ctx.db
    .selectFrom('break_glass_access as b')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['b.case_id', 'b.id', 'u.name', 'o.name as organisation', 'b.reason', 'b.started_at', 'b.expires_at'])
    .where('b.reviewed_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('u.organisation_id', '=', actor.organisationId),
        eb.exists(
          eb
            .selectFrom('case_team as t')
            .innerJoin('users as tu', 'tu.id', 't.user_id')
            .select('t.case_id')
            .whereRef('t.case_id', '=', 'b.case_id')
            .where('tu.organisation_id', '=', actor.organisationId),
        ),
      ]),
    )
    .orderBy('b.started_at')
    .execute();
  await recordAuditAlone(ctx, actor, { action: 'break-glass.list', details: { items: rows.map((r) => r.id) } });
  return ok(
    rows.map((r) => ({ caseId: r.case_id, id: r.id, userName: r.name, userOrganisation: r.organisation, reason: r.reason, startedAt: r.started_at, expiresAt: r.expires_at })),
  );
}

export async function reviewEmergencyAccess(
  ctx: AppContext,
  actor: UserActor,
  input: { caseId: string; id: string; outcome: EmergencyAccessReviewOutcome; note: string },
): Promise<Result<null, 'forbidden' | 'not-found'>> {
  const queue = await listEmergencyAccessToReview(ctx, actor);
  if (!queue.ok) return queue;
  if (!queue.value.some((item) => item.caseId === input.caseId && item.id === input.id)) {
    await recordAuditAlone(ctx, actor, { action: 'break-glass.review', outcome: 'denied', caseId: input.caseId, subjectType: 'break-glass', subjectId: input.id });
    return fail('not-found', 'That emergency access is not waiting for your review.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('break_glass_access')
      .set({ reviewed_by: actor.userId, reviewed_at: ctx.clock.now(), review_note: `${input.outcome}: ${input.note.trim()}` })
      .where('case_id', '=', input.caseId)
      .where('id', '=', input.id)
      .execute();
    await recordAudit(trx, ctx, actor, {
      action: 'break-glass.review',
      caseId: input.caseId,
      subjectType: 'break-glass',
      subjectId: input.id,
      details: { outcome: input.outcome, note: input.note.trim() },
    });
    return ok(null);
  });
}
