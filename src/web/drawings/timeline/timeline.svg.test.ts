import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../../../domain/chronology/chronology.test-support.ts';
import type { ChronologyEntry } from '../../../domain/chronology/chronology.types.ts';
import { renderTimeline } from './render-timeline.ts';
import type { TimelineInput } from './timeline.model.ts';
import { assertBalanced, count, markersIn, pattern } from './timeline.test-support.ts';

const TODAY = '2026-11-22';
const police = { agency: 'Northshire Police', agencyKind: 'police' };

function render(entries: ChronologyEntry[], more: Partial<TimelineInput> = {}) {
  return renderTimeline({ entries, patterns: [], today: TODAY, names: new Map(), ...more });
}

const wrong = entry('wrong', 'home-visit', '2026-04-01', { summary: 'Visit on the wrong day' });
const ENTRIES = [
  entry('visit', 'home-visit', '2026-03-12', { summary: 'New birth visit; baby seen asleep in a Moses basket' }),
  entry('missed', 'was-not-brought', '2026-03-20'),
  entry('birth', 'birth', '2026-03-01', { agency: 'City Hospital', agencyKind: 'hospital' }),
  entry('injury', 'injury-observed', '2026-04-15', { summary: 'Bruise on the left cheek' }),
  entry('incident', 'police-domestic-abuse-incident', '2026-05-02', police),
  entry('meeting', 'strategy-discussion', '2026-05-03', { agency: "Children's social care", agencyKind: 'csc' }),
  entry('note', 'case-note', '2026-05-04', { significant: false }),
  wrong,
  correction('right', wrong, { occurredAt: '2026-04-02' }),
];

