// The one way use cases write to the audit trail: explicitly, inside their own transaction.
import type { AuditKey } from '../config.ts';
import { appendAudit, type AuditEntryInput } from '../infrastructure/audit/audit-log.ts';
import type { Tx } from '../infrastructure/db/schema.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';

export type AuditEvent = Omit<AuditEntryInput, 'actorUserId' | 'actorOrganisationId' | 'channel' | 'ip'>;

/** Audit entries held back until the end of a long transaction (withAuditAtEnd), by transaction. */
type HeldEntry = { key: AuditKey; entry: AuditEntryInput; id: string; at: Date };
const heldBack = new WeakMap<Tx, HeldEntry[]>();

export async function recordAudit(trx: Tx, ctx: AppContext, actor: Actor, event: AuditEvent): Promise<void> {
  const who =
    actor.kind === 'user'
      ? { actorUserId: actor.userId, actorOrganisationId: actor.organisationId, channel: actor.channel, ip: actor.ip }
      : { channel: actor.channel };
  const held = heldBack.get(trx);
  if (held) held.push({ key: ctx.auditKeys.current, entry: { ...event, ...who }, id: ctx.newId(), at: ctx.clock.now() });
  else await appendAudit(trx, ctx.auditKeys.current, { ...event, ...who }, ctx.newId(), ctx.clock.now());
}

/**
 * Runs a long transaction's work with its audit entries held back, then appends them in order at
 * its end. The audit chain's lock is held from the first append until commit, and every page view
 * appends too: taken at the end, a batch of many seconds holds it only while it commits.
 */
export async function withAuditAtEnd<T>(trx: Tx, work: () => Promise<T>): Promise<T> {
  const held: HeldEntry[] = [];
  heldBack.set(trx, held);
  let result: T;
  try {
    result = await work();
  } finally {
    heldBack.delete(trx);
  }
  for (const { key, entry, id, at } of held) await appendAudit(trx, key, entry, id, at);
  return result;
}

/** Records an audit entry in a transaction of its own: for reads and refusals, which change nothing else. */
export async function recordAuditAlone(ctx: AppContext, actor: Actor, event: AuditEvent): Promise<void> {
  await ctx.db.transaction().execute((trx) => recordAudit(trx, ctx, actor, event));
}
