// The server's mail worker: delivers the outbox now and then every interval, one run at a time,
// without keeping the process alive. After each run, sent or not, it calls afterRun (the server notes
// the time for its readiness check: application/health.ts). The returned function stops it: a run
// under way ends after the message it is sending, and is waited for.
import type { MailTransport } from '../../infrastructure/mail/mail-transport.ts';
import type { AppContext } from '../context.ts';
import { deliverOutbox } from './deliver-outbox.ts';

const MESSAGES_PER_RUN = 50;

export interface DeliveryLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface DeliveryHooks {
  /** Called after each run that reached the database, whatever it sent; a failure here is logged. */
  afterRun?: () => Promise<void>;
}

export function deliverOutboxPeriodically(ctx: AppContext, transport: MailTransport, intervalMs: number, log: DeliveryLog, hooks: DeliveryHooks = {}): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = deliverOutbox(ctx, transport, { limit: MESSAGES_PER_RUN, stopping: () => stopped })
      .then(
        async (run) => {
          if (run.sent > 0) log.info(`Mail: sent ${run.sent} message(s); ${run.waiting} waiting.`);
          if (run.failed > 0) log.warn(`Mail: ${run.failed} message(s) could not be sent and will be retried (${run.lastError}); ${run.waiting} waiting.`);
          await hooks.afterRun?.().catch((error: unknown) => log.error(`Mail: noting the run for the readiness check failed: ${error instanceof Error ? error.message : String(error)}`));
        },
        (error: unknown) => log.error(`Mail: delivering the outbox failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
