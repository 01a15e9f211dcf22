// The consent and information sharing API: records of each kind, the error shape with a path per
// problem, the summary in words and the GP last told, refusals by access and by token scope.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { rowCounts } from '../../../test/helpers/row-counts.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}
interface RecordBody {
  id: string;
  kind: string;
  status?: string;
  basisLabel?: string;
  decidedByName?: string;
  recordedBy: string;
}
interface ListBody {
  records: RecordBody[];
  summary: { id: string; status: string; text: string }[];
  gpLastTold: { on: string; by: string; shared: string } | null;
}

describe('the consent API', () => {
  let t: TestApp;
  let caseId: string;
  let mumId: string;
  let today: string;
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    for (const name of ['lead', 'outsider', 'reader', 'feed']) {
      const user = await makeUser(t.ctx, { name: `Api ${name}`, organisationId: csc.id });
      users[name] = user.id;
      tokens[name] = await apiTokenFor(t.ctx, user.email, name === 'reader' ? ['read'] : name === 'feed' ? ['feed'] : undefined);
    }
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Apiconsent', teamUserIds: [users['lead']!, users['reader']!, users['feed']!] }));
    ({ id: mumId } = await makePerson(t.ctx, caseId, { given_name: 'Amy', relationship_to_infant: 'mother' }));
  });
  after(async () => t.close());

  /** The watched tables and this one: a refusal leaves them all as they were. */
  const counts = async () => ({ ...(await rowCounts(t.ctx.db)), case_consents: Number((await t.ctx.db.selectFrom('case_consents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n) });
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]!}` }, ...(payload ? { payload } : {}) });

  it('records a consent given (201), then its withdrawal, and lists them with the summary', async () => {
    const given = await call('lead', 'POST', `/cases/${caseId}/consents`, { kind: 'consent', askedPersonId: mumId, purpose: 'sharing with the GP', soughtOn: addDays(today, -4), answer: 'given' });
    assert.equal(given.statusCode, 201, given.body);
    const consent = given.json<RecordBody>();
    assert.deepEqual([consent.kind, consent.status, consent.recordedBy], ['consent', 'given', 'Api lead']);
    const withdrawn = await call('lead', 'POST', `/cases/${caseId}/consents`, { kind: 'withdrawal', withdraws: consent.id, withdrawnOn: addDays(today, -1) });
    assert.equal(withdrawn.statusCode, 201, withdrawn.body);
    const list = await call('reader', 'GET', `/cases/${caseId}/consents`);
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json<ListBody>();
    assert.deepEqual(body.records.map((r) => [r.kind, r.status]), [['withdrawal', undefined], ['consent', 'withdrawn']]);
    assert.deepEqual(body.summary.map((s) => s.status), ['withdrawn']);
    assert.match(body.summary[0]!.text, /^Consent given by Amy .* \(Mother\) on .* for sharing with the GP; withdrawn on /);
    assert.equal(body.gpLastTold, null);
  });

  it('records sharing without consent with the basis in words and the decider named', async () => {
    const shared = await call('lead', 'POST', `/cases/${caseId}/consents`, { kind: 'shared-without-consent', sharedWhat: 'The police log', sharedWith: 'Health visiting', sharedOn: today, basis: 'safeguarding-child', decidedBy: users['lead'], reason: 'Risk of significant harm' });
    assert.equal(shared.statusCode, 201, shared.body);
    const record = shared.json<RecordBody>();
    assert.equal(record.decidedByName, 'Api lead');
    assert.match(record.basisLabel!, /^Safeguarding a child at risk of significant harm/);
  });

  it('answers 422 invalid-consent with a path per problem, storing nothing', async () => {
    const before = await counts();
    const refused = await call('lead', 'POST', `/cases/${caseId}/consents`, { kind: 'shared-without-consent', sharedWhat: 'x', sharedWith: 'y', sharedOn: addDays(today, 1), basis: 'other', answer: 'given' });
    assert.equal(refused.statusCode, 422);
    const error = refused.json<ErrorBody>().error;
    assert.equal(error.code, 'invalid-consent');
    assert.deepEqual(error.details.map((d) => d.path), ['/answer', '/sharedOn', '/basisOther', '/decidedBy', '/reason']);
    assert.equal(error.details[3]!.message, 'Choose who decided to share without consent.');
    assert.deepEqual(await counts(), before);
  });

  it('answers 400 with the path of a field the operation does not take', async () => {
    const refused = await call('lead', 'POST', `/cases/${caseId}/consents`, { kind: 'consent', verbally: true });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(refused.json<ErrorBody>().error.details.map((d) => d.path), ['/verbally']);
  });

  it('shows the GP last told from a gp-informed entry sent to the events API', async () => {
    const entry = await call('lead', 'POST', `/cases/${caseId}/events`, { kind: 'gp-informed', occurredAt: addDays(today, -2), summary: 'Letter to the GP about the concerns', source: 'agency-record' });
    assert.equal(entry.statusCode, 201, entry.body);
    const body = (await call('lead', 'GET', `/cases/${caseId}/consents`)).json<ListBody>();
    assert.deepEqual(body.gpLastTold && [body.gpLastTold.on, body.gpLastTold.by, body.gpLastTold.shared], [addDays(today, -2), 'Api lead', 'Letter to the GP about the concerns']);
  });

  it('answers someone outside the team as no such case (404), no such case (404), a read token a record and a feed token both (403 insufficient-scope)', async () => {
    const record = { kind: 'consent', askedName: 'Someone', purpose: 'x', soughtOn: today, answer: 'refused' };
    const before = await counts();
    assert.equal((await call('outsider', 'GET', `/cases/${caseId}/consents`)).statusCode, 404);
    assert.equal((await call('outsider', 'POST', `/cases/${caseId}/consents`, record)).statusCode, 404);
    assert.equal((await call('lead', 'GET', `/cases/${randomUUID()}/consents`)).statusCode, 404);
    assert.equal((await call('lead', 'POST', `/cases/${randomUUID()}/consents`, record)).statusCode, 404);
    for (const [who, method] of [['reader', 'POST'], ['feed', 'POST'], ['feed', 'GET']] as const) {
      const refused = await call(who, method, `/cases/${caseId}/consents`, method === 'POST' ? record : undefined);
      assert.equal(refused.statusCode, 403, `${who} ${method}`);
      assert.equal(refused.json<ErrorBody>().error.code, 'insufficient-scope');
    }
    assert.deepEqual(await counts(), before);
    const audits = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_user_id', '=', users['outsider']!).execute();
    assert.deepEqual(audits.map((a) => [a.action, a.outcome]).sort(), [['consent.list', 'denied'], ['consent.record', 'denied']]);
  });
});
