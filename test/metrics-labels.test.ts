// The metrics are read by people who may not see a family's record, so no label may carry an id, a
// name or anything typed. A mix of requests (pages, API reads and writes, bad input, 404s with names
// and NHS numbers in the path and query, failed sign-ins up to a lock-out, single sign-on refused) goes through the real app
// with metrics on; then the Prometheus endpoint is scraped over loopback and every label value is
// held against the app's own route table, the fixed lists, or a number-like status.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createContext, type AppContext } from '../src/application/context.ts';
import { SEVERITIES } from '../src/domain/catalogue/finding-definitions.ts';
import { startMetricsServer, type MetricsServer } from '../src/infrastructure/metrics/metrics-server.ts';
import { ACTION_PATTERN, CHANGE_OUTCOMES, ENTRY_OUTCOMES, HTTP_METHODS, PrometheusMetrics, SIGN_IN_FAILURE_REASONS, SIGN_IN_METHODS } from '../src/infrastructure/metrics/prometheus-metrics.ts';
import { countWaiting } from '../src/application/mail/deliver-outbox.ts';
import { UNMATCHED_ROUTE } from '../src/web/plugins/request-metrics.ts';
import { apiTokenFor, makeCase, makePerson, makeUser } from './helpers/factories.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';
import { TEST_SESSION_SECRET, testConfig } from './helpers/test-app.ts';
import { TestClock } from './helpers/test-clock.ts';
import { WebClient } from './helpers/web-client.ts';

const NHS = '9434765919';
const SURNAME = 'Quistwhistle';
const GIVEN = 'Philomena';
const FREE_TEXT = 'father threatened neighbour with a knife';
const NO_SUCH_CASE = '00000000-0000-4000-8000-000000000000';

/** One request to the metrics port, on a connection of its own (no keep-alive to hold the server open). */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
    });
    request.on('error', reject);
    request.end();
  });
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: string;
}

