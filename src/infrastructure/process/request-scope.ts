// The request a piece of work is done for, without passing it through every call: the web layer runs
// each request's hooks and handler inside its scope (web/plugins/request-logging.ts), and the audit
// trail reads it when an entry is appended (infrastructure/audit/audit-log.ts), so that the request id
// in a log line leads to the audit entries that request wrote. Work outside a request (the CLI, the
// background work) has no scope, and its entries no request id.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ requestId: string; notes?: Set<string> }>();

/** Runs `work` (and everything it starts) as work for the request with this id. */
export function runForRequest<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

/** The id of the request the current work is done for, or null outside a request. */
export function currentRequestId(): string | null {
  return scope.getStore()?.requestId ?? null;
}

/**
 * Notes something about the request the current work is done for, for the answer to read (the tests'
 * check of API replies reads whether the request could be refused as a change to a case closed for
 * transfer: application/cases/case-closed-for-transfer.ts). Nothing outside a request.
 */
export function noteForRequest(note: string): void {
  const store = scope.getStore();
  if (store) (store.notes ??= new Set()).add(note);
}

/** Whether the current request was noted so (noteForRequest). */
export function requestNoted(note: string): boolean {
  return scope.getStore()?.notes?.has(note) ?? false;
}
