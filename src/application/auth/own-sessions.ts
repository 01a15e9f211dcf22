// A user's own signed-in sessions: where and when each began and was last used, with the one in use
// marked, and signing out of one or all of the others (a lost phone, a shared computer). A session is
// named by the key it is stored under (the hash of its id), never by the id that signs it in.
import { sessionEndedBecause } from '../../domain/shared/session-expiry.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface OwnSession {
  key: string;
  current: boolean;
  signedInAt: Date | null;
  lastSeenAt: Date | null;
  device: string | null;
  address: string | null;
}

const dateOf = (value: unknown) => (typeof value === 'number' ? new Date(value) : null);
const textOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The user's sessions still in force (not idle past SESSION_IDLE_MINUTES, not past SESSION_ABSOLUTE_HOURS), newest first. */
export async function listOwnSessions(ctx: AppContext, actor: UserActor, currentKey: string): Promise<OwnSession[]> {
  const now = ctx.clock.now().getTime();
  const limits = { idleMs: ctx.config.sessionIdleMinutes * 60_000, absoluteMs: ctx.config.sessionAbsoluteHours * 3_600_000 };
  const rows = await ctx.db.selectFrom('sessions').select(['id', 'data']).where('user_id', '=', actor.userId).where('expires_at', '>', ctx.clock.now()).execute();
  return rows
    .map((row): OwnSession => {
      const data = row.data;
      return { key: row.id, current: row.id === currentKey, signedInAt: dateOf(data['signedInAt']), lastSeenAt: dateOf(data['lastSeenAt']), device: textOf(data['device']), address: textOf(data['address']) };
    })
    .filter((session) => session.current || sessionEndedBecause({ signedInAt: session.signedInAt?.getTime(), lastSeenAt: session.lastSeenAt?.getTime() }, now, limits) === null)
    .sort((a, b) => Number(b.current) - Number(a.current) || (b.signedInAt?.getTime() ?? 0) - (a.signedInAt?.getTime() ?? 0));
}

/** Ends the user's other sessions (all of them, or the one named), never the one in use. Returns how many ended. */
export async function endOwnSessions(ctx: AppContext, actor: UserActor, currentKey: string, only?: string): Promise<Result<number, 'not-found'>> {
  return ctx.db.transaction().execute(async (trx) => {
    let query = trx.deleteFrom('sessions').where('user_id', '=', actor.userId).where('id', '!=', currentKey);
    if (only !== undefined) query = query.where('id', '=', only);
    const ended = Number((await query.executeTakeFirst()).numDeletedRows);
    if (only !== undefined && ended === 0) {
      await recordAudit(trx, ctx, actor, { action: 'session.end', outcome: 'denied', subjectType: 'session', subjectId: only });
      return fail('not-found', 'That session has already ended, or is not yours.');
    }
    await recordAudit(trx, ctx, actor, { action: only === undefined ? 'session.end-others' : 'session.end', subjectType: 'user', subjectId: actor.userId, details: { ended } });
    return ok(ended);
  });
}
