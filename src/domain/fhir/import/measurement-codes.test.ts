import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measurementKindOf, measurementSummary, readMeasurement, type MeasurementKind } from './measurement-codes.ts';

const coded = (system: string, code: string) => ({ coding: [{ system, code }] });
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const measure = (kind: MeasurementKind, valueQuantity: unknown) => readMeasurement(kind, { valueQuantity }, '/entry/0/resource');

describe('a body measurement in an Observation', () => {
  it('is found by its LOINC or SNOMED CT code: weight, length and head circumference', () => {
    for (const [system, code, kind] of [
      [LOINC, '29463-7', 'weight'],
      [LOINC, '3141-9', 'weight'],
      [LOINC, '8339-4', 'weight'],
      [SNOMED, '27113001', 'weight'],
      [LOINC, '8302-2', 'length'],
      [LOINC, '8306-3', 'length'],
      [SNOMED, '50373000', 'length'],
      [LOINC, '9843-4', 'head-circumference'],
      [LOINC, '8287-5', 'head-circumference'],
      [SNOMED, '363812007', 'head-circumference'],
    ] as const) {
      assert.equal(measurementKindOf(coded(system, code)), kind, `${system} ${code}`);
    }
  });

  it('is not found for other codes, a code in the wrong system, or words alone', () => {
    assert.equal(measurementKindOf(coded(LOINC, '27113001')), undefined);
    assert.equal(measurementKindOf(coded(SNOMED, '29463-7')), undefined);
    assert.equal(measurementKindOf(coded(LOINC, '39156-5')), undefined); // body mass index
    assert.equal(measurementKindOf({ text: 'Body weight' }), undefined);
    assert.equal(measurementKindOf(undefined), undefined);
  });

  it('is normalised to grams and centimetres from the UCUM code', () => {
    assert.deepEqual(measure('weight', { value: 4.21, code: 'kg' }), { ok: true, measurement: { kind: 'weight', value: 4210, unit: 'g' } });
    assert.deepEqual(measure('weight', { value: 3350, code: 'g' }), { ok: true, measurement: { kind: 'weight', value: 3350, unit: 'g' } });
    assert.deepEqual(measure('length', { value: 523, code: 'mm' }), { ok: true, measurement: { kind: 'length', value: 52.3, unit: 'cm' } });
    assert.deepEqual(measure('length', { value: 0.545, code: 'm' }), { ok: true, measurement: { kind: 'length', value: 54.5, unit: 'cm' } });
    assert.deepEqual(measure('head-circumference', { value: 35.5, code: 'cm' }), { ok: true, measurement: { kind: 'head-circumference', value: 35.5, unit: 'cm' } });
  });

  it('reads the unit as written when no UCUM code is given', () => {
    assert.deepEqual(measure('weight', { value: 3.9, unit: 'Kilogram' }), { ok: true, measurement: { kind: 'weight', value: 3900, unit: 'g' } });
    assert.deepEqual(measure('length', { value: 51, unit: 'centimetres' }), { ok: true, measurement: { kind: 'length', value: 51, unit: 'cm' } });
  });

  it('refuses a unit it cannot convert, or a unit of the other measure, with where it is', () => {
    const refused = { ok: false, code: 'measurement-unit-unknown' };
    assert.deepEqual(measure('weight', { value: 9, code: '[lb_av]', unit: 'kg' }), { ...refused, path: '/entry/0/resource/valueQuantity/code' });
    assert.deepEqual(measure('weight', { value: 52, code: 'cm' }), { ...refused, path: '/entry/0/resource/valueQuantity/code' });
    assert.deepEqual(measure('length', { value: 4, code: 'kg' }), { ...refused, path: '/entry/0/resource/valueQuantity/code' });
    assert.deepEqual(measure('length', { value: 20, unit: 'inches' }), { ...refused, path: '/entry/0/resource/valueQuantity/unit' });
    assert.deepEqual(measure('weight', { value: 4 }), { ...refused, path: '/entry/0/resource/valueQuantity/unit' });
    assert.deepEqual(measure('weight', { value: 4, code: 'toString' }), { ...refused, path: '/entry/0/resource/valueQuantity/code' });
  });

  it('refuses a missing, zero, negative or non-numeric value', () => {
    for (const quantity of [undefined, {}, { value: 0, code: 'kg' }, { value: -3, code: 'kg' }, { value: '4.2', code: 'kg' }, { value: Number.NaN, code: 'kg' }]) {
      assert.deepEqual(measure('weight', quantity), { ok: false, code: 'measurement-no-value', path: '/entry/0/resource/valueQuantity/value' }, JSON.stringify(quantity));
    }
  });

  it('is said in the chronology in plain words', () => {
    assert.equal(measurementSummary({ kind: 'weight', value: 4210, unit: 'g' }), 'Weighed 4,210 g');
    assert.equal(measurementSummary({ kind: 'weight', value: 950.5, unit: 'g' }), 'Weighed 950.5 g');
    assert.equal(measurementSummary({ kind: 'length', value: 52.3, unit: 'cm' }), 'Measured 52.3 cm long');
    assert.equal(measurementSummary({ kind: 'head-circumference', value: 35, unit: 'cm' }), 'Head circumference 35 cm');
  });
});
