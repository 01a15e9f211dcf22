import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMeasurement } from './measurement-rules.ts';

const BORN = '2026-10-01';
const TODAY = '2026-11-22';
const check = (input: Partial<Record<'kind' | 'value' | 'unit' | 'measuredOn', unknown>>, dateOfBirth: string | null = BORN) =>
  checkMeasurement({ kind: 'weight', value: 4100, unit: 'g', measuredOn: '2026-11-20', ...input }, dateOfBirth, TODAY);
const fields = (result: ReturnType<typeof check>) => (result.ok ? [] : result.problems.map((p) => p.field));

describe('a measurement before it is stored', () => {
  it('takes a weight in grams and a length or head circumference in centimetres', () => {
    assert.deepEqual(check({}), { ok: true, measurement: { kind: 'weight', value: 4100, measuredOn: '2026-11-20' } });
    assert.deepEqual(check({ kind: 'length', value: 54.25, unit: 'cm' }), { ok: true, measurement: { kind: 'length', value: 54.3, measuredOn: '2026-11-20' } });
    assert.equal(check({ kind: 'head-circumference', value: 37, unit: 'cm' }).ok, true);
    assert.deepEqual(fields(check({ unit: 'cm' })), ['unit']);
    assert.deepEqual(fields(check({ kind: 'length', value: 54, unit: 'g' })), ['unit']);
    assert.deepEqual(fields(check({ kind: 'height' })), ['kind']);
  });

  it('refuses a value outside what a baby can measure, and accepts the edges', () => {
    assert.equal(check({ value: 250 }).ok, true);
    assert.equal(check({ value: 25000 }).ok, true);
    assert.deepEqual(check({ value: 249 }), { ok: false, problems: [{ field: 'value', message: 'The weight must be between 250 g and 25,000 g' }] });
    assert.deepEqual(fields(check({ value: 25001 })), ['value']);
    assert.deepEqual(fields(check({ kind: 'head-circumference', unit: 'cm', value: 61 })), ['value']);
    assert.deepEqual(fields(check({ value: Number.NaN })), ['value']);
    assert.deepEqual(fields(check({ value: '4100' })), ['value']);
  });

  it('refuses a date before the birth, in the future, not a real date, or before the birth is recorded', () => {
    assert.equal(check({ measuredOn: BORN }).ok, true);
    assert.equal(check({ measuredOn: TODAY }).ok, true);
    assert.deepEqual(check({ measuredOn: '2026-09-30' }), { ok: false, problems: [{ field: 'measuredOn', message: 'The date measured must be on or after the date of birth' }] });
    assert.deepEqual(check({ measuredOn: '2026-11-23' }), { ok: false, problems: [{ field: 'measuredOn', message: 'The date measured must be today or in the past' }] });
    assert.deepEqual(fields(check({ measuredOn: '2026-02-30' })), ['measuredOn']);
    assert.deepEqual(fields(check({}, null)), ['measuredOn']);
  });
});
