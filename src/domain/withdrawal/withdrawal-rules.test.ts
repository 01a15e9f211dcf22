import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideConfirmation, decideProposal, isSlip, mayPropose, WITHDRAWAL_REASON_LIMIT, type WithdrawalRequester } from './withdrawal-rules.ts';

const lead: WithdrawalRequester = { userId: 'lead', role: 'practitioner', basis: 'lead-professional' };
const member: WithdrawalRequester = { userId: 'member', role: 'practitioner', basis: 'team-member' };
const safeguardingLead: WithdrawalRequester = { userId: 'sl', role: 'safeguarding-lead', basis: 'organisation-oversight' };
const manager: WithdrawalRequester = { userId: 'mgr', role: 'manager', basis: 'organisation-oversight' };
const waiting = { proposedBy: 'lead' };

describe('proposing to withdraw a record made in error', () => {
  it('is the lead professional’s, with the reason trimmed', () => {
    assert.deepEqual(decideProposal(lead, null, '  Created for the wrong baby: twin B  '), { ok: true, value: { reason: 'Created for the wrong baby: twin B' } });
  });

  it('is refused to anyone else, oversight and emergency access included', () => {
    for (const who of [member, safeguardingLead, manager, { ...lead, basis: 'break-glass' as const }]) {
      assert.deepEqual(decideProposal(who, null, 'Wrong baby'), { ok: false, refusal: 'not-lead-professional' });
    }
  });

  it('is refused while a proposal waits', () => {
    assert.deepEqual(decideProposal(lead, waiting, 'Wrong baby'), { ok: false, refusal: 'already-proposed' });
  });

  it('is offered (before any reason is typed) to the lead professional only, while nothing waits', () => {
    assert.deepEqual(mayPropose(lead, null), { ok: true, value: null });
    assert.deepEqual(mayPropose(lead, waiting), { ok: false, refusal: 'already-proposed' });
    assert.deepEqual(mayPropose(manager, null), { ok: false, refusal: 'not-lead-professional' });
  });

  it('needs a reason, within the limit', () => {
    assert.deepEqual(decideProposal(lead, null, '   '), { ok: false, refusal: 'reason-missing' });
    assert.deepEqual(decideProposal(lead, null, undefined), { ok: false, refusal: 'reason-missing' });
    assert.equal(decideProposal(lead, null, 'x'.repeat(WITHDRAWAL_REASON_LIMIT)).ok, true);
    assert.deepEqual(decideProposal(lead, null, 'x'.repeat(WITHDRAWAL_REASON_LIMIT + 1)), { ok: false, refusal: 'reason-too-long' });
  });

  it('says which refusals are slips in the form, not refusals of the person', () => {
    assert.deepEqual(
      (['not-lead-professional', 'already-proposed', 'no-proposal', 'same-person', 'not-entitled', 'reason-missing', 'reason-too-long'] as const).filter(isSlip),
      ['reason-missing', 'reason-too-long'],
    );
  });
});

describe('confirming the withdrawal (the second person)', () => {
  it('is a safeguarding lead’s or a manager’s who oversees the case', () => {
    assert.deepEqual(decideConfirmation(safeguardingLead, waiting), { ok: true, value: null });
    assert.deepEqual(decideConfirmation(manager, waiting), { ok: true, value: null });
  });

  it('is a safeguarding lead’s who is the lead professional, when someone else proposed it', () => {
    assert.equal(decideConfirmation({ userId: 'sl', role: 'safeguarding-lead', basis: 'lead-professional' }, { proposedBy: 'earlier-lead' }).ok, true);
  });

  it('is refused to the person who proposed it, whatever their role', () => {
    assert.deepEqual(decideConfirmation({ ...safeguardingLead, userId: 'lead' }, waiting), { ok: false, refusal: 'same-person' });
    assert.deepEqual(decideConfirmation(lead, waiting), { ok: false, refusal: 'same-person' });
  });

  it('is refused to practitioners, and to a safeguarding lead on emergency access only', () => {
    assert.deepEqual(decideConfirmation(member, waiting), { ok: false, refusal: 'not-entitled' });
    assert.deepEqual(decideConfirmation({ ...lead, userId: 'other-lead' }, waiting), { ok: false, refusal: 'not-entitled' });
    assert.deepEqual(decideConfirmation({ ...safeguardingLead, basis: 'break-glass' }, waiting), { ok: false, refusal: 'not-entitled' });
  });

  it('is refused when nothing was proposed', () => {
    assert.deepEqual(decideConfirmation(safeguardingLead, null), { ok: false, refusal: 'no-proposal' });
    assert.deepEqual(decideConfirmation(manager, null), { ok: false, refusal: 'no-proposal' });
  });

  it('tells only those entitled whether anything was proposed', () => {
    assert.deepEqual(decideConfirmation(member, null), { ok: false, refusal: 'not-entitled' });
    assert.deepEqual(decideConfirmation({ ...safeguardingLead, basis: 'break-glass' }, null), { ok: false, refusal: 'not-entitled' });
  });
});
