// The one way use cases write to the audit trail: explicitly, inside their own transaction (a read's or
// a refusal's entry alone, by one statement that is its own transaction). Writing
// an entry takes no lock (ADR 10): page views and changes never wait for each other's entries.
import { appendAuditAlone } from '../infrastructure/audit/audit-alone.ts';
import { appendAuditEntries, auditRowsForOneStatement, type AuditEntryInput, type AuditEntryToAppend, type AuditRow } from '../infrastructure/audit/audit-log.ts';
import { appendTombstone, type RedactionScope, type TombstoneRedaction } from '../infrastructure/audit/audit-tombstone.ts';
import type { Tx } from '../infrastructure/db/schema.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';

export type AuditEvent = Omit<AuditEntryInput, 'actorUserId' | 'actorOrganisationId' | 'channel' | 'ip'>;

export async function recordAudit(trx: Tx, ctx: AppContext, actor: Actor, event: AuditEvent): Promise<void> {
  await recordAudits(trx, ctx, actor, [event]);
}

/** Many audit entries by one statement: a change to many cases at once. */
export async function recordAudits(trx: Tx, ctx: AppContext, actor: Actor, events: readonly AuditEvent[]): Promise<void> {
  await appendAuditEntries(trx, ctx.auditKeys.current, entriesToAppend(ctx, actor, events));
}

/**
 * The entries as the rows of one INSERT, for a change to append as a data-modifying WITH of its own
 * statement (profile-versions.ts); undefined when one statement cannot take them (then recordAudits).
 */
export function auditRowsOf(ctx: AppContext, actor: Actor, events: readonly AuditEvent[]): AuditRow[] | undefined {
  return auditRowsForOneStatement(ctx.auditKeys.current, entriesToAppend(ctx, actor, events));
}

function entriesToAppend(ctx: AppContext, actor: Actor, events: readonly AuditEvent[]): AuditEntryToAppend[] {
  const who = whoActs(actor);
  const occurredAt = ctx.clock.now();
  return events.map((event) => ({ entry: { ...event, ...who }, id: ctx.newId(), occurredAt }));
}

function whoActs(actor: Actor): Pick<AuditEntryInput, 'actorUserId' | 'actorOrganisationId' | 'channel' | 'ip'> {
  return actor.kind === 'user' ? { actorUserId: actor.userId, actorOrganisationId: actor.organisationId, channel: actor.channel, ip: actor.ip } : { channel: actor.channel };
}

/**
 * A case's personal data removed (a record made in error withdrawn, a disposal): the audit entries
 * about it have their details redacted and `event` is appended as their tombstone, signing a digest of
 * them (infrastructure/audit/audit-tombstone.ts), so the chain still verifies.
 */
export async function recordTombstone(trx: Tx, ctx: AppContext, actor: Actor, event: AuditEvent, scope: RedactionScope): Promise<TombstoneRedaction> {
  return appendTombstone(trx, ctx.auditKeys.current, { entry: { ...event, ...whoActs(actor) }, id: ctx.newId(), occurredAt: ctx.clock.now() }, scope);
}

/**
 * Records an audit entry by itself: for reads and refusals, which change nothing else. Its one INSERT
 * is a transaction of its own, so it is sent without BEGIN and COMMIT: two round trips fewer on every
 * page view (issue 12). Entries recorded alone while another is being sent go together by one INSERT
 * (infrastructure/audit/audit-alone.ts); this resolves once this one is committed.
 */
export async function recordAuditAlone(ctx: AppContext, actor: Actor, event: AuditEvent): Promise<void> {
  await appendAuditAlone(ctx.db, ctx.auditKeys.current, entriesToAppend(ctx, actor, [event])[0]!);
}
