import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CANCEL_REASON_LIMIT, cancelledTransferSummary, decideCancelTransfer, isCancelConflict, isCancelSlip, mayCancelTransfer, type Canceller, type TransferToCancel } from './cancel-transfer.ts';

const SENDER = 'org-sending';
const lead: Canceller = { basis: 'lead-professional', role: 'practitioner', organisationId: SENDER };
const manager: Canceller = { basis: 'organisation-oversight', role: 'manager', organisationId: SENDER };
const safeguardingLead: Canceller = { basis: 'organisation-oversight', role: 'safeguarding-lead', organisationId: SENDER };
const sent: TransferToCancel = { sentFromOrganisationId: SENDER, receiptConfirmed: false };

describe('cancelling a transfer', () => {
  it('lets the lead professional, and a manager or safeguarding lead of the sending organisation, cancel one not yet received', () => {
    for (const who of [lead, manager, safeguardingLead, { ...manager, basis: 'team-member' as const }]) {
      assert.deepEqual(decideCancelTransfer(who, sent, '  The area refused it: the family did not move  '), { ok: true, value: { reason: 'The area refused it: the family did not move' } });
    }
  });

  it('refuses a team member who is not the lead, a manager of another organisation, and break-glass access', () => {
    const refusals = [
      { basis: 'team-member', role: 'practitioner', organisationId: SENDER },
      { ...manager, organisationId: 'org-other' },
      { ...safeguardingLead, organisationId: 'org-other' },
      { basis: 'break-glass', role: 'manager', organisationId: SENDER },
      { basis: 'organisation-oversight', role: 'admin', organisationId: SENDER },
    ] as const;
    for (const who of refusals) assert.deepEqual(mayCancelTransfer(who, sent), { ok: false, refusal: 'not-lead-or-manager' }, JSON.stringify(who));
  });

  it('refuses when there is no transfer in force, or its receipt is confirmed', () => {
    assert.deepEqual(mayCancelTransfer(lead, null), { ok: false, refusal: 'not-transferred' });
    assert.deepEqual(mayCancelTransfer(manager, null), { ok: false, refusal: 'not-transferred' });
    assert.deepEqual(mayCancelTransfer(lead, { ...sent, receiptConfirmed: true }), { ok: false, refusal: 'receipt-confirmed-already' });
    assert.deepEqual(decideCancelTransfer(manager, { ...sent, receiptConfirmed: true }, 'Sent by mistake'), { ok: false, refusal: 'receipt-confirmed-already' });
  });

  it('needs a reason, within its limit', () => {
    assert.deepEqual(decideCancelTransfer(lead, sent, undefined), { ok: false, refusal: 'reason-missing' });
    assert.deepEqual(decideCancelTransfer(lead, sent, '   '), { ok: false, refusal: 'reason-missing' });
    assert.deepEqual(decideCancelTransfer(lead, sent, 'x'.repeat(CANCEL_REASON_LIMIT + 1)), { ok: false, refusal: 'reason-too-long' });
    assert.equal(decideCancelTransfer(lead, sent, 'x'.repeat(CANCEL_REASON_LIMIT)).ok, true);
  });

  it('asks who first: a refused requester is not told the transfer\'s state', () => {
    assert.deepEqual(decideCancelTransfer({ ...manager, organisationId: 'org-other' }, { ...sent, receiptConfirmed: true }, ''), { ok: false, refusal: 'not-lead-or-manager' });
  });

  it('sorts slips from conflicts, and says what the chronology records', () => {
    assert.deepEqual(['reason-missing', 'reason-too-long', 'not-transferred', 'receipt-confirmed-already', 'not-lead-or-manager'].map((r) => [isCancelSlip(r as never), isCancelConflict(r as never)]), [[true, false], [true, false], [false, true], [false, true], [false, false]]);
    assert.equal(cancelledTransferSummary('Northshire County Council', 'Sent by mistake'), 'Transfer to Northshire County Council cancelled; the case is open here again. Why: Sent by mistake');
  });
});