describe('the timeline SVG', () => {
  const { svg, textAlternative } = render(ENTRIES, { patterns: [pattern('repeated-incidents', '2026-04-01', '2026-05-02')] });

  it('is an image named by its title and description, scaled by its viewBox', () => {
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="app-timeline" role="img" aria-labelledby="timeline-title timeline-desc"/);
    assert.match(svg, /<title id="timeline-title">Timeline of the chronology between 1 March 2026 and 22 November 2026<\/title>/);
    assert.ok(svg.includes(`<desc id="timeline-desc">${textAlternative.replace(/'/g, '&#39;')}</desc>`));
    assert.match(svg, /viewBox="0 0 800 [\d.]+" width="800" height="[\d.]+"/);
  });

  it('draws one marker per entry, each with a title naming the date, kind, agency and summary', () => {
    const markers = markersIn(svg);
    assert.deepEqual(markers.map((m) => m.id).sort(), ENTRIES.map((e) => e.id).sort());
    const titles = new Map(markers.map((m) => [m.id, m.title]));
    assert.equal(titles.get('visit'), '12 March 2026: Home visit, Health visiting. New birth visit; baby seen asleep in a Moses basket');
    assert.equal(titles.get('injury'), '15 April 2026: Injury seen, Health visiting, significant. Bruise on the left cheek');
    assert.equal(titles.get('wrong'), '1 April 2026: Home visit, Health visiting, corrected by a later entry. Visit on the wrong day');
  });

  it('gives each kind of entry its own shape', () => {
    const drawing = new Map(markersIn(svg).map((m) => [m.id, m.drawing]));
    assert.match(drawing.get('visit')!, /^<circle /);
    assert.match(drawing.get('birth')!, /^<polygon points="(?:[\d.]+,[\d.]+ ){11}[\d.]+,[\d.]+"/, 'a plus: twelve corners');
    assert.match(drawing.get('missed')!, /^<polygon points="(?:[\d.]+,[\d.]+ ){11}[\d.]+,[\d.]+"/, 'a cross: twelve corners');
    assert.notEqual(drawing.get('missed')!.split('"')[1], drawing.get('birth')!.split('"')[1]);
    assert.match(drawing.get('injury')!, /^<polygon points="(?:[\d.]+,[\d.]+ ){9}[\d.]+,[\d.]+"/, 'a star: ten corners');
    assert.match(drawing.get('incident')!, /^<polygon points="(?:[\d.]+,[\d.]+ ){2}[\d.]+,[\d.]+"/, 'a triangle');
    assert.match(drawing.get('meeting')!, /^<rect /);
    assert.match(drawing.get('note')!, /^<polygon points="(?:[\d.]+,[\d.]+ ){3}[\d.]+,[\d.]+"/, 'a diamond');
  });

  it('draws significant entries larger with a heavy outline, and corrected ones hollow and dashed', () => {
    const drawing = new Map(markersIn(svg).map((m) => [m.id, m.drawing]));
    assert.match(drawing.get('visit')!, /r="6" fill="#1d70b8" stroke="#0b0c0c" stroke-width="1.5"\/>/);
    const significantVisit = markersIn(render([entry('v', 'home-visit', '2026-03-12', { significant: true })]).svg)[0]!.drawing;
    assert.match(significantVisit, /r="8" fill="#1d70b8" stroke="#0b0c0c" stroke-width="3"\/>/);
    assert.match(drawing.get('wrong')!, /fill="#ffffff" stroke="#0b0c0c" stroke-width="1.5" stroke-dasharray="3 2"\/>/);
    assert.doesNotMatch(drawing.get('right')!, /stroke-dasharray/);
  });

  it('labels each lane with its agency and count, and shades each pattern across the lanes with its title above', () => {
    assert.equal(count(svg, /<tspan font-weight="bold">/), 4);
    assert.match(svg, /<tspan font-weight="bold">Health visiting<\/tspan><tspan fill="#505a5f"> \(6 entries\)<\/tspan>/);
    assert.match(svg, /<rect class="app-timeline__band" data-pattern="repeated-incidents" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="url\(#timeline-hatch\)"/);
    assert.match(svg, /<text [^>]+>Repeated domestic abuse incidents<\/text>/);
    assert.match(svg, /<pattern id="timeline-hatch"/);
  });

  it('marks today and the months on the axis', () => {
    assert.match(svg, />Today<\/text>/);
    for (const month of ['Mar', 'Jun', 'Nov', '2026']) assert.match(svg, new RegExp(`>${month}</text>`));
  });

  it('is well-formed, with no script and no inline style (the CSP allows neither), and the same every time', () => {
    assertBalanced(svg);
    assert.doesNotMatch(svg, /<script|<style|style=|on[a-z]+=/i);
    assert.equal(render(ENTRIES, { patterns: [pattern('repeated-incidents', '2026-04-01', '2026-05-02')] }).svg, svg);
  });

  it('escapes everything typed, so markup in an entry is shown, never run', () => {
    const hostile = render([entry('x"><script>', 'home-visit', '2026-03-01', { agency: '<b>Police</b> & "Co"', summary: `</title><script>alert('x')</script>` })], {
      patterns: [pattern('relapse', '2026-03-01', '2026-03-01', { title: '<i>Relapse</i>' })],
    }).svg;
    assertBalanced(hostile);
    assert.doesNotMatch(hostile, /<script|<b>|<i>/);
    assert.match(hostile, /data-entry-id="x&quot;&gt;&lt;script&gt;"/);
    assert.match(hostile, /&lt;b&gt;Police&lt;\/b&gt; &amp; &quot;Co&quot;/);
    assert.match(hostile, /&lt;\/title&gt;&lt;script&gt;alert\(&#39;x&#39;\)/);
    assert.match(hostile, /&lt;i&gt;Relapse&lt;\/i&gt;/);
  });

  it('trims long summaries in the titles', () => {
    const long = 'word '.repeat(100);
    const [marker] = markersIn(render([entry('a', 'home-visit', '2026-03-01', { summary: long })]).svg);
    assert.ok(marker!.title.length < 200);
    assert.match(marker!.title, /word…$/);
  });

  it('counts what it piles up: "+7" beside three markers for ten entries on one day', () => {
    const { svg: crowded } = render(Array.from({ length: 10 }, (_, i) => entry(`n${i}`, 'case-note', '2026-05-05')));
    assert.equal(markersIn(crowded).length, 10);
    assert.match(crowded, />\+7<\/text>/);
  });

  it('draws one entry, alone', () => {
    const { svg: one } = render([entry('only', 'home-visit', '2026-11-22')]);
    assert.equal(markersIn(one).length, 1);
    assertBalanced(one);
    assert.match(one, /Timeline of the chronology on 22 November 2026/);
  });

  it('draws no picture when there are no entries', () => {
    assert.equal(render([]).svg, '');
  });
});
