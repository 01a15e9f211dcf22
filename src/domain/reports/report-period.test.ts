import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { censusYearSoFar, checkPeriod, inPeriod } from './report-period.ts';

describe('the period of a report', () => {
  it('takes a first and a last day, both included, the same day allowed', () => {
    assert.deepEqual(checkPeriod(' 2026-04-01 ', '2027-03-31'), { ok: true, period: { from: '2026-04-01', to: '2027-03-31' } });
    assert.ok(checkPeriod('2026-05-05', '2026-05-05').ok);
    const period = { from: '2026-04-01', to: '2026-04-30' };
    assert.deepEqual(['2026-03-31', '2026-04-01', '2026-04-30', '2026-05-01'].map((day) => inPeriod(day, period)), [false, true, true, false]);
  });

  it('refuses a period that ends before it starts, on the last day', () => {
    assert.deepEqual(checkPeriod('2027-03-31', '2026-04-01'), { ok: false, problems: [{ field: 'to', code: 'ends-before-start' }] });
  });

  it('names a missing or unreal day, each on its own field', () => {
    assert.deepEqual(checkPeriod(undefined, ''), { ok: false, problems: [{ field: 'from', code: 'from-needed' }, { field: 'to', code: 'to-needed' }] });
    assert.deepEqual(checkPeriod('2026-02-30', '31/03/2027'), { ok: false, problems: [{ field: 'from', code: 'from-not-a-date' }, { field: 'to', code: 'to-not-a-date' }] });
  });

  it('refuses a day before 1900 on its own field, and takes one from 1 January 1900 to far ahead', () => {
    assert.deepEqual(checkPeriod('1026-04-01', '0227-03-31'), { ok: false, problems: [{ field: 'from', code: 'from-too-early' }, { field: 'to', code: 'to-too-early' }] });
    assert.deepEqual(checkPeriod('1900-01-01', '2099-12-31'), { ok: true, period: { from: '1900-01-01', to: '2099-12-31' } });
  });

  it('is the census year so far when none is asked for: from the 1 April on or before today', () => {
    assert.deepEqual(censusYearSoFar('2026-11-22'), { from: '2026-04-01', to: '2026-11-22' });
    assert.deepEqual(censusYearSoFar('2027-03-31'), { from: '2026-04-01', to: '2027-03-31' });
    assert.deepEqual(censusYearSoFar('2027-04-01'), { from: '2027-04-01', to: '2027-04-01' });
  });
});
