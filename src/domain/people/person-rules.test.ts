import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerOfBoolean, asksWhetherVisitsRegularly, checkPersonDetails, isYesNoNotKnown, normalisePersonDetails, type PersonDetails } from './person-rules.ts';

const mother: PersonDetails = {
  givenName: 'Grace',
  familyName: 'Okafor',
  identityKnown: true,
  description: null,
  relationshipToInfant: 'mother',
  dateOfBirth: '1999-05-01',
  nhsNumber: '943 476 5919',
  sex: 'female',
  livesInHousehold: true,
  caresForInfant: true,
  visitsRegularly: false,
  parentalResponsibility: 'yes',
  paternityConfirmed: null,
  deceased: false,
  address: null,
  addressRestricted: false,
};
const today = '2026-11-22';

describe('details of a person around the baby', () => {
  it('accepts a complete, consistent person', () => {
    assert.deepEqual(checkPersonDetails(mother, today), {});
  });

  it('accepts an unknown adult described by what is known of them', () => {
    const unknown = { ...mother, givenName: null, familyName: null, identityKnown: false, description: "Mother's new partner, name unknown", relationshipToInfant: 'mothers-partner', nhsNumber: null, dateOfBirth: null };
    assert.deepEqual(checkPersonDetails(unknown, today), {});
  });

  it('needs a description for an unknown adult, and a name for a known one', () => {
    assert.deepEqual(checkPersonDetails({ ...mother, identityKnown: false }, today), { description: 'description-needed' });
    assert.deepEqual(checkPersonDetails({ ...mother, givenName: null, familyName: null }, today), { givenName: 'name-or-description-needed' });
  });

  it('refuses a date of birth in the future, a bad NHS number and an unknown relationship', () => {
    assert.deepEqual(checkPersonDetails({ ...mother, dateOfBirth: '2026-11-23', nhsNumber: '1234567890', relationshipToInfant: 'uncle' }, today), {
      dateOfBirth: 'date-of-birth-in-future',
      nhsNumber: 'nhs-number-check-digit',
      relationshipToInfant: 'relationship-unknown',
    });
    assert.deepEqual(checkPersonDetails({ ...mother, nhsNumber: '123 456 789' }, today), { nhsNumber: 'nhs-number-invalid' });
  });

  it('refuses a date of birth before 1900, a slip of the year, and takes 1 January 1900 and today', () => {
    assert.deepEqual(checkPersonDetails({ ...mother, dateOfBirth: '1026-03-17' }, today), { dateOfBirth: 'date-of-birth-too-early' });
    assert.deepEqual(checkPersonDetails({ ...mother, dateOfBirth: '1899-12-31' }, today), { dateOfBirth: 'date-of-birth-too-early' });
    assert.deepEqual(checkPersonDetails({ ...mother, dateOfBirth: '1900-01-01' }, today), {});
    assert.deepEqual(checkPersonDetails({ ...mother, dateOfBirth: today }, today), {});
  });

  it('records paternity only for a father', () => {
    assert.deepEqual(checkPersonDetails({ ...mother, paternityConfirmed: 'yes' }, today), { paternityConfirmed: 'paternity-only-for-father' });
    assert.deepEqual(checkPersonDetails({ ...mother, paternityConfirmed: 'not-known' }, today), { paternityConfirmed: 'paternity-only-for-father' }, '"not known" is an answer too');
    for (const answer of ['yes', 'no', 'not-known', null] as const) assert.deepEqual(checkPersonDetails({ ...mother, relationshipToInfant: 'father', sex: 'male', paternityConfirmed: answer }, today), {}, String(answer));
  });

  it('keeps "not known" apart from never answered, and reads true and false as yes and no', () => {
    assert.deepEqual([true, false, null, 'not-known' as const].map(answerOfBoolean), ['yes', 'no', null, 'not-known']);
    assert.deepEqual(['yes', 'no', 'not-known', null, true, 'unknown', ''].map(isYesNoNotKnown), [true, true, true, false, false, false, false]);
  });

  it('stores NHS numbers as digits and blank text as nothing', () => {
    const normal = normalisePersonDetails({ ...mother, givenName: ' Grace ', description: '  ', address: '' });
    assert.equal(normal.nhsNumber, '9434765919');
    assert.equal(normal.givenName, 'Grace');
    assert.equal(normal.description, null);
    assert.equal(normal.address, null);
  });

  it('asks whether they visit regularly only of someone who does not live with the baby', () => {
    assert.equal(asksWhetherVisitsRegularly(true), false, 'a mother at home does not visit');
    assert.equal(asksWhetherVisitsRegularly(false), true, 'a father living elsewhere');
    assert.equal(asksWhetherVisitsRegularly(null), false, 'where they live not yet answered: the question under its "No" is not asked yet');
  });

  it('stores someone living with the baby as not a visitor, whatever was sent; keeps a visitor living elsewhere', () => {
    assert.equal(normalisePersonDetails({ ...mother, livesInHousehold: true, visitsRegularly: true }).visitsRegularly, false);
    assert.equal(normalisePersonDetails({ ...mother, livesInHousehold: false, visitsRegularly: true }).visitsRegularly, true);
    assert.equal(normalisePersonDetails({ ...mother, livesInHousehold: false, visitsRegularly: false }).visitsRegularly, false);
  });
});
