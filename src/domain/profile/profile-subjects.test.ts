import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cinHolderOf, isCarer, isSignificantAdult, significantAdults } from './profile-subjects.ts';
import { baby, person, unbornBaby } from './profile.test-support.ts';

const away = { livesInHousehold: false, caresForInfant: false, visitsRegularly: false };

describe('significant adults', () => {
  it('are everyone who lives with, cares for or regularly visits the baby, known or not', () => {
    assert.equal(isSignificantAdult(person('a', { relationshipToInfant: 'friend', ...away, visitsRegularly: true })), true);
    assert.equal(isSignificantAdult(person('a', { relationshipToInfant: 'unknown', ...away, caresForInfant: true, identityKnown: false })), true);
    assert.equal(isSignificantAdult(person('a', { relationshipToInfant: 'grandparent', ...away })), false);
  });

  it('always include the mother and father, even living apart', () => {
    assert.equal(isSignificantAdult(person('f', { relationshipToInfant: 'father', ...away })), true);
    assert.equal(isSignificantAdult(person('m', { relationshipToInfant: 'mother', ...away })), true);
  });

  it('never include brothers and sisters', () => {
    assert.equal(isSignificantAdult(person('s', { relationshipToInfant: 'half-sibling' })), false);
  });

  it('keep record order and each id once', () => {
    const result = significantAdults([person('a'), person('b', { relationshipToInfant: 'sibling' }), person('a'), person('c', { relationshipToInfant: 'friend' })]);
    assert.deepEqual([result.adults.map((p) => p.id), result.duplicateIds], [['a', 'c'], ['a']]);
  });
});

describe('carers', () => {
  it('live with or care for the baby; a visitor is not one', () => {
    assert.equal(isCarer(person('a', { relationshipToInfant: 'friend', ...away, caresForInfant: true }), baby()), true);
    assert.equal(isCarer(person('a', { relationshipToInfant: 'friend', ...away, livesInHousehold: true }), baby()), true);
    assert.equal(isCarer(person('a', { relationshipToInfant: 'friend', ...away, visitsRegularly: true }), baby()), false);
  });

  it('include the mother of an unborn baby wherever she lives', () => {
    assert.equal(isCarer(person('m', { ...away }), unbornBaby('2027-03-01')), true);
    assert.equal(isCarer(person('m', { ...away }), baby()), false);
  });
});

describe('census category of an adult', () => {
  it('is B for parents, their partners at home and anyone caring for the baby; C for other household members', () => {
    assert.equal(cinHolderOf(person('f', { relationshipToInfant: 'father', ...away })), 'parent-or-carer');
    assert.equal(cinHolderOf(person('p', { relationshipToInfant: 'mothers-partner', caresForInfant: false })), 'parent-or-carer');
    assert.equal(cinHolderOf(person('g', { relationshipToInfant: 'grandparent', ...away, caresForInfant: true })), 'parent-or-carer');
    assert.equal(cinHolderOf(person('l', { relationshipToInfant: 'friend', caresForInfant: false })), 'household-member');
    assert.equal(cinHolderOf(person('v', { relationshipToInfant: 'friend', ...away, visitsRegularly: true })), 'other');
  });
});
