// GET /api/v1/cases/{caseId}/retention: the disposal date, its rule and why, and the holds that reach
// the case, to anyone who may read it; refused to anyone else, audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addMonths } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface Retention {
  caseId: string;
  today: string;
  disposeOn: string;
  rule: string;
  ruleLabel: string;
  untilAge: number;
  reckonedFrom: string;
  because: string;
  due: boolean;
  holds: { id: string; reason: string; scope: string; inForce: boolean; liftedAt: string | null }[];
}

describe('GET /api/v1/cases/{caseId}/retention', () => {
  let t: TestApp;
  let caseId: string;
  let bornOn: string;
  const tokens: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'childrens-social-care');
    const lead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: org.id });
    const practitioner = await makeUser(t.ctx, { organisationId: org.id });
    const outsider = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'police')).id });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [practitioner.id, lead.id] }));
    bornOn = addMonths(serviceToday(t.clock.now()), -2);
    await t.ctx.db.updateTable('cases').set({ status: 'born', date_of_birth: bornOn }).where('id', '=', caseId).execute();
    for (const [who, user] of Object.entries({ lead, practitioner, outsider })) tokens[who] = await apiTokenFor(t.ctx, user.email);
  });
  after(async () => t.close());

  const get = (who: string, id = caseId) => t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}/retention`, headers: { authorization: `Bearer ${tokens[who]!}` } });

  it('answers the disposal date, its rule and why, not due, with no holds', async () => {
    const response = await get('practitioner');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<Retention>();
    assert.deepEqual(
      { ...body, because: undefined },
      { caseId, today: serviceToday(t.clock.now()), disposeOn: addMonths(bornOn, 25 * 12), rule: 'child-record', ruleLabel: 'Records about a child', untilAge: 25, reckonedFrom: 'birth', because: undefined, due: false, holds: [] },
    );
    assert.match(body.because, /25th birthday/);
  });

  it('lists a hold on the case, in force, then lifted', async () => {
    const set = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/holds`, headers: { authorization: `Bearer ${tokens['lead']!}` }, payload: { reason: 'Child safeguarding practice review' } });
    assert.equal(set.statusCode, 201, set.body);
    const { id } = set.json<{ id: string }>();
    assert.deepEqual((await get('practitioner')).json<Retention>().holds.map((h) => [h.id, h.reason, h.scope, h.inForce, h.liftedAt]), [[id, 'Child safeguarding practice review', 'case', true, null]]);
    t.clock.advanceMinutes(24 * 60);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/cases/${caseId}/holds/${id}`, headers: { authorization: `Bearer ${tokens['lead']!}` } })).statusCode, 200);
    const hold = (await get('practitioner')).json<Retention>().holds[0]!;
    assert.deepEqual([hold.inForce, hold.liftedAt], [false, t.clock.now().toISOString()]);
  });

  it('answers someone outside the team as no such case (404, audited), and 404 for a case that does not exist', async () => {
    const refused = await get('outsider');
    assert.equal(refused.statusCode, 404);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'action']).where('case_id', '=', caseId).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.deepEqual(audit, { outcome: 'denied', action: 'legal-hold.list' });
    assert.equal((await get('practitioner', 'no-such-case')).statusCode, 404);
  });
});
