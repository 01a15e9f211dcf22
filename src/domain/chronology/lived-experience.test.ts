import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { livedExperienceOf, livedExperienceOfEntry } from './lived-experience.ts';

const contact = {
  form: 'contact',
  babySeen: true,
  notSeenReason: null,
  awakeOrAsleep: 'awake',
  interaction: 'Mum held him close and talked to him',
  dressed: ' Clean, warm enough ',
  demeanour: 'Alert',
  whereKept: 'In a bouncer',
  unknownAdult: null,
  siblingsSaid: 'Mia said she helps feed him',
  stressPointsReviewed: null,
};

describe("the baby's lived experience from a contact's details", () => {
  it('reads every answer given, trimmed', () => {
    assert.deepEqual(livedExperienceOf(contact), {
      awakeOrAsleep: 'awake',
      interaction: 'Mum held him close and talked to him',
      dressed: 'Clean, warm enough',
      demeanour: 'Alert',
      whereKept: 'In a bouncer',
      siblingsSaid: 'Mia said she helps feed him',
    });
    assert.deepEqual(livedExperienceOfEntry(contact), { livedExperience: livedExperienceOf(contact) });
  });

  it('leaves out what was not asked or left empty: the baby not seen, only what the siblings said', () => {
    const notSeen = { ...contact, babySeen: false, awakeOrAsleep: null, interaction: null, dressed: null, demeanour: '  ', whereKept: null };
    assert.deepEqual(livedExperienceOf(notSeen), { siblingsSaid: 'Mia said she helps feed him' });
  });

  it('is nothing when nothing was said, and for anything but the contact form', () => {
    const empty = { ...contact, awakeOrAsleep: null, interaction: null, dressed: null, demeanour: null, whereKept: null, siblingsSaid: null };
    assert.equal(livedExperienceOf(empty), undefined);
    assert.deepEqual(livedExperienceOfEntry(empty), {});
    // An agency's details may hold the same words, but never the contact form's mark.
    assert.equal(livedExperienceOf({ ...contact, form: undefined }), undefined);
    assert.equal(livedExperienceOf({ ...contact, form: 'plan-checks' }), undefined);
    assert.equal(livedExperienceOf(null), undefined);
    assert.equal(livedExperienceOf({ ...empty, awakeOrAsleep: 'dozing', interaction: 42 }), undefined);
  });
});
