// Recording and listing discharge plans on the test database (PGlite, or PostgreSQL with
// DATABASE_URL): one chronology entry through the one way to change a case, audited and versioned,
// refusals audited, and the plans read back from the chronology. Days come from the test clock.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { DischargePlanDraft } from '../../domain/discharge/discharge-plan.types.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { listDischargePlans } from './list-discharge-plans.ts';
import { recordDischargePlan } from './record-discharge-plan.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('recording and listing discharge plans', () => {
  let t: TestApp;
  let caseId: string;
  let nurse: User;
  let visitor: User;
  let outsider: User;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'Northfield General');
    nurse = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Helen Brooks' });
    visitor = await makeUser(t.ctx, { name: 'Claire Dobson' });
    outsider = await makeUser(t.ctx, { name: 'Out Sider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Home', teamUserIds: [visitor.id, nurse.id] }));
    await t.ctx.db.updateTable('cases').set({ gestation_at_birth_weeks: 34, birth_weight_grams: 2100 }).where('id', '=', caseId).execute();
  });
  after(async () => t.close());

  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const auditSince = async (seq: string) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_type', 'details']).where('seq', '>', seq).orderBy('seq').execute();
  const planEntries = async (id = caseId) => t.ctx.db.selectFrom('chronology_entries').select(['id', 'kind', 'source', 'summary', 'details', 'occurred_on']).where('case_id', '=', id).where('kind', '=', 'discharge-plan').execute();
  const profileVersion = async () => (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;

  const plan = (over: Partial<DischargePlanDraft> = {}): DischargePlanDraft => ({
    stay: 'neonatal-unit',
    dischargeOn: addDays(today, 1),
    firstVisit: { agency: 'health-visiting', name: 'Claire Dobson', by: addDays(today, 2) },
    feedingAndHandling: 'Feeds every three hours; lift with the ribs supported',
    followUps: [{ what: 'Neonatal outpatients', where: 'Northfield General', on: addDays(today, 14) }],
    socialWorker: { status: 'no-social-worker' },
    gp: { status: 'told', toldOn: today, toldBy: 'Helen Brooks' },
    ...over,
  });

  it('records a plan as one chronology entry through the one way to change a case: audited, versioned, the plan in its details', async () => {
    const versionBefore = await profileVersion();
    const before = await lastSeq();
    const result = await recordDischargePlan(t.ctx, actorFor(nurse), caseId, plan({ attendees: [{ name: 'Helen Brooks', agency: 'hospital' }] }));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.recordedBy, 'Helen Brooks');
    assert.equal(result.value.agency, 'Northfield General');
    assert.deepEqual(result.value.plan.fragile, ['preterm', 'low-birth-weight', 'neonatal-stay']);
    assert.equal(result.value.profileVersion, versionBefore + 1);
    assert.equal(await profileVersion(), versionBefore + 1, 'the profile reads the chronology: a new version');
    const [entry, ...more] = await planEntries();
    assert.equal(more.length, 0);
    assert.equal(entry!.id, result.value.entryId);
    assert.equal(entry!.source, 'professional-judgement', 'made on the page: the practitioner\'s own plan, not another agency\'s record');
    assert.equal(entry!.occurred_on, today);
    assert.match(entry!.summary, /^Discharge plan for leaving a neonatal unit on .*; first seen at home by Claire Dobson \(Health visiting\)/);
    assert.deepEqual(entry!.details, { form: 'discharge-plan', dischargePlan: result.value.plan });
    const audits = await auditSince(before);
    assert.deepEqual(audits.map((a) => [a.action, a.outcome, a.subject_type]), [['discharge-plan.record', 'success', 'chronology-entry']]);
    assert.deepEqual(audits[0]!.details, {
      stay: 'neonatal-unit',
      dischargeOn: addDays(today, 1),
      firstVisitBy: addDays(today, 2),
      followUps: 1,
      socialWorker: 'no-social-worker',
      gp: 'told',
      fragile: ['preterm', 'low-birth-weight', 'neonatal-stay'],
      notes: [],
      profileVersion: versionBefore + 1,
    });
    const history = await t.ctx.db.selectFrom('profile_versions').select(['version', 'change']).where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
    assert.match(JSON.stringify(history.change), /Discharge plan agreed/);
  });

  it('refuses an invalid plan, audited as a failure naming its problems, storing nothing', async () => {
    const before = await lastSeq();
    const versionBefore = await profileVersion();
    const result = await recordDischargePlan(t.ctx, actorFor(visitor), caseId, plan({ feedingAndHandling: ' ', dischargeOn: '2026-09-30', socialWorker: { status: '' } }));
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.problems, [
      { path: '/dischargeOn', code: 'discharge-before-birth' },
      { path: '/feedingAndHandling', code: 'advice-needed' },
      { path: '/socialWorker/status', code: 'social-worker-needed' },
    ]);
    assert.equal((await planEntries()).length, 1);
    assert.equal(await profileVersion(), versionBefore);
    assert.deepEqual(await auditSince(before), [{ action: 'discharge-plan.record', outcome: 'failure', subject_type: 'case', details: { reason: 'invalid', problems: ['discharge-before-birth', 'advice-needed', 'social-worker-needed'] } }]);
  });

  it('refuses "no social worker" once children’s social care is on the team', async () => {
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    const worker = await makeUser(t.ctx, { organisationId: csc.id, name: 'Tom Adeyemi' });
    const { id: otherCase } = await makeCase(t.ctx, { familyName: 'Worked', teamUserIds: [nurse.id, worker.id] });
    const refused = await recordDischargePlan(t.ctx, actorFor(nurse), otherCase, plan());
    assert.ok(!refused.ok && refused.code === 'invalid');
    assert.deepEqual(refused.problems, [{ path: '/socialWorker/status', code: 'social-worker-on-team' }]);
    const told = await recordDischargePlan(t.ctx, actorFor(nurse), otherCase, plan({ socialWorker: { status: 'told', toldOn: addDays(today, -1), toldBy: 'Helen Brooks' } }));
    assert.ok(told.ok, JSON.stringify(told));
    assert.equal((await planEntries(otherCase)).length, 1);
  });

  it('refuses someone outside the team, audited as denied, and answers not found for no such case', async () => {
    const before = await lastSeq();
    const refused = await recordDischargePlan(t.ctx, actorFor(outsider), caseId, plan());
    assert.ok(!refused.ok && refused.code === 'forbidden');
    assert.equal((await planEntries()).length, 1);
    const missing = await recordDischargePlan(t.ctx, actorFor(nurse), randomUUID(), plan());
    assert.ok(!missing.ok && missing.code === 'not-found');
    const look = await listDischargePlans(t.ctx, actorFor(outsider), caseId);
    assert.ok(!look.ok && look.code === 'forbidden');
    const none = await listDischargePlans(t.ctx, actorFor(nurse), randomUUID());
    assert.ok(!none.ok && none.code === 'not-found');
    const audits = await auditSince(before);
    assert.deepEqual(audits.map((a) => [a.action, a.outcome]), [['discharge-plan.record', 'denied'], ['discharge-plan.list', 'denied'], ['discharge-plan.list', 'failure']]);
  });

  it('lists the plans from the chronology, the latest stay first, an earlier plan for the same stay marked, an agency’s entry with its summary only', async () => {
    const readmission = await recordDischargePlan(t.ctx, actorFor(nurse), caseId, plan({ stay: 'hospital', dischargeOn: addDays(today, 5), firstVisit: { agency: 'health-visiting', name: 'Claire Dobson', by: addDays(today, 12) }, gp: { status: 'not-yet-told' }, followUps: [] }));
    assert.ok(readmission.ok);
    assert.deepEqual(readmission.value.notes.map((n) => n.code), ['first-visit-late', 'gp-not-yet-told', 'no-follow-up']);
    t.clock.advanceMinutes(5);
    const again = await recordDischargePlan(t.ctx, actorFor(visitor), caseId, plan());
    assert.ok(again.ok);
    // An agency system may send a discharge plan entry of its own, without the form's details.
    const sent = await recordEntry(t.ctx, actorFor(nurse), caseId, { kind: 'discharge-plan', occurredAt: addDays(today, -20), summary: 'Ward plan agreed (ward system)', source: 'agency-record' });
    assert.ok(sent.ok);
    const before = await lastSeq();
    const listed = await listDischargePlans(t.ctx, actorFor(visitor), caseId);
    assert.ok(listed.ok);
    const { plans } = listed.value;
    assert.deepEqual(
      plans.map((p) => [p.plan?.stay ?? null, p.plan?.dischargeOn ?? p.recordedOn, p.recordedBy, p.superseded]),
      [
        ['hospital', addDays(today, 5), 'Helen Brooks', false],
        ['neonatal-unit', addDays(today, 1), 'Claire Dobson', false],
        ['neonatal-unit', addDays(today, 1), 'Helen Brooks', true],
        [null, addDays(today, -20), 'Helen Brooks', false],
      ],
    );
    assert.equal(plans[3]!.summary, 'Ward plan agreed (ward system)');
    assert.deepEqual(listed.value.fragile, ['preterm', 'low-birth-weight'], 'a neonatal stay counts from admissions and discharges in the chronology, not from plans');
    const admitted = await recordEntry(t.ctx, actorFor(nurse), caseId, { kind: 'neonatal-admission', occurredAt: addDays(today, -30), summary: 'Admitted to the neonatal unit', source: 'agency-record' });
    assert.ok(admitted.ok);
    const after = await listDischargePlans(t.ctx, actorFor(visitor), caseId);
    assert.ok(after.ok && after.value.context.hadNeonatalStay);
    assert.deepEqual(after.value.fragile, ['preterm', 'low-birth-weight', 'neonatal-stay']);
    assert.equal(listed.value.context.teamHasSocialWorker, false);
    assert.equal(listed.value.canChange, true);
    assert.equal(listed.value.babyName, 'Test Home');
    assert.deepEqual((await auditSince(before))[0], { action: 'discharge-plan.list', outcome: 'success', subject_type: 'case', details: { basis: 'lead-professional', plans: 4 } });
  });

  it('notes a first home visit not recorded once its day has passed, until a home visit sees the baby', async () => {
    const { id: quietCase } = await makeCase(t.ctx, { familyName: 'Quiet', teamUserIds: [visitor.id] });
    const recorded = await recordDischargePlan(t.ctx, actorFor(visitor), quietCase, plan({ stay: 'hospital', dischargeOn: addDays(today, -6), firstVisit: { agency: 'health-visiting', name: 'Claire', by: addDays(today, -5) }, feedingAndHandling: 'Usual advice' }));
    assert.ok(recorded.ok, JSON.stringify(recorded));
    const notes = async () => {
      const listed = await listDischargePlans(t.ctx, actorFor(visitor), quietCase);
      assert.ok(listed.ok);
      return listed.value.plans[0]!.notes.map((n) => n.code);
    };
    assert.deepEqual(await notes(), ['first-visit-not-recorded']);
    const visit = await recordEntry(t.ctx, actorFor(visitor), quietCase, { kind: 'home-visit', occurredAt: addDays(today, -1), summary: 'Seen at home', source: 'observed', babySeen: true });
    assert.ok(visit.ok);
    assert.deepEqual(await notes(), []);
  });

  it('clears the discharge-without-plan finding a discharge raised: the plan is in the chronology the profile reads', async () => {
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    const worker = await makeUser(t.ctx, { organisationId: csc.id, name: 'Tom Adeyemi' });
    const { id: infant2 } = await makeCase(t.ctx, { familyName: 'Readmitted', teamUserIds: [worker.id, nurse.id] });
    const findings = async () => ((await t.ctx.profiles.read(t.ctx, infant2))?.evaluation.findings ?? []).map((f) => f.id);
    for (const [kind, on] of [['hospital-admission', addDays(today, -9)], ['hospital-discharge', addDays(today, -1)]] as const) {
      const entry = await recordEntry(t.ctx, actorFor(nurse), infant2, { kind, occurredAt: on, summary: 'Feeding problems', source: 'agency-record' });
      assert.ok(entry.ok, JSON.stringify(entry));
    }
    assert.ok((await findings()).includes('discharge-without-plan'));
    const recorded = await recordDischargePlan(
      t.ctx,
      actorFor(nurse),
      infant2,
      plan({ stay: 'hospital', dischargeOn: addDays(today, -1), firstVisit: { agency: 'health-visiting', name: 'Claire', by: addDays(today, 1) }, socialWorker: { status: 'told', toldOn: today, toldBy: 'Helen Brooks' } }),
    );
    assert.ok(recorded.ok, JSON.stringify(recorded));
    assert.deepEqual(recorded.value.notes.map((n) => n.code), ['social-worker-told-after-discharge']);
    assert.ok(!(await findings()).includes('discharge-without-plan'));
  });

  it('refuses a plan for a baby not yet born', async () => {
    const { id: unborn } = await makeCase(t.ctx, { familyName: 'Soon', teamUserIds: [visitor.id] });
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: addDays(today, 30) }).where('id', '=', unborn).execute();
    const refused = await recordDischargePlan(t.ctx, actorFor(visitor), unborn, plan());
    assert.ok(!refused.ok && refused.code === 'invalid');
    assert.deepEqual(refused.problems.map((p) => p.code), ['not-born']);
  });
});
