// The rules checker the builders' tests use must itself catch what it is there to catch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentResources } from './consent.ts';
import { patientResource, type InfantForExport } from './patient.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';

const infant: InfantForExport = { id: 'c1', status: 'born', givenName: 'Ada', familyName: 'Hart', sex: 'female', nhsNumber: '9434765919', dateOfBirth: '2026-10-01', expectedDeliveryDate: null, multipleBirth: null, address: null, postcode: null, gpPracticeName: null, gpPracticeOdsCode: 'B82005' };
const patient = () => JSON.parse(JSON.stringify(patientResource(infant))) as Record<string, unknown> & { identifier: Record<string, unknown>[]; extension: Record<string, unknown>[] };

describe('the UK Core rules as a checker', () => {
  it('passes a resource that keeps them', () => {
    assert.deepEqual(ukCoreProblems(patient()), []);
  });

  it('catches a missing or wrong profile, a bad id, and a missing required element', () => {
    assert.match(ukCoreProblems({ ...patient(), meta: { profile: ['http://hl7.org/fhir/StructureDefinition/Patient'] } }).join(), /meta\.profile/);
    assert.match(ukCoreProblems({ ...patient(), id: 'has spaces' }).join(), /Patient\.id/);
    assert.match(ukCoreProblems({ resourceType: 'Flag', meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Flag'] }, status: 'active', code: { text: 'x' } }).join(), /Flag\.subject: is required/);
  });

  it('catches a code outside a required value set', () => {
    assert.match(ukCoreProblems({ ...patient(), gender: 'girl' }).join(), /gender/);
    const fetal = patient();
    fetal.extension = [{ url: 'http://hl7.org/fhir/6.0/StructureDefinition/extension-Patient.fetalStatus', valueCode: 'unborn' }];
    assert.match(ukCoreProblems(fetal).join(), /fetalStatus/);
    const sex = patient();
    sex.extension = [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-BirthSex', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/administrative-gender', code: 'female' }] } }];
    assert.match(ukCoreProblems(sex).join(), /birthSex/);
  });

  it('catches two NHS numbers, a number that is not ten digits and a verification status from elsewhere', () => {
    const two = patient();
    two.identifier = [...two.identifier, ...two.identifier];
    assert.match(ukCoreProblems(two).join(), /nhsNumber: max 1/);
    const short = patient();
    short.identifier = [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '123' }];
    assert.match(ukCoreProblems(short).join(), /ten digits/);
    const status = patient();
    status.identifier = [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919', extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus', valueCodeableConcept: { coding: [{ system: 'x', code: '01' }] } }] }];
    assert.match(ukCoreProblems(status).join(), /NHSNumberVerificationStatus/);
  });

  it('catches a GP practice named by another identifier system, a reference that is not Type/id, and empty elements', () => {
    assert.match(ukCoreProblems({ ...patient(), generalPractitioner: [{ identifier: { system: 'urn:other', value: 'B82005' } }] }).join(), /ODS/);
    assert.match(ukCoreProblems({ ...patient(), managingOrganization: { reference: 'urn:uuid:1' } }).join(), /is not Type\/id/);
    assert.match(ukCoreProblems({ ...patient(), name: [] }).join(), /ele-1/);
    assert.match(ukCoreProblems({ ...patient(), active: '' }).join(), /ele-1/);
  });

  it('catches narrative that is not an XHTML div of text, or says nothing', () => {
    assert.match(ukCoreProblems({ ...patient(), text: { status: 'generated', div: '<p>x</p>' } }).join(), /text\.div/);
    assert.match(ukCoreProblems({ ...patient(), text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><script>x</script></div>' } }).join(), /markup/);
    assert.match(ukCoreProblems({ ...patient(), text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"></div>' } }).join(), /txt-2/);
  });

  it('catches a Consent without a policy rule (ppc-1)', () => {
    const [consent] = consentResources([{ kind: 'consent', id: 'k', askedName: 'X', purpose: 'GP', soughtOn: '2026-11-01', answer: 'given', recordedAt: '2026-11-01T00:00:00Z', recordedBy: 'Y' }], new Set(), 'c1');
    assert.deepEqual(ukCoreProblems({ ...consent! }), []);
    const withoutRule = Object.fromEntries(Object.entries(consent!).filter(([key]) => key !== 'policyRule'));
    assert.match(ukCoreProblems(withoutRule).join(), /ppc-1/);
  });
});
