// Where signed-in sessions are kept: the sessions table (infrastructure/security/session-store.ts),
// over the service's own database and clock, so that the pages never hold the database themselves.
import { DatabaseSessionStore } from '../../infrastructure/security/session-store.ts';
import type { AppContext } from '../context.ts';

/** The session store, keeping each session `lifetimeMs` after it was last saved. */
export function openSessionStore(ctx: AppContext, lifetimeMs: number, onCallbackError: (error: unknown) => void): DatabaseSessionStore {
  return new DatabaseSessionStore(ctx.db, ctx.clock, lifetimeMs, onCallbackError);
}
