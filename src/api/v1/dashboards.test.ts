import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('the dashboards API', () => {
  let t: TestApp;
  const tokens = {} as Record<'manager' | 'practitioner', string>;
  let practitionerId: string;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Health visiting');
    const police = await makeOrganisation(t.ctx, 'police', 'Police');
    const manager = await makeUser(t.ctx, { organisationId: health.id, role: 'manager' });
    const practitioner = await makeUser(t.ctx, { organisationId: health.id, name: 'Api Practitioner' });
    const officer = await makeUser(t.ctx, { organisationId: police.id });
    practitionerId = practitioner.id;
    tokens.manager = await apiTokenFor(t.ctx, manager.email);
    tokens.practitioner = await apiTokenFor(t.ctx, practitioner.email);
    await makeCase(t.ctx, { teamUserIds: [practitioner.id, officer.id] });
    await makeCase(t.ctx, { teamUserIds: [officer.id] });
  });
  after(async () => t.close());

  const get = (token: string, name: string) => t.app.inject({ method: 'GET', url: `/api/v1/dashboards/${name}`, headers: { authorization: `Bearer ${token}` } });

  it('gives a manager the organisation’s counts, naming no case', async () => {
    const response = await get(tokens.manager, 'organisation');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{ name: string; total: number; openable: number; dashboards: string[]; measures: Record<string, number>; organisations: { name: string; total: number }[]; practitioners: { name: string }[]; trend: unknown[] }>();
    assert.equal(body.name, 'organisation');
    assert.equal(body.total, 1);
    assert.equal(body.openable, 1);
    assert.deepEqual(body.dashboards, ['organisation']);
    assert.equal(body.measures['never-reviewed'], 1);
    assert.deepEqual(body.organisations.map((o) => [o.name, o.total]), [['Health visiting', 1], ['Police', 1]]);
    assert.deepEqual(body.practitioners.map((p) => p.name), ['Api Practitioner']);
    assert.equal(body.trend.length, 12);
  });

  it('refuses a practitioner (403 not-allowed, audited) and the partnership without a grant; rejects an unknown name (400)', async () => {
    const refused = await get(tokens.practitioner, 'organisation');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<ApiErrorBody>().error.code, 'not-allowed');
    const denied = await t.ctx.db.selectFrom('audit_log').select('channel').where('actor_user_id', '=', practitionerId).where('action', '=', 'dashboards.view').where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied, [{ channel: 'api' }]);
    assert.equal((await get(tokens.manager, 'partnership')).statusCode, 403);
    assert.equal((await get(tokens.manager, 'everything')).statusCode, 400);
  });

  it('publishes the operation with its schemas', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get?: { responses: Record<string, unknown> } }> }>();
    const operation = document.paths['/api/v1/dashboards/{name}']?.get;
    assert.ok(operation);
    assert.ok(operation.responses['200'] && operation.responses['403']);
  });
});
