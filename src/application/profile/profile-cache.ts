// A case's profile as last evaluated for the pages, kept by the case's profile version and the
// service's day, so a page view does not read the people, assessments and evidence again, nor find
// the patterns in a long chronology again. Safe because every change to what the profile is
// evaluated from (an assessment or its evidence, a chronology entry, a person, the birth, the level,
// a review, a new kind of agency in the team, check items taken off the plan) writes a new profile version in the same transaction (ADR 11), and the rules that count
// days read the day, which is part of the key, as are the area's settings (their generation). As with the chronology cache, the version is read
// first, so what is kept is never older than the version it is kept under. Frozen, save its lists: it is shared.
// Per context (so per database), at most MOST_KEPT cases, the least recently read going first.
import { RecentlyUsed } from '../../domain/shared/recently-used.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Clock } from '../../domain/shared/clock.ts';
import type { Db } from '../../infrastructure/db/schema.ts';
import type { ChronologyCache } from '../chronology/chronology-cache.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { evaluateStored, loadStoredProfile, type EvaluatedProfile } from './profile-facts.ts';

const MOST_KEPT = 200;

/** What a read needs of the context (the context itself holds this cache). */
interface ProfileSources {
  db: Db;
  clock: Clock;
  chronologies: ChronologyCache;
}

/**
 * Freezes every object the evaluation holds, and every Map and Set, but no array: V8 filters,
 * slices and searches a frozen array by a slow path (application/chronology/chronology-cache.ts),
 * and the pages read these lists on every view. The lists' types (readonly) keep them as they are.
 * `seen`: the lists already walked, as a list is not frozen to say so (the kept chronology's entries are).
 */
function deepFreeze<T>(value: T, seen = new WeakSet()): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (!seen.has(value)) {
      seen.add(value);
      for (const item of value) deepFreeze(item, seen);
    }
  }
  else if (!Object.isFrozen(value)) {
    Object.freeze(value);
    if (value instanceof Map) {
      for (const [key, item] of value) {
        deepFreeze(key, seen);
        deepFreeze(item, seen);
      }
    }
    else if (value instanceof Set) for (const item of value) deepFreeze(item, seen);
    else for (const item of Object.values(value)) deepFreeze(item, seen);
  }
  return value;
}

export class ProfileCache {
  readonly #kept = new RecentlyUsed<string, { version: number; today: string; settings: number; evaluated: EvaluatedProfile }>(MOST_KEPT);

  /**
   * The case's profile evaluated today, as evaluateStoredProfile gives it; null when there is no such
   * case. `readVersion` is the profile version a caller read with the case row just before (saving a
   * statement): what is kept or evaluated is then never older than that read, as when read here.
   */
  async read(ctx: ProfileSources, caseId: string, readVersion?: number): Promise<EvaluatedProfile | null> {
    const today = serviceToday(ctx.clock.now());
    const inForce = await settingsInForce(ctx);
    const record = readVersion === undefined ? await ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirst() : { profile_version: readVersion };
    if (!record) return null;
    const kept = this.#kept.get(caseId);
    if (kept && kept.version === record.profile_version && kept.today === today && kept.settings === inForce.generation) return kept.evaluated;
    const chronology = ctx.chronologies.at(caseId, record.profile_version) ?? (await ctx.chronologies.read(ctx.db, caseId)) ?? [];
    const stored = await loadStoredProfile(ctx.db, caseId, today, inForce.settings, chronology);
    if (!stored) return null;
    const evaluated = deepFreeze(evaluateStored(stored));
    this.#kept.set(caseId, { version: record.profile_version, today, settings: inForce.generation, evaluated });
    return evaluated;
  }
}
