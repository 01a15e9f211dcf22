// What the timeline picture is drawn from: the chronology through viewChronology (the access check
// and the audit entry), and the patterns in it exactly as the profile finds them (loadStoredProfile
// calls findPatterns with the stored evidence too, so a relapse the profile shows is shaded here),
// with the names of the baby and the people around them.
import type { ChronologyPattern } from '../../domain/chronology/chronology.types.ts';
import type { ListedEntry } from '../../domain/chronology/filter-entries.ts';
import type { UserActor } from '../actor.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { AppContext } from '../context.ts';
import { loadStoredProfile } from '../profile/profile-facts.ts';
import { viewChronology, type ViewChronologyResult } from './view-chronology.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export interface TimelineFacts {
  caseName: string;
  /** Every entry, corrected ones included. */
  entries: ListedEntry[];
  patterns: readonly ChronologyPattern[];
  /** Person id to display name. */
  names: Map<string, string>;
  /** YYYY-MM-DD in the service's time zone. */
  today: string;
}

export type ViewTimelineResult = { ok: true; value: TimelineFacts } | Exclude<ViewChronologyResult, { ok: true }>;

export async function viewTimeline(ctx: AppContext, actor: UserActor, caseId: string): Promise<ViewTimelineResult> {
  const chronology = await viewChronology(ctx, actor, caseId);
  if (!chronology.ok) return chronology;
  const today = serviceToday(ctx.clock.now());
  // The entries are unfiltered: the profile reads them rather than the chronology a second time.
  const stored = await loadStoredProfile(ctx.db, caseId, today, (await settingsInForce(ctx)).settings, chronology.value.entries);
  if (!stored) return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  const { infant, people, patterns } = stored.facts;
  return {
    ok: true,
    value: { caseName: infant.name ?? 'The baby', entries: chronology.value.entries, patterns: patterns ?? [], names: new Map(people.map((p) => [p.id, p.name])), today },
  };
}
