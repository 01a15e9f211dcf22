// What every use case receives: the database, the clock, an id source and the settings.
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Clock } from '../domain/shared/clock.ts';
import { loadAuditKeyring, type AuditKeyring } from '../infrastructure/audit/audit-keys.ts';
import type { Db } from '../infrastructure/db/schema.ts';
import { ChronologyCache } from './chronology/chronology-cache.ts';
import { ProfileCache } from './profile/profile-cache.ts';

export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  db: Db;
  clock: Clock;
  config: Config;
  newId(): string;
  /** Chronologies already read from this database, by profile version: for read-only views. */
  chronologies: ChronologyCache;
  /** Profiles already evaluated, by profile version and day: for read-only views. */
  profiles: ProfileCache;
  /** The keys that sign the audit chain, read from outside the database. */
  auditKeys: AuditKeyring;
}

export function createContext(db: Db, config: Config, clock: Clock = systemClock, auditKeys: AuditKeyring = loadAuditKeyring(config, clock.now())): AppContext {
  return { db, clock, config, newId: randomUUID, chronologies: new ChronologyCache(), profiles: new ProfileCache(), auditKeys };
}
