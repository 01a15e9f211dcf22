import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('level proposals API', () => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    const lead = await makeUser(t.ctx, { name: 'Hana Visitor' });
    const gp = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'gp')).id, name: 'Dr Gee' });
    const outsider = await makeUser(t.ctx);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id, gp.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
    for (const [name, user] of Object.entries({ lead, gp, outsider })) tokens[name] = await apiTokenFor(t.ctx, user.email);
    tokens['gpRead'] = await apiTokenFor(t.ctx, gp.email, ['read']);
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/cases/${caseId}${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const code = (response: { json(): unknown }) => (response.json() as { error: { code: string } }).error.code;

  it('lets the GP propose early help with 201, once while it is open, and refuses the lead, who may change it', async () => {
    const created = await call('gp', 'POST', '/level-proposals', { level: 'early-help', reason: 'Mum missed two appointments' });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json<{ id: string }>();
    assert.ok(id);
    const again = await call('gp', 'POST', '/level-proposals', { level: 'child-in-need', reason: 'More' });
    assert.deepEqual([again.statusCode, code(again)], [409, 'proposal-open']);
    const lead = await call('lead', 'POST', '/level-proposals', { level: 'early-help', reason: 'x' });
    assert.deepEqual([lead.statusCode, code(lead)], [409, 'may-change-level']);
    const same = await call('gp', 'POST', '/level-proposals', { level: 'universal', reason: 'x' });
    assert.deepEqual([same.statusCode, code(same)], [409, 'unchanged']);
    assert.equal((await call('gp', 'POST', '/level-proposals', { level: 'early-help' })).statusCode, 400);
    assert.equal((await call('gp', 'POST', '/level-proposals', { level: 'early-help', reason: '   ' })).statusCode, 400);
    assert.equal((await call('gp', 'POST', '/level-proposals', { level: 'early-help', reason: 'x', extra: 1 })).statusCode, 400);
    const readOnly = await call('gpRead', 'POST', '/level-proposals', { level: 'early-help', reason: 'x' });
    assert.deepEqual([readOnly.statusCode, code(readOnly)], [403, 'insufficient-scope']);
    const listed = await call('gp', 'GET', '/level-proposals');
    assert.equal(listed.statusCode, 200);
    const [proposal] = listed.json<{ proposals: { id: string; from: string; to: string; status: string; proposedBy: string; decidedAt: string | null }[] }>().proposals;
    assert.deepEqual([proposal?.id, proposal?.from, proposal?.to, proposal?.status, proposal?.proposedBy, proposal?.decidedAt], [id, 'universal', 'early-help', 'open', 'Dr Gee', null]);
  });

  it('refuses the GP an answer (403 not-decider), the lead a decline without a reason, and then accepts with 200 and a new version', async () => {
    const { proposals } = (await call('lead', 'GET', '/level-proposals')).json<{ proposals: { id: string }[] }>();
    const id = proposals[0]!.id;
    const byGp = await call('gp', 'POST', `/level-proposals/${id}/decision`, { accept: true, reason: '' });
    assert.deepEqual([byGp.statusCode, code(byGp)], [403, 'not-decider']);
    const noReason = await call('lead', 'POST', `/level-proposals/${id}/decision`, { accept: false, reason: ' ' });
    assert.deepEqual([noReason.statusCode, code(noReason)], [400, 'reason-needed']);
    assert.equal(noReason.json<{ error: { details: { path: string }[] } }>().error.details[0]?.path, '/reason');
    const unknown = await call('lead', 'POST', '/level-proposals/nope/decision', { accept: true, reason: '' });
    assert.deepEqual([unknown.statusCode, code(unknown)], [404, 'no-such-proposal']);
    assert.equal((await call('lead', 'POST', `/level-proposals/${id}/decision`, { accept: 'yes', reason: '' })).statusCode, 400);
    const versionBefore = (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;
    const accepted = await call('lead', 'POST', `/level-proposals/${id}/decision`, { accept: true, reason: 'Agreed at the team meeting' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(accepted.json(), { status: 'accepted', level: 'early-help', version: versionBefore + 1 });
    const closed = await call('lead', 'POST', `/level-proposals/${id}/decision`, { accept: false, reason: 'Changed my mind' });
    assert.deepEqual([closed.statusCode, code(closed)], [409, 'proposal-closed']);
    const [answered] = (await call('gp', 'GET', '/level-proposals')).json<{ proposals: { status: string; decisionReason: string; profileVersion: number }[] }>().proposals;
    assert.deepEqual([answered?.status, answered?.decisionReason, answered?.profileVersion], ['accepted', 'Agreed at the team meeting', versionBefore + 1]);
    const audits = await t.ctx.db.selectFrom('audit_log').select(['outcome']).where('case_id', '=', caseId).where('action', '=', 'case.level-proposal-decision').orderBy('seq').execute();
    assert.deepEqual(audits.map((a) => a.outcome), ['denied', 'failure', 'failure', 'success', 'failure']);
  });

  it('refuses someone outside the team on every route, audited (with the GP’s refused answer), and a case that does not exist', async () => {
    const statuses = [
      (await call('outsider', 'GET', '/level-proposals')).statusCode,
      (await call('outsider', 'POST', '/level-proposals', { level: 'early-help', reason: 'x' })).statusCode,
      (await call('outsider', 'POST', '/level-proposals/x/decision', { accept: true, reason: '' })).statusCode,
    ];
    assert.deepEqual(statuses, [404, 404, 404]);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).where('outcome', '=', 'denied').where('action', 'in', ['level-proposals.view', 'case.level-proposal', 'case.level-proposal-decision']).execute();
    assert.deepEqual(denied.map((d) => d.action).sort(), ['case.level-proposal', 'case.level-proposal-decision', 'case.level-proposal-decision', 'level-proposals.view']);
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/cases/nope/level-proposals', headers: { authorization: `Bearer ${tokens['lead']}` } });
    assert.equal(missing.statusCode, 404);
  });
});
