// Which database errors mean "no writable database right now" (a server died, is starting or
// stopping, or is a standby) rather than a fault in the statement: the service answers those with 503
// and the caller tries again (docs/adr/0013-database-failover.md).

/** Every server named was tried and none accepted writes. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** A server that answered but would not take writes (a standby, or one being demoted). */
export class ReadOnlyServerError extends Error {
  override readonly name = 'ReadOnlyServerError';
}

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now, and class 08, connection exception. */
const SERVER_GOING_AWAY = new Set(['57P01', '57P02', '57P03']);
const READ_ONLY_TRANSACTION = '25006';
const DRIVER_MESSAGES = [/^Connection terminated/, /connection error and is not queryable/, /^Client was closed and is not queryable/];

function fieldOf(error: unknown, name: 'code' | 'message'): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The connection this error came on is gone or refused: drop it and connect afresh. */
export function isConnectionLost(error: unknown): boolean {
  const code = fieldOf(error, 'code') ?? '';
  const message = fieldOf(error, 'message') ?? '';
  return SOCKET_CODES.has(code) || SERVER_GOING_AWAY.has(code) || code.startsWith('08') || DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

/** The server refused a write because it is read-only (a standby, or a primary being demoted). */
export function isReadOnlyRefusal(error: unknown): boolean {
  return error instanceof ReadOnlyServerError || fieldOf(error, 'code') === READ_ONLY_TRANSACTION;
}

/** Whether an error (or what caused it) means no writable database could be reached: answer 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof DatabaseUnavailableError || isConnectionLost(current) || isReadOnlyRefusal(current)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
