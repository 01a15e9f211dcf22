// Infant 2 of the Derby and Derbyshire review (sections 5.18 to 5.23), replayed through the
// application on the test database (PGlite, or PostgreSQL with DATABASE_URL): a baby born early
// with a chromosome abnormality, six weeks on the neonatal unit and home with a plan; a social
// worker allocated; then, at three months, eight days back in hospital for feeding problems and poor
// weight gain, and a discharge home that nobody planned and nobody told the social worker about.
// The same service day the discharge is recorded, the profile shows `discharge-without-plan`, the
// discharge alert reaches the social worker, and the plan suggests seeing the baby; recording a
// discharge plan for that stay clears the finding in the version it writes. Names are invented and
// days come from the test clock (22 November 2026).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { listMyAlerts } from '../src/application/alerts/list-alerts.ts';
import { addToTeam } from '../src/application/cases/manage-team.ts';
import { recordEntry, type EntryInput } from '../src/application/chronology/record-entry.ts';
import { recordDischargePlan } from '../src/application/discharge/record-discharge-plan.ts';
import { viewPlan } from '../src/application/plan/view-plan.ts';
import { viewProfile } from '../src/application/profile/view-profile.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('Infant 2 (Derby and Derbyshire review, 5.18-5.23): a readmission and a discharge nobody planned', () => {
  let t: TestApp;
  let today: string;
  let caseId: string;
  let healthVisitor: User;
  let nurse: User;
  let socialWorker: User;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'Royal Derby Hospital');
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care', 'Derby City social care');
    healthVisitor = await makeUser(t.ctx, { name: 'Claire Dobson' });
    nurse = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Helen Brooks' });
    socialWorker = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Tom Adeyemi' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Doyle', teamUserIds: [healthVisitor.id, nurse.id] }));
    // 5.18-5.19: born at 33 weeks, 1,900 g, with a chromosome abnormality.
    await t.ctx.db
      .updateTable('cases')
      .set({ given_name: 'Baby', date_of_birth: addDays(today, -135), expected_delivery_date: addDays(today, -86), gestation_at_birth_weeks: 33, birth_weight_grams: 1900, independently_mobile: false })
      .where('id', '=', caseId)
      .execute();
  });
  after(async () => t.close());

  const record = async (by: User, entry: EntryInput) => {
    const recorded = await recordEntry(t.ctx, actorFor(by), caseId, entry);
    assert.ok(recorded.ok, JSON.stringify(recorded));
    return recorded;
  };
  const findingsSeenBy = async (user: User) => {
    const profile = await viewProfile(t.ctx, actorFor(user), caseId);
    assert.ok(profile.ok);
    return profile.value.evaluation.findings;
  };
  const versionFindings = async (version: number) =>
    (await t.ctx.db.selectFrom('profile_versions').select('findings').where('case_id', '=', caseId).where('version', '=', version).executeTakeFirstOrThrow()).findings ?? [];

  it('5.19-5.20: six weeks on the neonatal unit, home with a discharge plan: nothing to raise', async () => {
    await record(nurse, { kind: 'neonatal-admission', occurredAt: addDays(today, -135), summary: 'Admitted to the neonatal unit at birth', source: 'agency-record' });
    await record(nurse, { kind: 'discharge-plan', occurredAt: addDays(today, -95), summary: 'Neonatal discharge plan agreed with the parents (ward system)', source: 'agency-record' });
    await record(nurse, { kind: 'neonatal-discharge', occurredAt: addDays(today, -92), summary: 'Home with a feeding tube', source: 'agency-record' });
    const ids = (await findingsSeenBy(healthVisitor)).map((f) => f.id);
    assert.ok(!ids.includes('discharge-without-plan'));
  });

  it('5.21: a social worker is allocated: the neonatal discharge had its plan, so still nothing to raise', async () => {
    const added = await addToTeam(t.ctx, actorFor(healthVisitor), { caseId, userId: socialWorker.id, role: 'member' });
    assert.ok(added.ok, JSON.stringify(added));
    assert.ok(!(await findingsSeenBy(socialWorker)).some((f) => f.id === 'discharge-without-plan'));
  });

  it('5.23: readmitted at three months; an admission alone raises nothing', async () => {
    await record(nurse, { kind: 'hospital-admission', occurredAt: addDays(today, -8), summary: 'Readmitted: feeding problems and poor weight gain', source: 'agency-record' });
    assert.ok(!(await findingsSeenBy(socialWorker)).some((f) => f.id === 'discharge-without-plan'));
  });

  let dischargeVersion = 0;

  it('5.23: discharged with no plan and the social worker not told: the same day the profile shows it and the alert reaches the social worker', async () => {
    const discharged = await record(nurse, { kind: 'hospital-discharge', occurredAt: `${today}T08:30:00Z`, summary: 'Discharged home from the children’s ward', source: 'agency-record' });
    assert.equal(serviceToday(t.clock.now()), today, 'the same service day');
    assert.deepEqual(discharged.alerts.map((a) => [a.reason, a.severity]), [['discharge', 'high']]);
    dischargeVersion = (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;

    const finding = (await findingsSeenBy(socialWorker)).find((f) => f.id === 'discharge-without-plan');
    assert.equal(finding?.severity, 'high');
    assert.equal(finding?.rationale, `Baby Doyle went home from hospital on 22 November 2026 with no discharge plan recorded for the stay, and a social worker in the team around the family.`);
    assert.ok(finding?.facts.includes('Admitted to hospital on 14 November 2026, after an earlier stay that ended on 22 August 2026'));
    assert.ok((await versionFindings(dischargeVersion)).some((f) => f.id === 'discharge-without-plan'), 'kept with the version the discharge wrote');

    // The social worker nobody told is told by the service: the discharge alert is in their open alerts.
    const alerts = await listMyAlerts(t.ctx, actorFor(socialWorker), 'open');
    const discharge = alerts.alerts.filter((a) => a.caseId === caseId && a.reason === 'discharge');
    assert.equal(discharge.length, 1);
    assert.equal(serviceToday(discharge[0]!.raisedAt), today);
    assert.equal(discharge[0]!.id, discharged.alerts[0]!.id);

    // The plan suggests seeing the baby, because of the finding.
    const plan = await viewPlan(t.ctx, actorFor(socialWorker), caseId);
    assert.ok(plan.ok);
    const babySeen = plan.value.suggestions.find((s) => s.key === 'baby-seen');
    assert.ok(babySeen?.because.includes('Finding: A baby went home from hospital with no discharge plan'), JSON.stringify(babySeen));
  });

  it('recording a discharge plan for that stay clears the finding in the next version', async () => {
    t.clock.advanceMinutes(120);
    const planned = await recordDischargePlan(t.ctx, actorFor(nurse), caseId, {
      stay: 'hospital',
      dischargeOn: today,
      firstVisit: { agency: 'health-visiting', name: 'Claire Dobson', by: addDays(today, 1) },
      feedingAndHandling: 'Tube feeds every three hours; fragile bones: lift with the whole body supported',
      followUps: [{ what: 'Paediatric outpatients: weight and feeding', where: 'Royal Derby Hospital', on: addDays(today, 7) }],
      socialWorker: { status: 'told', toldOn: today, toldBy: 'Helen Brooks' },
      gp: { status: 'told', toldOn: today, toldBy: 'Helen Brooks' },
    });
    assert.ok(planned.ok, JSON.stringify(planned));
    assert.equal(planned.value.profileVersion, dischargeVersion + 1);
    assert.ok(!(await versionFindings(planned.value.profileVersion)).some((f) => f.id === 'discharge-without-plan'));
    assert.ok(!(await findingsSeenBy(socialWorker)).some((f) => f.id === 'discharge-without-plan'));
  });
});
