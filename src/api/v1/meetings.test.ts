import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { caseApi, type ApiErrorBody as ErrorBody, type CaseApi } from '../../../test/helpers/case-api.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays, addMonths } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { addWorkingDays } from '../../domain/timescales/working-days.ts';

interface MeetingBody {
  id: string;
  kind: string;
  label: string;
  heldOn: string;
  observations: { id: string; text: string }[];
  recordedBy: string;
}
interface ClocksBody {
  today: string;
  clocks: { id: string; startedOn: string; dueOn: string; status: string; metOn?: string; late?: boolean }[];
}

describe('the meetings and timescales API', () => {
  let t: TestApp;
  let caseId: string;
  let today: string;
  let api: CaseApi;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    api = await caseApi(t, [
      { name: 'lead', organisationId: csc.id },
      { name: 'outsider', organisationId: csc.id, inTeam: false },
      { name: 'reader', organisationId: csc.id, scopes: ['read'] },
    ]);
    caseId = api.caseId;
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', path: string, payload?: object, id = caseId) => api.call(who, method, path, payload, id);
  const deniedFor = (who: string) => api.deniedFor(who);
  const meetings = async () => (await t.ctx.db.selectFrom('case_meetings').select('id').where('case_id', '=', caseId).execute()).length;

  const strategy = () => ({
    kind: 'strategy-discussion',
    heldOn: addDays(today, -40),
    chair: 'Sue Manager',
    parentsPresent: false,
    attendees: [{ name: 'PC Lane', agency: 'police' }, { name: 'Hana Visitor', agency: 'health-visiting' }],
    invitedAbsent: [{ name: 'Dr Ray', agency: 'gp' }],
    decisions: ['Start enquiries under section 47'],
    section47: true,
    actions: [{ text: 'Book the initial conference', owner: 'Sue Manager', dueOn: addDays(today, -30) }],
  });

  it('records a meeting: 201 with the meeting as stored and what the service observes', async () => {
    const response = await call('lead', 'POST', 'meetings', strategy());
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json<MeetingBody>();
    assert.equal(body.kind, 'strategy-discussion');
    assert.equal(body.label, 'Strategy discussion');
    assert.equal(body.recordedBy, 'Api lead');
    assert.deepEqual(body.observations.map((o) => o.id), ['gp-absent']);
    assert.equal(await meetings(), 1);
  });

  it('answers 422 invalid-meeting with a path per problem, storing nothing', async () => {
    const response = await call('lead', 'POST', 'meetings', { ...strategy(), kind: 'professionals-meeting', section47: undefined, heldOn: addDays(today, 1), parentsPresent: true, decisions: ['  '], actions: [{ text: 'Visit' }] });
    assert.equal(response.statusCode, 422, response.body);
    const { error } = response.json<ErrorBody>();
    assert.equal(error.code, 'invalid-meeting');
    assert.deepEqual(error.details.map((d) => d.path), ['/heldOn', '/parentsPresent', '/decisions/0', '/actions/0/owner', '/actions/0/dueOn']);
    assert.match(error.details[0]!.message, /dated in the future/);
    assert.equal(await meetings(), 1);
  });

  it('answers 422 naming a day before 1900 and a due day more than 12 months ahead, storing nothing', async () => {
    const response = await call('lead', 'POST', 'meetings', { ...strategy(), heldOn: '0226-11-20', actions: [{ text: 'Visit', owner: 'Sue Manager', dueOn: addMonths(today, 12) }, { text: 'Review', owner: 'Sue Manager', dueOn: addDays(addMonths(today, 12), 1) }] });
    assert.equal(response.statusCode, 422, response.body);
    const { error } = response.json<ErrorBody>();
    assert.deepEqual(error.details, [
      { path: '/heldOn', message: 'The date the meeting was held must be in 1900 or later: check the year.' },
      { path: '/actions/1/dueOn', message: 'The due date can be at most 12 months from today: check the year.' },
    ]);
    assert.equal(await meetings(), 1);
  });

  it('answers 400 for what the schema refuses: a missing field, an unknown one, a wrong type', async () => {
    const missing: Partial<ReturnType<typeof strategy>> = strategy();
    delete missing.parentsPresent;
    for (const payload of [missing, { ...strategy(), extra: 1 }, { ...strategy(), parentsPresent: 'no' }]) {
      const response = await call('lead', 'POST', 'meetings', payload);
      assert.equal(response.statusCode, 400, response.body);
      assert.ok(response.json<ErrorBody>().error.details.length > 0);
    }
    assert.equal(await meetings(), 1);
  });

  it('answers someone outside the team as no such case (404, audited) and a read-only token; 404 for no such case', async () => {
    const post = await call('outsider', 'POST', 'meetings', strategy());
    assert.equal(post.statusCode, 404);
    const get = await call('outsider', 'GET', 'meetings');
    assert.equal(get.statusCode, 404);
    const clocks = await call('outsider', 'GET', 'timescales');
    assert.equal(clocks.statusCode, 404);
    assert.deepEqual(await deniedFor('outsider'), ['meeting.record', 'meeting.list', 'timescales.view']);
    const readOnly = await call('reader', 'POST', 'meetings', strategy());
    assert.equal(readOnly.statusCode, 403);
    assert.equal(readOnly.json<ErrorBody>().error.code, 'insufficient-scope');
    assert.equal((await call('reader', 'GET', 'meetings')).statusCode, 200);
    for (const [method, path] of [['POST', 'meetings'], ['GET', 'meetings'], ['GET', 'timescales']] as const) {
      assert.equal((await call('lead', method, path, method === 'POST' ? strategy() : undefined, randomUUID())).statusCode, 404, `${method} ${path}`);
    }
    assert.equal(await meetings(), 1);
  });

  it('lists the meetings and serves the clocks: an initial conference 16 working days after the strategy discussion, met late', async () => {
    const strategyOn = addDays(today, -40);
    const before = (await call('lead', 'GET', 'timescales')).json<ClocksBody>();
    assert.equal(before.today, today);
    assert.deepEqual(before.clocks.map((c) => [c.id, c.startedOn, c.dueOn, c.status]), [['initial-conference', strategyOn, addWorkingDays(strategyOn, 15), 'overdue']]);

    const conferenceOn = addWorkingDays(strategyOn, 16);
    const conference = await call('lead', 'POST', 'meetings', {
      kind: 'initial-conference',
      heldOn: conferenceOn,
      chair: 'Ivy Independent',
      chairIndependent: true,
      parentsPresent: true,
      attendees: [{ name: 'Dr Ray', agency: 'gp' }],
      decisions: ['Child protection plan'],
      protectionPlan: true,
    });
    assert.equal(conference.statusCode, 201, conference.body);

    const listed = await call('reader', 'GET', 'meetings');
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(listed.json<{ meetings: MeetingBody[] }>().meetings.map((m) => [m.kind, m.heldOn]), [['initial-conference', conferenceOn], ['strategy-discussion', strategyOn]]);

    const clocks = await call('reader', 'GET', 'timescales');
    assert.equal(clocks.statusCode, 200);
    const initial = clocks.json<ClocksBody>().clocks[0]!;
    assert.deepEqual([initial.id, initial.status, initial.metOn, initial.late], ['initial-conference', 'met', conferenceOn, true]);
  });

  it('records the category of abuse of the plan a conference makes, and refuses it for another meeting (422 category-only-plan)', async () => {
    const conference = { ...strategy(), kind: 'review-conference', section47: undefined, heldOn: addDays(today, -2), actions: [], protectionPlan: true, abuseCategory: 'NEG' };
    const recorded = await call('lead', 'POST', 'meetings', conference);
    assert.equal(recorded.statusCode, 201, recorded.body);
    assert.equal(recorded.json<{ abuseCategory?: string }>().abuseCategory, 'NEG');
    const listed = await call('lead', 'GET', 'meetings');
    assert.equal(listed.json<{ meetings: { id: string; abuseCategory?: string }[] }>().meetings.find((m) => m.id === recorded.json<MeetingBody>().id)?.abuseCategory, 'NEG');
    const refused = await call('lead', 'POST', 'meetings', { ...conference, kind: 'core-group', protectionPlan: undefined });
    assert.equal(refused.statusCode, 422);
    assert.deepEqual(refused.json<ErrorBody>().error.details?.map((d) => d.path), ['/abuseCategory']);
  });
});
