import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftDisclosure, groundsFor, peopleConcerned, type FoundItem, type RedactionContext } from './redaction-rules.ts';

// Case c1: the baby Lily Hart; the requester is the mother, Sarah Hart; the father Tom Reed, the
// mother's partner Dan Hart (her brother-in-law's name: he shares her family name), a half-sibling
// Mia Reed. The officer works for Riverside Council (org-council).
const context: RedactionContext = {
  controller: { organisationId: 'org-council', name: 'Riverside Council' },
  requester: new Set(['c1/mother']),
  ownNames: ['Sarah', 'Hart', 'Lily'],
  people: [
    { key: 'c1/mother', names: ['Sarah', 'Hart'], child: false },
    { key: 'c1/father', names: ['Tom', 'Reed'], child: false },
    { key: 'c1/partner', names: ['Dan', 'Hart'], child: false },
    { key: 'c1/sibling', names: ['Mia', 'Reed'], child: true },
    { key: 'c1/unknown', names: [], child: false },
  ],
};

const council = { organisationId: 'org-council', name: 'Riverside Council' };
const police = { organisationId: 'org-police', name: 'Riverside Police' };

const entry = (overrides: Partial<FoundItem>): FoundItem => ({ key: 'entry:c1/e1', caseId: 'c1', section: 'chronology', heading: '3 November 2026: Home visit', text: 'Baby seen asleep in her cot.', aboutPeople: [], source: 'observed', agency: council, ...overrides });
const personItem = (key: string, text = 'Date of birth 1 May 1995'): FoundItem => ({ key: `person:${key}`, caseId: 'c1', section: 'people', heading: 'Someone', text, detailsOf: key, aboutPeople: [] });

describe('marking third-party information for redaction', () => {
  describe('another person’s details', () => {
    it('marks another adult’s details', () => {
      assert.deepEqual(groundsFor(personItem('c1/father'), context), ['other-adult']);
      assert.deepEqual(groundsFor(personItem('c1/unknown'), context), ['other-adult'], 'someone whose identity is not known is still someone else');
    });

    it('marks another child’s details', () => {
      assert.deepEqual(groundsFor(personItem('c1/sibling'), context), ['other-child']);
    });

    it('never marks the requester’s own details, even when they name someone else', () => {
      assert.deepEqual(groundsFor(personItem('c1/mother'), context), []);
      assert.deepEqual(groundsFor(personItem('c1/mother', 'Lives with Tom Reed'), context), []);
    });

    it('marks an entry about another adult, and one about the requester and another adult', () => {
      assert.deepEqual(groundsFor(entry({ aboutPeople: ['c1/father'] }), context), ['other-adult']);
      assert.deepEqual(groundsFor(entry({ aboutPeople: ['c1/mother', 'c1/father'] }), context), ['other-adult']);
    });

    it('does not mark an entry only about the requester, or about the baby (no one named)', () => {
      assert.deepEqual(groundsFor(entry({ aboutPeople: ['c1/mother'] }), context), []);
      assert.deepEqual(groundsFor(entry({}), context), []);
    });

    it('marks text that names another person by a given or family name of their own, in any case', () => {
      assert.deepEqual(groundsFor(entry({ text: 'Mother says tom has not visited.' }), context), ['other-adult']);
      assert.deepEqual(groundsFor(entry({ text: 'The Reed family were at the house.' }), context), ['other-adult', 'other-child']);
      assert.deepEqual(groundsFor(entry({ text: 'Mia was at school.' }), context), ['other-child']);
      assert.deepEqual(groundsFor(entry({ text: 'Tom’s car was outside.' }), context), ['other-adult'], 'a possessive');
      assert.deepEqual(groundsFor(entry({ text: 'A man called Gaz stays some nights.' }), context), [], 'an unknown adult has no name to find: the entry names him only if it is about him');
      assert.deepEqual(groundsFor(entry({ aboutPeople: ['c1/unknown'] }), context), ['other-adult']);
    });

    it('does not mark a name the requester or the baby also has: the shared family name alone', () => {
      assert.deepEqual(groundsFor(entry({ text: 'Ms Hart brought Lily to clinic.' }), context), []);
      assert.deepEqual(groundsFor(entry({ text: 'Dan Hart answered the door.' }), context), ['other-adult'], 'the partner’s given name is his own');
    });

    it('matches whole words only: a name inside another word is no name', () => {
      assert.deepEqual(groundsFor(entry({ text: 'Tomorrow’s appointment was rebooked; the reeds by the pond were cut.' }), context), [], 'reeds is not Reed, nor Tomorrow’s Tom');
    });
  });

  describe('someone who reported a concern', () => {
    it('marks what a relative, neighbour or other third party told a professional', () => {
      assert.deepEqual(groundsFor(entry({ source: 'third-party', text: 'A neighbour rang about shouting at night.' }), context), ['reporter']);
    });

    it('does not mark the carer’s own account, what was observed, or an agency’s record', () => {
      for (const source of ['carer-account', 'observed', 'agency-record', 'professional-judgement', undefined]) {
        assert.deepEqual(groundsFor(entry({ source }), context), [], String(source));
      }
    });
  });

  describe('information from another agency', () => {
    it('marks what another organisation recorded, by its id', () => {
      assert.deepEqual(groundsFor(entry({ agency: police }), context), ['other-agency']);
    });

    it('compares the name when only the agency’s name is kept (profile evidence)', () => {
      assert.deepEqual(groundsFor(entry({ agency: { name: 'Riverside Police' } }), context), ['other-agency']);
      assert.deepEqual(groundsFor(entry({ agency: { name: 'Riverside Council' } }), context), []);
    });

    it('does not mark the officer’s own organisation’s records, nor an item no agency recorded (a person’s details)', () => {
      assert.deepEqual(groundsFor(entry({ agency: council }), context), []);
      assert.deepEqual(groundsFor({ ...personItem('c1/mother') }, context), []);
    });
  });

  it('gives every ground that applies, in a fixed order', () => {
    const all = entry({ agency: police, source: 'third-party', aboutPeople: ['c1/father', 'c1/sibling'] });
    assert.deepEqual(groundsFor(all, context), ['other-adult', 'other-child', 'reporter', 'other-agency']);
  });

  it('takes the requester as the parent in the case the child’s request is about: the other parent is still a third party', () => {
    const throughFather: RedactionContext = { ...context, requester: new Set(['c1/father']), ownNames: ['Tom', 'Reed', 'Lily', 'Hart'] };
    assert.deepEqual(groundsFor(personItem('c1/father'), throughFather), []);
    assert.deepEqual(groundsFor(personItem('c1/mother'), throughFather), ['other-adult']);
    assert.deepEqual(groundsFor(entry({ text: 'Sarah was tearful.' }), throughFather), ['other-adult']);
    assert.deepEqual(groundsFor(entry({ text: 'Mia Reed was at school.' }), throughFather), ['other-child'], 'Mia is her own name; Reed is the requester’s too');
  });

  it('marks each item of a draft, leaving the unmarked ones to be disclosed as they are', () => {
    const draft = draftDisclosure([entry({}), entry({ key: 'entry:c1/e2', agency: police })], context);
    assert.deepEqual(draft.map((item) => [item.key, item.grounds]), [['entry:c1/e1', []], ['entry:c1/e2', ['other-agency']]]);
  });
});

