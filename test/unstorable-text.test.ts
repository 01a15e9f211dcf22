// Text the database cannot store (NUL, a lone surrogate) is the sender's error: the API answers 400
// naming the field, a batch refuses only the entry that has it, and a page keeps what was typed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makePerson, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

interface ApiError {
  error: { code: string; details: { path: string; message: string }[] };
}

const BAD_TEXTS = { nul: 'a\u0000b', 'lone high surrogate': 'a\uD800b', 'lone low surrogate': '\uDC00' };

describe('text the database cannot store', () => {
  let t: TestApp;
  let caseId: string;
  let token: string;
  let user: { email: string; password: string };

  before(async () => {
    t = await createTestApp();
    user = await makeUser(t.ctx);
    token = await apiTokenFor(t.ctx, user.email);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [(await t.ctx.db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirstOrThrow()).id] }));
    await makePerson(t.ctx, caseId, { id: 'mum' });
  });
  after(async () => t.close());

  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
  const entryCount = async () => (await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute()).length;
  const note = (summary: string) => ({ kind: 'case-note', occurredAt: '2026-11-21', summary, source: 'observed' });

  for (const [name, bad] of Object.entries(BAD_TEXTS)) {
    it(`an event whose summary has a ${name} gets 400 naming /summary, and nothing is stored`, async () => {
      const before = await entryCount();
      const response = await api('POST', `/api/v1/cases/${caseId}/events`, note(bad));
      assert.equal(response.statusCode, 400, response.body);
      const error = response.json<ApiError>().error;
      assert.equal(error.code, 'validation-failed');
      assert.deepEqual(error.details.map((d) => d.path), ['/summary']);
      assert.match(error.details[0]!.message, /cannot be stored/);
      assert.equal(await entryCount(), before);
    });
  }

  it('names a bad key deep in the body by its path', async () => {
    const response = await api('POST', `/api/v1/cases/${caseId}/events`, { ...note('fine'), details: { ['k\u0000']: 'v' } });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json<ApiError>().error.details.map((d) => d.path), ['/details/k\u0000']);
  });

  it('a name search with a NUL gets 400, not a failure', async () => {
    const response = await api('GET', `/api/v1/cases?name=${encodeURIComponent('Ash\u0000worth')}`);
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.json<ApiError>().error.details[0]!.message, /in the query/);
  });

  it('a person with a lone surrogate in their name gets 400, and the record is unchanged', async () => {
    const response = await api('POST', `/api/v1/cases/${caseId}/people`, { givenName: '\uD83D', familyName: 'Okafor', relationshipToInfant: 'mother' });
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(response.json<ApiError>().error.details.map((d) => d.path), ['/givenName']);
  });

  it('a batch refuses only the entry with the bad text, at its path, and stores the others', async () => {
    const before = await entryCount();
    const response = await api('POST', '/api/v1/events:batch', { entries: [{ caseId, ...note('good one') }, { caseId, ...note('bad\u0000one') }, { caseId, ...note('good two') }] });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<{ stored: { index: number }[]; rejected: { index: number; code: string; details: { path: string }[] }[] }>();
    assert.deepEqual(result.stored.map((s) => s.index), [0, 2]);
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details[0]?.path]), [[1, 'validation-failed', '/entries/1/summary']]);
    assert.equal(await entryCount(), before + 2);
  });

  it('a bad key inside an entry of a batch refuses that entry at its path', async () => {
    const response = await api('POST', '/api/v1/events:batch', { entries: [{ caseId, ...note('good'), details: { fine: 1 } }, { caseId, ...note('good too'), details: { list: [{ ['k\uDC00']: 1 }] } }] });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<{ stored: { index: number }[]; rejected: { index: number; details: { path: string; message: string }[] }[] }>();
    assert.deepEqual(result.stored.map((s) => s.index), [0]);
    assert.deepEqual(result.rejected.map((r) => [r.index, r.details[0]?.path]), [[1, '/entries/1/details/list/0/k\uDC00']]);
    assert.match(result.rejected[0]!.details[0]!.message, /cannot be stored/);
  });

  it('a NUL in the address gets 400 naming the address part', async () => {
    const response = await api('GET', `/api/v1/cases/${encodeURIComponent('case\u0000id')}`);
    assert.equal(response.statusCode, 400, response.body);
    const error = response.json<ApiError>().error;
    assert.deepEqual(error.details.map((d) => d.path), ['/caseId']);
    assert.match(error.details[0]!.message, /^in the address: contains a character that cannot be stored/);
  });

  /** An object `levels` objects deep: `{ a: { a: … {} } }`. */
  const nested = (levels: number) => {
    let value: Record<string, unknown> = {};
    for (let level = 1; level < levels; level++) value = { a: value };
    return value;
  };

  it('an event nested one level too deep gets 400 naming the first container past the limit, and nothing is stored', async () => {
    const before = await entryCount();
    const response = await api('POST', `/api/v1/cases/${caseId}/events`, { ...note('deep'), details: nested(32) });
    assert.equal(response.statusCode, 400, response.body);
    const error = response.json<ApiError>().error;
    assert.equal(error.code, 'validation-failed');
    assert.deepEqual(error.details, [{ path: `/details${'/a'.repeat(31)}`, message: 'is nested more than 32 levels deep' }]);
    assert.equal(await entryCount(), before);
  });

  it('an event nested right up to the limit is not refused for its depth, and is stored', async () => {
    const response = await api('POST', `/api/v1/cases/${caseId}/events`, { ...note('deep but allowed'), details: nested(31) });
    assert.equal(response.statusCode, 201, response.body);
  });

  it('a batch with one entry nested too deep is refused whole, before its entries are read', async () => {
    const before = await entryCount();
    const response = await api('POST', '/api/v1/events:batch', { entries: [{ caseId, ...note('fine') }, { caseId, ...note('deep'), details: nested(31) }] });
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(response.json<ApiError>().error.details, [{ path: `/entries/1/details${'/a'.repeat(29)}`, message: 'is nested more than 32 levels deep' }]);
    assert.equal(await entryCount(), before);
  });

  it('a very large event of storable text (accents, emoji, every kind of JSON value) is stored whole', async () => {
    const details = Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`key ${String(i)} ~/é`, [`Zoë Ní Bhriain 😀 ${String(i)}`, i, null, true, { note: 'line one\nline two' }]]));
    const response = await api('POST', `/api/v1/cases/${caseId}/events`, { ...note('a large one'), details });
    assert.equal(response.statusCode, 201, response.body);
    const stored = await t.ctx.db.selectFrom('chronology_entries').select('details').where('case_id', '=', caseId).where('summary', '=', 'a large one').executeTakeFirstOrThrow();
    assert.deepEqual(stored.details, details);
  });

  it('a FHIR Bundle with a NUL, or nested too deep, is refused whole with 400 and an OperationOutcome saying where', async () => {
    type Outcome = { resourceType: string; issue: { code: string; details: { text: string }; expression?: string[] }[] };
    const post = (bundle: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/fhir/Bundle', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' }, payload: JSON.stringify(bundle) });
    const withNul = await post({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'p\u0000' } }] });
    assert.equal(withNul.statusCode, 400, withNul.body);
    assert.match(String(withNul.headers['content-type']), /^application\/fhir\+json/);
    const outcome = withNul.json<Outcome>();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.deepEqual(outcome.issue.map((issue) => [issue.code, issue.expression]), [['structure', ['Bundle.entry[0].resource.id']]]);
    let deep: Record<string, unknown> = {};
    const resource = { resourceType: 'Observation', extension: deep };
    for (let level = 0; level < 40; level++) deep = deep['extension'] = {};
    const nested = await post({ resourceType: 'Bundle', type: 'collection', entry: [{ resource }] });
    assert.equal(nested.statusCode, 400, nested.body);
    assert.match(nested.json<Outcome>().issue[0]?.details.text ?? '', /nested more than 32 levels deep/);
  });

  it('on a page, the search keeps what was typed with the bad character shown as �, and answers', async () => {
    const client = await WebClient.signedIn(t.app, user);
    await client.get('/cases/find');
    const response = await client.post('/cases/find', { name: 'Ash\u0000worth' });
    assert.ok(response.statusCode < 500, String(response.statusCode));
    assert.match(response.body, /Ash\uFFFDworth/);
  });

  it('on a page, a body nested too deep gets the 400 page, not a failure', async () => {
    const client = await WebClient.signedIn(t.app, user);
    const response = await t.app.inject({ method: 'POST', url: '/cases/find', headers: { cookie: client.cookieHeader, 'content-type': 'application/json' }, payload: JSON.stringify({ name: nested(40) }) });
    assert.equal(response.statusCode, 400, response.body.slice(0, 200));
    assert.match(response.body, /There is a problem with what was sent/);
  });

  it('on a page, a chronology entry with a NUL is stored with � in its place, not a failure', async () => {
    const client = await WebClient.signedIn(t.app, user);
    await client.get(`/cases/${caseId}/chronology/new`);
    const before = await entryCount();
    const response = await client.post(`/cases/${caseId}/chronology/new`, {
      kind: 'case-note',
      'occurredOn-day': '21',
      'occurredOn-month': '11',
      'occurredOn-year': '2026',
      summary: 'Typed\u0000note',
      source: 'observed',
    });
    assert.ok(response.statusCode < 500, `${String(response.statusCode)} ${response.body.slice(0, 200)}`);
    if (response.statusCode === 303) {
      assert.equal(await entryCount(), before + 1);
      const stored = await t.ctx.db.selectFrom('chronology_entries').select('summary').where('case_id', '=', caseId).orderBy('recorded_at', 'desc').executeTakeFirstOrThrow();
      assert.equal(stored.summary, 'Typed\uFFFDnote');
    } else {
      assert.match(response.body, /Typed\uFFFDnote/);
    }
  });
});
