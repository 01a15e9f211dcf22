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
    const response = await call('lead', 'PUT', {
      ...read,
      outcomes: ['The baby sleeps in a cot every night'],
      actions: [
        { text: 'Buy a cot with the family', owner: { userId: users['member'] }, dueOn: addDays(today, 7), status: 'open' },
        { text: 'Safe sleep talk at the children’s centre', owner: { name: 'Children’s centre manager' }, dueOn: addDays(today, -1), status: 'open' },
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const saved = response.json<PlanBody>();
    assert.equal(saved.version, 1);
    assert.equal(saved.recordedBy, 'Api lead');
    assert.equal(saved.checkItems.length, read.checkItems.length);
    assert.ok(saved.checkItems.every((item) => item.id && item.suggested === undefined));
    assert.ok(saved.actions.every((action) => action.id));
    assert.deepEqual(saved.actions.map((a) => a.overdue), [false, true]);
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

  it('refuses someone outside the team with 403, shows nothing, and audits both refusals', async () => {
    const get = await call('outsider', 'GET');
    const put = await call('outsider', 'PUT', { version: 2, level: 'universal', outcomes: [], checkItems: [], actions: [] });
    assert.deepEqual([get.statusCode, put.statusCode], [403, 403]);
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
});
