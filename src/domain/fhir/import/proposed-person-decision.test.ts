import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BABY_NHS, OTHER_NHS } from './fhir.test-support.ts';
import { decideProposal, personFromProposal, type StoredProposal } from './proposed-person-decision.ts';

const TODAY = '2026-11-22';
const joy: StoredProposal = { givenName: 'Joy', familyName: 'SMITH', relationshipAsSent: 'wife', sex: 'female', dateOfBirth: '1990-05-01', nhsNumber: OTHER_NHS, decision: null };
const people = [{ id: 'p-with', nhsNumber: OTHER_NHS }, { id: 'p-other', nhsNumber: BABY_NHS }, { id: 'p-none', nhsNumber: null }];

describe('deciding about a person a FHIR import proposed', () => {
  describe('add as a new person', () => {
    it('adds them with what was sent and the relationship the practitioner chose, assuming nothing else', () => {
      const effect = decideProposal(joy, { decision: 'new-person', relationshipToInfant: 'mother' }, [], TODAY);
      assert.ok(effect.ok && effect.decision === 'new-person');
      assert.deepEqual(
        [effect.person.givenName, effect.person.familyName, effect.person.identityKnown, effect.person.relationshipToInfant, effect.person.dateOfBirth, effect.person.nhsNumber, effect.person.sex],
        ['Joy', 'SMITH', true, 'mother', '1990-05-01', OTHER_NHS, 'female'],
      );
      assert.deepEqual([effect.person.livesInHousehold, effect.person.caresForInfant, effect.person.parentalResponsibility, effect.person.address], [false, false, null, null]);
    });
    it('adds a person a merged transfer proposed as the other area recorded them, with the relationship chosen here', () => {
      const sent = { givenName: 'Sam', familyName: 'Partner', identityKnown: true, description: null, relationshipToInfant: 'mothers-partner', dateOfBirth: '1988-02-03', nhsNumber: null, sex: 'male' as const, livesInHousehold: true, caresForInfant: true, visitsRegularly: false, parentalResponsibility: 'not-known' as const, paternityConfirmed: null, deceased: false, address: '1 High Street', addressRestricted: false };
      const proposal: StoredProposal = { givenName: 'Sam', familyName: 'Partner', relationshipAsSent: "mother's partner", sex: 'male', dateOfBirth: '1988-02-03', nhsNumber: null, decision: null, sentInTransfer: sent };
      const effect = decideProposal(proposal, { decision: 'new-person', relationshipToInfant: 'father' }, people, TODAY);
      assert.deepEqual(effect, { ok: true, decision: 'new-person', person: { ...sent, relationshipToInfant: 'father' } });
      assert.deepEqual(decideProposal({ ...proposal, sentInTransfer: { ...sent, dateOfBirth: '2026-11-23' } }, { decision: 'new-person', relationshipToInfant: 'father' }, [], TODAY), { ok: false, problem: 'details-refused' }, 'checked as any person');
      assert.equal(personFromProposal({ ...proposal, sentInTransfer: null }, 'father').livesInHousehold, false, 'without what was sent, nothing assumed');
    });
    it('takes a relationship not known: the practitioner may not know it yet', () => {
      assert.equal(decideProposal(joy, { decision: 'new-person', relationshipToInfant: 'unknown' }, [], TODAY).ok, true);
    });
    it('refuses to add a second person with an NHS number already recorded around the baby', () => {
      assert.deepEqual(decideProposal(joy, { decision: 'new-person', relationshipToInfant: 'mother' }, people, TODAY), { ok: false, problem: 'nhs-number-recorded' });
      assert.equal(decideProposal({ ...joy, nhsNumber: null }, { decision: 'new-person', relationshipToInfant: 'mother' }, people, TODAY).ok, true);
    });
    it('refuses a relationship that is not on the list', () => {
      assert.deepEqual(decideProposal(joy, { decision: 'new-person', relationshipToInfant: 'wife' }, people, TODAY), { ok: false, problem: 'relationship-unknown' });
      assert.deepEqual(decideProposal(joy, { decision: 'new-person', relationshipToInfant: '' }, people, TODAY), { ok: false, problem: 'relationship-unknown' });
    });
    it('refuses details the record cannot take (a date of birth after today)', () => {
      assert.deepEqual(decideProposal({ ...joy, dateOfBirth: '2026-11-23' }, { decision: 'new-person', relationshipToInfant: 'mother' }, [], TODAY), { ok: false, problem: 'details-refused' });
      assert.deepEqual(decideProposal({ ...joy, dateOfBirth: '1026-03-17' }, { decision: 'new-person', relationshipToInfant: 'mother' }, [], TODAY), { ok: false, problem: 'details-refused' }, 'a year before 1900');
      assert.equal(decideProposal({ ...joy, dateOfBirth: TODAY }, { decision: 'new-person', relationshipToInfant: 'mother' }, [], TODAY).ok, true);
    });
    it('describes someone sent without a name by the relationship as sent, so they are never left blank', () => {
      const person = personFromProposal({ ...joy, givenName: null, familyName: null }, 'unknown');
      assert.deepEqual([person.identityKnown, person.description], [false, 'Named by another agency as wife, name not sent']);
      assert.equal(personFromProposal({ ...joy, givenName: null, familyName: null, relationshipAsSent: null }, 'unknown').description, 'Named by another agency as someone around the baby, name not sent');
      assert.equal(personFromProposal({ ...joy, givenName: null }, 'mother').identityKnown, true);
    });
  });

  describe('this is a person already recorded', () => {
    it('matches a person with the same NHS number, recording nothing new', () => {
      assert.deepEqual(decideProposal(joy, { decision: 'same-person', personId: 'p-with' }, people, TODAY), { ok: true, decision: 'same-person', personId: 'p-with', nhsNumberToRecord: null });
    });
    it('records the NHS number sent for a person recorded without one, so the next import finds them', () => {
      assert.deepEqual(decideProposal(joy, { decision: 'same-person', personId: 'p-none' }, people, TODAY), { ok: true, decision: 'same-person', personId: 'p-none', nhsNumberToRecord: OTHER_NHS });
    });
    it('matches when the proposal has no NHS number, recording none', () => {
      assert.deepEqual(decideProposal({ ...joy, nhsNumber: null }, { decision: 'same-person', personId: 'p-none' }, people, TODAY), { ok: true, decision: 'same-person', personId: 'p-none', nhsNumberToRecord: null });
      assert.deepEqual(decideProposal({ ...joy, nhsNumber: null }, { decision: 'same-person', personId: 'p-other' }, people, TODAY), { ok: true, decision: 'same-person', personId: 'p-other', nhsNumberToRecord: null });
    });
    it('refuses a person recorded with a different NHS number', () => {
      assert.deepEqual(decideProposal(joy, { decision: 'same-person', personId: 'p-other' }, people, TODAY), { ok: false, problem: 'nhs-number-differs' });
    });
    it('refuses a person who is not on this record (another record’s id, or none)', () => {
      assert.deepEqual(decideProposal(joy, { decision: 'same-person', personId: 'someone-else' }, people, TODAY), { ok: false, problem: 'person-not-on-record' });
      assert.deepEqual(decideProposal(joy, { decision: 'same-person', personId: '' }, [], TODAY), { ok: false, problem: 'person-not-on-record' });
    });
  });

  it('not part of this family: nothing about them is recorded', () => {
    assert.deepEqual(decideProposal(joy, { decision: 'not-in-family' }, people, TODAY), { ok: true, decision: 'not-in-family' });
  });

  it('refuses any decision about a proposal already decided, whatever it is', () => {
    for (const decision of ['new-person', 'same-person', 'not-in-family'] as const) {
      const input = decision === 'new-person' ? { decision, relationshipToInfant: 'mother' } : decision === 'same-person' ? { decision, personId: 'p-with' } : { decision };
      assert.deepEqual(decideProposal({ ...joy, decision }, input, people, TODAY), { ok: false, problem: 'already-decided' });
    }
  });
});
