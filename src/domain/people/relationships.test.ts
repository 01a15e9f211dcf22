import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isChildRelationship, isRelationshipToInfant, personDisplayName } from './relationships.ts';

const unnamed = { givenName: null, familyName: null, description: null, identityKnown: false };

describe('people around the baby', () => {
  it('names a person by their name when their identity is known', () => {
    assert.equal(personDisplayName({ ...unnamed, givenName: 'Grace', familyName: 'Okafor', identityKnown: true }), 'Grace Okafor');
  });

  it('describes an adult whose identity is not known by what is known of them', () => {
    assert.equal(personDisplayName({ ...unnamed, description: "Mother's new partner, name unknown" }), "Mother's new partner, name unknown");
    assert.equal(personDisplayName(unnamed), 'Name not known');
  });

  it('flags a name given for someone whose identity is not confirmed', () => {
    assert.equal(personDisplayName({ ...unnamed, givenName: 'Ryan' }), 'Ryan (identity not confirmed)');
  });

  it('knows the relationships in the API contract and which are children', () => {
    for (const r of ['mother', 'father', 'mothers-partner', 'fathers-partner', 'grandparent', 'sibling', 'half-sibling', 'other-relative', 'friend', 'professional-carer', 'unknown']) {
      assert.equal(isRelationshipToInfant(r), true, r);
    }
    assert.equal(isRelationshipToInfant('uncle'), false);
    assert.equal(isChildRelationship('half-sibling'), true);
    assert.equal(isChildRelationship('mother'), false);
  });
});
