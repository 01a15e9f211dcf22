// The log is read by people who may not see a family's record: it must carry no personal data.
// Requests full of names, NHS numbers, dates of birth, addresses, free text, tokens and cookies go
// through every family of routes (API search and writes, pages and forms, FHIR, sign-in, errors), and
// none of it may appear in a captured log line; each request still gets one line with its id.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makePerson, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

const NHS = '9434765919';
const SURNAME = 'Quistwhistle';
const GIVEN = 'Philomena';
const BIRTH = '2026-09-17';
const ADDRESS = '17 Larkspur Mews';
const FREE_TEXT = 'father threatened neighbour with a knife';
const SECRETS = [NHS, SURNAME, GIVEN, BIRTH, ADDRESS, FREE_TEXT, 'Larkspur', 'knife'];

describe('the log carries no personal data', () => {
  let t: TestApp;
  const lines: string[] = [];
  let token: string;
  let caseId: string;
  let user: { email: string; password: string };

  before(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'info' }, logTo: { write: (line) => void lines.push(line) } });
    user = await makeUser(t.ctx, { email: 'logger.test@example.org' });
    const { id: userId } = await t.ctx.db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirstOrThrow();
    token = await apiTokenFor(t.ctx, user.email);
    ({ id: caseId } = await makeCase(t.ctx, { familyName: SURNAME, teamUserIds: [userId] }));
    await t.ctx.db.updateTable('cases').set({ nhs_number: NHS, given_name: GIVEN, date_of_birth: BIRTH }).where('id', '=', caseId).execute();
    await makePerson(t.ctx, caseId, { id: 'mum', family_name: SURNAME, address: ADDRESS });
    const bearer = { authorization: `Bearer ${token}` };
    const json = { ...bearer, 'content-type': 'application/json' };
    const requests = [
      { method: 'GET', url: `/api/v1/cases?nhsNumber=${NHS}&name=${SURNAME}&dateOfBirth=${BIRTH}`, headers: bearer },
      { method: 'GET', url: `/api/v1/cases?name=${GIVEN}%20${SURNAME}`, headers: bearer },
      { method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: json, payload: JSON.stringify({ kind: 'case-note', occurredAt: '2026-11-21', summary: `${FREE_TEXT} at ${ADDRESS}`, source: 'observed' }) },
      { method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: json, payload: `{"summary": "${FREE_TEXT}", broken json` },
      { method: 'POST', url: `/api/v1/cases/${caseId}/people`, headers: json, payload: JSON.stringify({ givenName: GIVEN, familyName: SURNAME, address: ADDRESS, relationshipToInfant: 'aunt' }) },
      { method: 'POST', url: '/api/v1/fhir/Bundle', headers: { ...bearer, 'content-type': 'application/fhir+json' }, payload: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:b', resource: { resourceType: 'Patient', id: 'b', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS }], name: [{ family: SURNAME }] } }] }) },
      { method: 'GET', url: `/api/v1/cases/${NHS}-${SURNAME}`, headers: bearer },
      { method: 'GET', url: `/no-such-page/${SURNAME}?nhs=${NHS}` },
      { method: 'POST', url: '/api/v1/tokens', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: `${SURNAME}@example.org`, password: FREE_TEXT }) },
      { method: 'GET', url: `/sign-in?returnTo=${encodeURIComponent(`/cases?name=${SURNAME}&nhs=${NHS}`)}`, headers: { cookie: `session=${SURNAME}`, 'x-request-id': NHS } },
    ] as const;
    for (const request of requests) await t.app.inject(request);
    const web = await WebClient.signedIn(t.app, user);
    await web.get('/cases/find');
    await web.post('/cases/find', { name: `${GIVEN} ${SURNAME}`, nhsNumber: NHS });
    await web.get(`/cases/${caseId}`);
    await web.get(`/cases/${caseId}/chronology/new`);
    await web.post(`/cases/${caseId}/chronology/new`, { kind: 'case-note', 'occurredOn-day': '21', 'occurredOn-month': '11', 'occurredOn-year': '2026', summary: FREE_TEXT, source: 'observed' });
    await new WebClient(t.app).signIn(`${SURNAME}@example.org`, FREE_TEXT);
  });
  after(async () => t.close());

  it('writes one line per request, with its id, method, route template, status, duration and who asked', () => {
    const requestLines = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['msg'] === 'request');
    assert.ok(requestLines.length >= 16, String(requestLines.length));
    for (const line of requestLines) {
      assert.equal(typeof line['reqId'], 'string');
      assert.equal(typeof line['status'], 'number');
      assert.equal(typeof line['durationMs'], 'number');
      assert.match(String(line['route']), /^(\/|\(no route\))/);
    }
    const search = requestLines.find((line) => line['route'] === '/api/v1/cases' && line['method'] === 'GET');
    assert.ok(search?.['userId'], 'a signed-in request names the user id');
    assert.ok(search['organisationId']);
    assert.ok(requestLines.some((line) => line['route'] === '/api/v1/cases/:caseId/events'), 'routes are logged as templates');
  });

  it('holds none of the names, NHS numbers, dates of birth, addresses, free text, tokens or cookies sent', () => {
    const log = lines.join('');
    for (const secret of [...SECRETS, token, user.password]) assert.equal(log.includes(secret), false, `the log holds ${secret}`);
    assert.doesNotMatch(log, /"url"|querystring|"headers"/);
  });

  it('answers with the request id, and takes none from the client unless a trusted proxy sends it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/privacy', headers: { 'x-request-id': 'from-client' } });
    const id = response.headers['x-request-id'];
    assert.equal(typeof id, 'string');
    assert.notEqual(id, 'from-client');
    assert.ok(lines.some((line) => line.includes(String(id))));
  });
});

describe('behind a trusted proxy', () => {
  let t: TestApp;
  const lines: string[] = [];
  before(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'info', TRUST_PROXY: 'true' }, logTo: { write: (line) => void lines.push(line) } });
  });
  after(async () => t.close());

  it('keeps a well-formed X-Request-Id, and replaces a malformed one rather than echo it', async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/privacy', headers: { 'x-request-id': 'proxy-123:abc' } });
    assert.equal(kept.headers['x-request-id'], 'proxy-123:abc');
    for (const bad of ['x'.repeat(129), 'has space', 'quote"s', '<script>']) {
      const replaced = await t.app.inject({ method: 'GET', url: '/privacy', headers: { 'x-request-id': bad } });
      assert.notEqual(replaced.headers['x-request-id'], bad);
      assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/);
      assert.equal(lines.join('').includes(bad), false);
    }
  });
});
