import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEvidenceSeenOn, seenOnMessage } from './evidence-seen-on.ts';

const today = '2026-11-20';
const began = '2026-10-01';

describe('the day a visit’s evidence was seen', () => {
  it('is accepted on today, the day the record began and any day between', () => {
    for (const day of [today, began, '2026-11-19', '2026-10-02']) assert.equal(checkEvidenceSeenOn(day, today, began), null, day);
  });

  it('is refused after today, even by a day, and far ahead', () => {
    assert.equal(checkEvidenceSeenOn('2026-11-21', today, began), 'in-the-future');
    assert.equal(checkEvidenceSeenOn('2030-01-01', today, began), 'in-the-future');
  });

  it('is refused before the record began, even by a day', () => {
    assert.equal(checkEvidenceSeenOn('2026-09-30', today, began), 'before-the-record');
    assert.equal(checkEvidenceSeenOn('2020-01-01', today, began), 'before-the-record');
  });

  it('is accepted when the record began today and it is today', () => {
    assert.equal(checkEvidenceSeenOn(today, today, today), null);
  });

  it('is refused when it is not a real date or not a day at all', () => {
    for (const day of ['2026-02-30', '2026-13-01', '20-11-2026', '2026-11-20T10:00:00Z', '']) assert.equal(checkEvidenceSeenOn(day, today, began), 'not-a-date', day);
  });

  it('says what to do in each case, with the day the record began in words', () => {
    assert.equal(seenOnMessage('in-the-future', began), 'The date the evidence was seen must be today or in the past');
    assert.equal(seenOnMessage('not-a-date', began), 'The date the evidence was seen must be a real date');
    assert.match(seenOnMessage('before-the-record', began), /^The date the evidence was seen must be on or after 1 October 2026, when this record was started: add earlier evidence to the chronology$/);
  });
});
