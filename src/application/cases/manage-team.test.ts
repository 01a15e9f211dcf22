// Adding to the team around the family on the test database (PGlite, or PostgreSQL with
// DATABASE_URL): the profile reads which kinds of agency are in the team, so a member from a new
// kind of agency writes a profile version (and the kept profile is never stale); any other change
// to the team is audited, not versioned. Days come from the test clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { addToTeam } from './manage-team.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('adding to the team around the family', () => {
  let t: TestApp;
  let today: string;
  let visitor: User;
  let nurse: User;
  let socialWorker: User;
  let anotherSocialWorker: User;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'Northfield General');
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care', 'County social care');
    visitor = await makeUser(t.ctx, { name: 'Claire Dobson' });
    nurse = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Helen Brooks' });
    socialWorker = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Tom Adeyemi' });
    anotherSocialWorker = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Priya Shah' });
  });
  after(async () => t.close());

  const versionOf = async (caseId: string) => (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;
  const versionRow = async (caseId: string, version: number) =>
    t.ctx.db.selectFrom('profile_versions').select(['kind', 'change', 'findings', 'changed_by_name']).where('case_id', '=', caseId).where('version', '=', version).executeTakeFirstOrThrow();
  const teamAudit = async (caseId: string) => t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'team.add').where('case_id', '=', caseId).orderBy('seq').execute();

  it('raises discharge-without-plan in the version written when a social worker joins the team of a baby sent home with no plan', async () => {
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Home', teamUserIds: [visitor.id, nurse.id] });
    for (const [kind, on] of [['hospital-admission', addDays(today, -9)], ['hospital-discharge', addDays(today, -2)]] as const) {
      const entry = await recordEntry(t.ctx, actorFor(nurse), caseId, { kind, occurredAt: on, summary: 'Feeding problems', source: 'agency-record' });
      assert.ok(entry.ok, JSON.stringify(entry));
    }
    const shown = async () => ((await t.ctx.profiles.read(t.ctx, caseId))?.evaluation.findings ?? []).map((f) => f.id);
    assert.ok(!(await shown()).includes('discharge-without-plan'), 'no social worker in the team yet');
    const before = await versionOf(caseId);

    const added = await addToTeam(t.ctx, actorFor(visitor), { caseId, userId: socialWorker.id, role: 'member' });
    assert.ok(added.ok, JSON.stringify(added));
    assert.equal(await versionOf(caseId), before + 1);
    const row = await versionRow(caseId, before + 1);
    assert.equal(row.kind, 'team');
    assert.deepEqual(row.change, { summary: "Tom Adeyemi (Children's social care) joined the team around the family", userId: socialWorker.id, agency: 'childrens-social-care' });
    assert.equal(row.changed_by_name, 'Claire Dobson');
    const finding = (row.findings ?? []).find((f) => f.id === 'discharge-without-plan');
    assert.equal(finding?.severity, 'high');
    assert.match(finding?.rationale ?? '', /went home from hospital on .* with no discharge plan recorded for the stay, and a social worker in the team/);
    assert.ok((await shown()).includes('discharge-without-plan'), 'the kept profile is read again at the new version');
    const [audit] = await teamAudit(caseId);
    assert.deepEqual(audit, { outcome: 'success', details: { role: 'member', agency: 'childrens-social-care', profileVersion: before + 1 } });
  });

  it('writes no version for a member from an agency already in the team, or for a new lead from the team', async () => {
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Same', teamUserIds: [visitor.id, socialWorker.id] });
    const before = await versionOf(caseId);
    const second = await addToTeam(t.ctx, actorFor(visitor), { caseId, userId: anotherSocialWorker.id, role: 'member' });
    assert.ok(second.ok, JSON.stringify(second));
    const lead = await addToTeam(t.ctx, actorFor(visitor), { caseId, userId: socialWorker.id, role: 'lead-professional' });
    assert.ok(lead.ok, JSON.stringify(lead));
    assert.equal(await versionOf(caseId), before);
    assert.deepEqual((await teamAudit(caseId)).map((a) => a.details), [{ role: 'member' }, { role: 'lead-professional' }]);
  });

  it('changes nothing and writes no version when refused', async () => {
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Refused', teamUserIds: [visitor.id, nurse.id] });
    const before = await versionOf(caseId);
    const refused = await addToTeam(t.ctx, actorFor(nurse), { caseId, userId: socialWorker.id, role: 'member' });
    assert.ok(!refused.ok && refused.code === 'forbidden');
    const outsider = await addToTeam(t.ctx, actorFor(anotherSocialWorker), { caseId, userId: socialWorker.id, role: 'member' });
    assert.ok(!outsider.ok && outsider.code === 'forbidden');
    assert.equal(await versionOf(caseId), before);
    assert.deepEqual((await teamAudit(caseId)).map((a) => a.outcome), ['denied', 'denied']);
    const members = await t.ctx.db.selectFrom('case_team').select('user_id').where('case_id', '=', caseId).execute();
    assert.equal(members.length, 2);
  });
});
