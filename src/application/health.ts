// Whether the service is alive and ready, for GET /health, /health/live and /health/ready: a few
// trivial queries and no audit entry (whatever watches the service asks every few seconds, and no
// one's records are read).
//
// Ready means this process can take traffic: it is not stopping, the database answers and takes
// writes (not a standby: docs/adr/0013-database-failover.md), its schema is
// the one this code ships (every migration shipped is applied, and none it does not know), and, when
// mail is on, the outbox worker has finished a run lately. That worker runs in one process only (the
// primary of a cluster: src/background-work.ts), so it writes the time of each run into the database
// (worker_heartbeats), where every process's readiness reads it.
import { sql } from 'kysely';
import { readMigrations } from '../infrastructure/db/migrate.ts';
import type { AppContext } from './context.ts';
import { describeReplication, type DatabaseReplication } from './database-replication.ts';

export type DatabaseHealth = { answers: true } | { answers: false; error: unknown };

/** Asks the database a trivial question: it answers, or the error says why it could not. */
export async function databaseAnswers(ctx: AppContext): Promise<DatabaseHealth> {
  try {
    await sql`SELECT 1`.execute(ctx.db);
    return { answers: true };
  } catch (error) {
    return { answers: false, error };
  }
}

/** Each reason a process is not ready, as /health/ready names it. */
export type NotReadyReason = 'stopping' | 'database-unreachable' | 'database-read-only' | 'migrations-not-current' | 'outbox-stale';

/** Ready, with whether the database takes writes and how far its standbys lag; or each reason it is not. */
export type Readiness = { ready: true; database: DatabaseReplication } | { ready: false; reasons: NotReadyReason[]; error?: unknown };

/** The outbox worker counts as running while its last run finished less than this many intervals ago (one missed run is allowed). */
export const OUTBOX_STALE_AFTER_INTERVALS = 2;

export const OUTBOX_WORKER = 'outbox';

// Whether this process has begun to stop: the process stops, not one app, so this is the process's.
let stopping = false;

/** From now on this process answers not ready ('stopping'), so that a load balancer stops sending it requests. */
export function markStopping(): void {
  stopping = true;
}

/** For tests only: the process is serving again. */
export function markServing(): void {
  stopping = false;
}

let shipped: string[] | undefined;

/** The migrations this code ships (read once: they do not change while it runs). */
function shippedMigrations(): string[] {
  return (shipped ??= readMigrations().map((migration) => migration.id));
}

export interface ReadinessOptions {
  /** The migration ids this code ships; by default those in infrastructure/db/migrations. */
  shippedMigrations?: readonly string[];
}

export async function checkReadiness(ctx: AppContext, options: ReadinessOptions = {}): Promise<Readiness> {
  if (stopping) return { ready: false, reasons: ['stopping'] };
  let applied: string[];
  let database: DatabaseReplication;
  try {
    applied = (await ctx.db.selectFrom('schema_migrations').select('id').execute()).map((row) => row.id);
    database = await describeReplication(ctx);
  } catch (error) {
    return { ready: false, reasons: ['database-unreachable'], error };
  }
  const reasons: NotReadyReason[] = [];
  // A standby, or a primary being demoted: this process would fail every change (docs/adr/0013-database-failover.md).
  if (!database.writable) reasons.push('database-read-only');
  if (!sameIds(applied, options.shippedMigrations ?? shippedMigrations())) reasons.push('migrations-not-current');
  if (ctx.config.smtpUrl !== undefined) {
    try {
      if (!(await outboxRanLately(ctx))) reasons.push('outbox-stale');
    } catch (error) {
      // The database answered a moment ago; the heartbeat's table is missing while migrations are behind.
      if (!reasons.includes('migrations-not-current')) return { ready: false, reasons: ['database-unreachable'], error };
      reasons.push('outbox-stale');
    }
  }
  return reasons.length === 0 ? { ready: true, database } : { ready: false, reasons };
}

function sameIds(applied: readonly string[], shippedIds: readonly string[]): boolean {
  const appliedSet = new Set(applied);
  return appliedSet.size === shippedIds.length && shippedIds.every((id) => appliedSet.has(id));
}

async function outboxRanLately(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('worker_heartbeats').select('ran_at').where('worker', '=', OUTBOX_WORKER).executeTakeFirst();
  if (!row) return false;
  const staleAfterMs = OUTBOX_STALE_AFTER_INTERVALS * ctx.config.outboxIntervalSeconds * 1000;
  return ctx.clock.now().getTime() - row.ran_at.getTime() <= staleAfterMs;
}

/** Notes that a background worker has just finished a run (the time by the context's clock). */
export async function recordWorkerHeartbeat(ctx: AppContext, worker: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('worker_heartbeats')
    .values({ worker, ran_at: now })
    .onConflict((conflict) => conflict.column('worker').doUpdateSet({ ran_at: now }))
    .execute();
}
