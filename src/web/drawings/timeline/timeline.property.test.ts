import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EVENT_KIND_IDS } from '../../../domain/catalogue/event-kinds.ts';
import { entry } from '../../../domain/chronology/chronology.test-support.ts';
import type { ChronologyEntry, ChronologyPattern } from '../../../domain/chronology/chronology.types.ts';
import { escapeXml } from './timeline.escape.ts';
import { renderTimeline } from './render-timeline.ts';
import { assertBalanced, markersIn, pattern } from './timeline.test-support.ts';

const day = (from: number, to: number) => fc.integer({ min: from, max: to }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
// Mostly a baby's first year or two, sometimes decades.
const dayArb = fc.oneof({ arbitrary: day(9_500, 10_300), weight: 4 }, { arbitrary: day(0, 12_000), weight: 1 });
const text = fc.oneof(fc.constantFrom('Police', 'Health visiting', '', '<b>&"\'', 'x'.repeat(120)), fc.string({ maxLength: 60 }));

const entriesArb: fc.Arbitrary<ChronologyEntry[]> = fc.integer({ min: 0, max: 80 }).chain((length) =>
  fc.tuple(
    ...Array.from({ length }, (_, i) =>
      fc.record({ kind: fc.constantFrom(...EVENT_KIND_IDS), day: dayArb, agency: text, summary: text, significant: fc.boolean(), corrects: fc.option(fc.integer({ min: 0, max: Math.max(length - 1, 0) })), time: fc.boolean() }).map((r) =>
        entry(`${i}<"&>`, r.kind, r.time ? `${r.day}T23:30:00.000Z` : r.day, { agency: r.agency, summary: r.summary, significant: r.significant, ...(r.corrects === null ? {} : { corrects: `${r.corrects}<"&>` }) }),
      ),
    ),
  ),
);

const patternsArb: fc.Arbitrary<ChronologyPattern[]> = fc.array(
  fc.record({ id: fc.constantFrom('repeated-incidents' as const, 'missed-appointments' as const, 'unseen-period' as const, 'relapse' as const), from: dayArb, to: dayArb, severity: fc.constantFrom('high' as const, 'attention' as const), title: text }).map((p) => pattern(p.id, p.from, p.to, { severity: p.severity, title: p.title })),
  { maxLength: 6 },
);

describe('the timeline of any chronology', () => {
  it('never throws, is well-formed, and gives every entry exactly one marker with a title', () => {
    fc.assert(
      fc.property(entriesArb, patternsArb, dayArb, (entries, patterns, today) => {
        const result = renderTimeline({ entries, patterns, today, names: new Map() });
        assert.ok(result.textAlternative.length > 0);
        if (entries.length === 0) {
          assert.equal(result.svg, '');
          return;
        }
        assertBalanced(result.svg);
        const markers = markersIn(result.svg);
        assert.deepEqual(markers.map((m) => m.id).sort(), entries.map((e) => escapeXml(e.id)).sort());
        for (const marker of markers) assert.ok(marker.title.length > 0 && marker.drawing.length > 0, `${marker.id} has a title and a drawing`);
        assert.equal(renderTimeline({ entries, patterns, today, names: new Map() }).svg, result.svg, 'the same every time');
      }),
      { numRuns: 120, seed: 20261122 },
    );
  });
});
