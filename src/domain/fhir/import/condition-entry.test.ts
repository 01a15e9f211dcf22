import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCondition } from './condition-entry.ts';
import { at, concept } from './fhir.test-support.ts';
import { BLEEDING_FROM_EAR } from './uk-core-examples.test-support.ts';

const condition = (fields: Record<string, unknown>) => ({ resourceType: 'Condition', id: 'c-1', onsetDateTime: '2026-11-20', ...fields });
const read = (fields: Record<string, unknown>) => readCondition(condition(fields), at('Condition/c-1', 3));
const only = (fields: Record<string, unknown>) => {
  const reading = read(fields);
  assert.equal(reading.entries.length, 1, JSON.stringify(reading));
  return reading.entries[0]!.entry;
};
const verified = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code }] });

describe('a Condition as a chronology entry', () => {
  it('reads NHS England’s bleeding-from-ear example as an injury seen, once it has a date (it is published without one)', () => {
    assert.deepEqual(readCondition(BLEEDING_FROM_EAR, at('Condition/UKCore-Condition-BleedingFromEar-Example')).rejected.map((r) => [r.code, r.path]), [['no-date', '/entry/0/resource/recordedDate']]);
    assert.deepEqual(readCondition({ ...BLEEDING_FROM_EAR, recordedDate: '2026-11-20' }, at('Condition/UKCore-Condition-BleedingFromEar-Example')).entries, [
      {
        index: 0,
        resource: 'Condition/UKCore-Condition-BleedingFromEar-Example',
        occurredAtPath: '/entry/0/resource/recordedDate',
        entry: { kind: 'injury-observed', summary: 'Condition: Bleeding from ear', source: 'agency-record', externalId: 'fhir:Condition/UKCore-Condition-BleedingFromEar-Example', occurredAt: '2026-11-20' },
      },
    ]);
  });

  it('is dated by its onset before the day it was recorded', () => {
    const dated = (fields: Record<string, unknown>) => read({ onsetDateTime: undefined, recordedDate: '2026-11-21', ...fields }).entries.map((e) => [e.entry.occurredAt, e.occurredAtPath]);
    assert.deepEqual(dated({ onsetDateTime: '2026-11-19' }), [['2026-11-19', '/entry/3/resource/onsetDateTime']]);
    assert.deepEqual(dated({ onsetPeriod: { start: '2026-11-18' } }), [['2026-11-18', '/entry/3/resource/onsetPeriod/start']]);
    assert.deepEqual(dated({}), [['2026-11-21', '/entry/3/resource/recordedDate']]);
  });

  it('is an injury by code or words, drinking or drug use, or smoking, as an Observation is', () => {
    assert.equal(only({ code: { coding: [{ system: 'http://snomed.info/sct', code: '125605004' }], text: 'Fracture of bone' } }).kind, 'injury-observed');
    assert.equal(only({ code: concept('Bruising to the left ear') }).kind, 'injury-observed');
    assert.deepEqual([only({ code: { coding: [{ system: 'http://snomed.info/sct', code: '66590003' }] } }).substance], ['alcohol']);
    assert.equal(only({ code: concept('Cannabis dependence') }).substance, 'drugs');
    assert.deepEqual(only({ code: concept('Cigarette smoker') }).indicates, [{ factorId: 'smoking-in-home' }]);
    assert.equal(only({ code: concept('Bronchiolitis') }).kind, 'case-note');
    assert.equal(only({ code: concept('History of fracture') }).kind, 'case-note');
  });

  it('is never an injury or a trigger while it is not confirmed, and says so', () => {
    for (const status of ['unconfirmed', 'provisional', 'differential']) {
      const entry = only({ code: concept('Fracture of the femur'), verificationStatus: verified(status) });
      assert.deepEqual([entry.kind, entry.summary], ['case-note', `Condition: Fracture of the femur. Not confirmed (${status})`]);
    }
    assert.equal(only({ code: concept('Fracture of the femur'), verificationStatus: verified('confirmed') }).kind, 'injury-observed');
  });

  it('leaves out one refuted or entered in error', () => {
    assert.deepEqual(read({ verificationStatus: verified('refuted') }).skipped.map((s) => [s.code, s.path]), [['not-happened', '/entry/3/resource/verificationStatus']]);
    assert.deepEqual(read({ verificationStatus: verified('entered-in-error') }).skipped.map((s) => s.code), ['entered-in-error']);
  });

  it('names the site, a clinical status other than active, and its first note', () => {
    const entry = only({ code: concept('Burn'), bodySite: [concept('Right hand')], clinicalStatus: { coding: [{ code: 'resolved' }] }, note: [{ text: 'Seen at the GP' }] });
    assert.equal(entry.summary, 'Condition: Burn. Site: Right hand. Clinical status: resolved. Seen at the GP');
  });
});
