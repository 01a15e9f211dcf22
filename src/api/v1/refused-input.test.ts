// A request not of its operation's shape, from a caller with a valid token, is refused with 400 and
// audited as request.refused naming the route, method, fields and caller, never a value sent; a
// request without a token is answered 401 and not audited (docs/adr/0024-refused-requests-audited.md).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { MOST_FIELDS_RECORDED } from '../../application/audit/record-refused-request.ts';
import { refusedField } from './refused-input.ts';

const NHS_NUMBER = '9434765919';
const NAME = 'Zebedee Quartermaine';

interface Refused {
  actor_user_id: string | null;
  channel: string;
  outcome: string;
  case_id: string | null;
  subject_type: string | null;
  details: { method: string; route: string; fields: { part: string; path: string; rule: string }[]; moreFields?: number; tokenId?: string };
}

describe('requests refused for their shape are audited with their caller, never their values', () => {
  let t: TestApp;
  let userId: string;
  let token: string;
  let caseId: string;
  const lines: string[] = [];

  before(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'debug' }, logTo: { write: (line) => void lines.push(line) } });
    const user = await makeUser(t.ctx, { name: 'Prober Person' });
    userId = user.id;
    token = await apiTokenFor(t.ctx, user.email);
    caseId = (await makeCase(t.ctx, { teamUserIds: [user.id] })).id;
  });
  after(() => t.close());

  const send = (method: 'GET' | 'POST', url: string, payload?: unknown, withToken = true) =>
    t.app.inject({ method, url, ...(withToken ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });

  /** The refusals audited since `before` (a sequence number), oldest first. */
  async function refusedSince(seq: string): Promise<Refused[]> {
    const rows = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'channel', 'outcome', 'case_id', 'subject_type', 'details']).where('action', '=', 'request.refused').where('seq', '>', seq).orderBy('seq').execute();
    return rows.map((row) => ({ ...row, details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Refused['details'] }));
  }
  async function lastSeq(): Promise<string> {
    const row = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return row?.seq ?? '0';
  }
  function assertNoValues(what: unknown) {
    const text = JSON.stringify(what);
    assert.doesNotMatch(text, new RegExp(NHS_NUMBER), 'no NHS number');
    assert.doesNotMatch(text, /Zebedee|Quartermaine/, 'no name');
  }

  it('audits a search whose query is not of its shape: the fields and rules, not the NHS number or name sent', async () => {
    const seq = await lastSeq();
    const reply = await send('GET', `/api/v1/cases?name=${encodeURIComponent(NAME)}&dateOfBirth=${NHS_NUMBER}&${NHS_NUMBER}=${encodeURIComponent(NAME)}`);
    assert.equal(reply.statusCode, 400);
    const error = reply.json<{ error: { code: string; details: { path: string; message: string }[] } }>().error;
    assert.equal(error.code, 'validation-failed');
    assert.deepEqual(error.details.map((d) => d.path).sort(), [`/${NHS_NUMBER}`, '/dateOfBirth'], 'the caller is told which fields, by name');
    const [entry, ...others] = await refusedSince(seq);
    assert.equal(others.length, 0);
    assert.deepEqual(
      { actor: entry!.actor_user_id, channel: entry!.channel, outcome: entry!.outcome, caseId: entry!.case_id, method: entry!.details.method, route: entry!.details.route },
      { actor: userId, channel: 'api', outcome: 'failure', caseId: null, method: 'GET', route: '/api/v1/cases' },
    );
    assert.deepEqual(entry!.details.fields.map((f) => [f.part, f.path, f.rule]).sort(), [['query', '/', 'additionalProperties'], ['query', '/dateOfBirth', 'format']]);
    assert.equal(typeof entry!.details.tokenId, 'string', 'the token is named, to be revoked');
    assertNoValues(entry);
  });

  it('audits a case event not of its shape against the case it names', async () => {
    const seq = await lastSeq();
    const reply = await send('POST', `/api/v1/cases/${caseId}/events`, { kind: 'note', summary: NAME, occurredAt: NHS_NUMBER, [NHS_NUMBER]: NAME });
    assert.equal(reply.statusCode, 400);
    const [entry] = await refusedSince(seq);
    assert.equal(entry!.case_id, caseId);
    assert.equal(entry!.subject_type, 'case');
    assert.equal(entry!.details.route, '/api/v1/cases/:caseId/events');
    assert.ok(entry!.details.fields.some((f) => f.part === 'body' && f.path === '/' && f.rule === 'additionalProperties'), JSON.stringify(entry!.details.fields));
    assertNoValues(entry);
  });

  it('names no case for a well-formed id of no case, nor for one that is not an id', async () => {
    const seq = await lastSeq();
    const noCase = '0190b7a2-0000-7000-8000-000000000000';
    for (const id of [noCase, `${NHS_NUMBER}-x`]) assert.equal((await send('GET', `/api/v1/cases/${id}/events?from=${NHS_NUMBER}`)).statusCode, 400);
    const entries = await refusedSince(seq);
    assert.deepEqual(entries.map((e) => [e.case_id, e.subject_type, e.details.fields.map((f) => f.path)]), [[null, null, ['/from']], [null, null, ['/from']]]);
    assertNoValues(entries);
  });

  it('audits a census report asked for with a period missing a day', async () => {
    const seq = await lastSeq();
    const reply = await send('GET', `/api/v1/reports/cin-census?from=${NHS_NUMBER}9`);
    assert.equal(reply.statusCode, 400);
    const [entry] = await refusedSince(seq);
    assert.equal(entry!.details.route, '/api/v1/reports/cin-census');
    assert.deepEqual(entry!.details.fields.map((f) => [f.part, f.path, f.rule]).sort(), [['query', '/from', 'maxLength'], ['query', '/to', 'required']]);
    assertNoValues(entry);
  });

  it('audits a FHIR Bundle not of its shape, still answered with an OperationOutcome', async () => {
    const seq = await lastSeq();
    const reply = await t.app.inject({ method: 'POST', url: '/api/v1/fhir/Bundle', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' }, payload: JSON.stringify({ resourceType: 'Bundle', entry: NAME }) });
    assert.equal(reply.statusCode, 400);
    assert.equal(reply.json<{ resourceType: string }>().resourceType, 'OperationOutcome');
    const [entry] = await refusedSince(seq);
    assert.deepEqual([entry!.details.route, entry!.details.fields], ['/api/v1/fhir/Bundle', [{ part: 'body', path: '/entry', rule: 'type' }]]);
    assertNoValues(entry);
  });

  it('audits text no database can store as the same refusal, after the token check, naming only fields the schema declares', async () => {
    const seq = await lastSeq();
    const named = await send('GET', `/api/v1/cases?name=${encodeURIComponent(NAME)}%00`);
    assert.equal(named.statusCode, 400);
    assert.deepEqual(named.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path), ['/name']);
    assert.equal((await send('POST', `/api/v1/cases/${caseId}/events`, { summary: `${NAME}\u0000` })).statusCode, 400);
    const entries = await refusedSince(seq);
    assert.deepEqual(entries.map((e) => [e.case_id, e.details.fields]), [
      [null, [{ part: 'query', path: '/name', rule: 'storable-text' }]],
      [caseId, [{ part: 'body', path: '/summary', rule: 'storable-text' }]],
    ]);
    assertNoValues(entries);
    const keyed = await send('POST', `/api/v1/cases/${caseId}/events`, { [`${NHS_NUMBER}\u0000`]: 1 });
    assert.equal(keyed.statusCode, 400);
    assert.deepEqual((await refusedSince(seq)).at(-1)?.details.fields, [{ part: 'body', path: '/*', rule: 'storable-text' }], 'a key the caller chose is not recorded');
    assert.equal((await send('GET', `/api/v1/cases?name=${NHS_NUMBER}%00`, undefined, false)).statusCode, 401, 'no token: 401 first');
  });

  it('answers a request without a valid token 401 before looking at its shape, and audits nothing', async () => {
    const seq = await lastSeq();
    const anonymous = await send('GET', `/api/v1/cases?dateOfBirth=${NHS_NUMBER}`, undefined, false);
    assert.equal(anonymous.statusCode, 401);
    const badToken = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: { authorization: 'Bearer not-a-token' }, payload: { [NHS_NUMBER]: NAME } });
    assert.equal(badToken.statusCode, 401);
    assert.deepEqual(await t.ctx.db.selectFrom('audit_log').select('action').where('seq', '>', seq).execute(), []);
  });

  it('records at most a bounded number of fields, counting the rest', async () => {
    const seq = await lastSeq();
    const body = Object.fromEntries(Array.from({ length: MOST_FIELDS_RECORDED + 5 }, (_, i) => [`extra${String(i)}`, NAME]));
    assert.equal((await send('POST', `/api/v1/cases/${caseId}/events`, body)).statusCode, 400);
    const [entry] = await refusedSince(seq);
    assert.equal(entry!.details.fields.length, MOST_FIELDS_RECORDED);
    assert.ok((entry!.details.moreFields ?? 0) > 0);
  });

  it('answers an address no route can read (a part longer than any id, a broken %) with the API\'s 400, not repeating it, audited as nothing', async () => {
    const seq = await lastSeq();
    for (const url of [`/api/v1/cases/${NHS_NUMBER.repeat(11)}/events`, `/api/v1/cases/${NHS_NUMBER}%E0%A4%A`]) {
      const reply = await send('GET', url);
      assert.equal(reply.statusCode, 400, url);
      assert.equal(reply.json<{ error: { code: string } }>().error.code, 'validation-failed', url);
      assertNoValues(reply.body);
    }
    assert.deepEqual(await t.ctx.db.selectFrom('audit_log').select('action').where('seq', '>', seq).execute(), []);
  });

  it('never writes the values sent to the log', () => {
    assert.ok(lines.length > 0, 'the requests were logged');
    assertNoValues(lines);
  });
});

