import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { escalateOverdueAlerts } from '../../application/alerts/escalate-alerts.ts';
import { ESCALATION_UNREACHED } from '../../domain/alerts/recipients.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface ApiAlert {
  id: string;
  caseId: string;
  caseName: string;
  reason: string;
  severity: string;
  title: string;
  message: string;
  steps: string[];
  findingId?: string;
  reachedAs: string;
  acknowledgedAt?: string;
  acknowledgedNote?: string;
  acknowledgedAutomatically: boolean;
}

describe('alerts API', () => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'Southvale General');
    const users = {
      socialWorker: await makeUser(t.ctx, { name: 'Sam Social Worker' }),
      nurse: await makeUser(t.ctx, { name: 'Nia Nurse', organisationId: hospital.id }),
      outsider: await makeUser(t.ctx, { name: 'Out Sider' }),
    };
    for (const [name, user] of Object.entries(users)) {
      tokens[name] = await apiTokenFor(t.ctx, user.email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Okafor', teamUserIds: [users.socialWorker.id, users.nurse.id] }));
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const event = (kind: string, extra: object = {}) => call('nurse', 'POST', `/cases/${caseId}/events`, { kind, occurredAt: '2026-11-22', summary: 'From the ward', source: 'agency-record', ...extra });

  it('answers a recorded event with the alerts it raised: a discharge alerts the team', async () => {
    const created = await event('hospital-discharge', { externalId: 'PAS-1' });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json<{ id: string; alerts: { id: string; severity: string; message: string; findingId?: string }[] }>();
    assert.equal(body.alerts.length, 1);
    assert.deepEqual(Object.keys(body.alerts[0]!).sort(), ['id', 'message', 'severity']);
    assert.equal(body.alerts[0]!.severity, 'high');
    assert.match(body.alerts[0]!.message, /^Test Okafor was discharged from hospital today/);

    const retried = await event('hospital-discharge', { externalId: 'PAS-1' });
    assert.equal(retried.statusCode, 200);
    assert.deepEqual(retried.json<{ alerts: unknown[] }>().alerts, []);
    const visit = await event('home-visit');
    assert.deepEqual(visit.json<{ alerts: unknown[] }>().alerts, []);
  });

  it('gives the finding for a critical alert', async () => {
    t.clock.advanceMinutes(1);
    const created = await event('injury-observed', { source: 'observed', summary: 'Bruise on the ear' });
    const alerts = created.json<{ alerts: { findingId?: string; severity: string }[] }>().alerts;
    assert.deepEqual(alerts.map((a) => [a.findingId, a.severity]), [['non-mobile-injury', 'critical'], [undefined, 'high']]);
  });

  it('lists the caller’s open alerts, or all, with counts', async () => {
    const open = await call('socialWorker', 'GET', '/alerts');
    assert.equal(open.statusCode, 200, open.body);
    const list = open.json<{ alerts: ApiAlert[]; counts: { open: number; all: number } }>();
    assert.deepEqual(list.counts, { open: 3, all: 3 });
    assert.deepEqual(list.alerts.map((a) => a.reason), ['critical-finding', 'trigger-event', 'discharge']);
    const critical = list.alerts[0]!;
    assert.equal(critical.caseId, caseId);
    assert.equal(critical.caseName, 'Test Okafor');
    assert.equal(critical.reachedAs, 'lead-professional');
    assert.equal(critical.title, 'Injury to a baby who is not independently mobile');
    assert.equal(critical.steps.length, 4);
    assert.equal(critical.acknowledgedAutomatically, false);

    const nurse = (await call('nurse', 'GET', '/alerts?status=all')).json<{ alerts: ApiAlert[]; counts: { open: number; all: number } }>();
    assert.deepEqual(nurse.counts, { open: 0, all: 3 });
    assert.ok(nurse.alerts.every((a) => a.acknowledgedAutomatically && a.acknowledgedAt && a.acknowledgedNote === undefined));
    assert.deepEqual((await call('outsider', 'GET', '/alerts')).json(), { alerts: [], counts: { open: 0, all: 0 } });
    assert.equal((await call('socialWorker', 'GET', '/alerts?status=closed')).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/alerts' })).statusCode, 401);
  });

  it('acknowledges with a note; refuses a blank note or none (400, as its schema says), a second time (409), a non-recipient (403, audited) and an unknown alert (404)', async () => {
    const [alert] = (await call('socialWorker', 'GET', '/alerts')).json<{ alerts: ApiAlert[] }>().alerts;
    const url = `/alerts/${alert!.id}/acknowledge`;

    const blank = await call('socialWorker', 'POST', url, { note: '  ' });
    assert.equal(blank.statusCode, 400);
    assert.deepEqual(blank.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path), ['/note']);
    assert.equal((await call('socialWorker', 'POST', url, {})).statusCode, 400);

    const refused = await call('outsider', 'POST', url, { note: 'Not mine' });
    assert.equal(refused.statusCode, 403);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['channel', 'outcome']).where('action', '=', 'alert.acknowledge').where('subject_id', '=', alert!.id).execute();
    assert.deepEqual(audit, [{ channel: 'api', outcome: 'denied' }]);

    const done = await call('socialWorker', 'POST', url, { note: 'Referred to children’s social care; paediatrician at 2pm' });
    assert.equal(done.statusCode, 200, done.body);
    assert.deepEqual(done.json(), { id: alert!.id, caseId, acknowledgedAt: t.clock.now().toISOString() });
    assert.equal((await call('socialWorker', 'POST', url, { note: 'Again' })).statusCode, 409);
    assert.equal((await call('socialWorker', 'POST', '/alerts/no-such-alert/acknowledge', { note: 'x' })).statusCode, 404);

    const after = (await call('socialWorker', 'GET', '/alerts?status=all')).json<{ alerts: ApiAlert[]; counts: { open: number } }>();
    assert.equal(after.counts.open, 2);
    assert.equal(after.alerts.find((a) => a.id === alert!.id)?.acknowledgedNote, 'Referred to children’s social care; paediatrician at 2pm');
  });
});

