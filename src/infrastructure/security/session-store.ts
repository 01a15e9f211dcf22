// Server-side sessions in the database, in the callback shape web/plugins/server-sessions.ts calls. A session is
// stored under the SHA-256 of its id, never the id itself: a copy of the table signs nobody in.
import { hash } from 'node:crypto';
import type { Clock } from '../../domain/shared/clock.ts';
import type { Db } from '../db/schema.ts';

type Callback = (error?: unknown) => void;
/** A session as it is stored: its data, as JSON.stringify gives it. */
type SessionLike = object;

/** Reads a stored session's data by its key while it has not expired, with whatever the reader adds under READ_WITH_SESSION. */
export type StoredSessionReader = (key: string, now: Date) => Promise<Record<string, unknown> | null>;

/**
 * Where a reader puts what it read in the same statement as the session (the account it belongs to),
 * for the request's own use. It rides in the session unchanged through the request, so the session
 * does not count as modified, and is never saved.
 */
export const READ_WITH_SESSION = 'readWithSession';

/**
 * What was read with a session, left out of every serialisation of it: the save's, and the JSON by
 * which web/plugins/server-sessions.ts tells whether the session changed (the account read with it
 * would be most of it).
 */
function neverSerialised(readWith: unknown): void {
  if (typeof readWith === 'object' && readWith !== null) Object.defineProperty(readWith, 'toJSON', { value: () => undefined });
}

/** Hands a promise's outcome to a callback; a throw from the callback is logged, never left unhandled. */
function settle(promise: Promise<unknown>, callback: Callback, onCallbackError: (error: unknown) => void): void {
  promise.then(
    () => callback(),
    (error: unknown) => callback(error),
  ).catch(onCallbackError);
}

/** The key a session is stored under. The id is long and random, so a plain hash (no salt) is enough. */
export function storedSessionKey(sessionId: string): string {
  return hash('sha256', sessionId, 'hex');
}

export class DatabaseSessionStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
    private readonly onCallbackError: (error: unknown) => void,
    private readonly read: StoredSessionReader,
  ) {}

  set(sessionId: string, session: SessionLike, callback: Callback): void {
    const expiresAt = new Date(this.clock.now().getTime() + this.lifetimeMs);
    const userId = (session as { userId?: string }).userId ?? null;
    const data = JSON.stringify(session);
    const write = this.db
      .insertInto('sessions')
      .values({ id: storedSessionKey(sessionId), user_id: userId, data, expires_at: expiresAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ user_id: userId, data }))
      .execute();
    settle(write, callback, this.onCallbackError);
  }

  get(sessionId: string, callback: (error: unknown, session?: SessionLike | null) => void): void {
    this.read(storedSessionKey(sessionId), this.clock.now())
      .then(
        (data) => {
          neverSerialised(data?.[READ_WITH_SESSION]);
          callback(null, data ?? null);
        },
        (error: unknown) => callback(error),
      )
      .catch(this.onCallbackError);
  }

  destroy(sessionId: string, callback: Callback): void {
    settle(this.db.deleteFrom('sessions').where('id', '=', storedSessionKey(sessionId)).execute(), callback, this.onCallbackError);
  }

  /** Removes sessions past their absolute lifetime; run now and then, never on the request path. */
  async purgeExpired(): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', this.clock.now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
