// The service's metrics kept with prom-client, in a registry of their own, for the Prometheus text
// served on METRICS_PORT (metrics-server.ts). It has the methods of application/metrics.ts's Metrics
// (server.ts hands it to the use cases as ctx.metrics); infrastructure does not import the use cases,
// so the two are matched by their shape and the compiler checks it where server.ts passes one.
//
// Labels are kept to fixed words: a route template or "unmatched", a method from HTTP's list, the
// status code, an audit action (dotted lower-case words from the code), an outcome or a severity from
// fixed lists. Anything else becomes "other", so that no id, name or typed text can become a label
// (test/metrics-labels.test.ts holds every label of a scrape against the route table and these lists).
import client from 'prom-client';
import { SEVERITIES } from '../../domain/catalogue/finding-definitions.ts';
import { OIDC_REFUSALS } from '../../domain/shared/oidc-sign-in.ts';
import { RequestDurations } from './request-durations.ts';

/** Seconds: from a millisecond page to a ten-second stall. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ENTRY_BUCKETS = [0, 1, 2, 5, 10, 50, 100, 500, 1000];

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const CHANGE_OUTCOMES = ['changed', 'unchanged', 'refused', 'failed'] as const;
export const ENTRY_OUTCOMES = ['stored', 'duplicate', 'rejected'] as const;
export const SIGN_IN_FAILURE_REASONS = ['unknown-email', 'disabled', 'wrong-password', 'wrong-code', 'throttled', ...OIDC_REFUSALS] as const;
export const SIGN_IN_METHODS = ['password', 'oidc'] as const;
/** The word that stands for a label value outside its list. */
export const OTHER = 'other';
/** An audit action as the code names it: "chronology.batch", "person.add", "sign-in". */
export const ACTION_PATTERN = /^[a-z][a-z-]{0,30}(\.[a-z][a-z-]{0,30}){0,3}$/;

/** What the pool says of itself (pg.Pool has these). */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const oneOf = <T extends string>(list: readonly T[], value: string): T | typeof OTHER => ((list as readonly string[]).includes(value) ? (value as T) : OTHER);
const action = (value: string) => (ACTION_PATTERN.test(value) ? value : OTHER);
const seconds = (ms: number) => ms / 1000;

