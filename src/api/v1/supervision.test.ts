import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays, addMonths } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { PROMPT_IDS } from '../../domain/supervision/supervision-prompts.ts';

interface SupervisionBody {
  id: string;
  supervisorName: string;
  profileVersion: number;
  planVersion: number | null;
  answers: Record<string, string>;
}

describe('the supervision API', () => {
  let t: TestApp;
  let caseId: string;
  let today: string;
  const ids = {} as Record<'practitioner' | 'manager' | 'teamMate' | 'otherManager', string>;
  const tokens = {} as Record<keyof typeof ids, string>;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const gp = await makeOrganisation(t.ctx, 'gp');
    const made = {
      practitioner: await makeUser(t.ctx, { organisationId: health.id, name: 'Api Practitioner' }),
      manager: await makeUser(t.ctx, { organisationId: health.id, role: 'manager', name: 'Api Manager' }),
      teamMate: await makeUser(t.ctx, { organisationId: gp.id, name: 'Api Team Mate' }),
      otherManager: await makeUser(t.ctx, { organisationId: gp.id, role: 'manager', name: 'Api Other Manager' }),
    };
    for (const [name, user] of Object.entries(made) as [keyof typeof ids, (typeof made)['manager']][]) {
      ids[name] = user.id;
      tokens[name] = await apiTokenFor(t.ctx, user.email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [ids.practitioner, ids.teamMate] }));
  });
  after(async () => t.close());

  const call = (who: keyof typeof ids, method: 'GET' | 'POST', path: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const record = (over: object = {}) => ({
    heldOn: today,
    practitionerId: ids.practitioner,
    supervisorId: ids.manager,
    answers: Object.fromEntries(PROMPT_IDS.map((id) => [id, `About ${id}`])),
    stuck: 'no',
    analysis: 'Analysis',
    decisions: 'Decisions',
    actions: [{ text: 'Meet the father', owner: 'Api Practitioner', dueOn: addDays(today, 7) }],
    ...over,
  });
  const stored = async () => (await t.ctx.db.selectFrom('case_supervisions').select('id').where('case_id', '=', caseId).execute()).length;

  it('records a supervision (201), its action joining the plan, and shows it to the two and not to the rest of the team', async () => {
    const response = await call('practitioner', 'POST', 'supervisions', record());
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json<SupervisionBody>();
    assert.equal(body.supervisorName, 'Api Manager');
    assert.equal(body.planVersion, 1);
    assert.equal(body.answers['missing-voices'], 'About missing-voices');
    for (const who of ['practitioner', 'manager'] as const) {
      assert.equal((await call(who, 'GET', `supervisions/${body.id}`)).statusCode, 200, who);
      const list = (await call(who, 'GET', 'supervisions')).json<{ supervisions: SupervisionBody[]; notShown: number }>();
      assert.deepEqual([list.supervisions.map((s) => s.id), list.notShown], [[body.id], 0], who);
    }
    assert.equal((await call('teamMate', 'GET', `supervisions/${body.id}`)).statusCode, 403);
    const list = (await call('teamMate', 'GET', 'supervisions')).json<{ supervisions: SupervisionBody[]; notShown: number }>();
    assert.deepEqual([list.supervisions, list.notShown], [[], 1]);
  });

  it('answers 422 with a path for each problem, storing nothing', async () => {
    const before = await stored();
    const response = await call('practitioner', 'POST', 'supervisions', record({ heldOn: addDays(today, 1), answers: {}, stuck: 'maybe', actions: [{ text: 'x' }] }));
    assert.equal(response.statusCode, 422);
    const { error } = response.json<ApiErrorBody>();
    assert.equal(error.code, 'invalid-supervision');
    assert.deepEqual(error.details.map((d) => d.path), ['/heldOn', ...PROMPT_IDS.flatMap((id) => (id === 'stuck' ? ['/stuck', '/answers/stuck'] : [`/answers/${id}`])), '/actions/0/owner', '/actions/0/dueOn']);
    assert.equal(await stored(), before);
  });

  it('answers 422 naming a day before 1900 and a due day more than 12 months ahead, storing nothing', async () => {
    const before = await stored();
    const response = await call('practitioner', 'POST', 'supervisions', record({ heldOn: '1026-11-20', actions: [{ text: 'Visit', owner: 'Api Manager', dueOn: addDays(addMonths(today, 12), 1) }] }));
    assert.equal(response.statusCode, 422, response.body);
    assert.deepEqual(response.json<ApiErrorBody>().error.details, [
      { path: '/heldOn', message: 'The date of the supervision must be in 1900 or later: check the year.' },
      { path: '/actions/0/dueOn', message: 'The due date can be at most 12 months from today: check the year.' },
    ]);
    assert.equal(await stored(), before);
  });

  it("refuses (403, audited) a supervisor outside the practitioner's organisation", async () => {
    const before = await stored();
    const response = await call('practitioner', 'POST', 'supervisions', record({ supervisorId: ids.otherManager }));
    assert.equal(response.statusCode, 403);
    const { error } = response.json<ApiErrorBody>();
    assert.equal(error.code, 'not-allowed');
    assert.match(error.message, /practitioner's own organisation/);
    assert.equal(await stored(), before);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', ids.practitioner).where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied.map((row) => row.action), ['supervision.record']);
  });
});
