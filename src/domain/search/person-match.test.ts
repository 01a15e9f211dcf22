import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNameQuery } from '../people/record-matching.ts';
import { matchPeople, matchPerson, NAME_LIKENESS, personMatchInWords, searchesForPeople, type PersonCriteria, type PersonFacts } from './person-match.ts';

const father: PersonFacts = {
  relationship: 'father',
  givenName: 'Darren',
  familyName: 'Kell',
  dateOfBirth: '1994-03-07',
  nhsNumber: '9434765919',
  nameLikeness: 1,
  familySoundsAlike: true,
};

function criteria(asked: { nhsNumber?: string; name?: string; dateOfBirth?: string }): PersonCriteria {
  return { nhsNumber: asked.nhsNumber ?? null, name: asked.name ? parseNameQuery(asked.name) : null, dateOfBirth: asked.dateOfBirth ?? null };
}

describe('matching a person around the baby', () => {
  it('matches on the whole NHS number, typed with spaces or without', () => {
    assert.deepEqual(matchPerson(criteria({ nhsNumber: '9434765919' }), father), { relationship: 'father', on: ['nhs-number'] });
    assert.deepEqual(matchPerson(criteria({ nhsNumber: '943 476 5919' }), father), { relationship: 'father', on: ['nhs-number'] });
  });

  it('never matches part of an NHS number, another NHS number, or a person with none recorded', () => {
    assert.equal(matchPerson(criteria({ nhsNumber: '943476591' }), father), null);
    assert.equal(matchPerson(criteria({ nhsNumber: '9434765' }), father), null);
    assert.equal(matchPerson(criteria({ nhsNumber: '94347659190' }), father), null);
    assert.equal(matchPerson(criteria({ nhsNumber: '4010232137' }), father), null);
    assert.equal(matchPerson(criteria({ nhsNumber: '9434765919' }), { ...father, nhsNumber: null }), null);
  });

  it('matches the exact date of birth, and not a day either side or the day and month swapped', () => {
    assert.deepEqual(matchPerson(criteria({ dateOfBirth: '1994-03-07' }), father)?.on, ['date-of-birth']);
    for (const other of ['1994-03-06', '1994-03-08', '1994-07-03', '1995-03-07']) assert.equal(matchPerson(criteria({ dateOfBirth: other }), father), null, other);
    assert.equal(matchPerson(criteria({ dateOfBirth: '1994-03-07' }), { ...father, dateOfBirth: null }), null);
    assert.equal(matchPerson(criteria({ dateOfBirth: '1994-02-30' }), { ...father, dateOfBirth: '1994-02-30' }), null, 'not a real date');
  });

  it('matches a name alike enough, or a family name that sounds the same', () => {
    assert.deepEqual(matchPerson(criteria({ name: 'Daren Kel' }), { ...father, nameLikeness: NAME_LIKENESS, familySoundsAlike: false })?.on, ['name']);
    assert.deepEqual(matchPerson(criteria({ name: 'Kelle' }), { ...father, nameLikeness: 0.1, familySoundsAlike: true })?.on, ['name']);
  });

  it('does not match a name less alike than the threshold that does not sound the same', () => {
    assert.equal(matchPerson(criteria({ name: 'Xavier Quinlan' }), { ...father, nameLikeness: NAME_LIKENESS - 0.01, familySoundsAlike: false }), null);
    assert.equal(matchPerson(criteria({ name: 'Xavier Quinlan' }), { ...father, nameLikeness: 0, familySoundsAlike: false }), null);
  });

  it('never matches a name to a person whose name is not recorded', () => {
    assert.equal(matchPerson(criteria({ name: 'Kell' }), { ...father, givenName: null, familyName: '  ', nameLikeness: 0.5, familySoundsAlike: true }), null);
  });

  it('needs everything typed to be true of the same person', () => {
    assert.deepEqual(matchPerson(criteria({ name: 'Darren Kell', dateOfBirth: '1994-03-07' }), father)?.on, ['name', 'date-of-birth']);
    assert.deepEqual(matchPerson(criteria({ nhsNumber: '9434765919', name: 'Darren Kell', dateOfBirth: '1994-03-07' }), father)?.on, ['nhs-number', 'name', 'date-of-birth']);
    assert.equal(matchPerson(criteria({ name: 'Darren Kell', dateOfBirth: '1994-03-08' }), father), null, 'the right name with a different date of birth');
    assert.equal(matchPerson(criteria({ nhsNumber: '9434765919', dateOfBirth: '1990-01-01' }), father), null, 'the right NHS number with a different date of birth');
    assert.equal(matchPerson(criteria({ nhsNumber: '4010232137', name: 'Darren Kell' }), father), null, 'the right name with another NHS number');
    assert.equal(matchPerson(criteria({ name: 'Xavier Quinlan', dateOfBirth: '1994-03-07' }), { ...father, nameLikeness: 0, familySoundsAlike: false }), null, 'the right date with another name');
  });

  it('matches nobody when nothing was asked that a person can meet (a postcode alone)', () => {
    assert.equal(searchesForPeople(criteria({})), false);
    assert.equal(matchPerson(criteria({}), father), null);
    assert.equal(searchesForPeople(criteria({ dateOfBirth: '1994-03-07' })), true);
  });

  it('keeps the relationship to the baby, and calls one it does not know "not known"', () => {
    assert.equal(matchPerson(criteria({ nhsNumber: '9434765919' }), { ...father, relationship: 'mothers-partner' })?.relationship, 'mothers-partner');
    assert.equal(matchPerson(criteria({ nhsNumber: '9434765919' }), { ...father, relationship: 'lodger' })?.relationship, 'unknown');
  });
});

describe('the people around one baby who match', () => {
  const mother: PersonFacts = { ...father, relationship: 'mother', givenName: 'Jade', nhsNumber: '4010232137', dateOfBirth: '1996-11-02' };
  const grandparent: PersonFacts = { ...father, relationship: 'grandparent', givenName: 'Pat', nhsNumber: null, dateOfBirth: null };

  it('lists each way they matched once, mother before father before others', () => {
    assert.deepEqual(matchPeople(criteria({ name: 'Kell' }), [grandparent, father, mother, { ...father, givenName: 'Dean' }]), [
      { relationship: 'mother', on: ['name'] },
      { relationship: 'father', on: ['name'] },
      { relationship: 'grandparent', on: ['name'] },
    ]);
  });

  it('leaves out those who do not match', () => {
    assert.deepEqual(matchPeople(criteria({ nhsNumber: '4010232137' }), [father, mother, grandparent]), [{ relationship: 'mother', on: ['nhs-number'] }]);
    assert.deepEqual(matchPeople(criteria({ nhsNumber: '9876543210' }), [father, mother, grandparent]), []);
    assert.deepEqual(matchPeople(criteria({ name: 'Kell' }), []), []);
  });
});

describe('how a person matched, in words', () => {
  it('names the relationship and what matched, never the person', () => {
    assert.equal(personMatchInWords({ relationship: 'father', on: ['nhs-number'] }), 'around this baby as: father, by NHS number');
    assert.equal(personMatchInWords({ relationship: 'mothers-partner', on: ['name', 'date-of-birth'] }), "around this baby as: mother's partner, by name and date of birth");
    assert.equal(personMatchInWords({ relationship: 'unknown', on: ['nhs-number', 'name', 'date-of-birth'] }), 'around this baby as: relationship not known, by NHS number, name and date of birth');
  });
});
