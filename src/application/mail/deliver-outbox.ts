// Sends what the outbox holds: due, unsent messages, earliest first. Each message is claimed before
// it is sent, so two workers never send the same one; a failure is kept and retried later with a
// growing delay, never dropped.
import type { Db } from '../../infrastructure/db/schema.ts';
import type { MailTransport } from '../../infrastructure/mail/mail-transport.ts';
import { systemOperator } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

/** How long a claimed message is kept from other workers: longer than the transport takes to give up. */
const CLAIM_MINUTES = 5;
const LONGEST_RETRY_MINUTES = 60;
const MAX_ERROR_LENGTH = 200;

export interface DeliveryRun {
  sent: number;
  failed: number;
  /** Unsent messages left in the outbox, due or not. */
  waiting: number;
  lastError: string | null;
}

export interface DeliveryOptions {
  limit: number;
  /** Asked before each message: true ends the run there (the server is stopping), the rest left for the next run. */
  stopping?: () => boolean;
}

/** Without a transport (mail is off) nothing is sent and every message stays queued. */
export async function deliverOutbox(ctx: AppContext, transport: MailTransport | undefined, options: DeliveryOptions): Promise<DeliveryRun> {
  const outcome = transport ? await sendDue(ctx, transport, options) : { sent: 0, failed: 0, lastError: null };
  if (outcome.sent + outcome.failed > 0) {
    await recordAuditAlone(ctx, systemOperator, {
      action: 'mail.deliver',
      outcome: outcome.failed > 0 ? 'failure' : 'success',
      details: { sent: outcome.sent, failed: outcome.failed },
    });
  }
  const waiting = await countWaiting(ctx.db);
  ctx.metrics.observeOutboxRun(outcome.failed, waiting);
  return { ...outcome, waiting };
}

async function sendDue(ctx: AppContext, transport: MailTransport, { limit, stopping = () => false }: DeliveryOptions): Promise<Omit<DeliveryRun, 'waiting'>> {
  const outcome: Omit<DeliveryRun, 'waiting'> = { sent: 0, failed: 0, lastError: null };
  for (let count = 0; count < limit && !stopping(); count++) {
    const message = await claimNext(ctx);
    if (!message) break;
    try {
      await transport.send({ to: message.to_address, subject: message.subject, text: message.body });
    } catch (error) {
      outcome.lastError = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      await markFailed(ctx, message.id, message.attempts + 1, outcome.lastError);
      outcome.failed++;
      continue;
    }
    await ctx.db.updateTable('outbox').set({ sent_at: ctx.clock.now() }).where('id', '=', message.id).execute();
    outcome.sent++;
  }
  return outcome;
}

/** Takes the earliest due message and moves its next attempt past the claim, in one statement. */
async function claimNext(ctx: AppContext) {
  const now = ctx.clock.now();
  const earliestDue = ctx.db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked();
  return ctx.db
    .updateTable('outbox')
    .set({ next_attempt_at: addMinutes(now, CLAIM_MINUTES) })
    .where('id', '=', earliestDue)
    .returning(['id', 'to_address', 'subject', 'body', 'attempts'])
    .executeTakeFirst();
}

async function markFailed(ctx: AppContext, id: string, attempts: number, error: string): Promise<void> {
  const retryMinutes = Math.min(2 ** (attempts - 1), LONGEST_RETRY_MINUTES);
  await ctx.db
    .updateTable('outbox')
    .set({ attempts, last_error: error, next_attempt_at: addMinutes(ctx.clock.now(), retryMinutes) })
    .where('id', '=', id)
    .execute();
}

/** Unsent messages in the outbox, due or not (also read at each metrics scrape). */
export async function countWaiting(db: Db): Promise<number> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('count')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.count);
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
