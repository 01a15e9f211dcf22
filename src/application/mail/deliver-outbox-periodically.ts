// The server's mail worker: delivers the outbox now and then every interval, one run at a time,
// without keeping the process alive. The returned function stops it, waiting for a run under way.
import type { MailTransport } from '../../infrastructure/mail/mail-transport.ts';
import type { AppContext } from '../context.ts';
import { deliverOutbox } from './deliver-outbox.ts';

const MESSAGES_PER_RUN = 50;

export interface DeliveryLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function deliverOutboxPeriodically(ctx: AppContext, transport: MailTransport, intervalMs: number, log: DeliveryLog): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = deliverOutbox(ctx, transport, { limit: MESSAGES_PER_RUN })
      .then(
        (run) => {
          if (run.sent > 0) log.info(`Mail: sent ${run.sent} message(s); ${run.waiting} waiting.`);
          if (run.failed > 0) log.warn(`Mail: ${run.failed} message(s) could not be sent and will be retried (${run.lastError}); ${run.waiting} waiting.`);
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
    clearInterval(timer);
    await running;
  };
}
