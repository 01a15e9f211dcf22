// The spans tracing records (recorded-span.ts, made by tracer-provider.ts): only allowed attributes,
// no events or links, the status without its message, the span's identity, parent and timing kept;
// sampling as the SDK samples, from OTEL_TRACES_SAMPLER. A span is made by a provider of its own (not
// the global one), so nothing else is started.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Span } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import * as sdk from '@opentelemetry/sdk-trace-node';
import { untracedPath } from './request-spans.ts';
import { RecordingTracerProvider } from './tracer-provider.ts';
import { samplerFrom } from './tracing.ts';

function recording(sampler: sdk.Sampler = new sdk.AlwaysOnSampler()) {
  const exporter = new sdk.InMemorySpanExporter();
  const provider = new RecordingTracerProvider({ processor: new sdk.SimpleSpanProcessor(exporter), resource: resourceFromAttributes({ 'service.name': 'test' }), sampler, ids: new sdk.RandomIdGenerator() });
  return { exporter, tracer: provider.getTracer('test') };
}

/** The performance clock's reading now, as milliseconds since the epoch (what a span's times say). */
const performanceEpochMs = () => performance.timeOrigin + performance.now();
const hrTimeMs = ([seconds, nanoseconds]: [number, number]) => seconds * 1000 + nanoseconds / 1e6;

describe('the spans tracing records', () => {
  it('keep allowed attributes and the span itself, and drop the rest, the events, the links and the status message', () => {
    const { exporter, tracer } = recording();
    const parent = tracer.startSpan('parent');
    const span = tracer.startSpan('step', { attributes: { 'http.route': '/cases/:caseId', 'url.path': '/cases/123?name=Smith', 'icp.entries': 3, 'user.name': 'Smith' } });
    span.setAttribute('client.address', '10.0.0.1').setAttributes({ 'db.rows': 2, 'http.target': '/cases/123?name=Smith' });
    span.addEvent('exception', { 'exception.message': 'Smith is not valid' });
    span.recordException(new Error('Smith is not valid'));
    span.addLink({ context: parent.spanContext() });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'Smith is not valid' });
    span.end();
    const [exported] = exporter.getFinishedSpans();
    assert.ok(exported);
    assert.deepEqual(exported.attributes, { 'http.route': '/cases/:caseId', 'icp.entries': 3, 'db.rows': 2 });
    assert.deepEqual(exported.events, []);
    assert.deepEqual(exported.links, []);
    assert.deepEqual(exported.status, { code: SpanStatusCode.ERROR });
    assert.equal(exported.name, 'step');
    assert.deepEqual(exported.spanContext(), span.spanContext());
    assert.equal(exported.instrumentationScope.name, 'test');
    assert.equal(exported.resource.attributes['service.name'], 'test');
    assert.ok(exported.ended);
    assert.equal(JSON.stringify(exported).includes('Smith'), false);
  });

  it('are children of the span in the context given, in its trace, or start a trace of their own', () => {
    const { tracer } = recording();
    const root = tracer.startSpan('request', { kind: SpanKind.SERVER });
    const child = tracer.startSpan('step', {}, trace.setSpan(ROOT_CONTEXT, root)) as unknown as sdk.ReadableSpan & Span;
    assert.equal(child.spanContext().traceId, root.spanContext().traceId);
    assert.equal(child.parentSpanContext?.spanId, root.spanContext().spanId);
    assert.notEqual(child.spanContext().spanId, root.spanContext().spanId);
    assert.equal((root as unknown as sdk.ReadableSpan).parentSpanContext, undefined);
    assert.equal((root as unknown as sdk.ReadableSpan).kind, SpanKind.SERVER);
    assert.match(root.spanContext().traceId, /^[0-9a-f]{32}$/);
    const own = tracer.startSpan('other', { root: true }, trace.setSpan(ROOT_CONTEXT, root));
    assert.notEqual(own.spanContext().traceId, root.spanContext().traceId);
  });

  it('run startActiveSpan\'s function with the span, in the context given, and return what it returns', () => {
    const { tracer } = recording();
    const parent = tracer.startSpan('parent');
    const within = trace.setSpan(ROOT_CONTEXT, parent);
    const [span, returned] = tracer.startActiveSpan('step', {}, within, (started) => [started, 'done'] as const);
    assert.equal(returned, 'done');
    assert.equal((span as unknown as sdk.ReadableSpan).parentSpanContext?.spanId, parent.spanContext().spanId);
    assert.equal(tracer.startActiveSpan('alone', (started) => started.isRecording()), true);
    assert.equal(tracer.startActiveSpan('with options', { attributes: { 'icp.count': 1 } }, (started) => (started as unknown as sdk.ReadableSpan).attributes['icp.count']), 1);
  });

  it('keep their start and end on the clock the SDK uses, and end once', () => {
    const { exporter, tracer } = recording();
    const before = performanceEpochMs();
    const span = tracer.startSpan('timed');
    const recorded = span as unknown as sdk.ReadableSpan;
    assert.equal(span.isRecording(), true);
    assert.deepEqual(recorded.duration, [-1, -1]);
    span.end();
    const after = performanceEpochMs();
    span.end();
    span.setAttribute('db.rows', 1);
    assert.equal(span.isRecording(), false);
    assert.equal(exporter.getFinishedSpans().length, 1);
    assert.deepEqual(recorded.attributes, {});
    for (const time of [recorded.startTime, recorded.endTime]) {
      assert.ok(Number.isInteger(time[0]) && Number.isInteger(time[1]) && time[1] >= 0 && time[1] < 1e9, String(time));
      assert.ok(hrTimeMs(time) >= before - 0.001 && hrTimeMs(time) <= after + 0.001, `${String(hrTimeMs(time))} in ${String(before)}-${String(after)}`);
    }
    assert.ok(Math.abs(hrTimeMs(recorded.duration) - (hrTimeMs(recorded.endTime) - hrTimeMs(recorded.startTime))) < 0.001);
  });

  it('are not recorded when the sampler says so: only their context is carried, and nothing is exported', () => {
    const { exporter, tracer } = recording(new sdk.ParentBasedSampler({ root: new sdk.AlwaysOffSampler() }));
    const root = tracer.startSpan('request');
    assert.equal(root.isRecording(), false);
    assert.equal(root.spanContext().traceFlags, TraceFlags.NONE);
    const child = tracer.startSpan('step', {}, trace.setSpan(ROOT_CONTEXT, root));
    assert.equal(child.isRecording(), false);
    assert.equal(child.spanContext().traceId, root.spanContext().traceId);
    root.end();
    child.end();
    assert.equal(exporter.getFinishedSpans().length, 0);
    const sampledParent = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true });
    const followed = tracer.startSpan('request', {}, trace.setSpan(ROOT_CONTEXT, sampledParent));
    assert.equal(followed.isRecording(), true);
    assert.equal(followed.spanContext().traceFlags, TraceFlags.SAMPLED);
  });
});