describe('where a refused field is, from the schema only', () => {
  const error = (instancePath: string, schemaPath: string, keyword: string, params: Record<string, unknown> = {}) => ({ instancePath, schemaPath, keyword, params, message: 'x' });

  it('keeps the schema\'s names and array positions, and puts * for a name the caller chose', () => {
    assert.deepEqual(refusedField('body', error('/entries/3/occurredAt', '#/properties/entries/items/properties/occurredAt/format', 'format')), { part: 'body', path: '/entries/3/occurredAt', rule: 'format' });
    assert.deepEqual(refusedField('body', error(`/answers/${NHS_NUMBER}`, '#/properties/answers/additionalProperties/type', 'type')), { part: 'body', path: '/answers/*', rule: 'type' });
    assert.deepEqual(refusedField('body', error(`/people/0/${NHS_NUMBER}/name`, 'Person#/properties/name/type', 'type')), { part: 'body', path: '/*/*/*/name', rule: 'type' }, 'steps the schema path does not show are the caller\'s');
  });

  it('names an unknown field by its parent, and a missing one by its name in the schema', () => {
    assert.deepEqual(refusedField('query', error('', '#/additionalProperties', 'additionalProperties', { additionalProperty: NHS_NUMBER })), { part: 'query', path: '/', rule: 'additionalProperties' });
    assert.deepEqual(refusedField('query', error('', '#/required', 'required', { missingProperty: 'to' })), { part: 'query', path: '/to', rule: 'required' });
  });
});
