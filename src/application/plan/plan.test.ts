import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { PlanDraft } from '../../domain/plan/plan.types.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { updateFactor } from '../profile/update-factor.ts';
import { updatePlan } from './update-plan.ts';
import { viewPlan } from './view-plan.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('viewing and changing the plan', () => {
  let t: TestApp;
  let caseId: string;
  let lead: User;
  let member: User;
  let outsider: User;
  const mum = 'plan-mum';

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Plan Health Visiting');
    lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Hana Lead' });
    member = await makeUser(t.ctx, { name: 'Gina Member' });
    outsider = await makeUser(t.ctx, { name: 'Out Sider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Planned', teamUserIds: [lead.id, member.id] }));
    await makePerson(t.ctx, caseId, { id: mum, given_name: 'Grace', family_name: 'Planned', history_checked: true });
    const drinking = await updateFactor(t.ctx, actorFor(lead), caseId, { factorId: 'alcohol-misuse', personId: mum, status: 'present', pattern: 'stable', detail: 'Drinks most evenings', evidence: [], version: 0 });
    assert.ok(drinking.ok, JSON.stringify(drinking));
  });
  after(async () => t.close());

  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const auditSince = async (seq: string) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_type', 'details']).where('seq', '>', seq).orderBy('seq').execute();
  const planRows = async () => t.ctx.db.selectFrom('case_plans').select('version').where('case_id', '=', caseId).orderBy('version').execute();

  const firstPlan = (): PlanDraft => ({
    level: 'early-help',
    outcomes: ['Ruby sleeps safely every night'],
    checkItems: [{ text: 'Is Grace Planned drinking', question: 'Any sign of drinking?', factorId: 'alcohol-misuse', personId: mum, checkedBy: [], frequency: 'every-contact' }],
    actions: [{ text: 'Refer Grace to the recovery service', owner: { userId: member.id }, dueOn: '2026-12-01', status: 'open' }],
  });

  it('shows no plan yet (version 0) with the check items the profile suggests, and audits the look', async () => {
    const before = await lastSeq();
    const result = await viewPlan(t.ctx, actorFor(member), caseId);
    assert.ok(result.ok);
    assert.equal(result.value.plan, null);
    // Nobody has seen the baby and mum is barely assessed: the findings ask for those checks too.
    assert.deepEqual(result.value.suggestions.map((s) => [s.text, s.personId]), [
      ['Baby seen awake and undressed', undefined],
      ['Who is staying at the home', undefined],
      ['Is Grace Planned drinking', mum],
    ]);
    assert.equal(result.value.caseLevel, 'universal');
    assert.equal(result.value.today, serviceToday(t.clock.now()));
    assert.deepEqual(result.value.team.map((m) => m.name), ['Hana Lead', 'Gina Member']);
    assert.deepEqual(await auditSince(before), [{ action: 'plan.view', outcome: 'success', subject_type: 'plan', details: { basis: 'team-member', planVersion: 0 } }]);
  });

  it('saves the first plan on version 0 as version 1, with ids, audited, and no profile version', async () => {
    const profileVersion = (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;
    const before = await lastSeq();
    const saved = await updatePlan(t.ctx, actorFor(lead), caseId, { version: 0, plan: firstPlan() });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal(saved.value.version, 1);
    assert.equal(saved.value.recordedBy, 'Hana Lead');
    assert.match(saved.value.checkItems[0]!.id, /^[0-9a-f-]{36}$/);
    assert.match(saved.value.actions[0]!.id, /^[0-9a-f-]{36}$/);
    assert.equal(saved.value.checkItems[0]!.since, serviceToday(t.clock.now()));
    assert.deepEqual(await planRows(), [{ version: 1 }]);
    const audits = await auditSince(before);
    assert.deepEqual(audits.map((a) => [a.action, a.outcome, a.subject_type]), [['plan.update', 'success', 'plan']]);
    assert.deepEqual(audits[0]!.details, { planVersion: 1, level: 'early-help', levelChanged: false, itemsAdded: 1, itemsRemoved: 0, actionsAdded: 1, actionsClosed: 0, visitsAdded: 0, visitsRemoved: 0 });
    const after = (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;
    assert.equal(after, profileVersion, 'the plan is not what the profile is evaluated from');

    const viewed = await viewPlan(t.ctx, actorFor(lead), caseId);
    assert.ok(viewed.ok);
    assert.deepEqual(viewed.value.plan, saved.value);
    assert.equal(viewed.value.ownerNames[member.id], 'Gina Member');
  });

  it('refuses a stale version with the plan as it stands, changes nothing, and audits the failure', async () => {
    const before = await lastSeq();
    const stale = await updatePlan(t.ctx, actorFor(member), caseId, { version: 0, plan: firstPlan() });
    assert.equal(stale.ok, false);
    assert.ok(!stale.ok && stale.code === 'stale');
    assert.equal(stale.current?.version, 1);
    assert.deepEqual(await planRows(), [{ version: 1 }]);
    assert.deepEqual((await auditSince(before)).map((a) => [a.action, a.outcome, a.details]), [['plan.update', 'failure', { reason: 'stale', sentVersion: 0, planVersion: 1 }]]);
  });

  it('refuses a plan the domain does not accept, with the problems and their paths, and keeps the old one', async () => {
    const current = await viewPlan(t.ctx, actorFor(lead), caseId);
    assert.ok(current.ok && current.value.plan);
    const plan = current.value.plan;
    const result = await updatePlan(t.ctx, actorFor(lead), caseId, {
      version: 1,
      plan: {
        ...plan,
        checkItems: [...plan.checkItems, { text: 'Who is there', personId: 'someone-else', frequency: 'weekly' }],
        actions: [{ ...plan.actions[0]!, status: 'dropped' }, { text: 'Chase the GP', owner: { userId: randomUUID() }, status: 'open' }],
      },
    });
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.problems.map((p) => `${p.code} ${p.path}`), [
      'unknown-person /checkItems/1/personId',
      'dropped-reason-needed /actions/0/droppedReason',
      'unknown-owner /actions/1/owner/userId',
      'due-date-needed /actions/1/dueOn',
    ]);
    assert.deepEqual(await planRows(), [{ version: 1 }]);
  });

  it('changes the plan on the current version: an action done, an item dropped, an owner outside the service', async () => {
    const current = await viewPlan(t.ctx, actorFor(member), caseId);
    assert.ok(current.ok && current.value.plan);
    const plan = current.value.plan;
    const saved = await updatePlan(t.ctx, actorFor(member), caseId, {
      version: 1,
      plan: { ...plan, level: 'child-in-need', checkItems: [], actions: [{ ...plan.actions[0]!, status: 'done' }, { text: 'Paediatric review', owner: { name: 'Dr Patel' }, dueOn: '2026-12-10', status: 'open' }] },
    });
    assert.ok(saved.ok, JSON.stringify(saved));
    assert.equal(saved.value.version, 2);
    assert.equal(saved.value.actions[0]!.id, plan.actions[0]!.id, 'an action keeps its id');
    assert.deepEqual(saved.value.actions.map((a) => a.status), ['done', 'open']);
    assert.deepEqual(await planRows(), [{ version: 1 }, { version: 2 }]);
  });

  it('keeps every version as it was: a version cannot be changed or deleted', async () => {
    await assert.rejects(t.ctx.db.updateTable('case_plans').set({ level: 'universal' }).where('case_id', '=', caseId).execute(), /append-only/);
    await assert.rejects(t.ctx.db.deleteFrom('case_plans').where('case_id', '=', caseId).execute(), /append-only/);
  });

  it('shows someone outside the team nothing, refuses their change, and audits both; a missing case is not found', async () => {
    const before = await lastSeq();
    const seen = await viewPlan(t.ctx, actorFor(outsider), caseId);
    assert.deepEqual(seen, { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' });
    const changed = await updatePlan(t.ctx, actorFor(outsider), caseId, { version: 2, plan: firstPlan() });
    assert.ok(!changed.ok && changed.code === 'forbidden');
    assert.deepEqual((await auditSince(before)).map((a) => [a.action, a.outcome, a.subject_type]), [
      ['plan.view', 'denied', 'plan'],
      ['plan.update', 'denied', 'plan'],
    ]);
    assert.deepEqual(await planRows(), [{ version: 1 }, { version: 2 }]);
    const missing = randomUUID();
    assert.equal((await viewPlan(t.ctx, actorFor(lead), missing)).ok, false);
    const notFound = await updatePlan(t.ctx, actorFor(lead), missing, { version: 0, plan: firstPlan() });
    assert.ok(!notFound.ok && notFound.code === 'not-found');
  });

  it('refuses the form to change it to emergency access, audited, while showing the plan', async () => {
    const police = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'police')).id });
    const now = t.clock.now();
    await t.ctx.db.insertInto('break_glass_access').values({ case_id: caseId, id: randomUUID(), user_id: police.id, reason: 'test', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();
    const read = await viewPlan(t.ctx, actorFor(police), caseId);
    assert.ok(read.ok && !read.value.canChange && read.value.plan?.version === 2);
    const before = await lastSeq();
    const form = await viewPlan(t.ctx, actorFor(police), caseId, { action: 'plan.update', need: 'change' });
    assert.ok(!form.ok && form.code === 'forbidden');
    const changed = await updatePlan(t.ctx, actorFor(police), caseId, { version: 2, plan: firstPlan() });
    assert.ok(!changed.ok && changed.code === 'forbidden');
    assert.deepEqual((await auditSince(before)).map((a) => [a.action, a.outcome]), [
      ['plan.update', 'denied'],
      ['plan.update', 'denied'],
    ]);
  });

  it('lets one of two saves on the same version win: the other is stale', async () => {
    const current = await viewPlan(t.ctx, actorFor(lead), caseId);
    assert.ok(current.ok && current.value.plan);
    const { version, level, outcomes, checkItems, actions } = current.value.plan;
    const plan = { level, outcomes, checkItems, actions };
    const results = await Promise.all([updatePlan(t.ctx, actorFor(lead), caseId, { version, plan }), updatePlan(t.ctx, actorFor(member), caseId, { version, plan })]);
    assert.deepEqual(results.map((r) => (r.ok ? 'saved' : r.code)).sort(), ['saved', 'stale']);
  });
});
