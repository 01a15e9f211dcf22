import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fhirPathOf } from '../operation-outcome.ts';
import { ukCoreProblems } from './uk-core-validation.ts';
import * as published from './uk-core-examples.test-support.ts';

const AT = '/entry/3/resource';
/** Each problem as FHIRPath and words, as the import's answer names it. */
const problemsOf = (resource: Record<string, unknown>) => ukCoreProblems(resource, AT).map((problem) => `${fhirPathOf(problem.path)}: ${problem.message}`);
const whereOf = (resource: Record<string, unknown>) => ukCoreProblems(resource, AT).map((problem) => fhirPathOf(problem.path));

const encounter = { resourceType: 'Encounter', id: 'e', status: 'finished', class: { code: 'AMB' }, period: { start: '2026-11-20' } };
const observation = { resourceType: 'Observation', id: 'o', status: 'final', code: { text: 'Weighed' }, effectiveDateTime: '2026-11-20' };
const patient = { resourceType: 'Patient', id: 'p', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }] };
const ethnicity = (system: string, code: string) => ({ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory', valueCodeableConcept: { coding: [{ system, code }] } });
const ETHNIC_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland';

describe('UK Core validation of an imported resource', () => {
  it('passes every published UK Core example the import reads, unchanged', () => {
    for (const [name, example] of Object.entries(published)) assert.deepEqual(problemsOf(example as Record<string, unknown>), [], name);
  });

  it('passes resources that keep to their profile, with only what FHIR requires', () => {
    for (const resource of [encounter, observation, patient, { resourceType: 'Flag', status: 'active', code: { text: 'CP plan' } }, { resourceType: 'CarePlan', status: 'active', intent: 'plan' }, { resourceType: 'Consent', status: 'active', scope: { text: 'x' }, category: [{ text: 'y' }] }, { resourceType: 'RelatedPerson', patient: { reference: 'Patient/p' } }, { resourceType: 'Condition', code: { text: 'Bruise' } }]) {
      assert.deepEqual(problemsOf(resource), [], resource.resourceType);
    }
  });

  describe('required elements', () => {
    it('names each element FHIR requires that is missing, empty or blank', () => {
      assert.deepEqual(whereOf({ ...encounter, status: undefined, class: undefined }), ['Bundle.entry[3].resource.status', 'Bundle.entry[3].resource.class']);
      assert.deepEqual(problemsOf({ ...observation, code: undefined }), ['Bundle.entry[3].resource.code: Observation.code is required: send it']);
      assert.deepEqual(whereOf({ ...observation, status: '' }), ['Bundle.entry[3].resource.status', 'Bundle.entry[3].resource.status']);
      assert.deepEqual(whereOf({ resourceType: 'Consent', status: 'active', scope: { text: 'x' }, category: [] }), ['Bundle.entry[3].resource.category']);
      assert.deepEqual(whereOf({ resourceType: 'CarePlan', status: 'active' }), ['Bundle.entry[3].resource.intent']);
      assert.deepEqual(whereOf({ resourceType: 'Flag', status: 'active' }), ['Bundle.entry[3].resource.code']);
    });
    it('leaves whose it is to the import: a resource without a subject is about the only Patient', () => {
      assert.deepEqual(problemsOf({ resourceType: 'Condition', code: { text: 'Bruise' } }), []);
      assert.deepEqual(problemsOf({ ...observation, subject: undefined }), []);
    });
  });

  describe('cardinality', () => {
    it('refuses a list where the profile holds one value', () => {
      assert.deepEqual(problemsOf({ ...encounter, class: [{ code: 'AMB' }] }), ['Bundle.entry[3].resource.class: Encounter.class holds one value, not a list']);
      assert.deepEqual(whereOf({ ...observation, code: [{ text: 'Weighed' }] }), ['Bundle.entry[3].resource.code']);
    });
    it('refuses one value where the profile holds a list', () => {
      assert.deepEqual(problemsOf({ ...patient, identifier: patient.identifier[0] }), ['Bundle.entry[3].resource.identifier: Patient.identifier is a list: send it as an array']);
      assert.deepEqual(whereOf({ ...observation, category: { text: 'vital-signs' } }), ['Bundle.entry[3].resource.category']);
      assert.deepEqual(whereOf({ ...observation, meta: { profile: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation' } }), ['Bundle.entry[3].resource.meta.profile']);
    });
  });

  describe('codes of required value sets', () => {
    it('refuses a status or intent that is not one of FHIR’s codes', () => {
      assert.deepEqual(problemsOf({ ...encounter, status: 'done' }), ['Bundle.entry[3].resource.status: Encounter.status must be one of planned, arrived, triaged, in-progress, onleave, finished, cancelled, entered-in-error, unknown']);
      assert.deepEqual(whereOf({ ...observation, status: 'FINAL' }), ['Bundle.entry[3].resource.status']);
      assert.deepEqual(whereOf({ resourceType: 'CarePlan', status: 'active', intent: 'wish' }), ['Bundle.entry[3].resource.intent']);
      assert.deepEqual(whereOf({ ...patient, gender: 'F' }), ['Bundle.entry[3].resource.gender']);
      assert.deepEqual(whereOf({ ...patient, gender: 'female' }), []);
    });
    it('refuses a Condition status that is not of its code system, and lets codes of other systems be', () => {
      const status = (system: string, code: string) => ({ resourceType: 'Condition', code: { text: 'Bruise' }, clinicalStatus: { coding: [{ system, code }] } });
      assert.deepEqual(whereOf(status('http://terminology.hl7.org/CodeSystem/condition-clinical', 'current')), ['Bundle.entry[3].resource.clinicalStatus.coding[0].code']);
      assert.deepEqual(whereOf(status('http://terminology.hl7.org/CodeSystem/condition-clinical', 'resolved')), []);
      assert.deepEqual(whereOf(status('http://snomed.info/sct', '55561003')), []);
    });
  });

  describe('UK Core identifiers and extensions', () => {
    it('refuses an NHS number sent under a system that is not UK Core’s, naming the right one', () => {
      assert.deepEqual(problemsOf({ ...patient, identifier: [{ system: 'https://fhir.hl7.org.uk/Id/nhs-number', value: '9434765919' }] }), ['Bundle.entry[3].resource.identifier[0].system: An NHS number’s system is https://fhir.nhs.uk/Id/nhs-number, not https://fhir.hl7.org.uk/Id/nhs-number']);
      assert.deepEqual(whereOf({ ...observation, subject: { identifier: { system: 'urn:oid:2.16.840.1.113883.2.1.4.1', value: '9434765919' } } }), ['Bundle.entry[3].resource.subject.identifier.system']);
      assert.deepEqual(whereOf({ ...patient, identifier: [{ system: 'https://trust.example/mrn', value: 'M1' }] }), [], 'a local identifier is the sender’s own');
    });
    it('leaves an NHS number failing its check digit to the import, which refuses it as nhs-number-invalid', () => {
      assert.deepEqual(whereOf({ ...patient, identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765918' }] }), []);
    });
    it('checks the ethnic category against England’s categories', () => {
      assert.deepEqual(whereOf({ ...patient, extension: [ethnicity(ETHNIC_SYSTEM, 'A')] }), []);
      assert.deepEqual(whereOf({ ...patient, extension: [ethnicity(ETHNIC_SYSTEM, '99')] }), []);
      assert.deepEqual(problemsOf({ ...patient, extension: [ethnicity(ETHNIC_SYSTEM, 'I')] }), [`Bundle.entry[3].resource.extension[0].valueCodeableConcept.coding[0]: An ethnic category must be a code of ${ETHNIC_SYSTEM} (A, B, C, D, E, F, G, H, J, K …)`]);
      assert.deepEqual(whereOf({ ...patient, extension: [ethnicity('http://snomed.info/sct', 'A')] }), ['Bundle.entry[3].resource.extension[0].valueCodeableConcept.coding[0]']);
      assert.deepEqual(whereOf({ ...patient, extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory', valueString: 'White British' }] }), ['Bundle.entry[3].resource.extension[0].valueCodeableConcept']);
    });
    it('checks the NHS number verification status on the NHS number', () => {
      const verified = (code: string) => ({ ...patient, identifier: [{ ...patient.identifier[0], extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus', valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland', code }] } }] }] });
      assert.deepEqual(whereOf(verified('01')), []);
      assert.deepEqual(whereOf(verified('1')), ['Bundle.entry[3].resource.identifier[0].extension[0].valueCodeableConcept.coding[0]']);
    });
    it('refuses an extension without its url, and lets other extensions be', () => {
      assert.deepEqual(whereOf({ ...observation, extension: [{ valueString: 'x' }] }), ['Bundle.entry[3].resource.extension[0].url']);
      assert.deepEqual(whereOf({ ...observation, extension: [{ url: 'https://trust.example/ext', valueString: 'x' }] }), []);
    });
  });

  describe('meta.profile', () => {
    it('accepts the UK Core profile of its own type, versioned or not, and profiles that are not UK Core', () => {
      assert.deepEqual(whereOf({ ...encounter, meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Encounter'] } }), []);
      assert.deepEqual(whereOf({ ...encounter, meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Encounter|2.4.0'] } }), []);
      assert.deepEqual(whereOf({ ...encounter, meta: { profile: ['https://trust.example/StructureDefinition/OurEncounter'] } }), []);
    });
    it('refuses a claim of another type’s UK Core profile, naming the one to claim', () => {
      assert.deepEqual(problemsOf({ ...observation, meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Encounter'] } }), [
        'Bundle.entry[3].resource.meta.profile[0]: Observation.meta.profile claims the UK Core profile of another resource type (Encounter): claim https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation',
      ]);
    });
  });

  it('names every problem of a resource, not only the first', () => {
    assert.equal(ukCoreProblems({ ...encounter, status: 'done', class: [{}], identifier: { value: 'x' }, meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'] } }, AT).length, 4);
  });

  it('birth dates: a date, a year and month, or a year; nothing else', () => {
    for (const birthDate of ['2026-10-01', '2026-10', '2026']) assert.deepEqual(whereOf({ ...patient, birthDate }), [], birthDate);
    for (const birthDate of ['01/10/2026', '2026-10-01T00:00:00Z', 20261001]) assert.deepEqual(whereOf({ ...patient, birthDate }), ['Bundle.entry[3].resource.birthDate'], String(birthDate));
  });
});
