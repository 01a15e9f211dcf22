// Reading the SVG in tests: well-formedness, and the markers with their titles and drawings.
import assert from 'node:assert/strict';
import type { ChronologyPattern } from '../../../domain/chronology/chronology.types.ts';

/** Every element closed in order: enough to know the string is well-formed XML. */
export function assertBalanced(svg: string): void {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name!}> closes the open element`);
    else stack.push(name!);
  }
  assert.deepEqual(stack, []);
}

export interface MarkerInSvg {
  id: string;
  title: string;
  drawing: string;
}

/** Each entry's marker: its data-entry-id (as written, escaped), its title and its shape's markup. */
export function markersIn(svg: string): MarkerInSvg[] {
  return [...svg.matchAll(/<g class="app-timeline__entry" data-entry-id="([^"]*)"><title>([^<]*)<\/title>(.*?)<\/g>/g)].map((m) => ({ id: m[1]!, title: m[2]!, drawing: m[3]! }));
}

export function count(svg: string, pattern: RegExp): number {
  return [...svg.matchAll(new RegExp(pattern.source, 'g'))].length;
}

export function pattern(id: ChronologyPattern['id'], from: string, to: string, overrides: Partial<ChronologyPattern> = {}): ChronologyPattern {
  return { id, severity: 'high', title: 'Repeated domestic abuse incidents', rationale: 'Three incidents in a year.', from, to, entryIds: [], personIds: [], factorIds: [], becomesFinding: false, ...overrides };
}
