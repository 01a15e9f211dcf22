import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { inputValue, qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { receiptDueOn } from '../../../domain/transfer/transfer-rules.ts';
import { formatDate } from '../../views/london-time.ts';

describe('the transfer page (a family moving to another area)', () => {
  let t: TestApp;
  let caseId: string;
  let lead: WebClient;
  let member: WebClient;
  let outsider: WebClient;

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'health-visiting', 'Southby Health Visiting');
    const leadUser = await makeUser(t.ctx, { organisationId: org.id, name: 'Lena Lead' });
    const memberUser = await makeUser(t.ctx, { organisationId: org.id });
    const outsiderUser = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'police')).id });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Mover', teamUserIds: [leadUser.id, memberUser.id] }));
    await makePerson(t.ctx, caseId, { given_name: 'Zoë', family_name: 'Mover' });
    [lead, member, outsider] = await Promise.all([WebClient.signedIn(t.app, leadUser), WebClient.signedIn(t.app, memberUser), WebClient.signedIn(t.app, outsiderUser)]);
  });
  after(async () => t.close());

  const url = () => `/cases/${caseId}/transfer`;

  it('links from the case page and offers the form only to the lead professional', async () => {
    assert.match((await member.get(`/cases/${caseId}`)).body, new RegExp(`href="/cases/${caseId}/transfer" data-qa="open-transfer"`));
    assert.ok(qaElement((await lead.get(url())).body, 'close-for-transfer'));
    assert.match(textOf(qaElement((await member.get(url())).body, 'ask-lead')), /Only its lead professional can do it/);
    assert.equal((await outsider.get(url())).statusCode, 403);
  });

  it('keeps what was typed and says what to do when the area is empty, and refuses (audited) anyone but the lead', async () => {
    const blank = await lead.post(url(), { toArea: ' ', contact: 'Rita Receiver, duty team' });
    assert.equal(blank.statusCode, 400);
    assert.deepEqual(summaryErrors(blank.body), ['#toArea: Enter the area the family has moved to']);
    assert.match(blank.body, /Rita Receiver, duty team/);
    const refused = await member.post(url(), { toArea: 'Northshire County Council', contact: 'Rita' });
    assert.equal(refused.statusCode, 403);
    assert.match(summaryErrors(refused.body)[0] ?? '', /Only the lead professional/);
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'case.transfer').where('case_id', '=', caseId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.outcome), ['failure', 'denied']);
    assert.equal((await t.ctx.db.selectFrom('case_transfers').select('case_id').execute()).length, 0);
  });

  it('gives back the area and the contact whole when too long, each error saying the limit and how much was typed', async () => {
    const toArea = `${'n'.repeat(3500)} County`;
    const contact = 'r'.repeat(501);
    const refused = await lead.post(url(), { toArea, contact });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), ['#toArea: The area must be 200 characters or fewer: you have 3,507.']);
    assert.equal(inputValue(refused.body, 'toArea'), toArea);
    assert.ok(refused.body.includes(`>${contact}</textarea>`));
    const contactOnly = await lead.post(url(), { toArea: 'Northshire', contact });
    assert.deepEqual(summaryErrors(contactOnly.body), ['#contact: The contact must be 500 characters or fewer: you have 501.']);
    assert.equal((await t.ctx.db.selectFrom('case_transfers').select('case_id').execute()).length, 0);
  });

  it('closes the case for the lead: what was sent, to whom, when, the task due in 5 working days; then the receipt closes the task', async () => {
    const closed = await lead.post(url(), { toArea: 'Northshire County Council', contact: 'Rita Receiver, duty team, 01234 567890' });
    assert.equal(closed.statusCode, 303);
    const page = await lead.get(url());
    const sent = textOf(qaElement(page.body, 'transfer-sent'));
    assert.match(sent, /Northshire County Council.*Rita Receiver.*Lena Lead, Southby Health Visiting/s);
    assert.match(sent, /1 person/);
    assert.match(sent, new RegExp(`${formatDate(receiptDueOn(serviceToday(t.clock.now())))}\\s*Due`));
    assert.ok(qaElement(page.body, 'pack-print'));
    const again = await lead.post(url(), { toArea: 'Elsewhere', contact: 'x' });
    assert.equal(again.statusCode, 409);
    assert.match(summaryErrors(again.body)[0] ?? '', /closed for transfer already/);

    const pack = await lead.get(`/cases/${caseId}/print/transfer`);
    assert.equal(pack.statusCode, 200);
    assert.match(textOf(qaElement(pack.body, 'transfer-sent')), /Sent by Southby Health Visiting to Northshire County Council/);
    assert.match(pack.body, /OFFICIAL-SENSITIVE/);
    const pdf = await outsider.get(`/cases/${caseId}/print/transfer.pdf`);
    assert.equal(pdf.statusCode, t.ctx.config.chromiumPath ? 403 : 503);

    const blank = await lead.post(`${url()}/receipt`, { note: '' });
    assert.deepEqual(summaryErrors(blank.body), ['#note: Enter how the receiving area confirmed it has the pack']);
    const note = `Rita ${'c'.repeat(4000)}`;
    const tooLong = await lead.post(`${url()}/receipt`, { note });
    assert.deepEqual(summaryErrors(tooLong.body), ['#note: How receipt was confirmed must be 2,000 characters or fewer: you have 4,005.']);
    assert.ok(tooLong.body.includes(`>${note}</textarea>`));
    assert.equal((await lead.post(`${url()}/receipt`, { note: 'Rita confirmed by phone' })).statusCode, 303);
    assert.match(textOf(qaElement((await lead.get(url())).body, 'transfer-sent')), /Received.*Rita confirmed by phone/s);
  });
});
