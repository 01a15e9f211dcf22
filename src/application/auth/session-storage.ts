// Where signed-in sessions are kept: the sessions table (infrastructure/security/session-store.ts),
// over the service's own database and clock, so that the pages never hold the database themselves.
// A session is read with the account it belongs to and that account's open alerts in one statement:
// every signed-in page starts with the three (issue 12).
import { READ_WITH_SESSION, DatabaseSessionStore } from '../../infrastructure/security/session-store.ts';
import { compiledOnce } from '../../infrastructure/db/compiled-once.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import { accountsWithOpenAlerts, activeSessionAccount, type AccountWithOpenAlertsRow, type SessionAccount } from './signed-in-user.ts';

/** What was read with a session: the account its user id named, or null when that account is disabled or gone. */
interface AccountReadWithSession {
  userId: string;
  account: SessionAccount | null;
}

/**
 * A session with its account, compiled once (compiledOnce): building it again on every signed-in
 * request cost more of Node's time than sending it (bench/page-cpu.ts).
 */
const sessionWithAccount = compiledOnce((db: Queryable, key: string, now: Date) =>
  db
    .selectFrom('sessions')
    .leftJoin(accountsWithOpenAlerts(db).as('account'), 'account.id', 'sessions.user_id')
    .select(['sessions.data', 'sessions.user_id'])
    .selectAll('account')
    .where('sessions.id', '=', key)
    .where('sessions.expires_at', '>', now),
);

/** Reads a session with its account, as the store asks for it. */
function sessionWithAccountReader(db: Queryable) {
  return async (key: string, now: Date): Promise<Record<string, unknown> | null> => {
    const [row] = await sessionWithAccount(db, key, now);
    if (!row) return null;
    const { data, user_id: userId, ...joined } = row;
    if (userId === null) return data;
    // The left join's columns are all null when no account has the id, and all present when one has.
    const account = joined.id === null ? null : activeSessionAccount(joined as AccountWithOpenAlertsRow);
    const readWith: AccountReadWithSession = { userId, account };
    return { ...data, [READ_WITH_SESSION]: readWith };
  };
}

/** The session store, keeping each session `lifetimeMs` after it was last saved. */
export function openSessionStore(ctx: AppContext, lifetimeMs: number, onCallbackError: (error: unknown) => void): DatabaseSessionStore {
  return new DatabaseSessionStore(ctx.db, ctx.clock, lifetimeMs, onCallbackError, sessionWithAccountReader(ctx.db));
}

/**
 * The account (with its open alerts) read with this session for `userId`: null when that account is
 * disabled or gone, undefined when the session was not read with it (a session started in this request).
 */
export function accountReadWithSession(session: object, userId: string): SessionAccount | null | undefined {
  const readWith = (session as { [READ_WITH_SESSION]?: AccountReadWithSession })[READ_WITH_SESSION];
  return readWith?.userId === userId ? readWith.account : undefined;
}
