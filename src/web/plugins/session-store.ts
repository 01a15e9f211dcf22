// Server-side sessions in the database, in the callback shape @fastify/session expects.
import type { Clock } from '../../application/context.ts';
import type { Db } from '../../infrastructure/db/schema.ts';
import type { Session } from 'fastify';

type Callback = (error?: unknown) => void;
type SessionLike = Session;

export class DatabaseSessionStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  set(sessionId: string, session: SessionLike, callback: Callback): void {
    const expiresAt = new Date(this.clock.now().getTime() + this.lifetimeMs);
    const userId = (session as { userId?: string }).userId ?? null;
    const data = JSON.stringify(session);
    this.db
      .insertInto('sessions')
      .values({ id: sessionId, user_id: userId, data, expires_at: expiresAt })
      .onConflict((oc) => oc.column('id').doUpdateSet({ user_id: userId, data }))
      .execute()
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (error: unknown, session?: SessionLike | null) => void): void {
    this.db
      .selectFrom('sessions')
      .select('data')
      .where('id', '=', sessionId)
      .where('expires_at', '>', this.clock.now())
      .executeTakeFirst()
      .then((row) => callback(null, (row?.data as unknown as SessionLike | undefined) ?? null), callback);
  }

  destroy(sessionId: string, callback: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('id', '=', sessionId)
      .execute()
      .then(() => callback(), callback);
  }

  /** Removes sessions past their absolute lifetime; run now and then, never on the request path. */
  async purgeExpired(): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', this.clock.now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