describe('alerts API: an escalation that reached nobody', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('gives the note the alert keeps as escalationUnreached, and leaves it out of an alert that reached a lead', async () => {
    const alone = await makeOrganisation(t.ctx, 'hospital', 'Nolead Hospital');
    const nurse = await makeUser(t.ctx, { name: 'Nia Nurse', organisationId: alone.id });
    const midwife = await makeUser(t.ctx, { name: 'Mo Midwife', organisationId: alone.id });
    const { id: caseId } = await makeCase(t.ctx, { familyName: 'Nolead', teamUserIds: [nurse.id, midwife.id] });
    const token = await apiTokenFor(t.ctx, midwife.email);
    const call = (url: string, payload?: object) => t.app.inject({ method: payload ? 'POST' : 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    const discharge = { kind: 'hospital-discharge', occurredAt: '2026-11-22', summary: 'Home today', source: 'agency-record' };
    assert.equal((await call(`/cases/${caseId}/events`, discharge)).statusCode, 201);
    t.clock.advanceMinutes(5 * 60);
    assert.deepEqual((await escalateOverdueAlerts(t.ctx)).escalated.map((e) => e.via), ['nobody']);
    // A lead for the organisation: the next alert's escalation reaches her.
    await makeUser(t.ctx, { name: 'Lee Lead', organisationId: alone.id, role: 'safeguarding-lead' });
    assert.equal((await call(`/cases/${caseId}/events`, { ...discharge, occurredAt: serviceToday(t.clock.now()), summary: 'Home again' })).statusCode, 201);
    t.clock.advanceMinutes(5 * 60);
    assert.deepEqual((await escalateOverdueAlerts(t.ctx)).escalated.map((e) => e.via), ['organisations']);

    // The midwife recorded both: they were acknowledged for her, so they are under all.
    const listed = await call('/alerts?status=all');
    assert.equal(listed.statusCode, 200, listed.body);
    const [second, first] = listed.json<{ alerts: (ApiAlert & { escalatedAt?: string; escalationUnreached?: string })[] }>().alerts;
    assert.equal(first!.escalationUnreached, ESCALATION_UNREACHED);
    assert.ok(first!.escalatedAt);
    assert.ok(second!.escalatedAt);
    assert.equal('escalationUnreached' in second!, false);
  });
});
