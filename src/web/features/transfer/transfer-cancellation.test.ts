import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { caseWithLeadMemberManager } from '../../../../test/helpers/case-with-lead-member-manager.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import type { TestApp } from '../../../../test/helpers/test-app.ts';
import type { WebClient } from '../../../../test/helpers/web-client.ts';
import { CANCEL_REASON_LIMIT } from '../../../domain/transfer/cancel-transfer.ts';

// The cancel form on the transfer page (issue 21): offered to the lead professional and to a manager
// of the sending organisation, not to a team member; keeps what was typed on a slip; refuses (audited)
// a member who posts it anyway; once cancelled, the page says so and the case is open again, and the
// lead may close it for transfer again, the cancelled transfer kept below the new one.
describe('cancelling a transfer on its page', () => {
  let t: TestApp;
  let caseId: string;
  let lead: WebClient;
  let member: WebClient;
  let manager: WebClient;

  before(async () => {
    ({ t, caseId, lead, member, manager } = await caseWithLeadMemberManager('Southby Health Visiting', 'Mover'));
  });
  after(async () => t.close());

  const url = () => `/cases/${caseId}/transfer`;

  const packAudits = async () =>
    (await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'case.view').where('case_id', '=', caseId).orderBy('seq').execute())
      .filter((a) => (a.details as { print?: string }).print === 'transfer')
      .map((a) => `${a.outcome} ${(a.details as { reason?: string }).reason ?? ''}`.trim());

  it('offers the form only once sent, and to the lead and a manager of the sending organisation, not a member', async () => {
    assert.equal(qaElement((await lead.get(url())).body, 'cancel-transfer'), null);
    // Never closed for transfer: no pack to print, neither the link nor the page (refused, audited).
    assert.equal(qaElement((await lead.get(url())).body, 'pack-print'), null);
    const none = await lead.get(`/cases/${caseId}/print/transfer`);
    assert.equal(none.statusCode, 409);
    assert.match(none.body, /no transfer in force, so it has no transfer pack to print/);
    assert.deepEqual(await packAudits(), ['failure not-transferred']);
    assert.equal((await lead.post(url(), { toArea: 'Northshire County Council', contact: 'Rita Receiver, duty team' })).statusCode, 303);
    assert.ok(qaElement((await lead.get(url())).body, 'cancel-transfer'));
    assert.ok(qaElement((await manager.get(url())).body, 'cancel-transfer'));
    assert.equal(qaElement((await member.get(url())).body, 'cancel-transfer'), null);
  });

  it('keeps what was typed, whole, when the reason is too long, says the limit and how much was typed, and refuses a member (403), each audited', async () => {
    const long = `Refused ${'x'.repeat(CANCEL_REASON_LIMIT + 3000)}`;
    const slip = await lead.post(`${url()}/cancellation`, { reason: long });
    assert.equal(slip.statusCode, 400);
    assert.equal(CANCEL_REASON_LIMIT, 2000);
    assert.deepEqual(summaryErrors(slip.body), ['#reason: Why the transfer is cancelled must be 2,000 characters or fewer: you have 5,008.']);
    assert.ok(slip.body.includes(long));
    const refused = await member.post(`${url()}/cancellation`, { reason: 'Mine' });
    assert.equal(refused.statusCode, 403);
    assert.match(summaryErrors(refused.body)[0] ?? '', /Only the case’s lead professional, or a manager or safeguarding lead/);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'case.transfer-cancel').where('case_id', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.outcome), ['failure', 'denied']);
  });

  it('cancels: the page shows who, when and why, the case is open again, and a second cancel is a conflict', async () => {
    const done = await lead.post(`${url()}/cancellation`, { reason: 'Northshire refused it' });
    assert.equal(done.statusCode, 303);
    const page = await lead.get(url());
    assert.match(textOf(qaElement(page.body, 'transfer-sent')), /Cancelled.*Northshire refused it \(cancelled by Lena Lead/s);
    assert.ok(qaElement(page.body, 'open-again'));
    assert.equal(qaElement(page.body, 'record-receipt'), null);
    // The cancelled transfer's pack is not offered to print, and its page agrees (refused, audited), whoever asks.
    assert.equal(qaElement(page.body, 'pack-print'), null);
    assert.equal(qaElement((await manager.get(url())).body, 'pack-print'), null);
    const printed = await lead.get(`/cases/${caseId}/print/transfer`);
    assert.equal(printed.statusCode, 409);
    assert.match(printed.body, /href="\/cases\/[^"]+\/transfer"/);
    assert.equal((await member.get(`/cases/${caseId}/print/transfer`)).statusCode, 409);
    assert.deepEqual(await packAudits(), ['failure not-transferred', 'failure not-transferred', 'failure not-transferred']);
    const again = await lead.post(`${url()}/cancellation`, { reason: 'Again' });
    assert.equal(again.statusCode, 409);
    assert.match(summaryErrors(again.body)[0] ?? '', /not closed for transfer, so there is no transfer to cancel/);
  });

  it('offers the lead the close form again; the new transfer heads the page, the cancelled one below it', async () => {
    const cancelledPage = await lead.get(url());
    assert.ok(qaElement(cancelledPage.body, 'close-for-transfer'));
    assert.match(cancelledPage.body, /Close this case for transfer again/);
    assert.equal(qaElement((await member.get(url())).body, 'close-for-transfer'), null, 'only the lead');
    const slip = await lead.post(url(), { toArea: 'Eastshire Council', contact: '' });
    assert.equal(slip.statusCode, 400);
    assert.ok(slip.body.includes('Eastshire Council'), 'keeps what was typed');
    assert.equal((await lead.post(url(), { toArea: 'Eastshire Council', contact: 'Evan Eastshire, intake' })).statusCode, 303);
    const page = await lead.get(url());
    assert.match(textOf(qaElement(page.body, 'transfer-sent')), /Sent to\s*Eastshire Council.*Due/s);
    assert.ok(qaElement(page.body, 'record-receipt'));
    assert.ok(qaElement(page.body, 'pack-print'), 'the transfer in force has its pack to print');
    const pack = await lead.get(`/cases/${caseId}/print/transfer`);
    assert.equal(pack.statusCode, 200);
    assert.match(textOf(qaElement(pack.body, 'transfer-sent')), /to Eastshire Council/);
    assert.equal(qaElement(page.body, 'close-for-transfer'), null);
    assert.equal(qaElement(page.body, 'open-again'), null);
    assert.match(textOf(qaElement(page.body, 'transfer-earlier')), /Sent to\s*Northshire County Council.*Cancelled.*Northshire refused it \(cancelled by Lena Lead/s);
  });
});
