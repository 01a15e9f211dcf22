import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chronologyCsv, csvFileName } from './chronology-export.ts';
import type { EntryView } from './chronology.presenter.ts';

const entry = (summary: string): EntryView => ({
  id: 'e1',
  occurred: '5 October 2026',
  occurredSortable: '2026-10-05',
  recordedAt: '6 October 2026 at 9:00am',
  recordedAtSortable: '2026-10-06 09:00',
  recordedBy: 'Claire Dobson',
  agency: 'Northfield Health Visiting',
  kind: 'Home visit',
  summary,
  source: 'Seen by the practitioner',
  people: [],
  present: [],
  harmed: [],
  harmedBy: [],
  significant: false,
  babySeen: 'Yes',
  corrects: null,
  correctionReason: null,
  correctedBy: [],
});

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

  it('names the file after the case and the day, in safe letters', () => {
    assert.equal(csvFileName('Unborn baby Ó Súilleabháin', '2026-11-22'), 'chronology-unborn-baby-o-suilleabhain-2026-11-22.csv');
    assert.equal(csvFileName('"/"', '2026-11-22'), 'chronology-case-2026-11-22.csv');
  });
});
