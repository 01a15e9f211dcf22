import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../../people/relationships.ts';
import { relatedPersonResource, type PersonForExport } from './related-person.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';

const mother: PersonForExport = {
  id: 'p-1',
  givenName: 'Sarah',
  familyName: 'Hart',
  dateOfBirth: '1998-04-02',
  nhsNumber: '4010232137',
  sex: 'female',
  relationshipToInfant: 'mother',
  relationshipWords: 'Mother',
  livesInHousehold: true,
  caresForInfant: true,
  parentalResponsibility: 'yes',
  paternityConfirmed: null,
  identityKnown: true,
  description: null,
  deceased: false,
  address: null,
};

describe('a person around the baby as a UK Core RelatedPerson', () => {
  it('keeps the rules for every relationship the record knows', () => {
    for (const [relationship, words] of Object.entries(RELATIONSHIPS_TO_INFANT) as [RelationshipToInfant, string][]) {
      assert.deepEqual(ukCoreProblems({ ...relatedPersonResource({ ...mother, relationshipToInfant: relationship, relationshipWords: words }, 'case-1') }), [], relationship);
    }
  });

  it('is a RelatedPerson of the baby, the relationship coded from RoleCode with its words', () => {
    const person = relatedPersonResource(mother, 'case-1');
    assert.deepEqual(person.patient, { reference: 'Patient/case-1' });
    assert.deepEqual(person.relationship, [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH', display: 'mother' }], text: 'Mother' }]);
    assert.deepEqual(person.identifier, [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '4010232137' }]);
    assert.equal(person.birthDate, '1998-04-02');
    assert.equal(person.active, true);
  });

  it('codes only what a RoleCode says exactly: a mother’s partner, a professional carer or an unknown relationship is text alone', () => {
    for (const relationship of ['mothers-partner', 'fathers-partner', 'professional-carer', 'unknown'] as const) {
      assert.deepEqual(relatedPersonResource({ ...mother, relationshipToInfant: relationship, relationshipWords: RELATIONSHIPS_TO_INFANT[relationship] }, 'case-1').relationship, [{ text: RELATIONSHIPS_TO_INFANT[relationship] }]);
    }
    const codes = (['father', 'grandparent', 'sibling', 'half-sibling', 'other-relative', 'friend'] as const).map((relationship) => relatedPersonResource({ ...mother, relationshipToInfant: relationship, relationshipWords: '' }, 'case-1').relationship[0]?.coding?.[0]?.code);
    assert.deepEqual(codes, ['FTH', 'GRPRN', 'SIB', 'HSIB', 'FAMMEMB', 'FRND']);
  });

  it('gives no name, NHS number or birth date for someone whose identity is not confirmed: what is known of them is the narrative', () => {
    const person = relatedPersonResource({ ...mother, relationshipToInfant: 'mothers-partner', relationshipWords: "Mother's partner", identityKnown: false, description: 'Tall man called Dan' }, 'case-1');
    assert.equal(person.name, undefined);
    assert.equal(person.identifier, undefined);
    assert.equal(person.birthDate, undefined);
    assert.match(person.text.div, /Tall man called Dan \(Mother&#39;s partner\)/);
    assert.match(person.text.div, /Identity not confirmed/);
  });

  it('is inactive when the person has died, and has an address only when one is shown', () => {
    assert.equal(relatedPersonResource({ ...mother, deceased: true }, 'case-1').active, false);
    assert.deepEqual(relatedPersonResource({ ...mother, address: '1 Elm Road' }, 'case-1').address, [{ use: 'home', text: '1 Elm Road' }]);
    assert.equal(relatedPersonResource(mother, 'case-1').address, undefined);
  });

  it('says parental responsibility and a father\'s paternity as yes, no or not known, and nothing of a question never answered', () => {
    const father = { ...mother, givenName: 'Tom', relationshipToInfant: 'father', relationshipWords: 'Father', sex: 'male' };
    const said = (person: PersonForExport) => relatedPersonResource(person, 'case-1').text.div;
    assert.match(said({ ...father, parentalResponsibility: 'no', paternityConfirmed: 'yes' }), /Does not have parental responsibility.*Paternity confirmed/s);
    assert.match(said({ ...father, parentalResponsibility: 'not-known', paternityConfirmed: 'not-known' }), /Whether they have parental responsibility is not known.*Whether paternity is confirmed is not known/s);
    assert.match(said({ ...father, paternityConfirmed: 'no' }), /Has parental responsibility.*Paternity not confirmed/s);
    const unanswered = said({ ...father, parentalResponsibility: null, paternityConfirmed: null });
    assert.doesNotMatch(unanswered, /parental responsibility|aternity/i);
  });
});
