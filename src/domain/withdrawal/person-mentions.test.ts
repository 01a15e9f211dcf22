import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mentionsOf, redactMentions, redactMentionsInJson, WITHDRAWN_PERSON_WORDS as GONE } from './person-mentions.ts';

const ryan = { givenName: 'Ryan', familyName: 'Cole', nhsNumber: '9434765919', address: '4 Mill Lane' };
const family = [
  { givenName: 'Oliwia', familyName: 'Nowak', address: '12 Canal Street' },
  { givenName: 'Agnieszka', familyName: 'Nowak', address: '12 Canal Street' },
];

describe('what names a person withdrawn from a record', () => {
  it('is their full name, each of their names, their NHS number as stored and as written, and an address of theirs alone, longest first', () => {
    assert.deepEqual(mentionsOf(ryan, family), ['943 476 5919', '4 Mill Lane', '9434765919', 'Ryan Cole', 'Ryan', 'Cole']);
  });

  it('is not a name the baby or someone staying also has, nor an address they share, nor a name or number not known', () => {
    const piotr = { givenName: 'Piotr', familyName: 'Nowak', nhsNumber: null, address: '12 canal street' };
    assert.deepEqual(mentionsOf(piotr, family), ['Piotr Nowak', 'Piotr']);
    assert.deepEqual(mentionsOf({ givenName: null, familyName: 'Cole', nhsNumber: null, address: null }, family), ['Cole']);
    assert.deepEqual(mentionsOf({ givenName: 'J', familyName: null, nhsNumber: null, address: ' ' }, family), []);
  });
});

describe('redacting the mentions of a withdrawn person', () => {
  const mentions = mentionsOf(ryan, family);

  it('replaces each whole-word mention, in any case, keeping the sentence about the baby', () => {
    assert.equal(redactMentions('Home visit: Agnieszka quiet, Ryan answered for her. RYAN COLE’s history unchecked.', mentions), `Home visit: Agnieszka quiet, ${GONE} answered for her. ${GONE}’s history unchecked.`);
    assert.equal(redactMentions('NHS number 943 476 5919 (9434765919), living at 4 Mill Lane', mentions), `NHS number ${GONE} (${GONE}), living at ${GONE}`);
  });

  it('leaves a word that only contains a name, and the names of those staying', () => {
    assert.equal(redactMentions('Coleslaw at Bryant’s; Agnieszka Nowak and Oliwia seen', mentions), 'Coleslaw at Bryant’s; Agnieszka Nowak and Oliwia seen');
    assert.equal(redactMentions('Piotr Nowak and Agnieszka Nowak', mentionsOf({ givenName: 'Piotr', familyName: 'Nowak', nhsNumber: null, address: null }, family)), `${GONE} and Agnieszka Nowak`);
  });

  it('never redacts someone staying whose name holds the person’s as a part: hyphenated, two given names, apostrophes', () => {
    const ann = { givenName: 'Ann', familyName: 'Brien', nhsNumber: null, address: null };
    // Mary-Ann and Ann Marie stay: "Ann" is theirs too, so only the full name is the person’s.
    assert.deepEqual(mentionsOf(ann, [{ givenName: 'Mary-Ann', familyName: 'Hart', address: null }]), ['Ann Brien', 'Brien']);
    assert.deepEqual(mentionsOf(ann, [{ givenName: 'Ann Marie', familyName: 'Hart', address: null }]), ['Ann Brien', 'Brien']);
    // A name nobody staying has is still never the part of a longer name in the text (a professional, a neighbour).
    const own = mentionsOf(ann, family);
    assert.equal(redactMentions('Mary-Ann and Ann-Louise seen by Dr O’Brien; Ann’s partner, ANN BRIEN, left', own), `Mary-Ann and Ann-Louise seen by Dr O’Brien; ${GONE}’s partner, ${GONE}, left`);
    assert.equal(redactMentions('Annabel, Joanne and Brienne', own), 'Annabel, Joanne and Brienne');
  });

  it('takes names with the characters of a pattern as they are', () => {
    const odd = mentionsOf({ givenName: 'J.(Jo)', familyName: 'Co+le*', nhsNumber: null, address: null }, family);
    assert.equal(redactMentions('Seen J.(Jo) Co+le* and JX(Jo) CoOle', odd), `Seen ${GONE} and JX(Jo) CoOle`);
  });

  it('redacts every string in stored JSON, keys and other values as they were', () => {
    const stored = { after: { detail: 'From Ryan Cole, her partner', status: 'present' }, evidenceAdded: [{ note: 'Police record on Cole', recordedAt: '2026-11-01' }], version: 3, seen: null };
    assert.deepEqual(redactMentionsInJson(stored, mentions), { after: { detail: `From ${GONE}, her partner`, status: 'present' }, evidenceAdded: [{ note: `Police record on ${GONE}`, recordedAt: '2026-11-01' }], version: 3, seen: null });
  });
});
