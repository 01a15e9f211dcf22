import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('profile history pages', () => {
  let t: TestApp;
  let caseId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  before(async () => {
    t = await createTestApp();
    lead = await makeUser(t.ctx, { name: 'Hana Visitor' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
  });
  after(async () => t.close());

  const alcohol = () => `/cases/${caseId}/profile/mum/alcohol-misuse`;

  it('says there is no history before anything is recorded', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(`/cases/${caseId}/profile/history`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'no-history')), /Nothing has been recorded in the profile yet/);
  });

  it('lists every version with who, what and why, and compares any two', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(alcohol());
    assert.equal((await client.post(alcohol(), { version: '0', status: 'excluded', evidenceNote: 'Says she does not drink', evidenceSource: 'carer-account' })).statusCode, 303);
    await client.get(alcohol());
    const second = await client.post(alcohol(), { version: '1', status: 'present', detail: 'Her sister says she drinks every evening', pattern: 'chaotic', evidenceNote: 'Sister: drinks every evening', evidenceSource: 'third-party', evidenceIndicates: 'present' });
    assert.equal(second.statusCode, 303);

    const history = await client.get(`/cases/${caseId}/profile/history`);
    assert.equal(history.statusCode, 200);
    const newest = textOf(qaElement(history.body, 'version-2'));
    assert.match(newest, /Sarah Hart: Alcohol misuse: Excluded to Present/);
    assert.match(newest, /Hana Visitor/);
    assert.match(newest, /Sister: drinks every evening/);
    assert.match(textOf(qaElement(history.body, 'version-1')), /Not yet assessed to Excluded/);

    const compared = await client.get(`/cases/${caseId}/profile/history/compare?from=0&to=2`);
    assert.equal(compared.statusCode, 200);
    const factors = textOf(qaElement(compared.body, 'factor-changes'));
    assert.match(factors, /Not yet assessed/);
    assert.match(factors, /What is known: Her sister says she drinks every evening/);
    assert.match(factors, /Says she does not drink/);
    assert.match(textOf(qaElement(compared.body, 'findings-raised')), /Substance use that is chaotic|chaotic/i);

    const step = await client.get(`/cases/${caseId}/profile/history/compare?from=2&to=1`);
    assert.match(textOf(qaElement(step.body, 'findings-cleared')), /excluded on the carer/i);
    assert.match(textOf(qaElement(step.body, 'findings-raised')), /Sources disagree/);
  });

  it('explains a comparison it cannot make, on the history page', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const same = await client.get(`/cases/${caseId}/profile/history/compare?from=1&to=1`);
    assert.equal(same.statusCode, 400);
    assert.deepEqual(summaryErrors(same.body), ['#to: Choose two different versions to compare']);
    const unknown = await client.get(`/cases/${caseId}/profile/history/compare?from=99&to=1`);
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /href="#from"/);
    const junk = await client.get(`/cases/${caseId}/profile/history/compare?from=abc`);
    assert.equal(junk.statusCode, 400);
  });

  it('refuses someone outside the team and does not find a case that does not exist', async () => {
    const outsider = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, outsider);
    assert.equal((await client.get(`/cases/${caseId}/profile/history`)).statusCode, 403);
    assert.equal((await client.get(`/cases/${caseId}/profile/history/compare?from=0&to=1`)).statusCode, 403);
    const own = await WebClient.signedIn(t.app, lead);
    assert.equal((await own.get('/cases/no-such-case/profile/history')).statusCode, 404);
    const refusals = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'profile.history-view').where('outcome', '=', 'denied').execute();
    assert.equal(refusals.length, 2);
  });
});
