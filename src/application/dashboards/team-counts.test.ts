// The dashboards by team (issue 16, docs/adr/0019-teams.md), on hand-made data with every number
// worked out by hand: a case counts once in the team of each person on the team around the family, as
// their team is now; the organisation's dashboard lists each of its teams in use (with no case or not)
// and never an archived one; the partnership's lists every organisation's teams that have a case; the
// cases behind a team's number are those counted. Runs on both engines (DATABASE_URL).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { DashboardViewer } from '../../domain/dashboards/dashboard-access.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { setPersonTeam } from '../teams/manage-teams.ts';
import { refreshStaleSummaries } from './case-summaries.ts';
import { casesBehind, countDashboardInSql } from './dashboard-counts.ts';

describe('the dashboards by team', () => {
  let t: TestApp;
  let hvViewer: DashboardViewer;
  let partnershipViewer: DashboardViewer;
  let manager: Awaited<ReturnType<typeof makeUser>>;
  let mover: Awaited<ReturnType<typeof makeUser>>;
  let hv: string;
  const team = {} as Record<'a' | 'b' | 'c' | 'archived' | 'police', string>;
  const cases = {} as Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7', string>;

  before(async () => {
    t = await createTestApp();
    hv = (await makeOrganisation(t.ctx, 'health-visiting', 'Health visiting')).id;
    const police = (await makeOrganisation(t.ctx, 'police', 'Police')).id;
    const makeTeam = async (organisationId: string, name: string, archived = false) => {
      const id = randomUUID();
      await t.ctx.db.insertInto('teams').values({ id, organisation_id: organisationId, name, created_at: t.clock.now(), archived_at: archived ? t.clock.now() : null }).execute();
      return id;
    };
    team.a = await makeTeam(hv, 'Alpha');
    team.b = await makeTeam(hv, 'Beta');
    team.c = await makeTeam(hv, 'Gamma, nobody on a case');
    team.archived = await makeTeam(hv, 'Archived', true);
    team.police = await makeTeam(police, 'Response');
    const person = async (organisationId: string, teamId: string | null, role: 'practitioner' | 'manager' = 'practitioner') => {
      const made = await makeUser(t.ctx, { organisationId, role });
      await t.ctx.db.updateTable('users').set({ team_id: teamId }).where('id', '=', made.id).execute();
      return made;
    };
    const hv1 = await person(hv, team.a);
    const hv2 = await person(hv, team.b);
    const hv3 = await person(hv, null);
    mover = await person(hv, team.a);
    const officer = await person(police, team.police);
    manager = await person(hv, null, 'manager');
    cases.c1 = (await makeCase(t.ctx, { teamUserIds: [hv1.id] })).id; // Alpha
    cases.c2 = (await makeCase(t.ctx, { teamUserIds: [hv1.id, hv2.id] })).id; // Alpha, Beta
    cases.c3 = (await makeCase(t.ctx, { teamUserIds: [hv2.id, officer.id] })).id; // Beta; Response
    cases.c4 = (await makeCase(t.ctx, { teamUserIds: [hv3.id] })).id; // no team
    cases.c5 = (await makeCase(t.ctx, { teamUserIds: [officer.id] })).id; // Response, not on health visiting's dashboard
    cases.c6 = (await makeCase(t.ctx, { teamUserIds: [mover.id] })).id; // Alpha, then Beta
    cases.c7 = (await makeCase(t.ctx, { teamUserIds: [hv1.id, mover.id] })).id; // Alpha once, then Alpha and Beta
    await refreshStaleSummaries(t.ctx);
    hvViewer = { userId: manager.id, organisationId: hv, role: 'manager', partnershipView: false };
    partnershipViewer = { userId: officer.id, organisationId: police, role: 'practitioner', partnershipView: true };
  });
  after(async () => t.close());

  const today = () => serviceToday(t.clock.now());
  const rows = async (viewer: DashboardViewer, name: 'organisation' | 'partnership') =>
    (await countDashboardInSql(t.ctx.db, viewer, name, today())).counts.teams.map((row) => [row.organisationName, row.name, row.total, row.measures['never-reviewed']]);
  const behind = async (viewer: DashboardViewer, name: 'organisation' | 'partnership', teamId: string) =>
    (await casesBehind(t.ctx.db, viewer, name, { teamId }, today())).map((c) => c.caseId).sort();
  const sorted = (...keys: (keyof typeof cases)[]) => keys.map((k) => cases[k]).sort();

  it('counts each of the organisation’s cases once in the team of each of its people on it, every team in use listed, an archived one never', async () => {
    assert.deepEqual(await rows(hvViewer, 'organisation'), [
      ['Health visiting', 'Alpha', 4, 4],
      ['Health visiting', 'Beta', 2, 2],
      ['Health visiting', 'Gamma, nobody on a case', 0, 0],
    ]);
    assert.deepEqual(await behind(hvViewer, 'organisation', team.a), sorted('c1', 'c2', 'c6', 'c7'));
    assert.deepEqual(await behind(hvViewer, 'organisation', team.b), sorted('c2', 'c3'));
    assert.deepEqual(await behind(hvViewer, 'organisation', team.c), []);
  });

  it('counts every organisation’s teams with a case on the partnership’s dashboard', async () => {
    assert.deepEqual(await rows(partnershipViewer, 'partnership'), [
      ['Health visiting', 'Alpha', 4, 4],
      ['Health visiting', 'Beta', 2, 2],
      ['Police', 'Response', 2, 2],
    ]);
    assert.deepEqual(await behind(partnershipViewer, 'partnership', team.police), sorted('c3', 'c5'));
  });

  it('counts someone who moves team, with all their cases, in the new team from then on', async () => {
    const moved = await setPersonTeam(t.ctx, actorFor(manager), hv, mover.id, team.b);
    assert.deepEqual(moved.ok ? moved.value.changed : moved, true);
    assert.deepEqual(await rows(hvViewer, 'organisation'), [
      ['Health visiting', 'Alpha', 3, 3],
      ['Health visiting', 'Beta', 4, 4],
      ['Health visiting', 'Gamma, nobody on a case', 0, 0],
    ]);
    assert.deepEqual(await behind(hvViewer, 'organisation', team.a), sorted('c1', 'c2', 'c7'));
    assert.deepEqual(await behind(hvViewer, 'organisation', team.b), sorted('c2', 'c3', 'c6', 'c7'));
  });
});
