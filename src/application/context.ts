// What every use case receives: the database, the clock, an id source, the settings, and where to
// report what it counts and times (metrics.ts: nothing is kept unless METRICS_PORT is set).
import type { Config } from '../config.ts';
import type { Clock } from '../domain/shared/clock.ts';
import { loadAuditKeyring, type AuditKeyring } from '../infrastructure/audit/audit-keys.ts';
import { orderedId } from '../infrastructure/db/ordered-id.ts';
import type { Db } from '../infrastructure/db/schema.ts';
import { ChronologyCache } from './chronology/chronology-cache.ts';
import { noMetrics, type Metrics } from './metrics.ts';
import { ProfileCache } from './profile/profile-cache.ts';

export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  db: Db;
  clock: Clock;
  config: Config;
  /** A new row's id: later ids sort after earlier ones (infrastructure/db/ordered-id.ts). */
  newId(): string;
  /** Chronologies already read from this database, by profile version: for read-only views. */
  chronologies: ChronologyCache;
  /** Profiles already evaluated, by profile version and day: for read-only views. */
  profiles: ProfileCache;
  /** The keys that sign the audit chain, read from outside the database. */
  auditKeys: AuditKeyring;
  /** Counts and timings for the operators (noMetrics unless METRICS_PORT is set). */
  metrics: Metrics;
}

export function createContext(db: Db, config: Config, clock: Clock = systemClock, auditKeys: AuditKeyring = loadAuditKeyring(config, clock.now()), metrics: Metrics = noMetrics): AppContext {
  return { db, clock, config, newId: orderedId, chronologies: new ChronologyCache(), profiles: new ProfileCache(), auditKeys, metrics };
}