function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      assert.ok(match, `a sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of match[2]?.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g) ?? []) labels[key!] = value!;
      return { name: match[1]!, labels, value: match[3]! };
    });
}

/** Every audit action the code names: a case change's action label must be one of them. */
function actionsInTheCode(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) for (const [, action] of fs.readFileSync(full, 'utf8').matchAll(/action: '([a-z.-]+)'/g)) found.add(action!);
    }
  };
  walk('src');
  return found;
}

describe('the metrics carry no ids or personal data in their labels', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let metrics: PrometheusMetrics;
  let server: MetricsServer;
  let scrape: string;
  let caseId: string;
  let userId: string;

  before(async () => {
    database = await createTestDatabase();
    metrics = new PrometheusMetrics();
    metrics.watchPool(database.pool!);
    metrics.watchOutbox(() => countWaiting(database.db));
    // A provider where nothing listens (port 9 refuses): its refusals are counted as single sign-on's.
    const down = { id: 'down', name: 'Down Identity', issuer: 'http://127.0.0.1:9', clientId: 'icp', clientSecret: 'a-secret-long-enough' };
    ctx = createContext(database.db, testConfig({ SIGN_IN_MAX_ATTEMPTS: '2', OIDC_PROVIDERS: JSON.stringify([down]), PUBLIC_URL: 'http://icp.test' }), new TestClock(), undefined, metrics);
    app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET, checkReplies: true });
    await app.ready();
    server = await startMetricsServer({ port: 0, render: () => metrics.text() });

    const user = await makeUser(ctx, { email: 'metrics.test@example.org' });
    ({ id: userId } = await ctx.db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirstOrThrow());
    const token = await apiTokenFor(ctx, user.email);
    ({ id: caseId } = await makeCase(ctx, { familyName: SURNAME, teamUserIds: [userId] }));
    await ctx.db.updateTable('cases').set({ nhs_number: NHS, given_name: GIVEN }).where('id', '=', caseId).execute();
    await makePerson(ctx, caseId, { id: 'mum', family_name: SURNAME });
    const bearer = { authorization: `Bearer ${token}` };
    const json = { ...bearer, 'content-type': 'application/json' };
    const requests = [
      { method: 'GET', url: `/api/v1/cases?nhsNumber=${NHS}&name=${SURNAME}`, headers: bearer },
      { method: 'GET', url: `/api/v1/cases/${caseId}`, headers: bearer },
      { method: 'GET', url: `/api/v1/cases/${caseId}/events`, headers: bearer },
      { method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: json, payload: JSON.stringify({ kind: 'case-note', occurredAt: '2026-11-21', summary: FREE_TEXT, source: 'observed' }) },
      { method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: json, payload: JSON.stringify({ kind: 'emergency-attendance', occurredAt: '2026-11-21', summary: FREE_TEXT, source: 'observed' }) },
      { method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: json, payload: `{"summary": "${FREE_TEXT}", broken json` },
      { method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: json, payload: JSON.stringify({ kind: 'no-such-kind', occurredAt: 'yesterday', summary: GIVEN }) },
      { method: 'POST', url: '/api/v1/events:batch', headers: json, payload: JSON.stringify({ entries: [{ caseId, kind: 'case-note', occurredAt: '2026-11-20', summary: FREE_TEXT, source: 'observed' }, { caseId: NO_SUCH_CASE, kind: 'case-note', occurredAt: '2026-11-20', summary: GIVEN, source: 'observed' }, { caseId: `${NHS}-${SURNAME}`, kind: 'case-note', occurredAt: '2026-11-20', summary: GIVEN, source: 'observed' }] }) },
      { method: 'GET', url: `/api/v1/cases/${NHS}-${SURNAME}`, headers: bearer },
      { method: 'GET', url: `/api/v1/cases/${caseId}` },
      { method: 'GET', url: `/no-such-page/${SURNAME}?nhs=${NHS}` },
      { method: 'DELETE', url: `/cases/${caseId}/${GIVEN}` },
      { method: 'HEAD', url: '/sign-in' },
      { method: 'GET', url: '/metrics' },
      { method: 'POST', url: '/api/v1/tokens', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: `${SURNAME}@example.org`, password: FREE_TEXT }) },
    ] as const;
    for (const request of requests) await app.inject(request);
    const web = await WebClient.signedIn(app, user);
    await web.get('/');
    await web.get(`/cases/${caseId}`);
    await web.get(`/cases/${caseId}/chronology`);
    await web.post('/cases/find', { name: `${GIVEN} ${SURNAME}`, nhsNumber: NHS });
    for (let attempt = 0; attempt < 3; attempt++) await new WebClient(app).signIn(user.email, `${FREE_TEXT} ${String(attempt)}`);
    const providerUser = new WebClient(app);
    await providerUser.get('/sign-in');
    await providerUser.post('/sign-in/oidc/down', { returnTo: `/cases/${caseId}?name=${SURNAME}` });
    await providerUser.get(`/sign-in/oidc/down/callback?code=${NHS}&state=${SURNAME}`);

    const response = await get(server.port, '/metrics');
    assert.equal(response.status, 200);
    assert.match(response.type, /^text\/plain; version=0\.0\.4/);
    scrape = response.body;
  });
  after(async () => {
    await server.close();
    await app.close();
    await database.close();
  });

  it('labels each request by its route template from the route table, or "unmatched", with a method and a status code', () => {
    const requests = parse(scrape).filter((s) => s.name === 'icp_http_request_duration_seconds_count');
    assert.ok(requests.length >= 10, String(requests.length));
    for (const { labels } of requests) {
      assert.deepEqual(Object.keys(labels).sort(), ['method', 'route', 'status']);
      assert.ok((HTTP_METHODS as readonly string[]).includes(labels['method']!), labels['method']);
      assert.match(labels['status']!, /^[1-5][0-9][0-9]$/);
      const method = labels['method'] === 'HEAD' ? 'GET' : labels['method']!;
      assert.ok(labels['route'] === UNMATCHED_ROUTE || app.hasRoute({ method, url: labels['route']! }), `a route of the app: ${labels['method']!} ${labels['route']!}`);
    }
    const routes = new Set(requests.map((s) => s.labels['route']));
    for (const route of ['/api/v1/cases/:caseId/events', '/api/v1/cases/:caseId', '/cases/:caseId', '/api/v1/events::batch', UNMATCHED_ROUTE]) assert.ok(routes.has(route), route);
    assert.ok(requests.some((s) => s.labels['route'] === '/api/v1/cases/:caseId/events' && s.labels['status'] === '400'), 'bad input counted under its route');
  });

  it('labels changes, entries, alerts and sign-ins with words from fixed lists only', () => {
    const actions = actionsInTheCode();
    const samples = parse(scrape).filter((s) => s.name.startsWith('icp_') && !s.name.startsWith('icp_http_'));
    const allowed: Record<string, (value: string) => boolean> = {
      action: (value) => ACTION_PATTERN.test(value) && actions.has(value),
      outcome: (value) => [...CHANGE_OUTCOMES, ...ENTRY_OUTCOMES].includes(value as never),
      severity: (value) => SEVERITIES.includes(value as never),
      reason: (value) => SIGN_IN_FAILURE_REASONS.includes(value as never),
      method: (value) => SIGN_IN_METHODS.includes(value as never),
      le: (value) => value === '+Inf' || Number.isFinite(Number(value)),
    };
    for (const { name, labels } of samples) {
      for (const [key, value] of Object.entries(labels)) assert.ok(allowed[key]?.(value), `${name}: ${key}="${value}"`);
    }
    const has = (name: string, labels: Record<string, string> = {}) => samples.some((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) && Number(s.value) > 0);
    assert.ok(has('icp_case_change_duration_seconds_count', { action: 'chronology.record', outcome: 'changed' }));
    assert.ok(has('icp_case_change_entries_count', { action: 'chronology.record' }));
    assert.ok(has('icp_chronology_entries_total', { action: 'chronology.batch', outcome: 'stored' }));
    assert.ok(has('icp_chronology_entries_total', { action: 'chronology.batch', outcome: 'rejected' }));
    assert.ok(has('icp_profile_evaluations_total'));
    assert.ok(has('icp_profile_evaluation_duration_seconds_count'));
    assert.ok(has('icp_alerts_raised_total', { severity: 'high' }));
    assert.ok(has('icp_sign_in_failures_total', { method: 'password', reason: 'wrong-password' }));
    assert.ok(has('icp_sign_in_failures_total', { method: 'password', reason: 'unknown-email' }));
    assert.ok(has('icp_sign_in_failures_total', { method: 'oidc', reason: 'provider-unreachable' }), 'a provider that cannot be reached');
    assert.ok(has('icp_sign_in_failures_total', { method: 'oidc', reason: 'no-sign-in-pending' }), 'an answer with no sign-in started');
    assert.ok(has('icp_sign_in_lockouts_total'));
    assert.ok(samples.some((s) => s.name === 'icp_outbox_waiting'), 'read from the database at the scrape');
    assert.ok(samples.some((s) => s.name === 'icp_db_pool_connections_open' && Number(s.value) >= 1));
    assert.ok(samples.some((s) => s.name === 'icp_db_pool_waiting'));
  });

  it('holds none of the ids, names, NHS numbers or free text sent, anywhere in the scrape', () => {
    for (const secret of [NHS, SURNAME, GIVEN, FREE_TEXT, 'knife', caseId, userId, NO_SUCH_CASE, 'metrics.test']) assert.equal(scrape.includes(secret), false, `the scrape holds ${secret}`);
    // Node's own metrics have labels too: only their fixed kinds, spaces and version numbers.
    for (const { name, labels } of parse(scrape).filter((s) => !s.name.startsWith('icp_'))) {
      for (const [key, value] of Object.entries(labels)) assert.match(value, /^[A-Za-z0-9_.+-]{1,40}$/, `${name}: ${key}="${value}"`);
    }
  });

  it('answers 404 at /metrics on the public app, and only GET /metrics on the metrics port', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/metrics' })).statusCode, 404);
    assert.equal((await get(server.port, '/')).status, 404);
    assert.equal((await get(server.port, '/metrics', 'POST')).status, 404);
  });
});
