import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decidePersonConfirmation, decidePersonProposal, entriesOnlyAbout, PERSON_WITHDRAWAL_REFUSAL_MESSAGES } from './person-withdrawal.ts';
import type { WithdrawalRequester } from './withdrawal-rules.ts';

const lead: WithdrawalRequester = { userId: 'lead', role: 'practitioner', basis: 'lead-professional' };
const member: WithdrawalRequester = { userId: 'member', role: 'practitioner', basis: 'team-member' };
const manager: WithdrawalRequester = { userId: 'mgr', role: 'manager', basis: 'organisation-oversight' };
const safeguardingLead: WithdrawalRequester = { userId: 'sl', role: 'safeguarding-lead', basis: 'organisation-oversight' };
const waiting = { proposedBy: 'lead' };

describe('proposing to withdraw a person added to the wrong family', () => {
  it('is the lead professional’s, for a person on the case, with the reason trimmed', () => {
    assert.deepEqual(decidePersonProposal(lead, true, null, '  Belongs to the family next door  '), { ok: true, value: { reason: 'Belongs to the family next door' } });
  });

  it('is refused to anyone else before saying whether the person is on the case', () => {
    for (const who of [member, manager, safeguardingLead, { ...lead, basis: 'break-glass' as const }]) {
      assert.deepEqual(decidePersonProposal(who, false, null, 'Wrong family'), { ok: false, refusal: 'not-lead-professional' }, who.userId);
    }
  });

  it('is refused for a person not on the case, while a proposal waits, and without a reason', () => {
    assert.deepEqual(decidePersonProposal(lead, false, null, 'Wrong family'), { ok: false, refusal: 'not-on-case' });
    assert.deepEqual(decidePersonProposal(lead, true, waiting, 'Wrong family'), { ok: false, refusal: 'already-proposed' });
    assert.deepEqual(decidePersonProposal(lead, true, null, '  '), { ok: false, refusal: 'reason-missing' });
  });
});

describe('confirming the withdrawal of a person', () => {
  it('is a safeguarding lead’s or manager’s who oversees the case and did not propose it', () => {
    assert.deepEqual(decidePersonConfirmation(manager, true, waiting), { ok: true, value: null });
    assert.deepEqual(decidePersonConfirmation(safeguardingLead, true, waiting), { ok: true, value: null });
  });

  it('is refused to the proposer, whatever their role, and to a practitioner or emergency access', () => {
    assert.deepEqual(decidePersonConfirmation({ ...manager, userId: 'lead' }, true, waiting), { ok: false, refusal: 'same-person' });
    assert.deepEqual(decidePersonConfirmation(member, true, waiting), { ok: false, refusal: 'not-entitled' });
    assert.deepEqual(decidePersonConfirmation({ ...manager, basis: 'break-glass' }, true, waiting), { ok: false, refusal: 'not-entitled' });
  });

  it('tells only those entitled that the person is not on the case, or that nothing was proposed', () => {
    assert.deepEqual(decidePersonConfirmation(member, false, null), { ok: false, refusal: 'not-entitled' });
    assert.deepEqual(decidePersonConfirmation(manager, false, null), { ok: false, refusal: 'not-on-case' });
    assert.deepEqual(decidePersonConfirmation(manager, true, null), { ok: false, refusal: 'no-proposal' });
  });

  it('has words for every refusal, each saying what to do or what is wrong', () => {
    for (const message of Object.values(PERSON_WITHDRAWAL_REFUSAL_MESSAGES)) assert.match(message, /^[A-Z].{10,}/);
    assert.match(PERSON_WITHDRAWAL_REFUSAL_MESSAGES['reason-too-long'], /2000 characters/);
  });
});

describe('the entries only about a person withdrawn', () => {
  const entry = (id: string, people: Partial<Record<'personIds' | 'presentIds' | 'victimIds' | 'perpetratorIds', string[]>> & { indicates?: { factorId: 'mental-health'; personId?: string }[]; corrects?: string } = {}) => ({
    id,
    personIds: people.personIds ?? [],
    presentIds: people.presentIds ?? [],
    victimIds: people.victimIds ?? [],
    perpetratorIds: people.perpetratorIds ?? [],
    indicates: people.indicates ?? [],
    ...(people.corrects ? { corrects: people.corrects } : {}),
  });

  it('takes an entry about them alone, in any role it names them', () => {
    const entries = [
      entry('about', { personIds: ['p'] }),
      entry('present', { presentIds: ['p'] }),
      entry('harmed', { victimIds: ['p'] }),
      entry('harming', { perpetratorIds: ['p'] }),
      entry('their-factor', { indicates: [{ factorId: 'mental-health', personId: 'p' }] }),
    ];
    assert.deepEqual(entriesOnlyAbout(entries, 'p'), ['about', 'present', 'harmed', 'harming', 'their-factor']);
  });

  it('leaves an entry that names someone else too, or nobody (about the baby), or only someone else', () => {
    const entries = [
      entry('both', { personIds: ['p', 'q'] }),
      entry('with-someone-present', { personIds: ['p'], presentIds: ['q'] }),
      entry('harmed-by-them', { victimIds: ['q'], perpetratorIds: ['p'] }),
      entry('baby', {}),
      entry('household-factor', { indicates: [{ factorId: 'mental-health' }] }),
      entry('other', { personIds: ['q'] }),
    ];
    assert.deepEqual(entriesOnlyAbout(entries, 'p'), []);
  });

  it('takes a thread with its corrections when every entry of it names only them, and leaves a thread whose correction names someone else', () => {
    const entries = [
      entry('first', { personIds: ['p'] }),
      entry('first-corrected', { personIds: ['p'], corrects: 'first' }),
      entry('first-corrected-again', { corrects: 'first-corrected' }),
      entry('misattributed', { personIds: ['p'] }),
      entry('reattributed', { personIds: ['q'], corrects: 'misattributed' }),
    ];
    assert.deepEqual(entriesOnlyAbout(entries, 'p'), ['first', 'first-corrected', 'first-corrected-again']);
  });

  it('leaves a thread of corrections that never names them', () => {
    assert.deepEqual(entriesOnlyAbout([entry('a'), entry('b', { corrects: 'a' })], 'p'), []);
  });
});
