import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { infantDisplayName } from './infant-name.ts';

describe('infant display name', () => {
  it('names an unborn baby by family name, never by a given name chosen in advance', () => {
    assert.equal(infantDisplayName({ status: 'unborn', givenName: 'Rose', familyName: 'Ashworth' }), 'Unborn baby Ashworth');
    assert.equal(infantDisplayName({ status: 'unborn', givenName: null, familyName: ' ' }), 'Unborn baby (name not known)');
  });

  it('names a born infant in full, or as Baby and the family name', () => {
    assert.equal(infantDisplayName({ status: 'born', givenName: 'Ruby', familyName: 'Okafor' }), 'Ruby Okafor');
    assert.equal(infantDisplayName({ status: 'born', givenName: null, familyName: 'Okafor' }), 'Baby Okafor');
    assert.equal(infantDisplayName({ status: 'born', givenName: 'Ruby', familyName: null }), 'Ruby');
    assert.equal(infantDisplayName({ status: 'born', givenName: null, familyName: null }), 'Baby (name not known)');
  });
});
