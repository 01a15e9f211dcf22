import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { caseWithLeadMemberManager } from '../../../../test/helpers/case-with-lead-member-manager.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import type { TestApp } from '../../../../test/helpers/test-app.ts';
import type { WebClient } from '../../../../test/helpers/web-client.ts';

describe('the withdrawal pages (a record made in error)', () => {
  let t: TestApp;
  let caseId: string;
  let lead: WebClient;
  let member: WebClient;
  let manager: WebClient;

  before(async () => {
    ({ t, caseId, lead, member, manager } = await caseWithLeadMemberManager('Withdraw Health', 'Wrongpage'));
  });
  after(async () => t.close());

  const url = () => `/cases/${caseId}/withdrawal`;

  it('link from the case page, and offer the proposal only to the lead professional', async () => {
    assert.match((await member.get(`/cases/${caseId}`)).body, new RegExp(`href="/cases/${caseId}/withdrawal" data-qa="open-withdrawal"`));
    assert.ok(qaElement((await lead.get(url())).body, 'propose-withdrawal'));
    const forMember = await member.get(url());
    assert.equal(forMember.statusCode, 200);
    assert.match(textOf(qaElement(forMember.body, 'ask-lead')), /Only its lead professional can propose it/);
  });

  it('keep what was typed and say what to do when the reason is missing, and refuse (audited) a proposal by someone else', async () => {
    const blank = await lead.post(url(), { reason: '  ' });
    assert.equal(blank.statusCode, 400);
    assert.deepEqual(summaryErrors(blank.body), ['#reason: Enter why the record was made in error']);
    const refused = await member.post(url(), { reason: 'Wrong baby' });
    assert.equal(refused.statusCode, 403);
    assert.match(summaryErrors(refused.body)[0] ?? '', /Only the lead professional can propose/);
    assert.equal((await t.ctx.db.selectFrom('case_withdrawals').select('case_id').execute()).length, 0);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'case.withdrawal-propose').where('case_id', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.outcome), ['failure', 'denied']);
    const reason = `Wrong ${'x'.repeat(3500)}`;
    const tooLong = await lead.post(url(), { reason });
    assert.equal(tooLong.statusCode, 400);
    assert.deepEqual(summaryErrors(tooLong.body), ['#reason: Why the record was made in error must be 2,000 characters or fewer: you have 3,506.']);
    assert.ok(tooLong.body.includes(`>${reason}</textarea>`), 'the reason comes back whole, never cut');
  });

  it('take the proposal, refuse the proposer’s own confirmation, and on a manager’s confirmation remove the record and go home', async () => {
    const proposed = await lead.post(url(), { reason: 'Created for the wrong baby' });
    assert.equal(proposed.statusCode, 303);
    const page = await lead.get(url());
    assert.match(textOf(qaElement(page.body, 'withdrawal-proposal')), /Lena Lead.*Created for the wrong baby/s);
    assert.ok(qaElement(page.body, 'awaiting-confirmation'));
    const self = await lead.post(`${url()}/confirm`, {});
    assert.equal(self.statusCode, 403);
    assert.match(summaryErrors(self.body)[0] ?? '', /someone else must confirm it/);
    assert.ok(qaElement((await manager.get(url())).body, 'confirm-withdrawal'));
    const confirmed = await manager.post(`${url()}/confirm`, {});
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/');
    assert.match((await manager.get('/')).body, /The record made in error has been withdrawn and removed/);
    for (const client of [lead, member, manager]) {
      assert.equal((await client.get(`/cases/${caseId}`)).statusCode, 404);
      assert.equal((await client.get(url())).statusCode, 404);
    }
  });
});
