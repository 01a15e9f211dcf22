// The area's settings in force (src/domain/settings/service-settings.ts): the stored values over the
// defaults, kept per database handle for RECHECK_MS of the service's clock so that evaluating a profile
// does not read them each time. A change made in this process is seen at once (forgetSettings); one
// made by another process (a second server process, the command line) within RECHECK_MS.
//
// Their generation names the settings themselves, not the handle they were read with: the same settings
// have the same generation on every handle, different settings never share one. A context's profile
// cache keys by it, and a context may be used with more than one handle (a transaction's, a handle with
// a plugin: { ...ctx, db }); a generation counted per handle would give two handles' different settings
// the same number, and one counted per read (as before) gave the same settings on two handles two numbers,
// so the cache missed each time the handle changed.
import { settingsFrom, type ServiceSettings } from '../../domain/settings/service-settings.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import type { Db, Queryable } from '../../infrastructure/db/schema.ts';

/** What a read needs of the context (not the context itself, which holds the profile cache that reads these). */
interface SettingsSource {
  db: Db;
  clock: Clock;
}

const RECHECK_MS = 5_000;

export interface SettingsInForce {
  settings: ServiceSettings;
  /** Stored settings no longer within their bounds, so at their defaults. */
  ignored: string[];
  /** The same for the same settings on any handle, another for others: part of the key of anything evaluated under them. */
  generation: number;
}

interface Kept {
  inForce: SettingsInForce;
  readAt: number;
}

const kept = new WeakMap<object, Kept>();
/** Each different set of settings read in this process, by its JSON (a few: one for each change). */
const distinct = new Map<string, SettingsInForce>();

/** Read from `db` when given (inside a transaction, where the embedded database has one connection). */
export async function settingsInForce(ctx: SettingsSource, db: Queryable = ctx.db): Promise<SettingsInForce> {
  const now = ctx.clock.now().getTime();
  const known = kept.get(ctx.db);
  if (known && now - known.readAt < RECHECK_MS && now >= known.readAt) return known.inForce;
  const rows = await db.selectFrom('service_settings').select(['key', 'value']).execute();
  const { settings, ignored } = settingsFrom(new Map(rows.map((row) => [row.key, row.value])));
  const signature = JSON.stringify([settings, ignored]);
  const inForce = distinct.get(signature) ?? { settings, ignored, generation: distinct.size + 1 };
  distinct.set(signature, inForce);
  kept.set(ctx.db, { inForce, readAt: now });
  return inForce;
}

/** After a change in this process: the next read goes to the database. */
export function forgetSettings(ctx: Pick<SettingsSource, 'db'>): void {
  kept.delete(ctx.db);
}
