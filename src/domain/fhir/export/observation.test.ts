import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthObservations, gestationObservationId, type BirthForExport } from './observation.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';
import { SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

const CASE_ID = 'c1a2b3c4-0000-4000-8000-000000000001';
const born: BirthForExport = { id: CASE_ID, status: 'born', dateOfBirth: '2026-10-01', gestationAtBirthWeeks: 38, gestationAtBirthDays: 4 };

describe('the gestation at birth as a UK Core Observation', () => {
  it('gives weeks and days as days (38+4 is 270 d), SNOMED CT 412726003, on the birthday, about the baby', () => {
    const [observation, ...more] = birthObservations(born);
    assert.deepEqual(more, []);
    assert.deepEqual(observation, {
      resourceType: 'Observation',
      id: `${CASE_ID}-gestation-at-birth`,
      meta: { profile: [UK_CORE_PROFILES.Observation] },
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Gestation at birth: 38 weeks 4 days, born on 2026-10-01</p></div>' },
      status: 'final',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '412726003', display: 'Length of gestation at birth' }], text: 'Gestation at birth' },
      subject: { reference: `Patient/${CASE_ID}` },
      effectiveDateTime: '2026-10-01',
      valueQuantity: { value: 270, unit: 'day', system: 'http://unitsofmeasure.org', code: 'd' },
    });
    assert.deepEqual(ukCoreProblems({ ...observation }), []);
  });

  it('gives 0 days after the weeks as days too (38+0 is 266 d)', () => {
    assert.deepEqual(birthObservations({ ...born, gestationAtBirthDays: 0 })[0]?.valueQuantity, { value: 266, unit: 'day', system: SYSTEMS.ucum, code: 'd' });
  });

  it('gives the completed weeks alone as weeks, not days it does not know', () => {
    const [observation] = birthObservations({ ...born, gestationAtBirthWeeks: 29, gestationAtBirthDays: null });
    assert.deepEqual(observation?.valueQuantity, { value: 29, unit: 'week', system: SYSTEMS.ucum, code: 'wk' });
    assert.match(observation?.text.div ?? '', /Gestation at birth: 29 weeks, born/);
    assert.deepEqual(ukCoreProblems({ ...observation }), []);
  });

  it('gives nothing for a baby not yet born, a birthday or a gestation not recorded', () => {
    assert.deepEqual(birthObservations({ ...born, status: 'unborn', dateOfBirth: null }), []);
    assert.deepEqual(birthObservations({ ...born, dateOfBirth: null }), []);
    assert.deepEqual(birthObservations({ ...born, gestationAtBirthWeeks: null, gestationAtBirthDays: null }), []);
  });

  it('has an id FHIR takes, the same each export', () => {
    assert.match(gestationObservationId(CASE_ID), /^[A-Za-z0-9\-.]{1,64}$/);
  });
});
