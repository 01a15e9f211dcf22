import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDetailsChanged, birthEntrySummary, checkCorrection, gestationAtBirthForReading, gestationAtBirthInWords, gestationInDays, gestationProblem, gestationText, GESTATION_WORDS, parseGestation, type BirthDetails } from './birth-details.ts';

describe('gestation at birth as weeks and days (docs/domain.md, "Recording the birth")', () => {
  it('reads completed weeks, with days after a plus, as midwives write them', () => {
    assert.deepEqual(parseGestation('38'), { weeks: 38, days: null });
    assert.deepEqual(parseGestation('29+3'), { weeks: 29, days: 3 });
    assert.deepEqual(parseGestation(' 36 + 6 '), { weeks: 36, days: 6 });
    assert.deepEqual(parseGestation('40+0'), { weeks: 40, days: 0 });
  });

  it('reads nothing else as a gestation', () => {
    for (const text of ['', '38+', '+4', '38.5', '38 weeks', '38+10', '3 8', 'abc', '138']) assert.equal(parseGestation(text), null, text);
  });

  it('gives back what was typed, in words, and in days', () => {
    assert.equal(gestationText(29, 3), '29+3');
    assert.equal(gestationText(38, null), '38');
    assert.equal(gestationText(null, null), '');
    assert.equal(gestationAtBirthInWords(29, 3), '29+3 weeks');
    assert.equal(gestationAtBirthInWords(null, null), null);
    assert.equal(gestationInDays(38, 4), 270);
    assert.equal(gestationInDays(38, null), 266);
  });

  it('reads it out for the case page as gestation today is said, never inventing days', () => {
    assert.equal(gestationAtBirthForReading(29, 3), '29 weeks 3 days');
    assert.equal(gestationAtBirthForReading(29, 1), '29 weeks 1 day');
    assert.equal(gestationAtBirthForReading(38, 0), '38 weeks 0 days');
    assert.equal(gestationAtBirthForReading(38, null), '38 weeks', 'only the completed weeks recorded');
    assert.equal(gestationAtBirthForReading(null, null), null);
  });

  it('fires on weeks out of 22 to 44, days out of 0 to 6, and days without weeks', () => {
    for (const [weeks, days] of [[21, null], [45, null], [29, 7], [29, -1], [29.5, null], [29, 2.5], [null, 3]] as const) {
      assert.equal(gestationProblem(weeks, days), GESTATION_WORDS, `${String(weeks)}+${String(days)}`);
    }
  });

  it('must not fire on a gestation in range, with or without days, or none at all', () => {
    for (const [weeks, days] of [[22, null], [44, 6], [29, 3], [36, 6], [40, 0], [null, null]] as const) assert.equal(gestationProblem(weeks, days), null);
    assert.equal(gestationProblem(undefined, undefined), null);
  });
});

describe('the Birth entry’s words', () => {
  it('says the day, then what is known of gestation, weight and a multiple birth', () => {
    assert.equal(birthEntrySummary({ dateOfBirth: '2026-11-20', gestationAtBirthWeeks: 29, gestationAtBirthDays: 3, birthWeightGrams: 1400, multipleBirth: true }), 'Born on 20 November 2026 at 29+3 weeks, weighing 1,400 g (a twin, triplet or more).');
    assert.equal(birthEntrySummary({ dateOfBirth: '2026-11-20', birthWeightGrams: 3200 }), 'Born on 20 November 2026 weighing 3,200 g.');
    assert.equal(birthEntrySummary({ dateOfBirth: '2026-11-20' }), 'Born on 20 November 2026.');
  });
});

describe('a correction of the birth details', () => {
  const before: BirthDetails = { dateOfBirth: '2026-11-20', nhsNumber: null, gestationAtBirthWeeks: 39, gestationAtBirthDays: null, birthWeightGrams: 3200, sex: 'female', givenName: 'Nia', familyName: 'Okoro' };

  it('lists each detail changed, from and to, in the page’s order', () => {
    assert.deepEqual(birthDetailsChanged(before, { ...before, gestationAtBirthDays: 2, givenName: 'Nya', dateOfBirth: '2026-11-19' }), [
      { field: 'givenName', from: 'Nia', to: 'Nya' },
      { field: 'dateOfBirth', from: '2026-11-20', to: '2026-11-19' },
      { field: 'gestationAtBirthDays', from: null, to: 2 },
    ]);
    assert.deepEqual(birthDetailsChanged(before, { ...before }), []);
  });

  it('fires without a reason, on a reason too long, and when nothing changed', () => {
    const changed = birthDetailsChanged(before, { ...before, sex: 'male' });
    assert.deepEqual(checkCorrection('  ', changed).map((p) => p.field), ['reason']);
    assert.deepEqual(checkCorrection(null, []).map((p) => p.field), ['reason', 'changes']);
    assert.deepEqual(checkCorrection('x'.repeat(2001), changed).map((p) => p.field), ['reason']);
    assert.deepEqual(checkCorrection('Checked', []).map((p) => p.field), ['changes']);
  });

  it('must not fire with a reason and a change', () => {
    assert.deepEqual(checkCorrection('The birth notification says male', birthDetailsChanged(before, { ...before, sex: 'male' })), []);
    assert.deepEqual(checkCorrection('x'.repeat(2000), birthDetailsChanged(before, { ...before, sex: 'male' })), []);
  });
});
