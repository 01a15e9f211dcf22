// Rate limits counted in the database, in the store shape @fastify/rate-limit expects, so that a
// limit holds across every server process sharing the database rather than per process. Each hit is
// one statement: an upsert that counts it in the client's current window, or starts a new window
// when the last has ended (a window begins at its first hit, as the plugin's own memory store does).
// The key is an HMAC of the route and the client's address under a key derived from the service's
// secret, so the table names no address, and every process sharing the secret counts in one row.
import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Clock } from '../../domain/shared/clock.ts';
import type { Db } from '../db/schema.ts';

/** Ended windows are deleted at most this often by each process, before a hit. */
export const PRUNE_EVERY_MS = 60_000;

type Counted = { current: number; ttl: number };
type ChildOptions = Parameters<FastifyRateLimitStore['child']>[0];

export interface RateLimitStoreOptions {
  db: Db;
  clock: Clock;
  /** The service's secret (SESSION_SECRET or the one kept in the database), the same in every process. */
  secret: string;
}

/** Hits counted per route and client in the table rate_limit_hits (migration 043). */
export function databaseRateLimitStore({ db, clock, secret }: RateLimitStoreOptions): FastifyRateLimitStoreCtor {
  const hashKey = createHmac('sha256', secret).update('rate-limit-hits').digest();
  let prunedAt = Number.NEGATIVE_INFINITY;

  async function pruneWhenDue(now: Date): Promise<void> {
    if (now.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now.getTime();
    await db.deleteFrom('rate_limit_hits').where('window_ends_at', '<=', now).execute();
  }

  async function countHit(key: string, timeWindowMs: number): Promise<Counted> {
    const now = clock.now();
    await pruneWhenDue(now);
    const ended = sql<boolean>`rate_limit_hits.window_ends_at <= ${now}`;
    const row = await db
      .insertInto('rate_limit_hits')
      .values({ key_hash: createHmac('sha256', hashKey).update(key).digest('hex'), hits: 1, window_ends_at: new Date(now.getTime() + timeWindowMs) })
      .onConflict((oc) =>
        oc.column('key_hash').doUpdateSet({
          hits: sql<number>`CASE WHEN ${ended} THEN 1 ELSE rate_limit_hits.hits + 1 END`,
          window_ends_at: sql<Date>`CASE WHEN ${ended} THEN excluded.window_ends_at ELSE rate_limit_hits.window_ends_at END`,
        }),
      )
      .returning(['hits', 'window_ends_at'])
      .executeTakeFirstOrThrow();
    return { current: row.hits, ttl: Math.max(0, new Date(row.window_ends_at).getTime() - now.getTime()) };
  }

  class RouteStore implements FastifyRateLimitStore {
    /** `route` tells one limited route's counts from another's. */
    constructor(private readonly route: string) {}

    incr(key: string, callback: (error: Error | null, result?: Counted) => void, timeWindow: number): void {
      countHit(`${this.route}\n${key}`, timeWindow).then(
        (counted) => callback(null, counted),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    /** The plugin makes one a limited route, with the route's options; the route itself is under routeInfo. */
    child(routeOptions: ChildOptions): FastifyRateLimitStore {
      const { method, url } = (routeOptions as ChildOptions & { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo ?? {};
      return new RouteStore(`${String(method)} ${String(url)}`);
    }
  }
  /** What the plugin makes with the options it was given (not needed here). */
  return class DatabaseRateLimitStore extends RouteStore {
    constructor() {
      super('');
    }
  };
}
