// POST and GET /api/v1/cases/{caseId}/discharge-plans, and the events API refusing a forged plan.
// Every reply is checked against its published schema by the test app. Days from the test clock.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}
interface PlanBody {
  entryId: string;
  recordedOn: string;
  recordedBy: string;
  summary: string;
  plan: { stay: string; dischargeOn: string; fragile: string[]; socialWorker: { status: string } } | null;
  notes: { code: string; text: string }[];
  superseded?: boolean;
  profileVersion?: number;
}

describe('the discharge plans API', () => {
  let t: TestApp;
  let caseId: string;
  let today: string;
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'Northfield General');
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    for (const [name, organisationId] of [['nurse', hospital.id], ['worker', csc.id], ['outsider', hospital.id], ['reader', hospital.id], ['feed', hospital.id]] as const) {
      const user = await makeUser(t.ctx, { name: `Api ${name}`, organisationId });
      users[name] = user.id;
      tokens[name] = await apiTokenFor(t.ctx, user.email, name === 'reader' ? ['read'] : name === 'feed' ? ['feed'] : undefined);
    }
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [users['nurse']!, users['worker']!, users['reader']!, users['feed']!] }));
    await t.ctx.db.updateTable('cases').set({ gestation_at_birth_weeks: 35 }).where('id', '=', caseId).execute();
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', path: string, payload?: object, id = caseId) =>
    t.app.inject({ method, url: `/api/v1/cases/${id}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const deniedFor = async (who: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', users[who]!).where('outcome', '=', 'denied').execute()).map((row) => row.action);
  const planEntries = async () => (await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).where('kind', '=', 'discharge-plan').execute()).length;

  const plan = () => ({
    stay: 'hospital',
    dischargeOn: addDays(today, 1),
    firstVisit: { agency: 'health-visiting', name: 'Claire Dobson', by: addDays(today, 3) },
    feedingAndHandling: 'Small feeds often; support the head when lifting',
    followUps: [{ what: 'Paediatric clinic', where: 'Northfield General', on: addDays(today, 10) }],
    socialWorker: { status: 'told', toldOn: today, toldBy: 'Api nurse' },
    gp: { status: 'not-yet-told' },
  });

  it('records a plan: 201 with the plan as stored and its chronology entry, which the events API lists', async () => {
    const response = await call('nurse', 'POST', 'discharge-plans', plan());
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json<PlanBody>();
    assert.equal(body.recordedBy, 'Api nurse');
    assert.equal(body.recordedOn, today);
    assert.deepEqual(body.plan!.fragile, ['preterm']);
    assert.deepEqual(body.notes.map((n) => n.code), ['gp-not-yet-told']);
    assert.equal(typeof body.profileVersion, 'number');
    const events = (await call('nurse', 'GET', 'events?kind=discharge-plan')).json<{ events: { id: string; summary: string }[] }>().events;
    assert.deepEqual(events.map((e) => [e.id, e.summary]), [[body.entryId, body.summary]]);
  });

  it('answers 422 invalid-discharge-plan with a path and message per problem, storing nothing', async () => {
    const response = await call('nurse', 'POST', 'discharge-plans', {
      ...plan(),
      dischargeOn: '2026-09-01',
      feedingAndHandling: ' ',
      followUps: [{ what: '', where: 'Clinic', on: addDays(today, 5) }],
      socialWorker: { status: 'no-social-worker' },
    });
    assert.equal(response.statusCode, 422);
    const { error } = response.json<ErrorBody>();
    assert.equal(error.code, 'invalid-discharge-plan');
    assert.deepEqual(error.details, [
      { path: '/dischargeOn', message: 'The discharge date cannot be before the baby was born.' },
      { path: '/feedingAndHandling', message: 'Enter the feeding and handling advice agreed: this baby is fragile (born before 37 weeks, under 2,500 g or after a neonatal stay).' },
      { path: '/followUps/0/what', message: 'Say what the appointment is for.' },
      { path: '/socialWorker/status', message: "There is a social worker on the team around this baby: say when they were told of the discharge, and by whom." },
    ]);
    assert.equal(await planEntries(), 1);
  });

  it('answers 400 for what the schema refuses: a missing field, an unknown one, a wrong type', async () => {
    const missing: Partial<ReturnType<typeof plan>> = plan();
    delete missing.gp;
    for (const payload of [missing, { ...plan(), extra: 1 }, { ...plan(), followUps: 'none' }, { ...plan(), firstVisit: { agency: 'gp', name: 'Dr Ray' } }]) {
      const response = await call('nurse', 'POST', 'discharge-plans', payload);
      assert.equal(response.statusCode, 400, response.body);
      assert.ok(response.json<ErrorBody>().error.details.length > 0);
    }
    assert.equal(await planEntries(), 1);
  });

  it('answers someone outside the team as no such case (404, audited), a read-only token and a feed token; 404 for no such case', async () => {
    assert.equal((await call('outsider', 'POST', 'discharge-plans', plan())).statusCode, 404);
    assert.equal((await call('outsider', 'GET', 'discharge-plans')).statusCode, 404);
    assert.deepEqual(await deniedFor('outsider'), ['discharge-plan.record', 'discharge-plan.list']);
    const readOnly = await call('reader', 'POST', 'discharge-plans', plan());
    assert.equal(readOnly.statusCode, 403);
    assert.equal(readOnly.json<ErrorBody>().error.code, 'insufficient-scope');
    assert.equal((await call('reader', 'GET', 'discharge-plans')).statusCode, 200);
    // A feed token only adds chronology entries: a discharge plan is a change to the case, needing write.
    for (const method of ['POST', 'GET'] as const) {
      const feed = await call('feed', method, 'discharge-plans', method === 'POST' ? plan() : undefined);
      assert.equal(feed.statusCode, 403, method);
      assert.equal(feed.json<ErrorBody>().error.code, 'insufficient-scope');
    }
    for (const method of ['POST', 'GET'] as const) {
      assert.equal((await call('nurse', method, 'discharge-plans', method === 'POST' ? plan() : undefined, randomUUID())).statusCode, 404, method);
    }
    assert.equal(await planEntries(), 1);
  });

  it('refuses an entry sent through the events API that would pass for a discharge plan: 400 at /details/dischargePlan', async () => {
    const forged = await call('nurse', 'POST', 'events', { kind: 'discharge-plan', occurredAt: today, summary: 'Plan', source: 'agency-record', details: { dischargePlan: plan() } });
    assert.equal(forged.statusCode, 400);
    assert.deepEqual(forged.json<ErrorBody>().error.details, [{ path: '/details/dischargePlan', message: 'is a name this field may not use' }]);
    const own = await call('nurse', 'POST', 'events', { kind: 'discharge-plan', occurredAt: addDays(today, -2), summary: 'Ward plan agreed (ward system)', source: 'agency-record', details: { ourRef: 'W-1' } });
    assert.equal(own.statusCode, 201, own.body);
    assert.equal(await planEntries(), 2);
  });

  it('lists the plans, the latest stay first, an agency’s own entry with its summary only', async () => {
    const response = await call('reader', 'GET', 'discharge-plans');
    assert.equal(response.statusCode, 200);
    const { plans } = response.json<{ plans: PlanBody[] }>();
    assert.deepEqual(plans.map((p) => [p.plan?.dischargeOn ?? null, p.recordedOn, p.superseded]), [[addDays(today, 1), today, false], [null, addDays(today, -2), false]]);
    assert.equal(plans[1]!.summary, 'Ward plan agreed (ward system)');
    assert.deepEqual(plans[1]!.notes, []);
  });
});
