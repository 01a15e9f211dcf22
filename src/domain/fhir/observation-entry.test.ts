import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, concept, observation } from './fhir.test-support.ts';
import { readObservation } from './observation-entry.ts';

const read = (fields: Record<string, unknown> = {}) => readObservation(observation(fields), at('Observation/obs-1', 1));
const only = (fields: Record<string, unknown>) => {
  const reading = read(fields);
  assert.equal(reading.entries.length, 1, JSON.stringify(reading));
  return reading.entries[0]!.entry;
};

describe('an Observation as a chronology entry', () => {
  it('is a case note from the agency’s record, with what was observed and its value in the summary', () => {
    assert.deepEqual(read({ code: concept('Body weight'), valueQuantity: { value: 4.2, unit: 'kg' } }).entries, [
      {
        index: 1,
        resource: 'Observation/obs-1',
        occurredAtPath: '/entry/1/resource/effectiveDateTime',
        entry: { kind: 'case-note', occurredAt: '2026-11-20T11:00:00+00:00', summary: 'Body weight: 4.2 kg', source: 'agency-record', externalId: 'fhir:Observation/obs-1' },
      },
    ]);
  });

  it('puts each kind of value into words', () => {
    const summary = (fields: Record<string, unknown>) => only({ code: concept('Finding'), ...fields }).summary;
    assert.equal(summary({ valueQuantity: { value: 37.9, code: 'Cel', comparator: '>' } }), 'Finding: >37.9 Cel');
    assert.equal(summary({ valueCodeableConcept: { coding: [{ code: '1', display: 'Settled' }] } }), 'Finding: Settled');
    assert.equal(summary({ valueString: 'Feeding well' }), 'Finding: Feeding well');
    assert.equal(summary({ valueBoolean: true }), 'Finding: yes');
    assert.equal(summary({ valueBoolean: false }), 'Finding: no');
    assert.equal(summary({ valueInteger: 3 }), 'Finding: 3');
    assert.equal(summary({ valueDateTime: '2026-11-19' }), 'Finding: 2026-11-19');
    assert.equal(summary({ dataAbsentReason: concept('Asked but unknown') }), 'Finding: no value (Asked but unknown)');
    assert.equal(summary({}), 'Finding');
    assert.equal(only({}).summary, 'Observation');
  });

  it('adds the body site and the components', () => {
    const entry = only({ code: concept('Blood pressure'), bodySite: concept('Left arm'), component: [{ code: concept('Systolic'), valueQuantity: { value: 120, unit: 'mmHg' } }, { code: concept('Diastolic') }] });
    assert.equal(entry.summary, 'Blood pressure. Site: Left arm. Systolic: 120 mmHg; Diastolic');
  });

  it('is an injury seen only when its words clearly report one', () => {
    assert.equal(only({ code: concept('Bruise'), bodySite: concept('Left cheek') }).kind, 'injury-observed');
    assert.equal(only({ code: concept('Skin examination'), valueCodeableConcept: concept('Bruising to the forehead') }).kind, 'injury-observed');
    assert.equal(only({ code: { coding: [{ display: 'Bruising' }] }, valueBoolean: true }).kind, 'injury-observed');
    assert.equal(only({ code: concept('Bruising'), valueBoolean: false }).kind, 'case-note');
    assert.equal(only({ code: concept('Bruising'), valueCodeableConcept: concept('Absent') }).kind, 'case-note');
    assert.equal(only({ code: concept('Bruising'), interpretation: [concept('Negative')] }).kind, 'case-note');
    assert.equal(only({ code: concept('Skin examination'), valueString: 'No marks or bruises' }).kind, 'case-note');
    assert.equal(only({ code: concept('Injury risk assessment'), valueString: 'Low' }).kind, 'case-note');
  });

  it('is dated by effectiveDateTime, effectiveInstant or the start of effectivePeriod, and reports one with none', () => {
    const dated = (fields: Record<string, unknown>) => read({ effectiveDateTime: undefined, ...fields }).entries.map((e) => [e.entry.occurredAt, e.occurredAtPath]);
    assert.deepEqual(dated({ effectiveInstant: '2026-11-20T11:00:00.123Z' }), [['2026-11-20T11:00:00.123Z', '/entry/1/resource/effectiveInstant']]);
    assert.deepEqual(dated({ effectivePeriod: { start: '2026-11-19' } }), [['2026-11-19', '/entry/1/resource/effectivePeriod/start']]);
    assert.deepEqual(read({ effectiveDateTime: undefined, issued: '2026-11-21T09:00:00Z' }).rejected, [{ index: 1, resource: 'Observation/obs-1', code: 'no-date', path: '/entry/1/resource/effectiveDateTime' }]);
    assert.deepEqual(read({ effectiveDateTime: '2026-11' }).rejected.map((r) => r.code), ['partial-date']);
  });

  it('leaves out observations registered without a result, cancelled or entered in error', () => {
    for (const [status, code] of [['registered', 'not-happened'], ['cancelled', 'not-happened'], ['entered-in-error', 'entered-in-error']] as const) {
      assert.deepEqual(read({ status }).skipped, [{ index: 1, resource: 'Observation/obs-1', code, path: '/entry/1/resource/status' }]);
    }
    for (const status of ['preliminary', 'final', 'amended', 'corrected', undefined]) assert.equal(read({ status }).entries.length, 1);
  });
});
