import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { actorFor, apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { grantPartnershipView } from '../../application/dashboards/partnership-view.ts';

interface Row {
  name: string;
  total: number;
  measures: Record<string, number>;
}
interface TeamRow extends Row {
  id: string;
  organisationId: string;
  organisationName: string;
}
interface DashboardBody {
  name: string;
  total: number;
  openable: number;
  dashboards: string[];
  measures: Record<string, number>;
  organisations: Row[];
  practitioners: Row[];
  teams: TeamRow[];
  trend: unknown[];
}

describe('the dashboards API', () => {
  let t: TestApp;
  const tokens = {} as Record<'manager' | 'practitioner' | 'partnership', string>;
  let practitionerId: string;
  const organisationIds = {} as Record<'health' | 'police', string>;
  const teams = {} as Record<'blue' | 'green' | 'archived' | 'response', string>;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Health visiting');
    const police = await makeOrganisation(t.ctx, 'police', 'Police');
    const manager = await makeUser(t.ctx, { organisationId: health.id, role: 'manager' });
    const practitioner = await makeUser(t.ctx, { organisationId: health.id, name: 'Api Practitioner' });
    const officer = await makeUser(t.ctx, { organisationId: police.id });
    const inNoTeam = await makeUser(t.ctx, { organisationId: health.id, name: 'No Team' });
    const overseer = await makeUser(t.ctx, { organisationId: police.id, role: 'safeguarding-lead' });
    const admin = await makeUser(t.ctx, { role: 'admin' });
    practitionerId = practitioner.id;
    organisationIds.health = health.id;
    organisationIds.police = police.id;
    const makeTeam = async (organisationId: string, name: string, archived = false) => {
      const id = randomUUID();
      await t.ctx.db.insertInto('teams').values({ id, organisation_id: organisationId, name, created_at: t.clock.now(), archived_at: archived ? t.clock.now() : null }).execute();
      return id;
    };
    teams.blue = await makeTeam(health.id, 'Blue');
    teams.green = await makeTeam(health.id, 'Green');
    teams.archived = await makeTeam(health.id, 'Archived', true);
    teams.response = await makeTeam(police.id, 'Response');
    await t.ctx.db.updateTable('users').set({ team_id: teams.blue }).where('id', '=', practitioner.id).execute();
    await t.ctx.db.updateTable('users').set({ team_id: teams.response }).where('id', '=', officer.id).execute();
    assert.ok((await grantPartnershipView(t.ctx, actorFor(admin), overseer.email)).ok);
    tokens.manager = await apiTokenFor(t.ctx, manager.email);
    tokens.practitioner = await apiTokenFor(t.ctx, practitioner.email);
    tokens.partnership = await apiTokenFor(t.ctx, overseer.email);
    await makeCase(t.ctx, { teamUserIds: [practitioner.id, officer.id] });
    await makeCase(t.ctx, { teamUserIds: [officer.id] });
    await makeCase(t.ctx, { teamUserIds: [inNoTeam.id, officer.id] });
  });
  after(async () => t.close());

  const get = (token: string, name: string) => t.app.inject({ method: 'GET', url: `/api/v1/dashboards/${name}`, headers: { authorization: `Bearer ${token}` } });

  it('gives a manager the organisation’s counts, by organisation, practitioner and its own teams (each in use, none archived), naming no case', async () => {
    const response = await get(tokens.manager, 'organisation');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<DashboardBody>();
    assert.equal(body.name, 'organisation');
    assert.equal(body.total, 2);
    assert.equal(body.openable, 2);
    assert.deepEqual(body.dashboards, ['organisation']);
    assert.equal(body.measures['never-reviewed'], 2);
    assert.deepEqual(body.organisations.map((o) => [o.name, o.total]), [['Health visiting', 2], ['Police', 2]]);
    assert.deepEqual(body.practitioners.map((p) => [p.name, p.total]), [['Api Practitioner', 1], ['No Team', 1]]);
    // The police officer's team is not health visiting's; the case of the person in no team is in no team.
    assert.deepEqual(body.teams.map((row) => [row.id, row.organisationName, row.name, row.total, row.measures['never-reviewed']]), [
      [teams.blue, 'Health visiting', 'Blue', 1, 1],
      [teams.green, 'Health visiting', 'Green', 0, 0],
    ]);
    assert.equal(body.trend.length, 12);
  });

  it('gives an account granted the partnership view every organisation’s teams that have a case', async () => {
    const response = await get(tokens.partnership, 'partnership');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<DashboardBody>();
    assert.equal(body.total, 3);
    assert.deepEqual(body.dashboards, ['organisation', 'partnership']);
    assert.deepEqual(body.organisations.map((o) => [o.name, o.total]), [['Health visiting', 2], ['Police', 3]]);
    assert.deepEqual(body.teams.map((row) => [row.id, row.organisationId, row.organisationName, row.name, row.total]), [
      [teams.blue, organisationIds.health, 'Health visiting', 'Blue', 1],
      [teams.response, organisationIds.police, 'Police', 'Response', 3],
    ]);
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

  it('publishes the operation with its schemas, the teams’ rows included', async () => {
    type Schema = { properties?: Record<string, Schema>; items?: Schema; required?: string[]; additionalProperties?: boolean };
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }> }>();
    const operation = document.paths['/api/v1/dashboards/{name}']?.get;
    assert.ok(operation);
    assert.ok(operation.responses['200'] && operation.responses['403']);
    const dashboard = operation.responses['200'].content?.['application/json']?.schema;
    const team = dashboard?.properties?.['teams']?.items;
    assert.deepEqual(Object.keys(team?.properties ?? {}).sort(), ['id', 'measures', 'name', 'organisationId', 'organisationName', 'total']);
    assert.deepEqual([...(team?.required ?? [])].sort(), ['id', 'measures', 'name', 'organisationId', 'organisationName', 'total']);
    assert.equal(team?.additionalProperties, false);
    assert.ok(dashboard?.required?.includes('teams'));
  });
});
