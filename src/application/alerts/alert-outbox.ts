// Puts an alert's email to each recipient in the outbox, in the transaction that raised or
// escalated it: the mail sender drains the outbox later, so nothing is lost when mail is down.
import { alertEmail, type AlertEmailInput } from '../../domain/alerts/alert-email.ts';
import type { Recipient } from '../../domain/alerts/recipients.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';

export type AlertForEmail = Omit<AlertEmailInput, 'reachedAs'> & { id: string };

/** One outbox row per recipient with an address; none for the person who raised the alert. */
export async function enqueueAlertEmails(trx: Tx, ctx: AppContext, alert: AlertForEmail, recipients: readonly Recipient[]): Promise<void> {
  const notify = recipients.filter((r) => !r.acknowledgedAutomatically);
  if (notify.length === 0) return;
  const users = await trx.selectFrom('users').select(['id', 'email']).where('id', 'in', notify.map((r) => r.userId)).execute();
  const addresses = new Map(users.map((u) => [u.id, u.email.trim()]));
  const now = ctx.clock.now();
  const rows = notify.flatMap((recipient) => {
    const address = addresses.get(recipient.userId);
    if (!address) return [];
    const { subject, body } = alertEmail({ ...alert, reachedAs: recipient.reachedAs });
    return [{ id: ctx.newId(), to_address: address, subject, body, alert_id: alert.id, created_at: now, next_attempt_at: now, last_error: null, sent_at: null }];
  });
  if (rows.length > 0) await trx.insertInto('outbox').values(rows).execute();
}
