import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('the teams pages', () => {
  let t: TestApp;
  const u = {} as Record<'manager' | 'hv' | 'lead' | 'policeManager' | 'officer' | 'admin', User>;
  const c = {} as Record<'manager' | 'hv' | 'lead' | 'policeManager' | 'admin', WebClient>;
  let hv: string;
  let police: string;
  let policeTeam: string;

  const audits = async (action: string, outcome: string) =>
    Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', action).where('outcome', '=', outcome).executeTakeFirstOrThrow()).n);
  const teamId = async (name: string) => (await t.ctx.db.selectFrom('teams').select('id').where('organisation_id', '=', hv).where('name', '=', name).where('archived_at', 'is', null).executeTakeFirstOrThrow()).id;
  const teamOf = async (userId: string) => (await t.ctx.db.selectFrom('users').select('team_id').where('id', '=', userId).executeTakeFirstOrThrow()).team_id;
  const teamCount = async () => (await t.ctx.db.selectFrom('teams').select('id').execute()).length;

  before(async () => {
    t = await createTestApp();
    hv = (await makeOrganisation(t.ctx, 'health-visiting', 'Health visiting')).id;
    police = (await makeOrganisation(t.ctx, 'police', 'Police')).id;
    u.manager = await makeUser(t.ctx, { role: 'manager', organisationId: hv, name: 'Mina Manager' });
    u.hv = await makeUser(t.ctx, { organisationId: hv, name: 'Hana Visitor' });
    u.lead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: hv, name: 'Lee Lead' });
    u.policeManager = await makeUser(t.ctx, { role: 'manager', organisationId: police });
    u.officer = await makeUser(t.ctx, { organisationId: police, name: 'Olu Officer' });
    u.admin = await makeUser(t.ctx, { role: 'admin', organisationId: police });
    for (const key of ['manager', 'hv', 'lead', 'policeManager', 'admin'] as const) c[key] = await WebClient.signedIn(t.app, u[key]);
    policeTeam = 'police-team';
    await t.ctx.db.insertInto('teams').values({ id: policeTeam, organisation_id: police, name: 'Response', created_at: t.clock.now(), archived_at: null }).execute();
  });
  after(async () => t.close());

  it('takes a manager from the home page to their organisation’s teams, which say how the dashboards count by team', async () => {
    const home = await c.manager.get('/');
    assert.match(home.body, /data-qa="teams-link"[^>]*>Your organisation’s teams/);
    assert.doesNotMatch((await c.hv.get('/')).body, /data-qa="teams-link"/);
    const to = await c.manager.get('/teams');
    assert.equal(to.statusCode, 303);
    assert.equal(to.headers.location, `/organisations/${hv}/teams`);
    const page = await c.manager.get(`/organisations/${hv}/teams`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'teams-explained')), /someone who moves to another team counts in the new team from then on/);
    assert.match(textOf(qaElement(page.body, 'no-teams')), /no teams yet/);
    assert.match(textOf(qaElement(page.body, 'people')), /Hana Visitor .* Practitioner No team/);
    assert.doesNotMatch(page.body, /Olu Officer|Response/, 'nothing of another organisation');
  });

  it('adds a team; an empty, too long or duplicate name is refused with the error linked to the field and what was typed kept, each audited', async () => {
    const added = await c.manager.post(`/organisations/${hv}/teams`, { name: '  Early   help ' });
    assert.equal(added.statusCode, 303);
    const page = await c.manager.get(`/organisations/${hv}/teams`);
    assert.match(textOf(qaElement(page.body, 'success-banner')), /Team added: Early help/);
    assert.match(textOf(qaElement(page.body, 'teams')), /Early help 0/);

    for (const [name, message] of [
      ['   ', 'Enter the name of the team'],
      ['x'.repeat(101), 'The team’s name must be 100 characters or fewer'],
      ['EARLY HELP', 'This organisation already has a team called “EARLY HELP”: choose another name'],
    ] as const) {
      const refused = await c.manager.post(`/organisations/${hv}/teams`, { name });
      assert.equal(refused.statusCode, 400, name);
      assert.deepEqual(summaryErrors(refused.body), [`#name: ${message}`]);
      assert.match(refused.body, new RegExp(`id="name" name="name" type="text" spellcheck="false" value="${name.trim()}"`), 'what was typed is kept');
    }
    assert.equal(await audits('organisation-team.create', 'failure'), 3);
    assert.equal(await teamCount(), 2);
    assert.equal((await c.admin.post(`/organisations/${hv}/teams`, { name: 'Specialist' })).statusCode, 303, 'an administrator of another organisation may');
  });

  it('refuses a practitioner, a safeguarding lead and a manager of another organisation every page and change, 403, audited, changing nothing', async () => {
    const early = await teamId('Early help');
    const before = await audits('organisation-teams.view', 'denied');
    for (const client of [c.hv, c.lead, c.policeManager]) {
      for (const [method, url] of [
        ['get', `/organisations/${hv}/teams`],
        ['post', `/organisations/${hv}/teams`],
        ['get', `/organisations/${hv}/teams/${early}/rename`],
        ['post', `/organisations/${hv}/teams/${early}/rename`],
        ['post', `/organisations/${hv}/teams/${early}/archive`],
        ['get', `/organisations/${hv}/people/${u.hv.id}/team`],
        ['post', `/organisations/${hv}/people/${u.hv.id}/team`],
      ] as const) {
        const response = method === 'get' ? await client.get(url) : await client.post(url, { name: 'Taken over', teamId: early });
        assert.equal(response.statusCode, 403, `${method} ${url}`);
        assert.doesNotMatch(response.body, /Early help/);
        assert.match(response.body, /You cannot see this page/);
      }
    }
    assert.equal((await audits('organisation-teams.view', 'denied')) - before, 9);
    for (const action of ['organisation-team.create', 'organisation-team.rename', 'organisation-team.archive', 'user.team-change']) assert.equal(await audits(action, 'denied'), 3, action);
    assert.equal(await teamCount(), 3);
    assert.equal(await teamOf(u.hv.id), null);
  });

  it('puts a person in a team and takes them out again; a team of another organisation, or a person of one, is not found, audited as denied', async () => {
    const early = await teamId('Early help');
    const form = await c.manager.get(`/organisations/${hv}/people/${u.hv.id}/team`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Which team is Hana Visitor in\?/);
    assert.match(form.body, /value="none" checked/);
    const saved = await c.manager.post(`/organisations/${hv}/people/${u.hv.id}/team`, { teamId: early });
    assert.equal(saved.statusCode, 303);
    assert.equal(await teamOf(u.hv.id), early);
    const page = await c.manager.get(`/organisations/${hv}/teams`);
    assert.match(textOf(qaElement(page.body, 'success-banner')), /Hana Visitor is now in Early help/);
    assert.match(textOf(qaElement(page.body, 'teams')), /Early help 1/);
    assert.match((await c.manager.get(`/organisations/${hv}/people/${u.hv.id}/team`)).body, new RegExp(`value="${early}" checked`));

    const deniedBefore = await audits('user.team-change', 'denied');
    assert.equal((await c.manager.post(`/organisations/${hv}/people/${u.hv.id}/team`, { teamId: policeTeam })).statusCode, 404);
    assert.equal((await c.manager.post(`/organisations/${hv}/people/${u.officer.id}/team`, { teamId: early })).statusCode, 404);
    assert.equal((await c.manager.get(`/organisations/${hv}/people/${u.officer.id}/team`)).statusCode, 404);
    assert.equal((await c.manager.get(`/organisations/${hv}/teams/${policeTeam}/rename`)).statusCode, 404);
    assert.equal((await c.manager.post(`/organisations/${hv}/teams/${policeTeam}/archive`)).statusCode, 404);
    assert.equal((await audits('user.team-change', 'denied')) - deniedBefore, 2);
    assert.equal(await audits('organisation-team.archive', 'denied'), 4);
    assert.equal(await teamOf(u.hv.id), early);
    assert.equal(await teamOf(u.officer.id), null);
    assert.equal((await t.ctx.db.selectFrom('teams').select('archived_at').where('id', '=', policeTeam).executeTakeFirstOrThrow()).archived_at, null);

    assert.equal((await c.manager.post(`/organisations/${hv}/people/${u.hv.id}/team`, { teamId: 'none' })).statusCode, 303);
    assert.equal(await teamOf(u.hv.id), null);
    assert.match(textOf(qaElement((await c.manager.get(`/organisations/${hv}/teams`)).body, 'success-banner')), /Hana Visitor is now in no team/);
  });

  it('renames a team; a clash or an empty name keeps what was typed, audited', async () => {
    const early = await teamId('Early help');
    const form = await c.manager.get(`/organisations/${hv}/teams/${early}/rename`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Early help"/);
    const clash = await c.manager.post(`/organisations/${hv}/teams/${early}/rename`, { name: 'specialist' });
    assert.equal(clash.statusCode, 400);
    assert.deepEqual(summaryErrors(clash.body), ['#name: This organisation already has a team called “specialist”: choose another name']);
    assert.match(clash.body, /value="specialist"/);
    assert.equal((await c.manager.post(`/organisations/${hv}/teams/${early}/rename`, { name: '' })).statusCode, 400);
    assert.equal(await audits('organisation-team.rename', 'failure'), 2);
    const renamed = await c.manager.post(`/organisations/${hv}/teams/${early}/rename`, { name: 'Early help and prevention' });
    assert.equal(renamed.statusCode, 303);
    assert.match(textOf(qaElement((await c.manager.get(`/organisations/${hv}/teams`)).body, 'success-banner')), /Team renamed: Early help is now Early help and prevention/);
  });

  it('archives a team, its people then in no team; the archived team can be neither renamed nor given people (409, audited)', async () => {
    const early = await teamId('Early help and prevention');
    await c.manager.post(`/organisations/${hv}/people/${u.hv.id}/team`, { teamId: early });
    const archived = await c.manager.post(`/organisations/${hv}/teams/${early}/archive`);
    assert.equal(archived.statusCode, 303);
    const page = await c.manager.get(`/organisations/${hv}/teams`);
    assert.match(textOf(qaElement(page.body, 'success-banner')), /Team archived: Early help and prevention \(the 1 person in it is now in no team\)/);
    assert.match(textOf(qaElement(page.body, 'archived-teams')), /Early help and prevention/);
    assert.doesNotMatch(textOf(qaElement(page.body, 'teams')), /Early help/);
    assert.equal(await teamOf(u.hv.id), null);
    const before = await audits('organisation-team.rename', 'failure');
    for (const response of [
      await c.manager.get(`/organisations/${hv}/teams/${early}/rename`),
      await c.manager.post(`/organisations/${hv}/teams/${early}/rename`, { name: 'Back again' }),
      await c.manager.post(`/organisations/${hv}/teams/${early}/archive`),
      await c.manager.post(`/organisations/${hv}/people/${u.hv.id}/team`, { teamId: early }),
    ]) {
      assert.equal(response.statusCode, 409);
      assert.match(response.body, /This team is archived/);
    }
    assert.equal((await audits('organisation-team.rename', 'failure')) - before, 1);
    assert.equal(await teamOf(u.hv.id), null);
  });

  it('lets an administrator reach any organisation’s teams from the accounts page', async () => {
    const accounts = await c.admin.get('/admin/accounts');
    assert.match(accounts.body, new RegExp(`href="/organisations/${hv}/teams" data-qa="teams-of-organisation"`));
    const page = await c.admin.get(`/organisations/${hv}/teams`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'teams')), /Specialist 0/);
    assert.equal((await c.admin.get('/organisations/no-such-organisation/teams')).statusCode, 404);
  });
});
