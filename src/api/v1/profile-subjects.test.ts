import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { makePerson } from '../../../test/helpers/factories.ts';
import { caseApi, type ApiErrorBody, type CaseApi } from '../../../test/helpers/case-api.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe('PUT /api/v1/cases/{caseId}/profile/subjects/{subjectKey}: a subject in one sitting', () => {
  let t: TestApp;
  let api: CaseApi;
  before(async () => {
    t = await createTestApp();
    api = await caseApi(t, [{ name: 'lead' }, { name: 'colleague' }, { name: 'outsider', inTeam: false }]);
    await makePerson(t.ctx, api.caseId, { id: 'mum', history_checked: true });
  });
  after(async () => t.close());

  const put = (who: string, subject: string, body: object) => api.call(who, 'PUT', `profile/subjects/${subject}`, body);
  const versions = async () => (await t.ctx.db.selectFrom('profile_versions').select('version').where('case_id', '=', api.caseId).execute()).length;

  it('writes the changed answers as one version with the visit’s evidence, and says which', async () => {
    const saved = await put('lead', 'mum', {
      profileVersion: 0,
      evidence: { source: 'agency-record', note: 'GP record checked' },
      answers: [
        { factorId: 'alcohol-misuse', status: 'excluded' },
        { factorId: 'mental-health', status: 'present', detail: 'Anxiety, treated by the GP' },
        { factorId: 'drug-misuse', status: 'not-assessed' },
      ],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json(), { profileVersion: 1, written: ['alcohol-misuse', 'mental-health'] });
    assert.equal(await versions(), 1);
    const profile = (await api.call('lead', 'GET', 'profile')).json<{ factors: { factorId: string; personId?: string; status: string; verified: boolean }[] }>();
    const alcohol = profile.factors.find((f) => f.factorId === 'alcohol-misuse' && f.personId === 'mum');
    assert.deepEqual([alcohol?.status, alcohol?.verified], ['excluded', true]);
    const history = (await api.call('lead', 'GET', 'profile/versions')).json<{ versions: { factorId: string | null; subjectKey: string; factors?: { factorId: string }[] }[] }>();
    assert.deepEqual([history.versions[0]?.factorId, history.versions[0]?.subjectKey, history.versions[0]?.factors?.map((f) => f.factorId)], [null, 'mum', ['alcohol-misuse', 'mental-health']]);
  });

  it('refuses a body the schema does not allow with 400, and each answer’s problem with 422 at its index', async () => {
    assert.equal((await put('lead', 'household', { profileVersion: 1, answers: [{ factorId: 'unsafe-sleep', status: 'maybe' }] })).statusCode, 400);
    assert.equal((await put('lead', 'household', { answers: [] })).statusCode, 400);
    const invalid = await put('lead', 'household', { profileVersion: 1, answers: [{ factorId: 'unsafe-sleep', status: 'not-assessed' }, { factorId: 'smoking-in-home', status: 'excluded' }] });
    assert.equal(invalid.statusCode, 422);
    assert.deepEqual(invalid.json<ApiErrorBody>().error.details, [{ path: '/answers/1', message: 'exclusion-needs-evidence' }]);
    const nothing = await put('lead', 'household', { profileVersion: 1, answers: [{ factorId: 'unsafe-sleep', status: 'not-assessed' }] });
    assert.deepEqual([nothing.statusCode, nothing.json<ApiErrorBody>().error.code], [422, 'nothing-changed']);
    const wrongSubject = await put('lead', 'household', { profileVersion: 1, answers: [{ factorId: 'alcohol-misuse', status: 'not-assessed' }] });
    assert.deepEqual(wrongSubject.json<ApiErrorBody>().error.details, [{ path: '/answers/0', message: 'unknown-factor' }]);
    assert.equal(await versions(), 1);
  });

  it('answers 409 for a factor someone else changed since the version given, naming them, and 404 for a person not in the record', async () => {
    const theirs = await put('colleague', 'mum', { profileVersion: 1, answers: [{ factorId: 'drug-misuse', status: 'cannot-assess', reason: 'Would not talk about it' }] });
    assert.equal(theirs.statusCode, 200);
    const stale = await put('lead', 'mum', { profileVersion: 1, evidence: { source: 'observed' }, answers: [{ factorId: 'learning-disability', status: 'not-assessed' }, { factorId: 'drug-misuse', status: 'excluded', note: 'No sign of use' }] });
    assert.equal(stale.statusCode, 409);
    assert.deepEqual(stale.json<ApiErrorBody>().error.details, [{ path: '/answers/1', message: 'Api colleague changed it to cannot-assess' }]);
    assert.equal((await put('lead', 'nobody', { profileVersion: 2, answers: [] })).statusCode, 404);
  });

  it('keeps the day the evidence was seen, shows it with the evidence, and refuses one after today or before the record began with 422 at /evidence/seenOn', async () => {
    const today = serviceToday(t.clock.now());
    await t.ctx.db.updateTable('cases').set({ created_at: new Date(`${addDays(today, -10)}T12:00:00Z`) }).where('id', '=', api.caseId).execute();
    const at = async () => (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', api.caseId).executeTakeFirstOrThrow()).profile_version;
    for (const [seenOn, problem] of [[addDays(today, 1), 'in-the-future'], [addDays(today, -11), 'before-the-record']] as const) {
      const refused = await put('lead', 'household', { profileVersion: await at(), evidence: { source: 'observed', note: 'Cot seen', seenOn }, answers: [{ factorId: 'unsafe-sleep', status: 'excluded' }] });
      assert.equal(refused.statusCode, 422, seenOn);
      assert.deepEqual([refused.json<ApiErrorBody>().error.code, refused.json<ApiErrorBody>().error.details], ['invalid-evidence-date', [{ path: '/evidence/seenOn', message: problem }]]);
    }
    assert.equal((await put('lead', 'household', { profileVersion: await at(), evidence: { source: 'observed', seenOn: 'yesterday' }, answers: [{ factorId: 'unsafe-sleep', status: 'excluded' }] })).statusCode, 400);
    const seenOn = addDays(today, -10);
    const saved = await put('lead', 'household', { profileVersion: await at(), evidence: { source: 'observed', note: 'Cot seen', seenOn }, answers: [{ factorId: 'unsafe-sleep', status: 'excluded' }] });
    assert.equal(saved.statusCode, 200, saved.body);
    const untouched = await put('lead', 'household', { profileVersion: await at(), evidence: { source: 'observed', note: 'Nobody smokes, seen' }, answers: [{ factorId: 'smoking-in-home', status: 'excluded' }] });
    assert.equal(untouched.statusCode, 200, untouched.body);
    const profile = (await api.call('lead', 'GET', 'profile')).json<{ factors: { factorId: string; evidence: { note: string; seenOn?: string }[] }[] }>();
    const evidenceOf = (factorId: string) => profile.factors.find((f) => f.factorId === factorId)?.evidence.map((e) => [e.note, e.seenOn]);
    assert.deepEqual(evidenceOf('unsafe-sleep'), [['Cot seen', seenOn]]);
    assert.deepEqual(evidenceOf('smoking-in-home'), [['Nobody smokes, seen', today]], 'today when not given');
  });

  it('answers someone outside the team as no such case (404), audited', async () => {
    const refused = await put('outsider', 'household', { profileVersion: 0, answers: [] });
    assert.equal(refused.statusCode, 404);
    assert.ok((await api.deniedFor('outsider')).includes('profile.subject-assess'));
  });
});
