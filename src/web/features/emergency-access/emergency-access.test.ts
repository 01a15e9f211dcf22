import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('emergency (break-glass) access', () => {
  let t: TestApp;
  let caseId: string;
  let outsider: Awaited<ReturnType<typeof makeUser>>;
  let outsiderLead: Awaited<ReturnType<typeof makeUser>>;
  let caseOrgLead: Awaited<ReturnType<typeof makeUser>>;
  let unrelatedLead: Awaited<ReturnType<typeof makeUser>>;

  before(async () => {
    t = await createTestApp({ env: { BREAK_GLASS_HOURS: '2' } });
    const police = await makeOrganisation(t.ctx, 'police');
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const lead = await makeUser(t.ctx, { organisationId: health.id });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Hidden', teamUserIds: [lead.id] }));
    outsider = await makeUser(t.ctx, { organisationId: police.id, name: 'Officer Outside' });
    outsiderLead = await makeUser(t.ctx, { organisationId: police.id, role: 'safeguarding-lead' });
    caseOrgLead = await makeUser(t.ctx, { organisationId: health.id, role: 'safeguarding-lead' });
    unrelatedLead = await makeUser(t.ctx, { role: 'safeguarding-lead' });
  });
  after(async () => t.close());

  it('asks for a real reason and keeps what was typed', async () => {
    const client = await WebClient.signedIn(t.app, outsider);
    await client.get(`/cases/${caseId}/emergency-access`);
    const response = await client.post(`/cases/${caseId}/emergency-access`, { reason: 'urgent' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Give the reason in at least 10 characters/);
    assert.match(response.body, />urgent</);
    assert.equal((await client.get(`/cases/${caseId}`)).statusCode, 403, 'still no access');
  });

  it('opens the record read-only with a reason, shows the banner, and audits the reason', async () => {
    const client = await WebClient.signedIn(t.app, outsider);
    await client.get(`/cases/${caseId}/emergency-access`);
    const response = await client.post(`/cases/${caseId}/emergency-access`, { reason: 'Police called to the address tonight, baby present' });
    assert.equal(response.statusCode, 303);
    const page = await client.get(`/cases/${caseId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-qa="break-glass-banner"/);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.break-glass').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(audit.details['reason'], 'Police called to the address tonight, baby present');
    const view = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.view').where('case_id', '=', caseId).where('outcome', '=', 'success').executeTakeFirstOrThrow();
    assert.equal(view.details['basis'], 'break-glass');
  });

  it("puts the access in the review queue of the user's own and the case's safeguarding leads only", async () => {
    for (const lead of [outsiderLead, caseOrgLead]) {
      const page = await (await WebClient.signedIn(t.app, lead)).get('/emergency-access');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Officer Outside/);
      assert.match(page.body, /Police called to the address tonight/);
    }
    const other = await (await WebClient.signedIn(t.app, unrelatedLead)).get('/emergency-access');
    assert.match(other.body, /data-qa="no-reviews"/);
  });

  it('refuses the review queue to a practitioner, and audits the refusal', async () => {
    const response = await (await WebClient.signedIn(t.app, outsider)).get('/emergency-access');
    assert.equal(response.statusCode, 403);
    const denied = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'break-glass.list').where('actor_user_id', '=', outsider.id).execute();
    assert.deepEqual(denied, [{ outcome: 'denied' }]);
  });

  it('records the review, which takes the item off the queue', async () => {
    const client = await WebClient.signedIn(t.app, caseOrgLead);
    const queue = await client.get('/emergency-access');
    const action = /action="(\/emergency-access\/[^"]+)"/.exec(queue.body)![1]!;
    const missing = await client.post(action, {});
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Select whether the emergency access was appropriate/);
    const done = await client.post(action, { outcome: 'appropriate', note: 'Spoke to the officer: justified.' });
    assert.equal(done.statusCode, 303);
    assert.match((await client.get('/emergency-access')).body, /data-qa="no-reviews"/);
    const row = await t.ctx.db.selectFrom('break_glass_access').select(['reviewed_by', 'review_note']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(row.reviewed_by, caseOrgLead.id);
    assert.match(row.review_note!, /^appropriate: Spoke to the officer/);
  });

  it('ends the access when the time runs out', async () => {
    const client = await WebClient.signedIn(t.app, outsider);
    t.clock.advanceMinutes(2 * 60);
    await client.signIn(outsider.email, outsider.password);
    assert.equal((await client.get(`/cases/${caseId}`)).statusCode, 403);
  });
});
