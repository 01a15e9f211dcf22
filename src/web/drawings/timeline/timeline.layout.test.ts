import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../../../domain/chronology/chronology.test-support.ts';
import type { ChronologyEntry } from '../../../domain/chronology/chronology.types.ts';
import { axisTicks, monthStep, timeScale, xOfDay } from './timeline.axis.ts';
import { layoutTimeline, MARKER_GAP, STACK, VIEW_WIDTH, type TimelineLayout } from './timeline.layout.ts';
import type { TimelineInput } from './timeline.model.ts';
import { NO_AGENCY, planTimeline } from './timeline.plan.ts';
import { pattern } from './timeline.test-support.ts';

const TODAY = '2026-11-22';
const police = { agency: 'Northshire Police', agencyKind: 'police' };
const hospital = { agency: 'City Hospital', agencyKind: 'hospital' };

function layout(entries: ChronologyEntry[], more: Partial<TimelineInput> = {}): TimelineLayout {
  const result = layoutTimeline(planTimeline({ entries, patterns: [], today: TODAY, names: new Map(), ...more }));
  assert.ok(result, 'something to draw');
  return result;
}

const ticksFor = (from: string, to: string) => axisTicks(timeScale(from, to, 24, VIEW_WIDTH - 24));

describe('timeline layout: lanes', () => {
  it('gives each agency one lane, in the order of its first entry, whatever order the entries come in', () => {
    const result = layout([
      entry('b', 'police-incident', '2026-05-01', police),
      entry('a', 'home-visit', '2026-06-01'),
      entry('c', 'birth', '2026-03-01', hospital),
      entry('d', 'police-incident', '2026-02-01', police),
      entry('e', 'clinic-contact', '2026-07-01', { agency: '  ' }),
    ]);
    assert.deepEqual(result.lanes.map((lane) => lane.lane.agency), ['Northshire Police', 'City Hospital', 'Health visiting', NO_AGENCY]);
    assert.deepEqual(result.lanes.map((lane) => lane.markers.length), [2, 1, 1, 1]);
    for (const [i, lane] of result.lanes.entries()) {
      for (const marker of lane.markers) assert.ok(marker.y > lane.top && marker.y < lane.top + lane.height, `marker inside lane ${i}`);
      if (i > 0) assert.equal(lane.top, result.lanes[i - 1]!.top + result.lanes[i - 1]!.height, 'lanes follow each other');
    }
  });

  it('places later days further right, inside the plot', () => {
    const days = ['2026-01-31', '2026-02-01', '2026-02-02', '2026-03-01', '2026-07-15', '2027-01-01'];
    const result = layout(days.map((day, i) => entry(`e${i}`, 'home-visit', day)));
    const xs = days.map((day) => result.markers.find((m) => m.planned.day === day)!.x);
    for (let i = 1; i < xs.length; i += 1) assert.ok(xs[i]! > xs[i - 1]!, `${days[i]!} right of ${days[i - 1]!}`);
    for (const x of xs) assert.ok(x > result.scale.left && x < result.scale.right);
    const scale = result.scale;
    assert.ok(xOfDay(scale, '2026-02-01') - xOfDay(scale, '2026-01-31') > 0);
  });

  it('reads a date-time by its day, as the chronology does', () => {
    const result = layout([entry('a', 'home-visit', '2026-04-10T23:30:00.000Z'), entry('b', 'home-visit', '2026-04-10')]);
    assert.equal(result.markers[0]!.x, result.markers[1]!.x);
  });
});

describe('timeline layout: many entries', () => {
  it('stacks entries on the same day in the same lane in rows, then piles the rest and counts them', () => {
    const sameDay = Array.from({ length: 10 }, (_, i) => entry(`e${i}`, 'case-note', '2026-05-05', { significant: i === 7 }));
    const result = layout(sameDay);
    const rows = new Set(result.markers.map((m) => m.y));
    assert.equal(rows.size, STACK);
    const visible = result.markers.filter((m) => !m.piled);
    assert.equal(visible.length, STACK);
    assert.equal(visible.reduce((sum, m) => sum + m.pile, 0), 7);
    assert.ok(visible.some((m) => m.planned.entry.id === 'e7'), 'the significant entry keeps a row of its own');
    assert.equal(result.markers.length, 10, 'every entry still has its marker');
  });

  it('keeps visible markers apart across hundreds of entries over years, and its height bounded', () => {
    const entries = Array.from({ length: 600 }, (_, i) => {
      const day = new Date(Date.UTC(2023, 0, 1) + ((i * 7919) % 1300) * 86_400_000).toISOString().slice(0, 10);
      return entry(`e${i}`, 'home-visit', day, { agency: `Agency ${i % 4}` });
    });
    const result = layout(entries);
    assert.equal(result.markers.length, 600);
    for (const lane of result.lanes) {
      const visible = lane.markers.filter((m) => !m.piled);
      for (const [i, a] of visible.entries()) {
        for (const b of visible.slice(i + 1)) assert.ok(a.y !== b.y || Math.abs(a.x - b.x) >= MARKER_GAP - 1e-9, `${a.planned.entry.id} and ${b.planned.entry.id} apart`);
      }
      assert.ok(lane.height <= 26 + STACK * 22 + 6);
    }
    assert.ok(result.height < 700);
  });
});

