import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { UserActor } from '../actor.ts';
import { archiveTeam, createTeam, renameTeam, setPersonTeam, viewPersonTeam, viewTeam, viewTeams } from './manage-teams.ts';

describe('teams within an organisation', () => {
  let t: TestApp;
  let health: string;
  let police: string;
  let admin: UserActor;
  let manager: UserActor;
  let otherManager: UserActor;
  let lead: UserActor;
  let practitioner: UserActor;
  let visitor: { id: string };
  let officer: { id: string };
  before(async () => {
    t = await createTestApp();
    health = (await makeOrganisation(t.ctx, 'health-visiting', 'Teams Health')).id;
    police = (await makeOrganisation(t.ctx, 'police', 'Teams Police')).id;
    const user = async (role: UserActor['role'], organisationId: string, name = 'Someone') => {
      const made = await makeUser(t.ctx, { role, organisationId, name });
      return { made, actor: actorFor({ id: made.id, organisationId, role }) };
    };
    admin = (await user('admin', police)).actor;
    manager = (await user('manager', health, 'Mary Manager')).actor;
    otherManager = (await user('manager', police)).actor;
    lead = (await user('safeguarding-lead', health)).actor;
    const p = await user('practitioner', health, 'Vera Visitor');
    practitioner = p.actor;
    visitor = p.made;
    officer = (await user('practitioner', police, 'Olly Officer')).made;
  });
  after(async () => t.close());

  const audits = (action: string, outcome: string) =>
    t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'subject_id', 'details']).where('action', '=', action).where('outcome', '=', outcome).orderBy('occurred_at').execute();
  const team = (id: string) => t.ctx.db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const teamOf = async (userId: string) => (await t.ctx.db.selectFrom('users').select('team_id').where('id', '=', userId).executeTakeFirstOrThrow()).team_id;

  it('lets the organisation’s manager and an administrator add teams, each audited; a duplicate name (whatever its case), an empty one or one too long is refused, audited', async () => {
    const made = await createTeam(t.ctx, manager, health, '  Assessment   team ');
    assert.ok(made.ok);
    assert.equal(made.value.name, 'Assessment team');
    const byAdmin = await createTeam(t.ctx, admin, health, 'Child protection team');
    assert.ok(byAdmin.ok);
    assert.equal((await team(made.value.id)).organisation_id, health);
    assert.deepEqual((await audits('organisation-team.create', 'success')).map((a) => a.subject_id), [made.value.id, byAdmin.value.id]);

    const taken = await createTeam(t.ctx, manager, health, 'ASSESSMENT TEAM');
    assert.deepEqual(taken.ok ? null : [taken.code, taken.message], ['name-taken', 'This organisation already has a team called “ASSESSMENT TEAM”: choose another name']);
    assert.equal((await createTeam(t.ctx, manager, health, '   ')).ok ? null : 'refused', 'refused');
    const long = await createTeam(t.ctx, manager, health, 'x'.repeat(101));
    assert.deepEqual(long.ok ? null : long.code, 'invalid-name');
    assert.deepEqual(
      (await audits('organisation-team.create', 'failure')).map((a) => (a.details as { reason: string }).reason),
      ['name-taken', 'invalid-name', 'invalid-name'],
    );
    // Another organisation may use the same name.
    assert.ok((await createTeam(t.ctx, otherManager, police, 'Assessment team')).ok);
  });

  it('refuses a manager of another organisation, a safeguarding lead and a practitioner, each audited as denied, changing nothing', async () => {
    const before = await t.ctx.db.selectFrom('teams').select('id').execute();
    for (const who of [otherManager, lead, practitioner]) {
      const result = await createTeam(t.ctx, who, health, 'Rogue team');
      assert.deepEqual(result.ok ? null : result.code, 'forbidden');
      assert.deepEqual(((await viewTeams(t.ctx, who, health)) as { code?: string }).code, 'forbidden');
    }
    assert.equal((await t.ctx.db.selectFrom('teams').select('id').execute()).length, before.length);
    assert.deepEqual((await audits('organisation-team.create', 'denied')).map((a) => a.actor_user_id), [otherManager.userId, lead.userId, practitioner.userId]);
    assert.equal((await audits('organisation-teams.view', 'denied')).length, 3);
  });

  it('lists the organisation’s teams, those in use by name then those archived, with its people and their team', async () => {
    const listed = await viewTeams(t.ctx, manager, health);
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.teams.map((x) => [x.name, x.people, x.archivedAt]), [
      ['Assessment team', 0, null],
      ['Child protection team', 0, null],
    ]);
    assert.deepEqual(listed.value.people.map((p) => [p.name, p.teamName]).filter(([name]) => name !== 'Someone'), [
      ['Mary Manager', null],
      ['Vera Visitor', null],
    ]);
    assert.equal((await audits('organisation-teams.view', 'success')).length, 1);
  });

  it('puts a person in a team, moves them, and takes them out; a person or team of another organisation is refused as denied', async () => {
    const teams = (await viewTeams(t.ctx, manager, health)).ok ? ((await viewTeams(t.ctx, manager, health)) as { value: { teams: { id: string; name: string }[] } }).value.teams : [];
    const [assessment, protection] = teams;
    assert.ok((await setPersonTeam(t.ctx, manager, health, visitor.id, assessment!.id)).ok);
    assert.equal(await teamOf(visitor.id), assessment!.id);
    const moved = await setPersonTeam(t.ctx, manager, health, visitor.id, protection!.id);
    assert.deepEqual(moved.ok ? moved.value : null, { name: 'Vera Visitor', teamName: 'Child protection team', changed: true });
    const same = await setPersonTeam(t.ctx, manager, health, visitor.id, protection!.id);
    assert.deepEqual(same.ok ? same.value.changed : null, false, 'the same team again is no change, and not audited');
    assert.deepEqual((await audits('user.team-change', 'success')).map((a) => a.details), [
      { organisationId: health, from: null, to: assessment!.id },
      { organisationId: health, from: assessment!.id, to: protection!.id },
    ]);

    const policeTeam = (await t.ctx.db.selectFrom('teams').select('id').where('organisation_id', '=', police).executeTakeFirstOrThrow()).id;
    const otherTeam = await setPersonTeam(t.ctx, manager, health, visitor.id, policeTeam);
    assert.deepEqual(otherTeam.ok ? null : otherTeam.code, 'not-found');
    const otherPerson = await setPersonTeam(t.ctx, manager, health, officer.id, assessment!.id);
    assert.deepEqual(otherPerson.ok ? null : otherPerson.code, 'not-found');
    assert.deepEqual((await viewPersonTeam(t.ctx, manager, health, officer.id)).ok, false);
    const nobody = await setPersonTeam(t.ctx, manager, health, visitor.id, 'no-such-team');
    assert.deepEqual(nobody.ok ? null : nobody.code, 'not-found');
    assert.equal(await teamOf(visitor.id), protection!.id, 'unchanged');
    assert.equal(await teamOf(officer.id), null, 'unchanged');
    assert.deepEqual((await audits('user.team-change', 'denied')).map((a) => (a.details as { reason: string }).reason), ['not-found', 'not-found']);
    assert.deepEqual((await audits('user.team-change', 'failure')).map((a) => (a.details as { teamId: string }).teamId), ['no-such-team']);

    const choice = await viewPersonTeam(t.ctx, manager, health, visitor.id);
    assert.ok(choice.ok);
    assert.deepEqual(choice.value.teams.map((x) => x.name), ['Assessment team', 'Child protection team']);
    assert.equal(choice.value.person.teamId, protection!.id);
  });

  it('renames a team (audited with both names); a clash, an empty name or a team of another organisation is refused', async () => {
    const [assessment, protection] = ((await viewTeams(t.ctx, manager, health)) as { value: { teams: { id: string }[] } }).value.teams;
    const renamed = await renameTeam(t.ctx, manager, health, assessment!.id, 'Assessment and intervention');
    assert.deepEqual(renamed.ok ? renamed.value : null, { from: 'Assessment team', name: 'Assessment and intervention' });
    assert.deepEqual(await renameTeam(t.ctx, manager, health, assessment!.id, 'child PROTECTION team'), {
      ok: false,
      code: 'name-taken',
      message: 'This organisation already has a team called “child PROTECTION team”: choose another name',
    });
    assert.ok((await renameTeam(t.ctx, manager, health, assessment!.id, 'assessment AND intervention')).ok, 'its own name in another case is no clash');
    assert.equal((await team(assessment!.id)).name, 'assessment AND intervention');
    assert.deepEqual(((await renameTeam(t.ctx, manager, health, protection!.id, '')) as { code?: string }).code, 'invalid-name');
    const policeTeam = (await t.ctx.db.selectFrom('teams').select('id').where('organisation_id', '=', police).executeTakeFirstOrThrow()).id;
    assert.deepEqual(((await renameTeam(t.ctx, manager, health, policeTeam, 'Taken over')) as { code?: string }).code, 'not-found');
    assert.deepEqual(((await renameTeam(t.ctx, manager, police, policeTeam, 'Taken over')) as { code?: string }).code, 'forbidden');
    assert.equal((await team(policeTeam)).name, 'Assessment team');
    assert.equal((await audits('organisation-team.rename', 'denied')).length, 2);
    assert.deepEqual((await audits('organisation-team.rename', 'success')).map((a) => a.details), [
      { organisationId: health, from: 'Assessment team', to: 'Assessment and intervention' },
      { organisationId: health, from: 'Assessment and intervention', to: 'assessment AND intervention' },
    ]);
  });

  it('archives a team: its people are in no team, its name is free again, and it can be neither renamed, archived again nor given people', async () => {
    const [, protection] = ((await viewTeams(t.ctx, manager, health)) as { value: { teams: { id: string }[] } }).value.teams;
    const archived = await archiveTeam(t.ctx, admin, health, protection!.id);
    assert.deepEqual(archived.ok ? archived.value : null, { name: 'Child protection team', peopleOut: 1 });
    assert.equal(await teamOf(visitor.id), null);
    assert.deepEqual(((await archiveTeam(t.ctx, manager, health, protection!.id)) as { code?: string }).code, 'archived');
    assert.deepEqual(((await renameTeam(t.ctx, manager, health, protection!.id, 'Revived')) as { code?: string }).code, 'archived');
    assert.deepEqual(((await setPersonTeam(t.ctx, manager, health, visitor.id, protection!.id)) as { code?: string }).code, 'archived');
    assert.deepEqual(((await viewTeam(t.ctx, manager, health, protection!.id)) as { code?: string }).code, 'archived');
    assert.equal(await teamOf(visitor.id), null);
    for (const action of ['organisation-team.archive', 'organisation-team.rename', 'user.team-change']) {
      assert.ok((await audits(action, 'failure')).some((a) => (a.details as { reason: string }).reason === 'archived'), action);
    }
    assert.ok((await createTeam(t.ctx, manager, health, 'Child protection team')).ok, 'the name is free again');
    const listed = await viewTeams(t.ctx, manager, health);
    assert.deepEqual(listed.ok ? listed.value.teams.map((x) => [x.name, x.archivedAt !== null]) : null, [
      ['assessment AND intervention', false],
      ['Child protection team', false],
      ['Child protection team', true],
    ]);
  });

  it('holds a person to a team of their own organisation in the database too', async () => {
    const policeTeam = (await t.ctx.db.selectFrom('teams').select('id').where('organisation_id', '=', police).executeTakeFirstOrThrow()).id;
    await assert.rejects(t.ctx.db.updateTable('users').set({ team_id: policeTeam }).where('id', '=', visitor.id).execute());
  });
});
