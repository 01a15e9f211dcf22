import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, BABY_NHS, nhsIdentifier } from './fhir.test-support.ts';
import { readRelatedPerson } from './related-person-entry.ts';
import { relationshipToInfantOf } from './relationship-codes.ts';
import { JOY_SMITH } from './uk-core-examples.test-support.ts';

const role = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code }] });
const relatedPerson = (fields: Record<string, unknown>) => ({ resourceType: 'RelatedPerson', id: 'rp-1', patient: { reference: 'Patient/baby' }, ...fields });
const proposed = (fields: Record<string, unknown>) => readRelatedPerson(relatedPerson(fields), at('RelatedPerson/rp-1', 5)).proposedPeople?.[0];

describe('a RelatedPerson as a person proposed for the record', () => {
  it('reads NHS England’s Joy Smith example: a proposal to confirm, never a chronology entry; a wife is no relationship to a baby by itself', () => {
    const reading = readRelatedPerson(JOY_SMITH, at('RelatedPerson/UKCore-RelatedPerson-JoySmith-Example', 2));
    assert.deepEqual(reading, {
      entries: [],
      rejected: [],
      skipped: [],
      proposedPeople: [
        {
          index: 2,
          resource: 'RelatedPerson/UKCore-RelatedPerson-JoySmith-Example',
          path: '/entry/2/resource',
          givenName: 'Joy',
          familyName: 'SMITH',
          relationshipToInfant: 'unknown',
          relationshipAsSent: 'wife',
          sex: null,
          dateOfBirth: null,
          nhsNumber: null,
          nhsNumberInvalid: false,
        },
      ],
    });
  });

  it('carries the official name, gender, date of birth and a valid NHS number', () => {
    const person = proposed({
      name: [{ use: 'nickname', given: ['Jo'] }, { use: 'official', given: ['Sarah', 'Jane'], family: 'Hartley' }],
      gender: 'female',
      birthDate: '1998-03-02',
      identifier: [{ system: 'https://example.org/mrn', value: 'M1' }, nhsIdentifier(BABY_NHS)],
      relationship: [role('MTH')],
    });
    assert.deepEqual([person?.givenName, person?.familyName, person?.sex, person?.dateOfBirth, person?.nhsNumber, person?.relationshipToInfant], ['Sarah Jane', 'Hartley', 'female', '1998-03-02', BABY_NHS, 'mother']);
  });

  it('leaves out an NHS number that fails its check digit, and says so; and a date of birth that is not a whole day', () => {
    const person = proposed({ identifier: [nhsIdentifier('1234567890')], birthDate: '1998' });
    assert.deepEqual([person?.nhsNumber, person?.nhsNumberInvalid, person?.dateOfBirth], [null, true, null]);
  });

  it('takes the first name when none is official, and gives nulls when there is none', () => {
    assert.deepEqual([proposed({ name: [{ given: ['Dan'], family: 'Okafor' }] })?.givenName, proposed({})?.givenName, proposed({})?.familyName], ['Dan', null, null]);
  });

  it('is left out when it is no longer active', () => {
    const reading = readRelatedPerson(relatedPerson({ active: false }), at('RelatedPerson/rp-1', 5));
    assert.deepEqual([reading.proposedPeople, reading.skipped.map((s) => [s.code, s.path])], [undefined, [['not-happened', '/entry/5/resource/active']]]);
  });
});

describe('a relationship to the baby from an HL7 v3 RoleCode', () => {
  it('maps parents, step-parents, grandparents, brothers and sisters, other relatives and friends', () => {
    const cases: readonly [string, string][] = [
      ['MTH', 'mother'], ['NMTH', 'mother'], ['GESTM', 'mother'], ['ADOPTM', 'mother'], ['FTH', 'father'], ['NFTH', 'father'], ['NFTHF', 'father'], ['ADOPTF', 'father'],
      ['STPFTH', 'mothers-partner'], ['STPMTH', 'fathers-partner'],
      ['GRPRN', 'grandparent'], ['MGRMTH', 'grandparent'], ['PGRFTH', 'grandparent'],
      ['SIB', 'sibling'], ['BRO', 'sibling'], ['NSIS', 'sibling'], ['HSIB', 'half-sibling'], ['HBRO', 'half-sibling'],
      ['STPSIB', 'other-relative'], ['AUNT', 'other-relative'], ['PUNCLE', 'other-relative'], ['COUSN', 'other-relative'], ['FAMMEMB', 'other-relative'],
      ['FRND', 'friend'], ['mth', 'mother'],
    ];
    for (const [code, relationship] of cases) assert.equal(relationshipToInfantOf(code, undefined), relationship, code);
  });

  it('takes a parent without a sex from the gender, and gives unknown for anything else', () => {
    assert.deepEqual(['female', 'male', 'other', undefined].map((gender) => relationshipToInfantOf('PRN', gender)), ['mother', 'father', 'unknown', 'unknown']);
    for (const code of ['WIFE', 'HUSB', 'SPS', 'NBOR', 'GUARD', 'constructor', undefined]) assert.equal(relationshipToInfantOf(code, 'female'), 'unknown', String(code));
  });
});
