import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('the legal hold pages', () => {
  let t: TestApp;
  let caseId: string;
  let orgId: string;
  let lead: WebClient;
  let practitioner: WebClient;
  let admin: WebClient;

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'childrens-social-care', 'Holds Council');
    orgId = org.id;
    const leadUser = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: org.id, name: 'Hilda Holder' });
    const practitionerUser = await makeUser(t.ctx, { organisationId: org.id });
    const adminUser = await makeUser(t.ctx, { role: 'admin' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Holdpage', teamUserIds: [leadUser.id, practitionerUser.id] }));
    [lead, practitioner, admin] = await Promise.all([WebClient.signedIn(t.app, leadUser), WebClient.signedIn(t.app, practitionerUser), WebClient.signedIn(t.app, adminUser)]);
  });
  after(async () => t.close());

  const holds = async () => t.ctx.db.selectFrom('legal_holds').selectAll().orderBy('set_at').execute();
  const lastAudit = async (action: string) => t.ctx.db.selectFrom('audit_log').select(['outcome', 'details', 'subject_type']).where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('show the disposal date and why on the case page, linked to the holds page', async () => {
    const page = await practitioner.get(`/cases/${caseId}`);
    assert.equal(textOf(qaElement(page.body, 'disposal-date')), 'This record may be disposed of from 1 October 2051. Records about a child are kept until the 25th birthday.');
    assert.match(page.body, new RegExp(`href="/cases/${caseId}/holds" data-qa="open-holds"`));
  });

  it('tell a practitioner to ask their safeguarding lead, and refuse and audit a hold they post', async () => {
    const page = await practitioner.get(`/cases/${caseId}/holds`);
    assert.equal(page.statusCode, 200);
    assert.equal(textOf(qaElement(page.body, 'no-holds')), 'No legal hold has been set on this record.');
    assert.match(textOf(qaElement(page.body, 'ask-lead')), /Ask your safeguarding lead/);
    assert.doesNotMatch(page.body, /name="reason"/);
    const refused = await practitioner.post(`/cases/${caseId}/holds`, { reason: 'Inquiry' });
    assert.equal(refused.statusCode, 403);
    assert.deepEqual(await holds(), []);
    const audit = await lastAudit('legal-hold.place');
    assert.deepEqual([audit.outcome, audit.details], ['denied', { reason: 'role' }]);
  });

  it('let a safeguarding lead set a hold with a reason, keeping what was typed when there is none', async () => {
    const empty = await lead.post(`/cases/${caseId}/holds`, { reason: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryErrors(empty.body), ['#reason: Enter why the records are held, such as the review, inquiry or claim and who asked']);
    assert.equal((await lastAudit('legal-hold.place')).outcome, 'failure');
    const reason = `Review ${'r'.repeat(4500)}`;
    const tooLong = await lead.post(`/cases/${caseId}/holds`, { reason });
    assert.equal(tooLong.statusCode, 400);
    assert.deepEqual(summaryErrors(tooLong.body), ['#reason: The reason must be 2,000 characters or fewer: you have 4,507.']);
    assert.ok(tooLong.body.includes(`>${reason}</textarea>`), 'the reason comes back whole');
    const set = await lead.post(`/cases/${caseId}/holds`, { reason: 'Child safeguarding practice review of Holdpage' });
    assert.equal(set.statusCode, 303);
    const page = await lead.get(`/cases/${caseId}/holds`);
    assert.match(textOf(qaElement(page.body, 'hold')), /Standing: Child safeguarding practice review of Holdpage.*This case only.*Set by Hilda Holder/);
    assert.match(textOf(qaElement(page.body, 'held')), /Disposal is suspended: a legal hold stands on this record/);
    assert.equal((await lastAudit('legal-hold.place')).subject_type, 'legal-hold');
    const casePage = await practitioner.get(`/cases/${caseId}`);
    assert.ok(qaElement(casePage.body, 'held'), 'the case page says it is held');
  });

  it('let them lift it, keeping it as lifted', async () => {
    const [hold] = await holds();
    const lifted = await lead.post(`/cases/${caseId}/holds/${hold!.id}/lift`, {});
    assert.equal(lifted.statusCode, 303);
    const page = await lead.get(`/cases/${caseId}/holds`);
    assert.match(textOf(qaElement(page.body, 'hold')), /^Lifted: .*Lifted by Hilda Holder/);
    assert.equal(qaElement(page.body, 'held'), null);
    assert.equal((await lastAudit('legal-hold.lift')).outcome, 'success');
  });

  it('let an administrator hold every case a rule matches, and refuse a rule that names nothing', async () => {
    const page = await admin.get('/admin/legal-holds');
    assert.equal(page.statusCode, 200);
    assert.ok(qaElement(page.body, 'no-rule-holds'));
    const bad = await admin.post('/admin/legal-holds', { organisationId: '', bornFrom: '2020-02-30', bornTo: '', reason: 'Inquiry into Holds Council' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(summaryErrors(bad.body), ['#bornFrom: Born or due from must be a real date, such as 2026-01-31']);
    assert.match(bad.body, /Inquiry into Holds Council<\/textarea>/);
    assert.match(bad.body, /name="bornFrom"[^>]*value="2020-02-30"/);
    const reason = `Inquiry ${'i'.repeat(5000)}`;
    const tooLong = await admin.post('/admin/legal-holds', { organisationId: orgId, bornFrom: '', bornTo: '', reason });
    assert.deepEqual(summaryErrors(tooLong.body), ['#reason: The reason must be 2,000 characters or fewer: you have 5,008.']);
    assert.ok(tooLong.body.includes(`>${reason}</textarea>`), 'the reason comes back whole');
    const set = await admin.post('/admin/legal-holds', { organisationId: orgId, bornFrom: '', bornTo: '', reason: 'Inquiry into Holds Council' });
    assert.equal(set.statusCode, 303);
    const listed = await admin.get('/admin/legal-holds');
    assert.match(textOf(qaElements(listed.body, 'rule-hold')[0]!), /Standing: Inquiry into Holds Council.*Every case with Holds Council in the team.*Cases it matches now 1/);
    const casePage = await lead.get(`/cases/${caseId}/holds`);
    assert.match(textOf(qaElement(casePage.body, 'held')), /Every case with Holds Council in the team/);
    const rule = (await holds()).find((hold) => hold.case_id === null)!;
    assert.equal((await admin.post(`/admin/legal-holds/${rule.id}/lift`, {})).statusCode, 303);
    assert.equal(qaElement((await lead.get(`/cases/${caseId}/holds`)).body, 'held'), null);
  });

  it('keep the rule page from everyone but administrators', async () => {
    assert.equal((await lead.get('/admin/legal-holds')).statusCode, 403);
    assert.equal((await lead.post('/admin/legal-holds', { organisationId: orgId, reason: 'x' })).statusCode, 403);
    assert.equal((await lastAudit('legal-hold.place')).outcome, 'denied');
    assert.equal((await admin.get(`/cases/${caseId}/holds`)).statusCode, 403, 'an administrator does not read families’ records');
  });
});
