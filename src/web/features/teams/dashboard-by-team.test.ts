// The dashboards' breakdown by team on the page (issue 16, docs/adr/0019-teams.md): each team's number
// a link to the list of its cases, the list titled with the team's name; a team in use with no case
// still listed, at 0.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('the dashboard by team', () => {
  let t: TestApp;
  let manager: WebClient;
  const team = { alpha: randomUUID(), empty: randomUUID() };
  const cases = {} as Record<'one' | 'two', string>;

  before(async () => {
    t = await createTestApp();
    const hv = (await makeOrganisation(t.ctx, 'health-visiting', 'Health visiting')).id;
    for (const [id, name] of [[team.alpha, 'Alpha'], [team.empty, 'Empty team']] as const) {
      await t.ctx.db.insertInto('teams').values({ id, organisation_id: hv, name, created_at: t.clock.now(), archived_at: null }).execute();
    }
    const inAlpha = await makeUser(t.ctx, { organisationId: hv, name: 'Ada Alpha' });
    await t.ctx.db.updateTable('users').set({ team_id: team.alpha }).where('id', '=', inAlpha.id).execute();
    const noTeam = await makeUser(t.ctx, { organisationId: hv, name: 'Nat None' });
    cases.one = (await makeCase(t.ctx, { familyName: 'Alphaone', teamUserIds: [inAlpha.id] })).id;
    cases.two = (await makeCase(t.ctx, { familyName: 'Noteam', teamUserIds: [noTeam.id] })).id;
    manager = await WebClient.signedIn(t.app, await makeUser(t.ctx, { role: 'manager', organisationId: hv }));
  });
  after(async () => t.close());

  it('shows each team in use with its cases, each number a link to the list behind it', async () => {
    const page = await manager.get('/dashboards');
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'teams-explained')), /counts, with all their cases, in the new team from then on/);
    const table = qaElement(page.body, 'teams') ?? '';
    assert.match(textOf(table), /Alpha 1 .*Empty team 0/);
    assert.match(table, new RegExp(`href="/dashboards/organisation/cases\\?teamId=${team.alpha}">1<`));
    const list = await manager.get(`/dashboards/organisation/cases?teamId=${team.alpha}`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /with someone of Alpha in the team/);
    assert.equal(qaElements(list.body, 'dashboard-case').length, 1);
    assert.match(list.body, new RegExp(`href="/cases/${cases.one}"`));
    assert.doesNotMatch(list.body, new RegExp(cases.two));
  });
});
