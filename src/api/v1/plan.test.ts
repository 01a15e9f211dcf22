import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { caseApi, type ApiErrorBody as ErrorBody, type CaseApi } from '../../../test/helpers/case-api.ts';
import { makePerson } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface PlanBody {
  version: number;
  level: string;
  outcomes: string[];
  checkItems: { id?: string; text: string; question: string; factorId?: string; personId?: string; checkedBy: string[]; frequency: string; since: string; suggested?: boolean }[];
  actions: { id: string; text: string; owner: { userId?: string; name?: string }; dueOn: string; status: string; droppedReason?: string; overdue: boolean }[];
  visits: { id: string; agencyKind: string; who?: string; everyDays: number; babySeen: boolean; since: string; state?: { lastVisitOn: string | null; lastVisitBy: string | null; nextDueOn: string; status: string; overdueDays: number; missed: number } }[];
  recordedAt: string | null;
  recordedBy: string | null;
}

describe('the plan API', () => {
  let t: TestApp;
  let caseId: string;
  let today: string;
  let api: CaseApi;
  let tokens: Record<string, string>;
  let users: Record<string, string>;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    api = await caseApi(t, [{ name: 'lead' }, { name: 'member' }, { name: 'outsider', inTeam: false }, { name: 'read', scopes: ['read'] }, { name: 'feed', scopes: ['feed'] }]);
    ({ caseId, tokens, users } = api);
    await makePerson(t.ctx, caseId, { id: 'api-mum', history_checked: true });
    const factor = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${caseId}/profile/factors/unsafe-sleep`,
      headers: { authorization: `Bearer ${tokens['lead']}` },
      payload: { status: 'present', detail: 'Sleeps on the sofa with dad', evidence: [], version: 0 },
    });
    assert.equal(factor.statusCode, 200, factor.body);
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'PUT', payload?: object, id = caseId) => api.call(who, method, 'plan', payload, id);
  const deniedFor = (who: string) => api.deniedFor(who);
  const plans = async () => (await t.ctx.db.selectFrom('case_plans').select('version').where('case_id', '=', caseId).execute()).length;

  it('answers version 0 with the check items the profile suggests when the case has no plan yet', async () => {
    const response = await call('member', 'GET');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<PlanBody>();
    assert.equal(body.version, 0);
    assert.equal(body.level, 'universal');
    assert.deepEqual(body.actions, []);
    assert.equal(body.recordedAt, null);
    const sleep = body.checkItems.find((item) => item.factorId === 'unsafe-sleep');
    assert.ok(sleep, JSON.stringify(body.checkItems));
    assert.deepEqual({ ...sleep, question: '' }, { text: 'Where the baby sleeps', question: '', factorId: 'unsafe-sleep', checkedBy: [], frequency: 'every-contact', since: today, suggested: true });
  });

  it('takes the suggestions back as the first plan on version 0, and returns it with ids', async () => {
    const read = (await call('lead', 'GET')).json<PlanBody>();
    const plan = (talkDueOn: string) => ({
      ...read,
      outcomes: ['The baby sleeps in a cot every night'],
      actions: [
        { text: 'Buy a cot with the family', owner: { userId: users['member'] }, dueOn: addDays(today, 7), status: 'open' },
        { text: 'Safe sleep talk at the children’s centre', owner: { name: 'Children’s centre manager' }, dueOn: talkDueOn, status: 'open' },
      ],
    });
    // A new open action due yesterday would be overdue the moment it is saved.
    const pastDue = await call('lead', 'PUT', plan(addDays(today, -1)));
    assert.equal(pastDue.statusCode, 422, pastDue.body);
    assert.deepEqual(pastDue.json<ErrorBody>().error.details, [{ path: '/actions/1/dueOn', message: 'The due date has passed: give the day it will be done by, today or later, or mark the action done.' }]);
    assert.equal(await plans(), 0);
    const response = await call('lead', 'PUT', plan(today));
    assert.equal(response.statusCode, 200, response.body);
    const saved = response.json<PlanBody>();
    assert.equal(saved.version, 1);
    assert.equal(saved.recordedBy, 'Api lead');
    assert.equal(saved.checkItems.length, read.checkItems.length);
    assert.ok(saved.checkItems.every((item) => item.id && item.suggested === undefined));
    assert.ok(saved.actions.every((action) => action.id));
    assert.deepEqual(saved.actions.map((a) => a.overdue), [false, false], 'due in a week and today');
    assert.deepEqual((await call('member', 'GET')).json<PlanBody>(), saved);
  });

  it('refuses a stale version with 409, naming the current one, and changes nothing', async () => {
    const response = await call('member', 'PUT', { version: 0, level: 'universal', outcomes: [], checkItems: [], actions: [] });
    assert.equal(response.statusCode, 409);
    const { error } = response.json<ErrorBody>();
    assert.equal(error.code, 'stale');
    assert.deepEqual(error.details, [{ path: '/version', message: 'The plan is at version 1.' }]);
    assert.equal(await plans(), 1);
  });

  it('refuses what the schema does not take with 400 and the path: an unknown field, a frequency not in the list, a missing level', async () => {
    const read = (await call('lead', 'GET')).json<PlanBody>();
    const unknown = await call('lead', 'PUT', { ...read, checkItems: [{ text: 'x', frequency: 'daily' }], colour: 'red' });
    assert.equal(unknown.statusCode, 400);
    const paths = unknown.json<ErrorBody>().error.details.map((d) => d.path);
    assert.ok(paths.includes('/colour'), paths.join());
    const missing = await call('lead', 'PUT', { version: read.version, outcomes: read.outcomes, checkItems: [], actions: read.actions });
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json<ErrorBody>().error.details.some((d) => d.path === '/level'));
    assert.equal(await plans(), 1);
  });

  it('refuses a plan the rules do not accept with 422 and a path and message per problem', async () => {
    const read = (await call('lead', 'GET')).json<PlanBody>();
    const response = await call('lead', 'PUT', {
      ...read,
      checkItems: [...read.checkItems, { text: '  ', factorId: 'gossip', frequency: 'weekly' }],
      actions: [{ ...read.actions[0]!, status: 'dropped' }, { text: 'Chase the GP', status: 'open' }],
    });
    assert.equal(response.statusCode, 422, response.body);
    const { error } = response.json<ErrorBody>();
    assert.equal(error.code, 'invalid-plan');
    const n = read.checkItems.length;
    assert.deepEqual(error.details.map((d) => d.path), [`/checkItems/${n}/text`, `/checkItems/${n}/factorId`, '/actions/0/droppedReason', '/actions/1/owner', '/actions/1/dueOn', '/actions']);
    assert.equal(error.details.find((d) => d.path === '/actions/1/owner')?.message, 'Say who owns the action: someone with an account, or the name of someone outside the service.');
    assert.equal(await plans(), 1);
  });

  it('marks an action done and drops another with a reason on the current version', async () => {
    const read = (await call('member', 'GET')).json<PlanBody>();
    const response = await call('member', 'PUT', {
      ...read,
      level: 'early-help',
      actions: [
        { ...read.actions[0]!, status: 'done' },
        { ...read.actions[1]!, status: 'dropped', droppedReason: 'The family bought a cot themselves' },
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const saved = response.json<PlanBody>();
    assert.equal(saved.version, 2);
    assert.deepEqual(saved.actions.map((a) => [a.id, a.status, a.overdue]), [
      [read.actions[0]!.id, 'done', false],
      [read.actions[1]!.id, 'dropped', false],
    ]);
    assert.equal(saved.actions[1]!.droppedReason, 'The family bought a cot themselves');
  });

  it('answers someone outside the team as no such case (404), shows nothing, and audits both refusals', async () => {
    const get = await call('outsider', 'GET');
    const put = await call('outsider', 'PUT', { version: 2, level: 'universal', outcomes: [], checkItems: [], actions: [] });
    assert.deepEqual([get.statusCode, put.statusCode], [404, 404]);
    assert.doesNotMatch(get.body + put.body, /sofa|cot|sleeps/i);
    assert.deepEqual((await deniedFor('outsider')).sort(), ['plan.update', 'plan.view']);
    assert.equal(await plans(), 2);
  });

  it('answers 404 for a case that does not exist', async () => {
    assert.equal((await call('lead', 'GET', undefined, randomUUID())).statusCode, 404);
    assert.equal((await call('lead', 'PUT', { version: 0, level: 'universal', outcomes: [], checkItems: [], actions: [] }, randomUUID())).statusCode, 404);
  });

  it('reads with the read scope, changes only with write; a feed token does neither', async () => {
    assert.equal((await call('read', 'GET')).statusCode, 200);
    const put = await call('read', 'PUT', { version: 2, level: 'universal', outcomes: [], checkItems: [], actions: [] });
    assert.equal(put.statusCode, 403);
    assert.equal(put.json<ErrorBody>().error.code, 'insufficient-scope');
    assert.equal((await call('feed', 'GET')).statusCode, 403);
    assert.equal(await plans(), 2);
  });

  it('carries the visiting pattern: new commitments without an id, each one\'s state on GET, kept when a PUT leaves visits out', async () => {
    const read = (await call('lead', 'GET')).json<PlanBody>();
    assert.deepEqual(read.visits, []);
    const put = await call('lead', 'PUT', {
      ...read,
      visits: [
        { agencyKind: 'health-visiting', who: 'Health visitor', everyDays: 7, babySeen: true, since: addDays(today, -10) },
        { agencyKind: 'gp', everyDays: 28, babySeen: false },
      ],
    });
    assert.equal(put.statusCode, 200, put.body);
    const saved = put.json<PlanBody>();
    assert.ok(saved.visits.every((visit) => visit.id && visit.state === undefined));
    assert.equal(saved.visits[1]!.since, today);
    // A home visit by the health visitor 9 days ago that saw the baby: the weekly visit is 2 days overdue.
    const visited = await api.call('lead', 'POST', 'events', { kind: 'home-visit', occurredAt: addDays(today, -9), summary: 'Home visit', source: 'observed', babySeen: true });
    assert.equal(visited.statusCode, 201, visited.body);
    const got = (await call('member', 'GET')).json<PlanBody>();
    assert.deepEqual(got.visits[0]!.state, { lastVisitOn: addDays(today, -9), lastVisitBy: `Api lead, ${got.visits[0]!.state!.lastVisitBy!.split(', ')[1]!}`, nextDueOn: addDays(today, -2), status: 'overdue', overdueDays: 2, missed: 1 });
    assert.deepEqual(got.visits[1]!.state, { lastVisitOn: null, lastVisitBy: null, nextDueOn: addDays(today, 28), status: 'kept', overdueDays: 0, missed: 0 });

    // An older client that knows nothing of visits sends the plan without them: they stay.
    const old: Partial<PlanBody> = { ...got };
    delete old.visits;
    const kept = await call('lead', 'PUT', old);
    assert.equal(kept.statusCode, 200, kept.body);
    assert.deepEqual(kept.json<PlanBody>().visits.map((visit) => visit.id), saved.visits.map((visit) => visit.id));
    // Sent back as read (states and all), the commitments are the same; an empty list takes them off.
    const back = await call('lead', 'PUT', { ...(await call('lead', 'GET')).json<PlanBody>() });
    assert.equal(back.statusCode, 200, back.body);
    assert.deepEqual(back.json<PlanBody>().visits, saved.visits);
    const emptied = await call('lead', 'PUT', { ...back.json<PlanBody>(), visits: [] });
    assert.deepEqual(emptied.json<PlanBody>().visits, []);
  });

  it('refuses a visiting commitment the schema or the rules do not take, with paths', async () => {
    const read = (await call('lead', 'GET')).json<PlanBody>();
    const count = await plans();
    const schema = await call('lead', 'PUT', { ...read, visits: [{ agencyKind: 'health-visiting', everyDays: 0, babySeen: true }, { agencyKind: 'nursery', everyDays: 7, babySeen: true }] });
    assert.equal(schema.statusCode, 400);
    const paths = schema.json<ErrorBody>().error.details.map((d) => d.path);
    assert.ok(paths.includes('/visits/0/everyDays') && paths.includes('/visits/1/agencyKind'), paths.join());
    const rules = await call('lead', 'PUT', { ...read, visits: [{ id: 'not-a-commitment', agencyKind: 'gp', everyDays: 7, babySeen: false }] });
    assert.equal(rules.statusCode, 422, rules.body);
    assert.deepEqual(rules.json<ErrorBody>().error.details.map((d) => d.path), ['/visits/0/id']);
    assert.equal(await plans(), count);
  });
});
