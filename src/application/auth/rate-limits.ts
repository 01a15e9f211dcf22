// Where the rate limits on signing in and making tokens are counted: in the service's database
// (infrastructure/security/rate-limit-store.ts), so that a limit holds across every server process
// sharing it, and so that the pages never hold the database themselves.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { databaseRateLimitStore } from '../../infrastructure/security/rate-limit-store.ts';
import type { AppContext } from '../context.ts';

/** The store for @fastify/rate-limit, its keys hashed under `secret` (the service's secret, the same in every process). */
export function rateLimitStore(ctx: AppContext, secret: string): FastifyRateLimitStoreCtor {
  return databaseRateLimitStore({ db: ctx.db, clock: ctx.clock, secret });
}
