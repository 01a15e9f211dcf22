// OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (register.ts starts them for
// the server; tests and the bench start them with a processor of their own). Then each request is a
// trace: the request's server span and its handler's span, made from Fastify's hooks (request-spans.ts,
// registered by app.ts), the steps of a change to a case (application/tracing.ts) and every SQL
// statement in them (traced-dialect.ts). Ended spans wait in a bounded queue and go out by OTLP over
// HTTP, batched, to the endpoint, off the requests' path (span-queue.ts, which reads OTEL_BSP_*); the
// other OTEL_* variables (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER) are read
// by the SDK as usual.
//
// No personal data leaves in a span: every span passes through an allow-list of attributes before
// any exporter sees it (the route template, methods, status codes, SQL with placeholders, counts and
// fixed words); whatever else a span records is dropped, the address with its query (url.path,
// http.target, http.url), client addresses and user agents among them, and so are span events, where
// exceptions carry their messages.
//
// The SDK is loaded with require only when tracing starts: importing it costs a third of a second,
// which a server with tracing off, and every test, should not pay.
import { createRequire } from 'node:module';
import type { Attributes } from '@opentelemetry/api';
import type * as OtlpExporter from '@opentelemetry/exporter-trace-otlp-http';
import type * as Resources from '@opentelemetry/resources';
import type * as TraceNode from '@opentelemetry/sdk-trace-node';
import { RequestScopeContextManager } from './one-context.ts';
import { SpanQueue, spanQueueLimitsFrom, type SpanLoss } from './span-queue.ts';

const require = createRequire(import.meta.url);

export const SERVICE_NAME = 'infant-care-profile';

/** Attributes a span may carry out of the process; any other is dropped. */
const ALLOWED_ATTRIBUTES = new Set([
  'http.route',
  'http.request.method',
  'http.response.status_code',
  'db.system',
  'db.operation',
  'db.statement',
  'db.parameter_count',
  'db.rows',
  'db.response.status_code',
  'error.type',
]);
/** Our own attributes: counts and fixed words (application/tracing.ts). */
const ALLOWED_PREFIX = 'icp.';

export function allowedAttribute(key: string): boolean {
  return ALLOWED_ATTRIBUTES.has(key) || key.startsWith(ALLOWED_PREFIX);
}

function allowedOnly(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const key in attributes) if (allowedAttribute(key)) kept[key] = attributes[key];
  return kept;
}

/**
 * The span as the processor after the allow-list sees it: a copy with only the allowed attributes, no
 * events or links, and the status's code without its message (an error's message can quote what was
 * typed). A copy of a fixed shape rather than an object made with the span as its prototype: V8 turns
 * an object used as a prototype into a slow one. On a quiet machine tracing's extra CPU on the fixed page
 * fell from about 98 to 67 µs a request (two spans) with the copy.
 */
class AllowListedSpan implements TraceNode.ReadableSpan {
  readonly name: string;
  readonly kind: TraceNode.ReadableSpan['kind'];
  readonly parentSpanContext: TraceNode.ReadableSpan['parentSpanContext'];
  readonly startTime: TraceNode.ReadableSpan['startTime'];
  readonly endTime: TraceNode.ReadableSpan['endTime'];
  readonly status: TraceNode.ReadableSpan['status'];
  readonly attributes: Attributes;
  readonly links: TraceNode.ReadableSpan['links'] = [];
  readonly events: TraceNode.ReadableSpan['events'] = [];
  readonly duration: TraceNode.ReadableSpan['duration'];
  readonly ended: boolean;
  readonly resource: TraceNode.ReadableSpan['resource'];
  readonly instrumentationScope: TraceNode.ReadableSpan['instrumentationScope'];
  readonly droppedAttributesCount: number;
  readonly droppedEventsCount: number;
  readonly droppedLinksCount: number;
  readonly #context: ReturnType<TraceNode.ReadableSpan['spanContext']>;

  constructor(span: TraceNode.ReadableSpan) {
    this.name = span.name;
    this.kind = span.kind;
    this.#context = span.spanContext();
    this.parentSpanContext = span.parentSpanContext;
    this.startTime = span.startTime;
    this.endTime = span.endTime;
    this.status = { code: span.status.code };
    this.attributes = allowedOnly(span.attributes);
    this.duration = span.duration;
    this.ended = span.ended;
    this.resource = span.resource;
    this.instrumentationScope = span.instrumentationScope;
    this.droppedAttributesCount = span.droppedAttributesCount;
    this.droppedEventsCount = span.droppedEventsCount;
    this.droppedLinksCount = span.droppedLinksCount;
  }

  spanContext() {
    return this.#context;
  }
}

/** The span with only the allowed attributes, no events or links, and its status's code alone. */
export function allowListedCopy(span: TraceNode.ReadableSpan): TraceNode.ReadableSpan {
  return new AllowListedSpan(span);
}

/** Hands the processor after it each ended span with only the allowed attributes and no events. */
export function allowListed(next: TraceNode.SpanProcessor): TraceNode.SpanProcessor {
  return {
    onStart: (span, parentContext) => next.onStart(span, parentContext),
    onEnd: (span) => next.onEnd(new AllowListedSpan(span)),
    forceFlush: () => next.forceFlush(),
    shutdown: () => next.shutdown(),
  };
}

export interface Tracing {
  /** Sends what is left and stops. */
  shutdown(): Promise<void>;
  /** Spans that did not reach the exporter, by why (none with a processor given to startTracing). */
  lostSpans(): Readonly<Record<SpanLoss, number>>;
  /** Spans waiting to be exported now. */
  waitingSpans(): number;
}

export interface TracingOptions {
  /** Where spans go, each as it ends, after the allow-list (tests); by default they wait in a span queue for the exporter. */
  processor?: TraceNode.SpanProcessor;
  /** What the span queue exports to (after the allow-list); by default OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT. */
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

/** Registers the global tracer provider (once per process), its context manager (one-context.ts: the request scope's) and the W3C propagators. */
export function startTracing(options: TracingOptions = {}): Tracing {
  if (started) return started;
  const sdk = require('@opentelemetry/sdk-trace-node') as typeof TraceNode;
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof Resources;
  const queue =
    options.processor === undefined
      ? new SpanQueue(options.exporter ?? new (require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpExporter).OTLPTraceExporter(), allowListedCopy, spanQueueLimitsFrom(process.env))
      : undefined;
  const provider = new sdk.NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env['OTEL_SERVICE_NAME'] ?? SERVICE_NAME }),
    spanProcessors: [queue ?? allowListed(options.processor!)],
  });
  provider.register({ contextManager: new RequestScopeContextManager() });
  started = { shutdown: () => provider.shutdown(), lostSpans: () => queue?.lost ?? NONE_LOST, waitingSpans: () => queue?.waiting ?? 0 };
  return started;
}

/** The request and handler spans, as a plugin for app.ts to register before the routes (loaded only when tracing). */
export async function fastifyTracingPlugin() {
  return (await import('./request-spans.ts')).requestSpans;
}

/** Sends the spans still waiting and stops tracing, if it started (the server, as it stops). */
export async function stopTracing(): Promise<void> {
  await started?.shutdown();
}