export class PrometheusMetrics {
  readonly enabled = true;
  readonly registry = new client.Registry();
  private readonly requestDuration;
  private readonly caseChangeDuration;
  private readonly caseChangeEntries;
  private readonly entries;
  private readonly profileEvaluations;
  private readonly profileEvaluationDuration;
  private readonly alertsRaised;
  private readonly mailFailures;
  private readonly outboxWaiting;
  private readonly auditSealDuration;
  private readonly auditSealed;
  private readonly signInFailures;
  private readonly signInLockouts;
  private pool: PoolCounts | undefined;
  private outboxCount: (() => Promise<number>) | undefined;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics ?? true) client.collectDefaultMetrics({ register: this.registry });
    this.requestDuration = new RequestDurations('icp_http_request_duration_seconds', 'Requests answered, by route template ("unmatched" when no route matched), method and status code', REQUEST_BUCKETS, statusLabel);
    // A registry reads a metric through its get() (prom-client's own AggregatorRegistry registers such plain ones).
    this.registry.registerMetric(this.requestDuration as unknown as client.Metric);
    const pool = () => this.pool;
    new client.Gauge({
      name: 'icp_db_pool_connections_in_use',
      help: 'Database connections checked out of the pool (the embedded database has a pool of one)',
      registers,
      collect() {
        const counts = pool();
        if (counts) this.set(counts.totalCount - counts.idleCount);
      },
    });
    new client.Gauge({
      name: 'icp_db_pool_connections_open',
      help: 'Database connections the pool holds open, in use or idle',
      registers,
      collect() {
        const counts = pool();
        if (counts) this.set(counts.totalCount);
      },
    });
    new client.Gauge({
      name: 'icp_db_pool_waiting',
      help: 'Queries waiting for a connection from the pool',
      registers,
      collect() {
        const counts = pool();
        if (counts) this.set(counts.waitingCount);
      },
    });
    this.caseChangeDuration = new client.Histogram({
      name: 'icp_case_change_duration_seconds',
      help: 'Changes to cases through the one way to change a case, by audit action and outcome, from the transaction start to its commit',
      labelNames: ['action', 'outcome'] as const,
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.caseChangeEntries = new client.Histogram({
      name: 'icp_case_change_entries',
      help: 'Chronology entries stored per change, by audit action',
      labelNames: ['action'] as const,
      buckets: ENTRY_BUCKETS,
      registers,
    });
    this.entries = new client.Counter({
      name: 'icp_chronology_entries_total',
      help: 'Chronology entries received (agency batches, single events, FHIR imports, contacts), by audit action and what became of them',
      labelNames: ['action', 'outcome'] as const,
      registers,
    });
    this.profileEvaluations = new client.Counter({ name: 'icp_profile_evaluations_total', help: 'Profiles evaluated to write a new profile version', registers });
    this.profileEvaluationDuration = new client.Histogram({
      name: 'icp_profile_evaluation_duration_seconds',
      help: 'Time to read and evaluate the profiles of one change (all its cases together)',
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.alertsRaised = new client.Counter({ name: 'icp_alerts_raised_total', help: 'Alerts raised, by severity', labelNames: ['severity'] as const, registers });
    this.mailFailures = new client.Counter({ name: 'icp_mail_failures_total', help: 'Emails the outbox worker failed to send (each is retried later)', registers });
    const outboxCount = () => this.outboxCount;
    this.outboxWaiting = new client.Gauge({
      name: 'icp_outbox_waiting',
      help: 'Emails in the outbox not yet sent, due or not (read from the database at each scrape)',
      // Every process reads the same table: across a cluster the largest reading is the depth, not the sum.
      aggregator: 'max',
      registers,
      async collect() {
        const count = outboxCount();
        const waiting = count ? await count() : Number.NaN;
        if (!Number.isNaN(waiting)) this.set(waiting);
      },
    });
    this.auditSealDuration = new client.Histogram({
      name: 'icp_audit_seal_duration_seconds',
      help: 'Time of one round of sealing the audit chain (every second, in one process)',
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.auditSealed = new client.Counter({ name: 'icp_audit_entries_sealed_total', help: 'Audit entries sealed into the chain', registers });
    this.signInFailures = new client.Counter({ name: 'icp_sign_in_failures_total', help: 'Failed sign-ins, by how they were tried (password or oidc) and reason', labelNames: ['method', 'reason'] as const, registers });
    this.signInLockouts = new client.Counter({ name: 'icp_sign_in_lockouts_total', help: 'Email and address pairs blocked after too many failed sign-ins', registers });
  }

  /** Reports this pool's connections at each scrape. */
  watchPool(pool: PoolCounts): void {
    this.pool = pool;
  }

  /** Reads the outbox's depth at each scrape (one count; a failure leaves the last reading). */
  watchOutbox(count: () => Promise<number>): void {
    this.outboxCount = () => count().catch(() => Number.NaN);
  }

  observeRequest(route: string, method: string, status: number, ms: number): void {
    this.requestDuration.observe(route, oneOf(HTTP_METHODS, method), isStatus(status) ? status : NOT_A_STATUS, seconds(ms));
  }

  observeCaseChange(actionName: string, outcome: string, ms: number, entries: number): void {
    this.caseChangeDuration.observe({ action: action(actionName), outcome: oneOf(CHANGE_OUTCOMES, outcome) }, seconds(ms));
    if (outcome === 'changed') this.caseChangeEntries.observe({ action: action(actionName) }, entries);
  }

  countEntries(actionName: string, outcome: string, count: number): void {
    if (count > 0) this.entries.inc({ action: action(actionName), outcome: oneOf(ENTRY_OUTCOMES, outcome) }, count);
  }

  observeProfileEvaluations(count: number, ms: number): void {
    if (count === 0) return;
    this.profileEvaluations.inc(count);
    this.profileEvaluationDuration.observe(seconds(ms));
  }

  countAlertRaised(severity: string): void {
    this.alertsRaised.inc({ severity: oneOf(SEVERITIES, severity) });
  }

  observeOutboxRun(failed: number, waiting: number): void {
    if (failed > 0) this.mailFailures.inc(failed);
    this.outboxWaiting.set(waiting);
  }

  observeAuditSeal(ms: number, sealed: number): void {
    this.auditSealDuration.observe(seconds(ms));
    if (sealed > 0) this.auditSealed.inc(sealed);
  }

  countSignInFailure(reason: string, method = 'password'): void {
    this.signInFailures.inc({ method: oneOf(SIGN_IN_METHODS, method), reason: oneOf(SIGN_IN_FAILURE_REASONS, reason) });
  }

  countSignInLockout(): void {
    this.signInLockouts.inc();
  }

  /** The Prometheus text of this process's metrics. */
  async text(): Promise<string> {
    return this.registry.metrics();
  }
}

const isStatus = (status: number) => Number.isInteger(status) && status >= 100 && status <= 599;
/** What observeRequest counts a status outside 100 to 599 (never seen) as. */
const NOT_A_STATUS = 0;

/** A status code from 100 to 599 as itself; anything else as "other". */
function statusLabel(status: number): string {
  return isStatus(status) ? String(status) : OTHER;
}
