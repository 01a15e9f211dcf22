import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flagResources, type FindingForExport } from './flag.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';
import { FHIR_ID } from './fhir-types.ts';

const CASE = 'c1a2b3c4-0000-4000-8000-000000000001';
const finding = (id: FindingForExport['id'], severity: FindingForExport['severity']): FindingForExport => ({ id, severity, title: `Title of ${id}`, rationale: 'Because', suggestedAction: 'Act' });

describe('high and critical findings as UK Core Flags', () => {
  it('flags critical and high findings, active safety flags on the baby, and keeps the rules', () => {
    const flags = flagResources([finding('non-mobile-injury', 'critical'), finding('domestic-abuse', 'high')], CASE);
    assert.equal(flags.length, 2);
    for (const flag of flags) {
      assert.deepEqual(ukCoreProblems({ ...flag }), []);
      assert.equal(flag.status, 'active');
      assert.deepEqual(flag.category, [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety', display: 'Safety' }] }]);
      assert.deepEqual(flag.subject, { reference: `Patient/${CASE}` });
    }
    assert.equal(flags[0]?.code.text, 'Critical: Title of non-mobile-injury');
    assert.deepEqual(flags[1]?.identifier, [{ system: 'urn:infant-care-profile:finding', value: `${CASE}/domestic-abuse` }]);
  });

  it('does not flag an attention finding', () => {
    assert.deepEqual(flagResources([finding('reassessment-due', 'attention')], CASE), []);
  });

  it('gives the same finding for two people two flags with their own ids, each a FHIR id however long the finding’s name', () => {
    const flags = flagResources([finding('protective-claim-unsupported', 'high'), finding('protective-claim-unsupported', 'high'), finding('non-mobile-injury', 'critical')], CASE);
    const ids = flags.map((flag) => flag.id);
    assert.equal(new Set(ids).size, 3);
    assert.ok(ids.every((id) => FHIR_ID.test(id)), ids.join(' '));
    assert.deepEqual(flags.map((flag) => flag.identifier[0]?.value), [`${CASE}/protective-claim-unsupported`, `${CASE}/protective-claim-unsupported-2`, `${CASE}/non-mobile-injury`]);
  });
});
