// Runs in a process of its own (scripts/run-tests.mjs): it registers the global tracer provider, which would trace every app after it.
// One event written through the API is one trace: the request's server span (with the route) and, as
// its descendants, the steps of recording an entry (lock, write, evaluate and version, alerts, audit) and the SQL statements each
// runs, as children, on PGlite as on PostgreSQL (the statements are traced where Kysely hands them to
// the driver: src/infrastructure/tracing/traced-dialect.ts). Spans go to an in-memory exporter
// through the same allow-list as the OTLP exporter's, and carry no personal data: no name, NHS
// number, free text, id in an address, query string, or SQL parameter value.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createContext, type AppContext } from '../src/application/context.ts';
import { requestSpans } from '../src/infrastructure/tracing/request-spans.ts';
import { startTracing, type Tracing } from '../src/infrastructure/tracing/tracing.ts';
import { apiTokenFor, makeCase, makeUser } from './helpers/factories.ts';
import { TEST_SESSION_SECRET, testConfig } from './helpers/test-app.ts';
import { TestClock } from './helpers/test-clock.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.ts';

const NHS = '9434765919';
const SURNAME = 'Quistwhistle';
const GIVEN = 'Philomena';
const FREE_TEXT = 'father threatened neighbour with a knife';

describe('one event written is one trace', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let database: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let spans: ReadableSpan[];
  let caseId: string;
  let token: string;

  before(async () => {
    tracing = startTracing({ processor: new SimpleSpanProcessor(exporter) });
    database = await createTestDatabase();
    ctx = createContext(database.db, testConfig(), new TestClock());
    app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET, checkReplies: true, tracing: true });
    await app.ready();
    const user = await makeUser(ctx, { email: 'tracing.test@example.org' });
    const { id: userId } = await ctx.db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirstOrThrow();
    token = await apiTokenFor(ctx, user.email);
    ({ id: caseId } = await makeCase(ctx, { familyName: SURNAME, teamUserIds: [userId] }));
    await ctx.db.updateTable('cases').set({ nhs_number: NHS, given_name: GIVEN }).where('id', '=', caseId).execute();
    exporter.reset();
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/events?nhsNumber=${NHS}&name=${SURNAME}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'emergency-attendance', occurredAt: '2026-11-21', summary: `${FREE_TEXT}, ${GIVEN} ${SURNAME}`, source: 'observed' }),
    });
    assert.equal(response.statusCode, 201, response.body);
    spans = exporter.getFinishedSpans();
  });
  after(async () => {
    await app.close();
    await database.close();
    await tracing.shutdown();
  });

  it('makes no trace of an asset, a health check or a metrics scrape, and one of a page', async () => {
    exporter.reset();
    for (const url of ['/assets/govuk-frontend.min.css', '/health', '/health/live']) assert.equal((await app.inject(url)).statusCode, 200, url);
    assert.deepEqual(exporter.getFinishedSpans().map((span) => span.name), []);
    await app.inject('/sign-in');
    assert.ok(exporter.getFinishedSpans().some((span) => span.name === 'request'), 'a page still makes its trace');
  });

  it("continues a proxy's trace from its traceparent: the request span is the proxy span's child", async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const proxySpanId = '00f067aa0ba902b7';
    await app.inject({ url: '/sign-in', headers: { traceparent: `00-${traceId}-${proxySpanId}-01` } });
    const [request] = exporter.getFinishedSpans().filter((span) => span.name === 'request');
    assert.ok(request);
    assert.equal(request.kind, SpanKind.SERVER);
    assert.equal(request.spanContext().traceId, traceId);
    assert.equal(request.parentSpanContext?.spanId, proxySpanId);
  });

  it("marks a failed request as an error by the error's class, never its message, and makes no other span", async () => {
    const failing = Fastify();
    await failing.register(requestSpans);
    failing.get('/fails', async () => {
      await Promise.resolve();
      throw new TypeError(`${SURNAME} is not valid`);
    });
    exporter.reset();
    assert.equal((await failing.inject('/fails')).statusCode, 500);
    await failing.close();
    const [request, ...others] = exporter.getFinishedSpans();
    assert.ok(request);
    assert.deepEqual(others.map((span) => span.name), []);
    assert.equal(request.name, 'request');
    assert.equal(request.attributes['http.route'], '/fails');
    assert.equal(request.status.code, SpanStatusCode.ERROR);
    assert.equal(request.attributes['error.type'], 'TypeError');
    assert.equal(request.attributes['http.response.status_code'], 500);
    assert.equal(JSON.stringify({ attributes: request.attributes, status: request.status, events: request.events }).includes(SURNAME), false);
  });

  it('ends the request span beside the request line when logs are on (no onResponse hook of its own), its status and error as without', async () => {
    const lines: string[] = [];
    const logged = await buildApp({ ctx: { ...ctx, config: { ...ctx.config, logLevel: 'info' } }, sessionSecret: TEST_SESSION_SECRET, tracing: true, logDestination: { write: (line) => void lines.push(line) } });
    logged.get('/fails', async () => {
      await Promise.resolve();
      throw new TypeError(`${SURNAME} is not valid`);
    });
    await logged.ready();
    exporter.reset();
    assert.equal((await logged.inject('/sign-in')).statusCode, 200);
    assert.equal((await logged.inject('/fails')).statusCode, 500);
    await logged.close();
    const requests = exporter.getFinishedSpans().filter((span) => span.name === 'request');
    assert.deepEqual(
      requests.map((span) => [span.attributes['http.route'], span.attributes['http.response.status_code'], span.status.code, span.attributes['error.type']]),
      [
        ['/sign-in', 200, SpanStatusCode.UNSET, undefined],
        ['/fails', 500, SpanStatusCode.ERROR, 'TypeError'],
      ],
    );
    assert.deepEqual(
      lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['msg'] === 'request').map((line) => [line['route'], line['status']]),
      [
        ['/sign-in', 200],
        ['/fails', 500],
      ],
    );
  });

  const named = (name: string) => spans.filter((span) => span.name === name);
  const parentOf = (span: ReadableSpan) => spans.find((other) => other.spanContext().spanId === span.parentSpanContext?.spanId);
  const ancestors = (span: ReadableSpan): string[] => {
    const parent = parentOf(span);
    return parent ? [parent.name, ...ancestors(parent)] : [];
  };

  it('is one trace whose every span but the request descends from the request span', () => {
    assert.equal(new Set(spans.map((span) => span.spanContext().traceId)).size, 1, spans.map((s) => s.name).join(', '));
    const [request] = named('request');
    assert.ok(request, 'Fastify request span');
    assert.equal(request.kind, SpanKind.SERVER);
    assert.equal(request.parentSpanContext, undefined, 'a trace of its own without a traceparent');
    assert.equal(request.attributes['http.route'], '/api/v1/cases/:caseId/events');
    assert.equal(request.attributes['http.response.status_code'], 201);
    for (const span of spans) if (span !== request) assert.ok(ancestors(span).includes('request'), `${span.name} under the request: ${ancestors(span).join(' < ')}`);
  });

  it('shows the steps of recording the entry directly under the request span, each once, in order', () => {
    // The audit entry is appended by the version's step (in its statement when no alert is raised: profile-versions.ts).
    const steps = ['recordEntries.lock', 'recordEntries.write', 'recordEntries.alerts', 'recordEntries.evaluate-and-version'];
    const [recording] = named('recordEntries');
    assert.ok(recording);
    assert.equal(recording.attributes['icp.action'], 'chronology.record');
    assert.deepEqual(ancestors(recording), ['request'], 'no handler span between the request and its steps');
    const found = steps.map((step) => {
      const matches = named(step);
      assert.equal(matches.length, 1, step);
      assert.equal(parentOf(matches[0]!), recording, step);
      return matches[0]!;
    });
    for (let i = 1; i < found.length; i++) assert.ok(found[i]!.startTime[0] * 1e9 + found[i]!.startTime[1] >= found[i - 1]!.startTime[0] * 1e9 + found[i - 1]!.startTime[1], steps[i]);
    assert.ok(named('profile.read').some((span) => parentOf(span)?.name === 'recordEntries.evaluate-and-version'));
  });

  it('has the SQL statements as client spans under the steps, with placeholders for every value', () => {
    const statements = spans.filter((span) => span.kind === SpanKind.CLIENT && span.attributes['db.system'] === 'postgresql');
    assert.ok(statements.length >= 8, String(statements.length));
    for (const step of ['recordEntries.lock', 'recordEntries.write', 'recordEntries.evaluate-and-version']) {
      assert.ok(
        statements.some((span) => ancestors(span).includes(step)),
        `a statement under ${step}`,
      );
    }
    const insert = statements.find((span) => /^\s*insert into "?chronology_entries"?/i.test(String(span.attributes['db.statement'])));
    assert.ok(insert, statements.map((span) => span.attributes['db.statement']).join('\n'));
    assert.match(String(insert.attributes['db.statement']), /\$1/);
    assert.ok(Number(insert.attributes['db.parameter_count']) > 0);
    assert.equal(insert.name, 'INSERT');
    for (const span of statements) assert.deepEqual(Object.keys(span.attributes).filter((key) => !['db.system', 'db.statement', 'db.parameter_count', 'db.rows'].includes(key)), [], span.name);
  });

  it('carries no personal data: no name, NHS number, free text, id in an address, query string or parameter value', () => {
    const everything = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events, links: span.links, status: span.status })));
    for (const secret of [NHS, SURNAME, GIVEN, FREE_TEXT, 'knife', token, `/cases/${caseId}`, 'nhsNumber', '?']) assert.equal(everything.includes(secret), false, `a span holds ${secret}`);
    for (const span of spans) assert.equal(span.events.length, 0, span.name);
    const keys = new Set(spans.flatMap((span) => Object.keys(span.attributes)));
    for (const key of ['url.path', 'url.query', 'url.full', 'http.target', 'http.url', 'client.address', 'user_agent.original']) assert.equal(keys.has(key), false, key);
  });
});
