import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chronologyCsv, csvFileName, printRows } from './chronology-export.ts';
import type { EntryView } from './chronology.presenter.ts';
import { livedExperienceRows } from './lived-experience.presenter.ts';

const entry = (summary: string, more: Partial<EntryView> = {}): EntryView => ({
  id: 'e1',
  occurred: '5 October 2026',
  occurredSortable: '2026-10-05',
  recordedAt: '6 October 2026 at 9:00am',
  recordedAtSortable: '2026-10-06 09:00',
  recordedBy: 'Claire Dobson',
  agency: 'Northfield Health Visiting',
  kind: 'Home visit',
  summary,
  summaryShort: summary,
  source: 'Seen by the practitioner',
  people: [],
  present: [],
  harmed: [],
  harmedBy: [],
  significant: false,
  babySeen: 'Yes',
  lived: undefined,
  livedExperience: [],
  planChecks: [],
  corrects: null,
  correctionReason: null,
  correctedBy: [],
  disputes: [],
  ...more,
});

const lived = { awakeOrAsleep: 'asleep', demeanour: 'Settled, =calm', siblingsSaid: 'Mia said "he cries, a lot"' } as const;

const summaryCell = (summary: string) => chronologyCsv([entry(summary)]).split('\r\n')[1]!.split(',Seen by')[0]!.split('Home visit,')[1];

describe('chronology CSV', () => {
  it('turns every cell a spreadsheet would run as a formula into text', () => {
    assert.equal(summaryCell('=1+1'), "'=1+1");
    assert.equal(summaryCell('+44 7700 900000'), "'+44 7700 900000");
    assert.equal(summaryCell('-2 weight loss'), "'-2 weight loss");
    assert.equal(summaryCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(summaryCell('\tcmd'), "'\tcmd");
    assert.equal(summaryCell('\rcmd'), `"'\rcmd"`);
    assert.equal(summaryCell('Seen at 10=fine'), 'Seen at 10=fine');
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
    assert.equal(summaryCell('Tired, low'), '"Tired, low"');
    assert.equal(summaryCell('She said "fine"'), '"She said ""fine"""');
  });

  it("has a column for each answer about the baby's lived experience, empty for an entry without them", () => {
    const [header, withLived, without] = chronologyCsv([entry('Visit', { lived, livedExperience: livedExperienceRows(lived) }), entry('Note')]).slice(1).split('\r\n');
    assert.equal(
      header,
      "Occurred,Recorded at,Recorded by,Agency,Kind,Summary,Source of information,People,Present,Significant,Baby seen,Awake or asleep,How the baby and the carers were with each other,How the baby was dressed,The baby's demeanour,Where the baby was kept or put down,What older brothers and sisters said,Corrects,Correction reason,Corrected by,Disputes",
    );
    assert.match(withLived!, /,No,Yes,Asleep,,,"Settled, =calm",,"Mia said ""he cries, a lot""",,,,$/);
    assert.match(without!, /,No,Yes,,,,,,,,,,$/);
  });

  it("prints what the entry records under its summary, the lived experience and the plan's checks among it", () => {
    const planChecks = [
      { text: 'Where the baby sleeps', outcome: 'Checked: concern', note: 'Cot full of clothes' },
      { text: 'Food in the house', outcome: 'Checked: no concern', note: '' },
    ];
    const [row] = printRows([entry('Visit', { lived, livedExperience: livedExperienceRows(lived), people: ['Sarah Hart'], planChecks })]);
    assert.deepEqual(row!.details, [
      { label: 'About', text: 'Sarah Hart' },
      { label: 'Baby seen', text: 'Yes' },
      { label: 'Awake or asleep', text: 'Asleep' },
      { label: "The baby's demeanour", text: 'Settled, =calm' },
      { label: 'What older brothers and sisters said', text: 'Mia said "he cries, a lot"' },
      { label: 'Plan check, Where the baby sleeps', text: 'Checked: concern: Cot full of clothes' },
      { label: 'Plan check, Food in the house', text: 'Checked: no concern' },
      { label: 'Recorded', text: '6 October 2026 at 9:00am by Claire Dobson' },
    ]);
  });

  it('names the file after the case and the day, in safe letters', () => {
    assert.equal(csvFileName('Unborn baby Ó Súilleabháin', '2026-11-22'), 'chronology-unborn-baby-o-suilleabhain-2026-11-22.csv');
    assert.equal(csvFileName('"/"', '2026-11-22'), 'chronology-case-2026-11-22.csv');
  });
});
