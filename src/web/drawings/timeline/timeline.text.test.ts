import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../../../domain/chronology/chronology.test-support.ts';
import type { ChronologyEntry } from '../../../domain/chronology/chronology.types.ts';
import { renderTimeline } from './render-timeline.ts';
import type { TimelineInput } from './timeline.model.ts';
import { pattern } from './timeline.test-support.ts';

const TODAY = '2026-11-22';
const police = { agency: 'Northshire Police', agencyKind: 'police' };
const names = new Map([['mum', 'Jade Okafor'], ['dad', 'Kyle Brown']]);

function render(entries: ChronologyEntry[], more: Partial<TimelineInput> = {}) {
  return renderTimeline({ entries, patterns: [], today: TODAY, names, ...more });
}

const section = (result: ReturnType<typeof render>, heading: string) => result.sections.find((s) => s.heading === heading)?.items;

describe('the timeline in words', () => {
  const wrong = entry('wrong', 'home-visit', '2026-04-01');
  const result = render(
    [
      entry('visit', 'home-visit', '2026-03-12'),
      entry('incident', 'police-domestic-abuse-incident', '2026-05-02', { ...police, summary: 'Neighbour heard shouting', victimIds: ['mum'], perpetratorIds: ['dad'] }),
      entry('injury', 'injury-observed', '2026-04-15', { summary: 'Bruise on the left cheek', personIds: ['ghost'] }),
      wrong,
      correction('right', wrong, { occurredAt: '2026-04-02' }),
    ],
    { patterns: [pattern('repeated-incidents', '2026-04-15', '2026-05-02', { title: 'Repeated injuries', rationale: 'Two injuries in a year.' })] },
  );

  it('sums up the picture: counts by agency, how many significant and corrected, and the patterns', () => {
    assert.equal(
      result.textAlternative,
      'The timeline shows 5 entries from 2 agencies between 12 March 2026 and 2 May 2026: 4 from Health visiting and 1 from Northshire Police. ' +
        '2 are significant. 1 has been corrected by a later entry and is drawn hollow. ' +
        'One pattern is shaded: Repeated injuries (between 15 April 2026 and 2 May 2026).',
    );
  });

  it('lists the entries by agency, the significant entries in date order with whom they are about, and the patterns', () => {
    assert.deepEqual(section(result, 'Entries by agency'), [
      'Health visiting: 4 entries between 12 March 2026 and 15 April 2026, 1 significant',
      'Northshire Police: 1 entry on 2 May 2026, 1 significant',
    ]);
    assert.deepEqual(section(result, 'Significant entries, in date order'), [
      '15 April 2026: Injury seen, Health visiting, significant, about someone not in the record. Bruise on the left cheek',
      '2 May 2026: Domestic abuse incident reported to the police, Northshire Police, significant, about Jade Okafor and Kyle Brown. Neighbour heard shouting',
    ]);
    assert.deepEqual(section(result, 'Patterns'), ['Repeated injuries, between 15 April 2026 and 2 May 2026 (high concern): Two injuries in a year.']);
    assert.equal(section(result, 'Not on the timeline'), undefined);
  });

  it('says when nothing is significant and no pattern was found', () => {
    const quiet = render([entry('a', 'home-visit', '2026-03-12')]);
    assert.equal(quiet.textAlternative, 'The timeline shows 1 entry from 1 agency on 12 March 2026: 1 from Health visiting. None is marked significant. No patterns were found.');
    assert.deepEqual(quiet.sections.map((s) => s.heading), ['Entries by agency']);
  });

  it('says what it leaves out of a period, and why', () => {
    const windowed = render([entry('a', 'home-visit', '2026-03-12'), entry('b', 'home-visit', '2026-06-12'), entry('c', 'clinic-contact', 'not a date')], {
      from: '2026-06-01',
      to: '2026-06-30',
      patterns: [pattern('relapse', '2026-01-01', '2026-02-01')],
    });
    assert.match(windowed.textAlternative, /No pattern falls in this period\. 2 entries are not drawn: 1 outside the period shown and 1 with a date that cannot be read\.$/);
    assert.deepEqual(section(windowed, 'Not on the timeline'), ['Home visit, Health visiting: 12 March 2026, outside the period shown', 'Clinic contact, Health visiting: the date "not a date" cannot be read']);
  });

  it('says there is nothing to draw, and still lists the patterns', () => {
    const empty = render([], { patterns: [pattern('unseen-period', '2026-08-01', TODAY, { title: 'The baby is not being seen', rationale: 'No one has seen the baby since birth.' })] });
    assert.equal(empty.svg, '');
    assert.equal(empty.textAlternative, 'There are no entries in the chronology yet, so there is no timeline to draw.');
    assert.deepEqual(empty.legend, []);
    assert.deepEqual(section(empty, 'Patterns'), ['The baby is not being seen, between 1 August 2026 and 22 November 2026 (high concern): No one has seen the baby since birth.']);
    assert.equal(render([entry('a', 'home-visit', '2026-03-12')], { from: '2026-06-01', to: '2026-06-30' }).textAlternative, 'There are no entries between 1 June 2026 and 30 June 2026, so there is no timeline to draw.');
    assert.equal(render([entry('a', 'home-visit', 'soon')]).textAlternative, 'No entry has a date that can be read, so there is no timeline to draw.');
  });
});

describe('the key', () => {
  it('explains only what the picture uses, in words, each with a small drawing', () => {
    const plain = render([entry('a', 'home-visit', '2026-03-12'), entry('b', 'police-incident', '2026-03-13', police)]);
    assert.deepEqual(plain.legend.map((item) => item.text), ['Contact or visit', 'Police incident', 'Significant entry: larger, with a heavy outline', 'Today: dashed line']);
    for (const item of plain.legend) assert.match(item.symbol, /^<svg [^>]*aria-hidden="true" focusable="false">.+<\/svg>$/);
  });

  it('adds corrected entries, piles and both kinds of pattern band when they are drawn', () => {
    const wrong = entry('wrong', 'case-note', '2026-04-01');
    const busy = render([wrong, correction('right', wrong), ...Array.from({ length: 5 }, (_, i) => entry(`n${i}`, 'case-note', '2026-04-01'))], {
      to: '2026-05-01',
      patterns: [pattern('relapse', '2026-04-01', '2026-04-10'), pattern('unseen-period', '2026-04-01', '2026-04-30', { severity: 'attention' })],
    });
    const texts = busy.legend.map((item) => item.text);
    assert.ok(texts.includes('Corrected entry: hollow, with a dashed outline (the correction is an entry of its own)'));
    assert.ok(texts.includes('More entries at the same point than there is room to draw: how many more'));
    assert.ok(texts.includes('Pattern of high concern: hatched band, named above the lanes'));
    assert.ok(texts.includes('Pattern that needs attention: shaded band, named above the lanes'));
    assert.ok(!texts.includes('Today: dashed line'), 'today is outside the period');
  });
});
