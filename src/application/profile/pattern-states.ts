// The pattern state of each case's chronology (domain/chronology/pattern-state.ts, ADR 0020), kept
// beside the chronologies the chronology cache keeps, so that evaluating a profile after a new entry
// feeds the finders that entry instead of reading the whole chronology again. Correct whatever is
// kept: a state is only fed when the chronology given begins with the very entries it read (the same
// objects, as the chronology cache and withNewEntries hand them on); otherwise, as after a change
// that rolled back, it is built again. Per process, at most MOST_KEPT cases, the least recently used
// going first; a state is changed in place when fed (so it is taken out while fed), and only this map holds it.
import { findPatternsKept, type PatternState } from '../../domain/chronology/pattern-state.ts';
import type { PatternInput } from '../../domain/chronology/find-patterns.ts';
import type { ChronologyPattern } from '../../domain/chronology/chronology.types.ts';
import { RecentlyUsed } from '../../domain/shared/recently-used.ts';

const kept = new RecentlyUsed<string, PatternState>(200);

/** The case's patterns, exactly as findPatterns(input) gives them. */
export function patternsOfCase(caseId: string, input: PatternInput): ChronologyPattern[] {
  const { patterns, state } = findPatternsKept(input, kept.take(caseId));
  if (state !== null) kept.set(caseId, state);
  return patterns;
}
