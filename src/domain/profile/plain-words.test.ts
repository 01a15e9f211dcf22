import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evidenceGiver, listInWords, pronounsOf, rationaleFrom, relationshipInWords } from './plain-words.ts';
import { carerSays, familySays, record, seen } from './profile.test-support.ts';

describe('plain words', () => {
  it('list things the way people say them', () => {
    assert.equal(listInWords([]), '');
    assert.equal(listInWords(['a']), 'a');
    assert.equal(listInWords(['a', 'b', 'c']), 'a, b and c');
  });

  it('name who evidence came from', () => {
    assert.equal(evidenceGiver(familySays('present', 'x', { givenBy: 'her sister' })), 'her sister');
    assert.equal(evidenceGiver(familySays('present')), 'a third party');
    assert.equal(evidenceGiver(record('present')), 'a record from Police');
    assert.equal(evidenceGiver(seen('present')), 'an observation by Health visiting');
    assert.equal(evidenceGiver(carerSays('absent')), "a carer's account");
  });

  it('use she, he or they', () => {
    assert.equal(pronounsOf({ sex: 'female' }).possessive, 'her');
    assert.equal(pronounsOf({ sex: 'male' }).subject, 'he');
    assert.equal(pronounsOf({ sex: null }).subject, 'they');
    assert.equal(pronounsOf(undefined).plural, true);
  });

  it('say relationships in lower case', () => {
    assert.equal(relationshipInWords('mothers-partner'), "mother's partner");
    assert.equal(relationshipInWords('cousin'), 'relationship not known');
  });

  it('make one line from many facts', () => {
    assert.equal(rationaleFrom(['one thing']), 'One thing.');
    assert.equal(rationaleFrom(['a', 'b', 'c', 'd']), 'A; b; and 2 more.');
    assert.equal(rationaleFrom([]), '');
  });
});
