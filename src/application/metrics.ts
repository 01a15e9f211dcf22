// What the service counts and times for its operators (README: "Operating the service: metrics").
// The use cases report through this interface (ctx.metrics) and never see how it is kept:
// src/infrastructure/metrics/prometheus-metrics.ts keeps it for Prometheus when METRICS_PORT is set,
// and noMetrics, the default, drops everything (tests, the CLI). Every argument that becomes a label
// is a fixed word from the code (an audit action, an outcome, a severity, a route template), never an
// id, a name or anything a user typed.
import type { OidcRefusal } from '../domain/shared/oidc-sign-in.ts';

/** How a change to a case ended: it wrote something, it wrote nothing (stale, invalid), it was refused, or it threw. */
export type ChangeOutcome = 'changed' | 'unchanged' | 'refused' | 'failed';

/** What became of each entry of a batch (a single event is a batch of one). */
export type EntryOutcome = 'stored' | 'duplicate' | 'rejected';

export type SignInFailureReason = 'unknown-email' | 'disabled' | 'wrong-password' | 'wrong-code' | 'throttled';

/** How the sign-in was tried: a password (and the account's own code), or an identity provider. */
export type SignInMethod = 'password' | 'oidc';

export interface Metrics {
  /** False for noMetrics: nothing is kept, so callers may skip work done only to report. */
  readonly enabled: boolean;
  /** One answered request: its route template (or "unmatched"), method, status and duration. */
  observeRequest(route: string, method: string, status: number, ms: number): void;
  /** One change to one or more cases, from the transaction's start to its commit (or failure). */
  observeCaseChange(action: string, outcome: ChangeOutcome, ms: number, entries: number): void;
  /** Chronology entries recorded by an action (an agency batch, a single event, a FHIR import), by what became of them. */
  countEntries(action: string, outcome: EntryOutcome, count: number): void;
  /** Profiles evaluated together for a change, and how long reading and evaluating them took. */
  observeProfileEvaluations(count: number, ms: number): void;
  countAlertRaised(severity: string): void;
  /** One run of the outbox worker: messages that failed, and what is left. */
  observeOutboxRun(failed: number, waiting: number): void;
  /** One round of sealing the audit chain. */
  observeAuditSeal(ms: number, sealed: number): void;
  /** A refused sign-in, by how it was tried (password when not said); a provider's by its reason in the audit trail. */
  countSignInFailure(reason: SignInFailureReason | OidcRefusal, method?: SignInMethod): void;
  /** An email and address newly blocked after too many failures. */
  countSignInLockout(): void;
}

const nothing = () => undefined;

/** Keeps nothing: the default whenever METRICS_PORT is not set. */
export const noMetrics: Metrics = {
  enabled: false,
  observeRequest: nothing,
  observeCaseChange: nothing,
  countEntries: nothing,
  observeProfileEvaluations: nothing,
  countAlertRaised: nothing,
  observeOutboxRun: nothing,
  observeAuditSeal: nothing,
  countSignInFailure: nothing,
  countSignInLockout: nothing,
};

/** Milliseconds since `start` (a performance.now() reading). */
export function msSince(start: number): number {
  return performance.now() - start;
}
