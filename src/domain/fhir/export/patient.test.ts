import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { patientResource, type InfantForExport } from './patient.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';
import { EXTENSIONS, SYSTEMS } from './uk-core.ts';

const born: InfantForExport = {
  id: 'c1a2b3c4-0000-4000-8000-000000000001',
  status: 'born',
  givenName: 'Ada',
  familyName: 'Hart',
  sex: 'female',
  nhsNumber: '9434765919',
  dateOfBirth: '2026-10-01',
  expectedDeliveryDate: '2026-10-04',
  multipleBirth: false,
  address: '1 Elm Road, Shiretown',
  postcode: 'SH1 1AA',
  gpPracticeName: 'Elm Surgery',
  gpPracticeOdsCode: 'B82005',
};
const unborn: InfantForExport = { ...born, status: 'unborn', givenName: null, sex: null, nhsNumber: null, dateOfBirth: null, expectedDeliveryDate: '2027-02-14', multipleBirth: null };

describe('the baby as a UK Core Patient', () => {
  it('keeps the UK Core Patient rules, born or not', () => {
    assert.deepEqual(ukCoreProblems({ ...patientResource(born) }), []);
    assert.deepEqual(ukCoreProblems({ ...patientResource(unborn) }), []);
    assert.deepEqual(ukCoreProblems({ ...patientResource({ ...unborn, familyName: null, address: null, postcode: null, gpPracticeName: null, gpPracticeOdsCode: null }) }), []);
  });

  it('gives a born baby a birth date, birth sex and gender, and no fetal status', () => {
    const patient = patientResource(born);
    assert.equal(patient.birthDate, '2026-10-01');
    assert.equal(patient.gender, 'female');
    assert.deepEqual(patient.extension, [{ url: EXTENSIONS.birthSex, valueCodeableConcept: { coding: [{ system: SYSTEMS.administrativeGender, code: 'F', display: 'Female' }] } }]);
    assert.equal(patient.multipleBirthBoolean, false);
  });

  it('gives an unborn baby the fetal status extension, no birth date and no birth sex, and its due date in words', () => {
    const patient = patientResource({ ...unborn, sex: 'male' });
    assert.deepEqual(patient.extension, [{ url: EXTENSIONS.fetalStatus, valueCode: 'potential-for-live-birth' }]);
    assert.equal(patient.birthDate, undefined);
    assert.equal(patient.gender, 'male');
    assert.equal(patient.multipleBirthBoolean, undefined);
    assert.match(patient.text.div, /Not yet born: expected delivery date 2027-02-14/);
  });

  it('says an unknown sex as unknown (birth sex UNK), and leaves out a sex never recorded', () => {
    const unknown = patientResource({ ...born, sex: 'unknown' });
    assert.equal(unknown.gender, 'unknown');
    assert.deepEqual(unknown.extension?.[0], { url: EXTENSIONS.birthSex, valueCodeableConcept: { coding: [{ system: SYSTEMS.nullFlavor, code: 'UNK', display: 'unknown' }] } });
    const none = patientResource({ ...born, sex: null });
    assert.equal(none.gender, undefined);
    assert.equal(none.extension, undefined);
  });

  it('names the NHS number by its system with the verification status "present but not traced"', () => {
    assert.deepEqual(patientResource(born).identifier, [
      {
        extension: [{ url: EXTENSIONS.nhsNumberVerificationStatus, valueCodeableConcept: { coding: [{ system: SYSTEMS.nhsNumberVerificationEngland, code: '02', display: 'Number present but not traced' }] } }],
        system: 'https://fhir.nhs.uk/Id/nhs-number',
        value: '9434765919',
      },
    ]);
    assert.equal(patientResource(unborn).identifier, undefined);
  });

  it('names the GP practice by its ODS code, or by name alone when it has none', () => {
    assert.deepEqual(patientResource(born).generalPractitioner, [{ type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'B82005' }, display: 'Elm Surgery' }]);
    assert.deepEqual(patientResource({ ...born, gpPracticeOdsCode: null }).generalPractitioner, [{ type: 'Organization', display: 'Elm Surgery' }]);
    assert.equal(patientResource({ ...born, gpPracticeOdsCode: null, gpPracticeName: null }).generalPractitioner, undefined);
  });

  it('gives the address when shown and none when withheld', () => {
    assert.deepEqual(patientResource(born).address, [{ use: 'home', text: '1 Elm Road, Shiretown', postalCode: 'SH1 1AA' }]);
    assert.equal(patientResource({ ...born, address: null, postcode: null }).address, undefined);
  });

  it('escapes what was typed in the narrative', () => {
    const patient = patientResource({ ...born, givenName: '<b>Ada</b> & co' });
    assert.match(patient.text.div, /&lt;b&gt;Ada&lt;\/b&gt; &amp; co/);
    assert.deepEqual(ukCoreProblems({ ...patient }), []);
  });
});
