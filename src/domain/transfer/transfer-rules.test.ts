import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccessBasis } from '../access/case-access.ts';
import { decideReceipt, decideTransfer, isTransferConflict, isTransferSlip, mayConfirmReceipt, mayTransfer, receiptDueOn, receiptTaskState, TRANSFER_AREA_LIMIT, TRANSFER_CONTACT_LIMIT } from './transfer-rules.ts';

const form = { toArea: 'Northshire County Council', contact: 'Duty team, 01234 567890' };
const NOT_LEAD: readonly AccessBasis[] = ['team-member', 'organisation-oversight', 'break-glass'];

describe('the task to confirm receipt: due five working days after the pack is sent', () => {
  it('counts Monday to Friday from the next working day', () => {
    assert.equal(receiptDueOn('2026-11-24'), '2026-12-01'); // a Tuesday: the next Tuesday
    assert.equal(receiptDueOn('2026-11-27'), '2026-12-04'); // a Friday: the next Friday
  });
  it('skips a weekend when the pack is sent on it', () => {
    assert.equal(receiptDueOn('2026-11-28'), '2026-12-04'); // a Saturday
    assert.equal(receiptDueOn('2026-11-29'), '2026-12-04'); // a Sunday
  });
  it('skips bank holidays: Christmas with Boxing Day on a substitute Monday, and Easter', () => {
    assert.equal(receiptDueOn('2026-12-22'), '2026-12-31'); // 23, 24, then 29, 30, 31
    assert.equal(receiptDueOn('2027-03-25'), '2027-04-05'); // Good Friday and Easter Monday left out
    assert.equal(receiptDueOn('2027-08-27'), '2027-09-06'); // a Friday before the summer bank holiday: Tuesday is day 1
  });
  it('is done once recorded, due until its day ends, and overdue after it', () => {
    assert.equal(receiptTaskState({ dueOn: '2026-12-04', confirmed: false }, '2026-12-04'), 'due');
    assert.equal(receiptTaskState({ dueOn: '2026-12-04', confirmed: false }, '2026-12-05'), 'overdue');
    assert.equal(receiptTaskState({ dueOn: '2026-12-04', confirmed: true }, '2027-01-05'), 'done');
  });
});

describe('who may close a case for transfer', () => {
  it('the lead professional may, on a case not yet transferred, and the task is set', () => {
    assert.deepEqual(decideTransfer('lead-professional', null, { toArea: ' Northshire County Council ', contact: form.contact }, '2026-11-24'), {
      ok: true,
      value: { toArea: 'Northshire County Council', contact: form.contact, receiptDueOn: '2026-12-01' },
    });
    assert.equal(mayTransfer('lead-professional', null).ok, true);
  });
  for (const basis of NOT_LEAD) {
    it(`refuses ${basis}: only the lead professional closes the case`, () => {
      assert.deepEqual(decideTransfer(basis, null, form, '2026-11-24'), { ok: false, refusal: 'not-lead-professional' });
      assert.deepEqual(mayTransfer(basis, null), { ok: false, refusal: 'not-lead-professional' });
    });
  }
  it('refuses a case closed for transfer already, whether or not its receipt is confirmed', () => {
    for (const receiptConfirmed of [false, true]) assert.deepEqual(decideTransfer('lead-professional', { receiptConfirmed, cancelled: false }, form, '2026-11-24'), { ok: false, refusal: 'already-transferred' });
  });
  it('lets the lead close it again once its transfer was cancelled, and still refuses anyone else', () => {
    const cancelled = { receiptConfirmed: false, cancelled: true };
    assert.deepEqual(decideTransfer('lead-professional', cancelled, form, '2026-11-27'), { ok: true, value: { ...form, receiptDueOn: '2026-12-04' } });
    assert.equal(mayTransfer('lead-professional', cancelled).ok, true);
    for (const basis of NOT_LEAD) assert.deepEqual(mayTransfer(basis, cancelled), { ok: false, refusal: 'not-lead-professional' });
  });
  it('decides who is asking before the form, so nobody else learns what is wrong with it', () => {
    assert.deepEqual(decideTransfer('team-member', { receiptConfirmed: false, cancelled: false }, { toArea: '' }, '2026-11-24'), { ok: false, refusal: 'not-lead-professional' });
  });
  it('refuses an empty or blank area and contact, and ones too long', () => {
    assert.deepEqual(decideTransfer('lead-professional', null, { contact: form.contact }, '2026-11-24'), { ok: false, refusal: 'area-missing' });
    assert.deepEqual(decideTransfer('lead-professional', null, { toArea: '   ', contact: form.contact }, '2026-11-24'), { ok: false, refusal: 'area-missing' });
    assert.deepEqual(decideTransfer('lead-professional', null, { toArea: 'x'.repeat(TRANSFER_AREA_LIMIT + 1), contact: form.contact }, '2026-11-24'), { ok: false, refusal: 'area-too-long' });
    assert.deepEqual(decideTransfer('lead-professional', null, { toArea: form.toArea, contact: ' ' }, '2026-11-24'), { ok: false, refusal: 'contact-missing' });
    assert.deepEqual(decideTransfer('lead-professional', null, { toArea: form.toArea, contact: 'x'.repeat(TRANSFER_CONTACT_LIMIT + 1) }, '2026-11-24'), { ok: false, refusal: 'contact-too-long' });
    assert.equal(decideTransfer('lead-professional', null, { toArea: 'x'.repeat(TRANSFER_AREA_LIMIT), contact: form.contact }, '2026-11-24').ok, true);
  });
  it('tells slips (failures) from refusals (denied) and conflicts', () => {
    assert.equal(isTransferSlip('area-missing'), true);
    assert.equal(isTransferSlip('not-lead-professional'), false);
    assert.equal(isTransferConflict('already-transferred'), true);
    assert.equal(isTransferConflict('not-lead-professional'), false);
  });
});

describe('recording the receipt', () => {
  it('the lead professional records it, with how it was confirmed, once', () => {
    assert.deepEqual(decideReceipt('lead-professional', { receiptConfirmed: false, cancelled: false }, ' Phoned the duty team: they have it '), { ok: true, value: { note: 'Phoned the duty team: they have it' } });
    assert.deepEqual(decideReceipt('lead-professional', { receiptConfirmed: true, cancelled: false }, 'Again'), { ok: false, refusal: 'receipt-confirmed-already' });
    assert.deepEqual(decideReceipt('lead-professional', { receiptConfirmed: false, cancelled: false }, ''), { ok: false, refusal: 'note-missing' });
  });
  it('refuses anyone else, and a case never transferred', () => {
    for (const basis of NOT_LEAD) assert.deepEqual(mayConfirmReceipt(basis, { receiptConfirmed: false, cancelled: false }), { ok: false, refusal: 'not-lead-professional' });
    assert.deepEqual(decideReceipt('lead-professional', null, 'Phoned'), { ok: false, refusal: 'not-transferred' });
  });
  it('refuses a cancelled transfer: it has no receipt to record', () => {
    assert.deepEqual(decideReceipt('lead-professional', { receiptConfirmed: false, cancelled: true }, 'Phoned'), { ok: false, refusal: 'not-transferred' });
    assert.deepEqual(mayConfirmReceipt('lead-professional', { receiptConfirmed: false, cancelled: true }), { ok: false, refusal: 'not-transferred' });
  });
});
