import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, ageInYears, daysFrom } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { signIn } from '../auth/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_ACCOUNTS, DEMO_FAMILIES, DEMO_ORGANISATIONS, DEMO_PASSWORD } from './demo-partnership.ts';
import { seedDemoPartnership } from './seed-demo-partnership.ts';

describe('demo partnership', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(async () => t.close());

  it('has an organisation of every agency kind the reviews name, and every role', async () => {
    const kinds = new Set(DEMO_ORGANISATIONS.map((o) => o.kind));
    for (const kind of ['midwifery', 'health-visiting', 'gp', 'hospital', 'childrens-social-care', 'police', 'housing', 'adult-mental-health', 'substance-misuse']) {
      assert.ok(kinds.has(kind as never), kind);
    }
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    assert.deepEqual([...roles].sort(), ['admin', 'manager', 'practitioner', 'safeguarding-lead']);
    const organisations = await t.ctx.db.selectFrom('organisations').select('id').execute();
    assert.equal(organisations.length, DEMO_ORGANISATIONS.length);
  });

  it('seeds families with an unborn baby, an unknown adult, a separated father and a half-sibling', async () => {
    const cases = await t.ctx.db.selectFrom('cases').select(['status']).execute();
    assert.equal(cases.length, DEMO_FAMILIES.length);
    assert.ok(cases.some((c) => c.status === 'unborn'));
    const people = await t.ctx.db.selectFrom('people').selectAll().execute();
    assert.ok(people.some((p) => !p.identity_known), 'an unknown adult');
    assert.ok(people.some((p) => p.relationship_to_infant === 'father' && !p.lives_in_household), 'a father living elsewhere');
    assert.ok(people.some((p) => p.relationship_to_infant === 'half-sibling'));
    const relationships = await t.ctx.db.selectFrom('person_relationships').select('kind').execute();
    for (const kind of ['separated', 'ex-partners', 'partners', 'parent-of']) assert.ok(relationships.some((r) => r.kind === kind), kind);
    const leads = await t.ctx.db.selectFrom('case_team').select('case_id').where('role', '=', 'lead-professional').execute();
    assert.equal(new Set(leads.map((l) => l.case_id)).size, DEMO_FAMILIES.length, 'every family has a lead professional');
  });

  it("has most adults' history checked, leaving a named partner unchecked so the demo shows hidden risk", async () => {
    const adults = await t.ctx.db.selectFrom('people').select(['given_name', 'history_checked']).where('relationship_to_infant', 'not in', ['sibling', 'half-sibling']).execute();
    const checked = adults.filter((p) => p.history_checked);
    assert.ok(checked.length > adults.length / 2, `${checked.length} of ${adults.length} checked`);
    assert.ok(adults.some((p) => p.given_name === 'Ryan' && !p.history_checked), 'Ryan Cole, the partner who moved in, is not checked');
  });

  it('dates every family from the service’s today: the baby born or due by its offset, each adult their age and 100 days', async () => {
    const today = serviceToday(t.clock.now());
    const cases = await t.ctx.db.selectFrom('cases').select(['family_name', 'date_of_birth', 'expected_delivery_date']).execute();
    const people = await t.ctx.db.selectFrom('people').select(['given_name', 'family_name', 'date_of_birth']).execute();
    for (const family of DEMO_FAMILIES) {
      const record = cases.find((c) => c.family_name === family.familyName);
      assert.equal(record?.date_of_birth ?? record?.expected_delivery_date, addDays(today, family.dayOffset), family.familyName);
      for (const person of family.people) {
        if (person.ageYears === undefined) continue;
        const born = people.find((p) => p.given_name === person.givenName && p.family_name === person.familyName)?.date_of_birth ?? '';
        assert.equal(ageInYears(born, today), person.ageYears, `${String(person.givenName)}'s age`);
        assert.equal(daysFrom(born, today), Math.round(person.ageYears * 365.25 + 100), `${String(person.givenName)}'s days`);
      }
    }
  });

  it('lets every demo account sign in with the demo password', async () => {
    for (const account of DEMO_ACCOUNTS.slice(0, 3)) {
      const result = await signIn(t.ctx, { email: account.email, password: DEMO_PASSWORD, channel: 'web', ip: null });
      assert.ok(result.ok, account.email);
    }
  });

  it('gives children’s social care two teams, the social worker in one and its safeguarding lead in the other', async () => {
    const members = await t.ctx.db
      .selectFrom('teams')
      .innerJoin('organisations', 'organisations.id', 'teams.organisation_id')
      .leftJoin('users', 'users.team_id', 'teams.id')
      .select(['organisations.name as organisation', 'teams.name as team', 'users.email'])
      .orderBy('teams.name')
      .execute();
    assert.deepEqual(members, [
      { organisation: "Northfield Children's Social Care", team: 'Assessment team', email: 'social-worker@demo.example' },
      { organisation: "Northfield Children's Social Care", team: 'Child protection team', email: 'safeguarding-lead@demo.example' },
    ]);
  });

  it('changes nothing when the database already has data, and audits the first seeding', async () => {
    assert.equal(await seedDemoPartnership(t.ctx), false);
    assert.equal((await t.ctx.db.selectFrom('organisations').select('id').execute()).length, DEMO_ORGANISATIONS.length);
    const seeded = await t.ctx.db.selectFrom('audit_log').select('channel').where('action', '=', 'demo.seed').execute();
    assert.deepEqual(seeded, [{ channel: 'system' }]);
  });
});
