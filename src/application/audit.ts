// The one way use cases write to the audit trail: explicitly, inside their own transaction.
import { appendAudit, type AuditEntryInput } from '../infrastructure/audit/audit-log.ts';
import type { Tx } from '../infrastructure/db/schema.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';

export type AuditEvent = Omit<AuditEntryInput, 'actorUserId' | 'actorOrganisationId' | 'channel' | 'ip'>;

export async function recordAudit(trx: Tx, ctx: AppContext, actor: Actor, event: AuditEvent): Promise<void> {
  const who =
    actor.kind === 'user'
      ? { actorUserId: actor.userId, actorOrganisationId: actor.organisationId, channel: actor.channel, ip: actor.ip }
      : { channel: actor.channel };
  await appendAudit(trx, { ...event, ...who }, ctx.newId(), ctx.clock.now());
}

/** Records that a user was refused something on a case, for refusals decided outside a use case's own check. */
export async function recordRefusal(ctx: AppContext, actor: Actor, action: string, caseId: string): Promise<void> {
  await recordAuditAlone(ctx, actor, { action, outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
}

/** Records an audit entry in a transaction of its own: for reads and refusals, which change nothing else. */
export async function recordAuditAlone(ctx: AppContext, actor: Actor, event: AuditEvent): Promise<void> {
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, actor, event));
}