describe('whom an item concerns, kept with it so a person withdrawn later can be taken out of a released disclosure', () => {
  const withOtherCase: RedactionContext = { ...context, people: [...context.people, { key: 'c2/lodger', names: ['Ezra', 'Quill'], child: false }] };

  it('is the person whose details it is, the people it is about and the people its words name, the requester among them', () => {
    assert.deepEqual(peopleConcerned(personItem('c1/mother'), withOtherCase), ['c1/mother']);
    assert.deepEqual(peopleConcerned(entry({ aboutPeople: ['c1/mother', 'c1/father'] }), withOtherCase), ['c1/mother', 'c1/father']);
    assert.deepEqual(peopleConcerned(entry({ text: 'Tom said Mia was at nursery' }), withOtherCase), ['c1/father', 'c1/sibling']);
    assert.deepEqual(peopleConcerned(entry({ aboutPeople: ['c1/father'], text: 'Tom came to the visit' }), withOtherCase), ['c1/father'], 'each once');
  });

  it('is no one for a name shared with the requester or the baby alone, nor someone in another case, nor a person whose identity is not known named only by words', () => {
    assert.deepEqual(peopleConcerned(entry({ text: 'Lily Hart weighed at clinic' }), withOtherCase), []);
    assert.deepEqual(peopleConcerned(entry({ text: 'Ezra Quill answered the door' }), withOtherCase), [], 'c2’s lodger is not in c1');
    assert.deepEqual(peopleConcerned(entry({ text: 'An unknown man was there' }), withOtherCase), []);
  });

  it('is kept on every item of a draft', () => {
    const draft = draftDisclosure([personItem('c1/father'), entry({ text: 'Baby well' })], context);
    assert.deepEqual(draft.map((item) => item.concerns), [['c1/father'], []]);
  });
});
