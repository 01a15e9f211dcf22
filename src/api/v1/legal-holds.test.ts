// The legal hold API: a hold set with its reason (201 { id }), lifted (200) once, the error shape of a
// hold with no reason, refusals by role and by access, each audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('the legal hold API', () => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'childrens-social-care');
    const lead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: org.id });
    const practitioner = await makeUser(t.ctx, { organisationId: org.id });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [practitioner.id, lead.id] }));
    tokens['lead'] = await apiTokenFor(t.ctx, lead.email);
    tokens['practitioner'] = await apiTokenFor(t.ctx, practitioner.email);
  });
  after(async () => t.close());

  const call = (who: string, method: 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]!}` }, ...(payload ? { payload } : {}) });
  const lastAudit = async () => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_type']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('sets a hold with its reason and lifts it once', async () => {
    const set = await call('lead', 'POST', `/cases/${caseId}/holds`, { reason: 'Litigation: claim against the council' });
    assert.equal(set.statusCode, 201, set.body);
    const { id } = set.json<{ id: string }>();
    const stored = await t.ctx.db.selectFrom('legal_holds').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([stored.case_id, stored.reason, stored.lifted_at], [caseId, 'Litigation: claim against the council', null]);
    assert.deepEqual(await lastAudit(), { action: 'legal-hold.place', outcome: 'success', subject_type: 'legal-hold' });
    const lifted = await call('lead', 'DELETE', `/cases/${caseId}/holds/${id}`);
    assert.equal(lifted.statusCode, 200, lifted.body);
    assert.equal(lifted.json<{ id: string; liftedAt: string }>().liftedAt, t.clock.now().toISOString());
    const again = await call('lead', 'DELETE', `/cases/${caseId}/holds/${id}`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ error: { code: string } }>().error.code, 'already-lifted');
    assert.equal((await call('lead', 'DELETE', `/cases/${caseId}/holds/no-such-hold`)).statusCode, 404);
    assert.deepEqual(await lastAudit(), { action: 'legal-hold.lift', outcome: 'failure', subject_type: 'legal-hold' });
  });

  it('answers a hold without a reason with 422 at its path', async () => {
    const response = await call('lead', 'POST', `/cases/${caseId}/holds`, { reason: ' ' });
    assert.equal(response.statusCode, 422);
    assert.deepEqual(response.json(), { error: { code: 'invalid-hold', message: 'Enter why the records are held, such as the review, inquiry or claim and who asked', details: [{ path: '/reason', message: 'Enter why the records are held, such as the review, inquiry or claim and who asked' }] } });
  });

  it('refuses a practitioner in the team, audited, nothing stored', async () => {
    const before = (await t.ctx.db.selectFrom('legal_holds').select('id').execute()).length;
    const response = await call('practitioner', 'POST', `/cases/${caseId}/holds`, { reason: 'Inquiry' });
    assert.equal(response.statusCode, 403);
    assert.match(response.json<{ error: { message: string } }>().error.message, /Only a safeguarding lead or a manager/);
    assert.deepEqual(await lastAudit(), { action: 'legal-hold.place', outcome: 'denied', subject_type: 'case' });
    assert.equal((await t.ctx.db.selectFrom('legal_holds').select('id').execute()).length, before);
  });
});
