// Whether the database this process uses takes writes, and how far each standby streaming from it
// lags: for /health/ready, so that a load balancer and whoever watches the service see a failover
// coming (a standby far behind) and whether this process landed on a read-only server
// (docs/adr/0013-database-failover.md). One statement, no audit entry: no one's records are read.
import { sql } from 'kysely';
import type { AppContext } from './context.ts';

export interface StandbyLag {
  /** Its application_name (pg_auto_failover: pgautofailover_standby_N). */
  name: string;
  /** streaming, catchup, startup or backup. */
  state: string;
  /** sync, quorum, potential or async: whether a commit waits for it. */
  sync: string;
  /** WAL written here and not yet replayed there; null when the service's user may not see it (grant it pg_monitor). */
  lagBytes: number | null;
  /** How long the last replayed change took to be replayed there; null once it is idle and caught up. */
  replayLagSeconds: number | null;
}

export interface DatabaseReplication {
  writable: boolean;
  standbys: StandbyLag[];
}

interface Row {
  writable: boolean;
  standbys: StandbyLag[] | null;
}

/** The database's state as this process sees it (throws when it does not answer). */
export async function describeReplication(ctx: AppContext): Promise<DatabaseReplication> {
  const { rows } = await sql<Row>`
    SELECT current_setting('transaction_read_only') = 'off' AND NOT pg_is_in_recovery() AS writable,
      (SELECT json_agg(json_build_object(
          'name', application_name, 'state', state, 'sync', sync_state,
          'lagBytes', pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END, replay_lsn)::float8,
          'replayLagSeconds', extract(epoch FROM replay_lag)::float8) ORDER BY application_name)
        FROM pg_stat_replication) AS standbys`.execute(ctx.db);
  const row = rows[0]!;
  return { writable: row.writable, standbys: row.standbys ?? [] };
}
