import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('team around the family', () => {
  let t: TestApp;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let member: Awaited<ReturnType<typeof makeUser>>;
  let newcomer: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const organisation = await makeOrganisation(t.ctx, 'health-visiting');
    lead = await makeUser(t.ctx, { organisationId: organisation.id, name: 'Lena Lead' });
    member = await makeUser(t.ctx, { name: 'Max Member' });
    newcomer = await makeUser(t.ctx, { name: 'Nia Newcomer' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id, member.id] }));
  });
  after(async () => t.close());

  it('lets the lead professional add a practitioner, who can then open the record', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(`/cases/${caseId}/team`);
    const response = await client.post(`/cases/${caseId}/team`, { email: newcomer.email, role: 'member' });
    assert.equal(response.statusCode, 303);
    assert.equal((await (await WebClient.signedIn(t.app, newcomer)).get(`/cases/${caseId}`)).statusCode, 200);
    const audit = await t.ctx.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'team.add').where('outcome', '=', 'success').execute();
    assert.deepEqual(audit, [{ subject_id: newcomer.id }]);
  });

  it('explains an unknown email or someone already in the team, keeping what was typed', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(`/cases/${caseId}/team`);
    const unknown = await client.post(`/cases/${caseId}/team`, { email: 'nobody@test.example', role: 'member' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /There is no active account with that email address/);
    assert.match(unknown.body, /value="nobody@test.example"/);
    const again = await client.post(`/cases/${caseId}/team`, { email: member.email, role: 'member' });
    assert.match(again.body, /Max Member is already in the team/);
  });

  it('makes the old lead professional a member when a new lead is named', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(`/cases/${caseId}/team`);
    await client.post(`/cases/${caseId}/team`, { email: member.email, role: 'lead-professional' });
    const roles = await t.ctx.db.selectFrom('case_team').select(['user_id', 'role']).where('case_id', '=', caseId).execute();
    assert.deepEqual(roles.filter((r) => r.role === 'lead-professional').map((r) => r.user_id), [member.id]);
    assert.equal(roles.find((r) => r.user_id === lead.id)?.role, 'member');
  });

  it('refuses a team member who is not the lead, and audits the refusal', async () => {
    const client = await WebClient.signedIn(t.app, newcomer);
    assert.equal((await client.get(`/cases/${caseId}/team`)).statusCode, 403);
    const outsider = await makeUser(t.ctx);
    const response = await client.post(`/cases/${caseId}/team`, { email: outsider.email, role: 'member' });
    assert.equal(response.statusCode, 403);
    const inTeam = await t.ctx.db.selectFrom('case_team').select('user_id').where('case_id', '=', caseId).where('user_id', '=', outsider.id).execute();
    assert.equal(inTeam.length, 0);
    const denied = await t.ctx.db.selectFrom('audit_log').select('actor_user_id').where('action', '=', 'team.add').where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied, [{ actor_user_id: newcomer.id }]);
  });

  it('shows the lead professional who has looked at the record, and refuses a team member', async () => {
    const asLead = await (await WebClient.signedIn(t.app, member)).get(`/cases/${caseId}/looks`);
    assert.equal(asLead.statusCode, 200);
    assert.match(asLead.body, /data-qa="looks"/);
    assert.match(asLead.body, /Nia Newcomer/);
    assert.match(asLead.body, /Opened the record/);
    assert.equal((await (await WebClient.signedIn(t.app, newcomer)).get(`/cases/${caseId}/looks`)).statusCode, 403);
  });
});
