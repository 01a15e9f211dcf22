// The allow-list every span passes before an exporter sees it: only allowed attributes, no events or
// links, the status without its message, and the span's identity and timing kept. A span is made by
// the SDK's own tracer on a provider of its own (not the global one), so nothing else is started.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { untracedPath } from './request-spans.ts';
import { allowListed } from './tracing.ts';

describe('the allow-list on ended spans', () => {
  it('keeps allowed attributes and the span itself, drops the rest, the events, the links and the status message', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [allowListed(new SimpleSpanProcessor(exporter))] });
    const tracer = provider.getTracer('test');
    const parent = tracer.startSpan('parent');
    const span = tracer.startSpan('step', { attributes: { 'http.route': '/cases/:caseId', 'url.path': '/cases/123?name=Smith', 'icp.entries': 3, 'user.name': 'Smith' } });
    span.addEvent('exception', { 'exception.message': 'Smith is not valid' });
    span.addLink({ context: parent.spanContext() });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'Smith is not valid' });
    span.end();
    const [exported] = exporter.getFinishedSpans();
    assert.ok(exported);
    assert.deepEqual(exported.attributes, { 'http.route': '/cases/:caseId', 'icp.entries': 3 });
    assert.deepEqual(exported.events, []);
    assert.deepEqual(exported.links, []);
    assert.deepEqual(exported.status, { code: SpanStatusCode.ERROR });
    assert.equal(exported.name, 'step');
    assert.deepEqual(exported.spanContext(), span.spanContext());
    assert.ok(exported.ended);
    assert.ok(exported.duration[0] >= 0);
    assert.equal(JSON.stringify(exported).includes('Smith'), false);
  });
});

describe('requests that make no trace', () => {
  it('leaves out assets, health checks and metrics scrapes, with or without a query', () => {
    for (const url of ['/assets/govuk-frontend.min.css', '/assets/app/timeout-warning.mjs', '/assets/*', '/health', '/health/live', '/health/ready?verbose=1', '/metrics', '/metrics?name[]=x']) assert.equal(untracedPath(url), true, url);
  });

  it('traces every page and API call, even one whose address only looks like them', () => {
    for (const url of ['/', '/cases/:caseId', '/api/v1/cases/:caseId/events', '/healthy', '/metrics-report', '/reports/assets/x', '/sign-in?returnTo=/assets/x']) assert.equal(untracedPath(url), false, url);
  });
});
