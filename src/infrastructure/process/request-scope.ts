// The request a piece of work is done for, without passing it through every call: the web layer runs
// each request's hooks and handler inside its scope (web/plugins/request-logging.ts), and the audit
// trail reads it when an entry is appended (infrastructure/audit/audit-log.ts), so that the request id
// in a log line leads to the audit entries that request wrote. Work outside a request (the CLI, the
// background work) has no scope, and its entries no request id.
//
// The same store carries the trace's context when tracing is on (tracing/one-context.ts is the
// OpenTelemetry context manager over it): on Node 20 and 22 every promise made once two
// AsyncLocalStorages are in use pays for both, so the process keeps one (docs/operations/tracing.md).
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestScope {
  requestId: string;
  notes?: Set<string>;
}

/** What the work carries: the request it is for (shared by every frame of that request), and the trace's context. */
interface Frame {
  request: RequestScope | undefined;
  traceContext: unknown;
}

const scope = new AsyncLocalStorage<Frame>();

/** Runs `work` (and everything it starts) as work for the request with this id, in the trace context it had. */
export function runForRequest<T>(requestId: string, work: () => T): T {
  return scope.run({ request: { requestId }, traceContext: scope.getStore()?.traceContext }, work);
}

/** The id of the request the current work is done for, or null outside a request. */
export function currentRequestId(): string | null {
  return scope.getStore()?.request?.requestId ?? null;
}

/** The trace context the current work runs in (undefined: none was entered). For tracing/one-context.ts only. */
export function carriedTraceContext(): unknown {
  return scope.getStore()?.traceContext;
}

/** Runs `work` in this trace context, for the same request. For tracing/one-context.ts only. */
export function runInTraceContext<T>(traceContext: unknown, work: () => T): T {
  return scope.run({ request: scope.getStore()?.request, traceContext }, work);
}

/**
 * Notes something about the request the current work is done for, for the answer to read (the tests'
 * check of API replies reads whether the request could be refused as a change to a case closed for
 * transfer: application/cases/case-closed-for-transfer.ts). Nothing outside a request.
 */
export function noteForRequest(note: string): void {
  const request = scope.getStore()?.request;
  if (request) (request.notes ??= new Set()).add(note);
}

/** Whether the current request was noted so (noteForRequest). */
export function requestNoted(note: string): boolean {
  return scope.getStore()?.request?.notes?.has(note) ?? false;
}