describe('timeline layout: the axis', () => {
  it('labels every month of a short chronology, with the year on the first and on January', () => {
    const ticks = ticksFor('2025-11-03', '2026-02-20');
    assert.deepEqual(ticks.map((t) => t.lines), [['Nov', '2025'], ['Dec'], ['Jan', '2026'], ['Feb'], ['Mar']]);
    assert.ok(ticks.every((t) => t.major));
  });

  it('spaces labelled ticks further apart as the period grows: months, quarters, years, five years', () => {
    const step = (from: string, to: string) => monthStep(timeScale(from, to, 24, VIEW_WIDTH - 24));
    assert.equal(step('2026-03-01', '2026-03-01'), 1);
    assert.equal(step('2026-01-01', '2026-12-31'), 1);
    assert.equal(step('2025-01-01', '2026-12-31'), 2);
    assert.equal(step('2022-01-01', '2026-12-31'), 6);
    assert.equal(step('2017-01-01', '2026-12-31'), 12);
    assert.equal(step('1987-01-01', '2026-12-31'), 60);
  });

  it('keeps labels apart and at least a few of them, whatever the period', () => {
    for (const [from, to] of [['2026-03-05', '2026-03-05'], ['2026-01-01', '2027-06-30'], ['2019-02-01', '2026-11-22'], ['1900-01-01', '2026-11-22']] as const) {
      const labelled = ticksFor(from, to).filter((t) => t.major);
      assert.ok(labelled.length >= 2, `${from} to ${to}: ${labelled.length} labels`);
      for (let i = 1; i < labelled.length; i += 1) assert.ok(labelled[i]!.x - labelled[i - 1]!.x >= 56 - 1e-9);
    }
  });

  it('shows years alone once ticks are a year or more apart, with unlabelled ticks between when there is room', () => {
    const ticks = ticksFor('2017-01-01', '2026-12-31');
    assert.deepEqual(ticks.filter((t) => t.major).map((t) => t.lines.join(' ')), ['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027']);
    assert.ok(ticks.some((t) => !t.major && t.lines.length === 0));
  });
});

describe('timeline layout: period, today and patterns', () => {
  it('runs from the first entry to today, and draws a line for today', () => {
    const result = layout([entry('a', 'home-visit', '2026-03-10')]);
    assert.deepEqual(result.period, { from: '2026-03-10', to: TODAY });
    assert.ok(result.todayX !== null && result.todayX > result.markers[0]!.x);
  });

  it('draws only the period asked for, without today when it falls outside', () => {
    const plan = planTimeline({ entries: [entry('a', 'home-visit', '2026-03-10'), entry('b', 'home-visit', '2026-06-10')], patterns: [], from: '2026-06-01', to: '2026-06-30', today: TODAY, names: new Map() });
    assert.deepEqual(plan.drawn.map((p) => p.entry.id), ['b']);
    assert.deepEqual(plan.outside.map((e) => e.id), ['a']);
    const result = layoutTimeline(plan)!;
    assert.equal(result.todayX, null);
    assert.deepEqual(result.period, { from: '2026-06-01', to: '2026-06-30' });
  });

  it('draws nothing when there is no entry, or none in the period', () => {
    assert.equal(layoutTimeline(planTimeline({ entries: [], patterns: [pattern('unseen-period', '2026-01-01', TODAY)], today: TODAY, names: new Map() })), null);
    assert.equal(layoutTimeline(planTimeline({ entries: [entry('a', 'home-visit', '2026-03-10')], patterns: [], from: '2026-05-01', today: TODAY, names: new Map() })), null);
  });

  it('marks superseded entries as corrected, and their corrections as current', () => {
    const wrong = entry('wrong', 'home-visit', '2026-04-01');
    const result = layout([wrong, correction('right', wrong, { occurredAt: '2026-04-02' })]);
    assert.deepEqual(result.markers.map((m) => [m.planned.entry.id, m.planned.corrected]), [['wrong', true], ['right', false]]);
  });

  it('shades each pattern over its days across every lane, with labels on rows that do not overlap', () => {
    const entries = [entry('a', 'home-visit', '2026-01-05'), entry('b', 'police-incident', '2026-06-20', police)];
    const result = layout(entries, {
      patterns: [
        pattern('repeated-incidents', '2026-02-01', '2026-04-30'),
        pattern('unseen-period', '2026-03-01', '2026-05-31', { title: 'A long time when no one saw the baby', severity: 'attention' }),
        pattern('missed-appointments', '2026-09-01', '2026-09-01', { title: 'Repeatedly not brought to appointments', severity: 'attention' }),
      ],
    });
    const [first, second, third] = result.bands;
    assert.ok(first && second && third);
    assert.ok(first.x1 < xOfDay(result.scale, '2026-02-01') && first.x2 > xOfDay(result.scale, '2026-04-30'));
    assert.equal(first.row, 0);
    assert.equal(second.row, 1, 'overlapping in time: a second row');
    assert.ok(third.x2 - third.x1 >= 6, 'a one-day pattern is still visible');
    assert.equal(result.bandRows, 2);
    assert.ok(result.lanesTop >= 8 + 2 * 26, 'lanes start below the labels');
  });

  it('stretches the period to a pattern that starts before the first entry, and clips one outside an asked period', () => {
    const entries = [entry('a', 'home-visit', '2026-05-05')];
    assert.equal(layout(entries, { patterns: [pattern('relapse', '2026-01-10', '2026-05-05')] }).period.from, '2026-01-10');
    const clipped = planTimeline({ entries, patterns: [pattern('relapse', '2026-01-10', '2026-05-05'), pattern('relapse', '2025-01-01', '2025-02-01')], from: '2026-04-01', today: TODAY, names: new Map() });
    assert.deepEqual(clipped.patterns.map((p) => [p.from, p.to]), [['2026-04-01', '2026-05-05']]);
  });
});
