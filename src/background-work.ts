// The server's work that no request asks for: alerts nobody acknowledged go to the safeguarding leads
// (checked every few minutes), the cases a change of the area's settings queued are re-evaluated
// (checked every few seconds; profile/reevaluate-profiles.ts), the outbox's emails go out (when
// mail is on), and the audit chain is kept (ADR 10: entries written since the last round are sealed
// into the chain every second, and the sealed head is written to the anchor file now and then and
// once more at the end).
//
// It runs in one process only, however many serve requests: the only process with one server, or the
// primary when WEB_PROCESSES starts several (src/server.ts). Each task would in fact be safe in every
// process at once (an alert is escalated by an UPDATE that re-checks `escalated_at IS NULL`, which a
// second runner waits on and then finds set; each email, and each case queued for re-evaluation, is
// claimed with FOR UPDATE SKIP LOCKED before it is done; only one sealer holds the sealing lock), but N runners would be N times the queries
// for the same work, and the last seal and anchor must come after the last process that writes audit
// entries has stopped, which only the primary sees. Anchoring also reads the file's last line and
// then appends, which two processes could interleave. One runner is the simplest correct design.
import type { FastifyBaseLogger } from 'fastify';
import { escalateOverdueAlerts } from './application/alerts/escalate-alerts.ts';
import type { AppContext } from './application/context.ts';
import { OUTBOX_WORKER, recordWorkerHeartbeat } from './application/health.ts';
import { deliverOutboxPeriodically } from './application/mail/deliver-outbox-periodically.ts';
import { runQueuedReevaluations } from './application/profile/reevaluate-profiles.ts';
import { keepAuditChain } from './infrastructure/audit/keep-audit-chain.ts';
import type { Db } from './infrastructure/db/schema.ts';
import { createMailTransport } from './infrastructure/mail/smtp-transport.ts';

const ESCALATION_CHECK_MINUTES = 5;
const AUDIT_SEAL_MILLISECONDS = 1000;
const REEVALUATION_CHECK_SECONDS = 10;

export interface BackgroundWork {
  /** True when an SMTP server is configured and emails are being sent. */
  mailOn: boolean;
  /**
   * Stops the timers and waits for the work under way (an escalation round, which ends after the
   * alert it is escalating; a re-evaluation run, after its chunk; a mail run, which ends after the
   * message it is sending, the rest left in the outbox for the next process), then seals
   * the audit chain and writes its head one last time.
   */
  stop(): Promise<void>;
}

/** `timing`: how often the queue of re-evaluations is checked (tests make it short). */
export function startBackgroundWork(ctx: AppContext, db: Db, log: FastifyBaseLogger, timing: { reevaluationCheckMs?: number } = {}): BackgroundWork {
  const { config } = ctx;
  // Set by stop(): the escalation round and the re-evaluation run each end after the item they are on.
  let stopping = false;
  let escalating: Promise<void> | undefined;
  const escalation = setInterval(() => {
    if (escalating) return;
    escalating = escalateOverdueAlerts(ctx, undefined, { shouldStop: () => stopping })
      .then(
        (report) => {
          if (report.escalated.length > 0) log.info({ alertIds: report.escalated.map((e) => e.alertId) }, 'escalated unacknowledged alerts to the safeguarding leads');
        },
        (error: unknown) => log.error({ err: error }, 'alert escalation failed'),
      )
      .finally(() => {
        escalating = undefined;
      });
  }, ESCALATION_CHECK_MINUTES * 60_000);
  escalation.unref();

  // Cases queued by a change of settings: a run empties the queue, a chunk at a time, and stops
  // between chunks when the server stops (what is left waits for the next start).
  let reevaluating: Promise<void> | undefined;
  const reevaluation = setInterval(() => {
    if (reevaluating) return;
    reevaluating = runQueuedReevaluations(ctx, { shouldStop: () => stopping })
      .then(
        (run) => {
          if (run.profiles > 0) log.info({ profiles: run.profiles, changed: run.changed, alerts: run.alerts }, 're-evaluated the profiles queued by a change of settings');
          if (run.summaries > 0) log.info({ summaries: run.summaries }, 'wrote again the dashboards’ summaries queued by a change of the clocks’ timescales');
        },
        (error: unknown) => log.error({ err: error }, 're-evaluation after a change of settings failed'),
      )
      .finally(() => {
        reevaluating = undefined;
      });
  }, timing.reevaluationCheckMs ?? REEVALUATION_CHECK_SECONDS * 1000);
  reevaluation.unref();

  const stopKeepingAuditChain = keepAuditChain({
    db,
    keys: ctx.auditKeys,
    anchorFile: config.auditAnchorFile,
    anchorMinutes: config.auditAnchorMinutes,
    sealMilliseconds: AUDIT_SEAL_MILLISECONDS,
    now: () => ctx.clock.now(),
    onError: (error, what) => log.error({ err: error }, `audit ${what} failed`),
    observeSeal: (ms, sealed) => ctx.metrics.observeAuditSeal(ms, sealed),
  });

  const mail = createMailTransport(config);
  // Each run is noted in the database, where every server process's readiness check reads it.
  const stopMail = mail
    ? deliverOutboxPeriodically(ctx, mail, config.outboxIntervalSeconds * 1000, log, { afterRun: () => recordWorkerHeartbeat(ctx, OUTBOX_WORKER) })
    : async () => undefined;

  return {
    mailOn: mail !== undefined,
    stop: async () => {
      clearInterval(escalation);
      clearInterval(reevaluation);
      stopping = true;
      await Promise.all([escalating, reevaluating]);
      // Delivery audits what it sent: it stops first, so that the last seal and anchor include that.
      await stopMail();
      await stopKeepingAuditChain();
    },
  };
}
