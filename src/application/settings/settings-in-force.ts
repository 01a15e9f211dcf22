// The area's settings in force (src/domain/settings/service-settings.ts): the stored values over the
// defaults, kept per database for RECHECK_MS of the service's clock so that evaluating a profile
// does not read them each time. A change made in this process is seen at once (forgetSettings); one
// made by another process (a second server process, the command line) within RECHECK_MS.
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
  /** Changes whenever the settings do: part of the key of anything evaluated under them. */
  generation: number;
}

interface Kept {
  inForce: SettingsInForce;
  readAt: number;
  /** The settings as JSON, to tell whether a re-read changed them. */
  signature: string;
}

const kept = new WeakMap<object, Kept>();
let generations = 0;

/** Read from `db` when given (inside a transaction, where the embedded database has one connection). */
export async function settingsInForce(ctx: SettingsSource, db: Queryable = ctx.db): Promise<SettingsInForce> {
  const now = ctx.clock.now().getTime();
  const known = kept.get(ctx.db);
  if (known && now - known.readAt < RECHECK_MS && now >= known.readAt) return known.inForce;
  const rows = await db.selectFrom('service_settings').select(['key', 'value']).execute();
  const { settings, ignored } = settingsFrom(new Map(rows.map((row) => [row.key, row.value])));
  const signature = JSON.stringify([settings, ignored]);
  const inForce = known && known.signature === signature ? known.inForce : { settings, ignored, generation: ++generations };
  kept.set(ctx.db, { inForce, readAt: now, signature });
  return inForce;
}

/** After a change in this process: the next read goes to the database. */
export function forgetSettings(ctx: Pick<SettingsSource, 'db'>): void {
  kept.delete(ctx.db);
}
