// Puts an alert's email to each recipient in the outbox, in the transaction that raised or
// escalated it: the mail sender drains the outbox later, so nothing is lost when mail is down.
import { alertEmail, type AlertEmailInput } from '../../domain/alerts/alert-email.ts';
import type { Recipient } from '../../domain/alerts/recipients.ts';
import type { Insertable } from 'kysely';
import { insertInChunks } from '../../infrastructure/db/insert-in-chunks.ts';
import type { OutboxTable, Tx } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';

export type AlertForEmail = Omit<AlertEmailInput, 'reachedAs'> & { id: string };

export interface AlertToEmail {
  alert: AlertForEmail;
  recipients: readonly Recipient[];
}

export type OutboxRow = Insertable<OutboxTable>;

/** The alerts' emails put in the outbox: by one statement, unless they take more parameters than one carries. */
export async function enqueueAlertEmails(trx: Tx, ctx: AppContext, alerts: readonly AlertToEmail[], known?: ReadonlyMap<string, string>): Promise<void> {
  await insertInChunks(trx, 'outbox', await alertEmailRows(trx, ctx, alerts, known));
}

/**
 * The outbox's rows for the alerts, not yet written (a change writes them with its version:
 * profile/profile-versions.ts): one per recipient with an address, for each alert; none for the
 * person who raised it. `known`: addresses the change read already (the team's, with the lock), by
 * user id: only the others are read, so a change that knows them all sends nothing here.
 */
export async function alertEmailRows(trx: Tx, ctx: AppContext, alerts: readonly AlertToEmail[], known: ReadonlyMap<string, string> = new Map()): Promise<OutboxRow[]> {
  const notify = alerts.map(({ alert, recipients }) => ({ alert, recipients: recipients.filter((r) => !r.acknowledgedAutomatically) }));
  const userIds = [...new Set(notify.flatMap(({ recipients }) => recipients.map((r) => r.userId)))];
  if (userIds.length === 0) return [];
  const unknown = userIds.filter((id) => !known.has(id));
  const users = unknown.length === 0 ? [] : await trx.selectFrom('users').select(['id', 'email']).where('id', 'in', unknown).execute();
  const addresses = new Map([...known, ...users.map((u) => [u.id, u.email] as const)].map(([id, email]) => [id, email.trim()]));
  const now = ctx.clock.now();
  return notify.flatMap(({ alert, recipients }) =>
    recipients.flatMap((recipient) => {
      const address = addresses.get(recipient.userId);
      if (!address) return [];
      const { subject, body } = alertEmail({ ...alert, reachedAs: recipient.reachedAs });
      return [{ id: ctx.newId(), to_address: address, subject, body, alert_id: alert.id, created_at: now, next_attempt_at: now, last_error: null, sent_at: null }];
    }),
  );
}