describe('the sampler from OTEL_TRACES_SAMPLER', () => {
  it('is the SDK\'s for each name, every trace (or as the parent decided) by default and for a name it does not know', () => {
    const named = (env: NodeJS.ProcessEnv) => samplerFrom(env, sdk).toString();
    const parentBased = (root: string) => new sdk.ParentBasedSampler({ root: root === 'on' ? new sdk.AlwaysOnSampler() : root === 'off' ? new sdk.AlwaysOffSampler() : new sdk.TraceIdRatioBasedSampler(Number(root)) }).toString();
    assert.equal(named({}), parentBased('on'));
    assert.equal(named({ OTEL_TRACES_SAMPLER: 'always_on' }), new sdk.AlwaysOnSampler().toString());
    assert.equal(named({ OTEL_TRACES_SAMPLER: 'always_off' }), new sdk.AlwaysOffSampler().toString());
    assert.equal(named({ OTEL_TRACES_SAMPLER: 'parentbased_always_off' }), parentBased('off'));
    assert.equal(named({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' }), parentBased('0.1'));
    assert.equal(named({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }), new sdk.TraceIdRatioBasedSampler(0.25).toString());
    for (const argument of ['', '2', '-1', 'half']) assert.equal(named({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: argument }), parentBased('1'), argument);
    assert.equal(named({ OTEL_TRACES_SAMPLER: 'jaeger_remote' }), parentBased('on'));
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
