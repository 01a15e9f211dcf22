// OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (register.ts starts them for
// the server; tests and the bench start them with a processor of their own). Then each request is a
// trace: the request's server span, made from Fastify's hooks (request-spans.ts, registered by
// app.ts), and under it the steps of a change to a case (application/tracing.ts) and every SQL
// statement in them (traced-dialect.ts). Ended spans wait in a bounded queue and go out by OTLP over
// HTTP, batched, to the endpoint, off the requests' path (span-queue.ts, which reads OTEL_BSP_*), in
// protobuf unless OTEL_EXPORTER_OTLP_PROTOCOL says http/json (otlp-exporter.ts); the other OTEL_*
// variables (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER) are read as the SDK
// reads them.
//
// No personal data leaves in a span: a span keeps only the attributes an allow-list allows, as they
// are set (the route template, methods, status codes, SQL with placeholders, counts and fixed words),
// and no events, links or status messages (recorded-span.ts). The spans are this service's own
// (tracer-provider.ts), lighter than the SDK's, and so are their ids (span-ids.ts); the SDK's samplers,
// resource and OTLP serialisers and sending are used as they are, and the W3C traceparent propagator.
//
// The SDK is loaded with require only when tracing starts: importing it costs a third of a second,
// which a server with tracing off, and every test, should not pay.
import { createRequire } from 'node:module';
import { context, diag, propagation, trace } from '@opentelemetry/api';
import type * as Core from '@opentelemetry/core';
import type * as Resources from '@opentelemetry/resources';
import type * as TraceNode from '@opentelemetry/sdk-trace-node';
import { RequestScopeContextManager } from './one-context.ts';
import { otlpHttpExporter } from './otlp-exporter.ts';
import { PooledIdGenerator } from './span-ids.ts';
import { SpanQueue, spanQueueLimitsFrom, type SpanLoss } from './span-queue.ts';
import { RecordingTracerProvider } from './tracer-provider.ts';

const require = createRequire(import.meta.url);

export const SERVICE_NAME = 'infant-care-profile';

export interface Tracing {
  /** Sends what is left and stops. */
  shutdown(): Promise<void>;
  /** Spans that did not reach the exporter, by why (none with a processor given to startTracing). */
  lostSpans(): Readonly<Record<SpanLoss, number>>;
  /** Spans waiting to be exported now. */
  waitingSpans(): number;
}

export interface TracingOptions {
  /** Where spans go, each as it ends (tests); by default they wait in a span queue for the exporter. */
  processor?: TraceNode.SpanProcessor;
  /** What the span queue exports to; by default OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (otlp-exporter.ts). */
  exporter?: TraceNode.SpanExporter;
}

const NONE_LOST: Readonly<Record<SpanLoss, number>> = { 'queue-full': 0, 'export-failed': 0 };

let started: Tracing | undefined;

/** True once startTracing has run in this process: app.ts then registers the request spans. */
export function tracingStarted(): boolean {
  return started !== undefined;
}

/** The tracing this process started, if it did (its queue's counts for the metrics). */
export function startedTracing(): Tracing | undefined {
  return started;
}

/** The sampler OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG name, as the SDK reads them (by default every trace, or as the parent decided). */
export function samplerFrom(env: NodeJS.ProcessEnv, sdk: typeof TraceNode): TraceNode.Sampler {
  const name = env['OTEL_TRACES_SAMPLER']?.trim().toLowerCase() || 'parentbased_always_on';
  const argument = Number(env['OTEL_TRACES_SAMPLER_ARG']?.trim() || Number.NaN);
  const ratio = () => new sdk.TraceIdRatioBasedSampler(argument >= 0 && argument <= 1 ? argument : 1);
  switch (name) {
    case 'always_on':
      return new sdk.AlwaysOnSampler();
    case 'always_off':
      return new sdk.AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_off':
      return new sdk.ParentBasedSampler({ root: new sdk.AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new sdk.ParentBasedSampler({ root: ratio() });
    default:
      if (name !== 'parentbased_always_on') diag.error(`OTEL_TRACES_SAMPLER value "${name}" invalid, defaulting to "parentbased_always_on".`);
      return new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() });
  }
}

/** Registers the global tracer provider (once per process), its context manager (one-context.ts: the request scope's) and the W3C traceparent propagator. */
export function startTracing(options: TracingOptions = {}): Tracing {
  if (started) return started;
  const sdk = require('@opentelemetry/sdk-trace-node') as typeof TraceNode;
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof Resources;
  const { W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof Core;
  const queue =
    options.processor === undefined
      ? new SpanQueue(options.exporter ?? otlpHttpExporter(), spanQueueLimitsFrom(process.env))
      : undefined;
  const provider = new RecordingTracerProvider({
    processor: queue ?? options.processor!,
    resource: resourceFromAttributes({ 'service.name': process.env['OTEL_SERVICE_NAME'] ?? SERVICE_NAME }),
    sampler: samplerFrom(process.env, sdk),
    ids: new PooledIdGenerator(),
  });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new RequestScopeContextManager());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  started = { shutdown: () => provider.shutdown(), lostSpans: () => queue?.lost ?? NONE_LOST, waitingSpans: () => queue?.waiting ?? 0 };
  return started;
}

/** The request spans, as a plugin for app.ts to register before the routes (loaded only when tracing). */
export async function fastifyTracingPlugin() {
  return (await import('./request-spans.ts')).requestSpans;
}

/** Sends the spans still waiting and stops tracing, if it started (the server, as it stops). */
export async function stopTracing(): Promise<void> {
  await started?.shutdown();
}
