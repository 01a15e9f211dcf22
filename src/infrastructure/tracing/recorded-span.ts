// The span this service records: what the OpenTelemetry API's Span lets application code say, kept as
// the exporter reads it (the SDK's ReadableSpan), with only what may leave the process. An attribute
// is kept only if the allow-list allows it, as it is set (the route template, methods, status codes,
// SQL with placeholders, counts and fixed words); any other is never stored, the address with its
// query (url.path, http.target, http.url), client addresses and user agents among them. Events,
// links and recorded exceptions are not kept (an exception's message can quote what was typed), nor
// is a status's message. The SDK's own span checked limits, copied and sanitised attributes, and
// worked out its times as [seconds, nanoseconds] on the request's path; this one stores the
// performance clock's reading and works the times out only when an exporter asks
// (docs/operations/tracing.md, "What a trace costs").
import { SpanStatusCode, type Attributes, type AttributeValue, type HrTime, type Span, type SpanContext, type SpanKind, type SpanStatus } from '@opentelemetry/api';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** Attributes a span may carry out of the process; any other is dropped. */
const ALLOWED_ATTRIBUTES = new Set([
  'http.route',
  'http.request.method',
  'http.response.status_code',
  'db.system',
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

/** What every span of one tracer shares: where it ends up, and the resource and scope it is exported with. */
export interface SpanSink {
  readonly processor: SpanProcessor;
  readonly resource: ReadableSpan['resource'];
  readonly instrumentationScope: ReadableSpan['instrumentationScope'];
}

/** The performance clock's origin, as [seconds, nanoseconds] and what is left over in milliseconds. */
const ORIGIN_MS = performance.timeOrigin;
const ORIGIN_SECONDS = Math.trunc(ORIGIN_MS / 1000);
const ORIGIN_REST_MS = ORIGIN_MS - ORIGIN_SECONDS * 1000;

/** A reading of performance.now() as the wall-clock [seconds, nanoseconds] the exporter sends. */
function hrTimeOf(performanceMs: number): HrTime {
  const sinceSecond = ORIGIN_REST_MS + performanceMs;
  const seconds = Math.floor(sinceSecond / 1000);
  const nanoseconds = Math.round((sinceSecond - seconds * 1000) * 1e6);
  return nanoseconds < 1e9 ? [ORIGIN_SECONDS + seconds, nanoseconds] : [ORIGIN_SECONDS + seconds + 1, nanoseconds - 1e9];
}

const NOTHING: [] = [];
const UNSET: SpanStatus = { code: SpanStatusCode.UNSET };

export class RecordedSpan implements Span, ReadableSpan {
  name: string;
  readonly kind: SpanKind;
  readonly parentSpanContext: SpanContext | undefined;
  readonly attributes: Attributes = {};
  status: SpanStatus = UNSET;
  ended = false;
  readonly #context: SpanContext;
  readonly #sink: SpanSink;
  readonly #startMs: number;
  #endMs = -1;

  constructor(sink: SpanSink, name: string, kind: SpanKind, context: SpanContext, parent: SpanContext | undefined, attributes: Attributes | undefined) {
    this.#startMs = performance.now();
    this.#sink = sink;
    this.name = name;
    this.kind = kind;
    this.#context = context;
    this.parentSpanContext = parent;
    if (attributes !== undefined) this.setAttributes(attributes);
  }

  spanContext(): SpanContext {
    return this.#context;
  }

  isRecording(): boolean {
    return !this.ended;
  }

  setAttribute(key: string, value: AttributeValue | undefined): this {
    if (value != null && !this.ended && allowedAttribute(key)) this.attributes[key] = value;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const key in attributes) this.setAttribute(key, attributes[key]);
    return this;
  }

  /** The code alone: an error's message can quote what was typed. OK is final, as in the SDK. */
  setStatus(status: SpanStatus): this {
    if (!this.ended && status.code !== SpanStatusCode.UNSET && this.status.code !== SpanStatusCode.OK) this.status = { code: status.code };
    return this;
  }

  updateName(name: string): this {
    if (!this.ended) this.name = name;
    return this;
  }

  /** Events (exceptions among them) and links are not kept. */
  addEvent(): this {
    return this;
  }

  addLink(): this {
    return this;
  }

  addLinks(): this {
    return this;
  }

  recordException(): void {}

  /** Ends the span now (an end time given is not taken: every span here ends as its work does). */
  end(): void {
    if (this.ended) return;
    this.#endMs = performance.now();
    this.ended = true;
    this.#sink.processor.onEnd(this);
  }

  get startTime(): HrTime {
    return hrTimeOf(this.#startMs);
  }

  get endTime(): HrTime {
    return this.ended ? hrTimeOf(this.#endMs) : [0, 0];
  }

  get duration(): HrTime {
    if (!this.ended) return [-1, -1];
    const nanoseconds = Math.max(0, Math.round((this.#endMs - this.#startMs) * 1e6));
    return [Math.floor(nanoseconds / 1e9), nanoseconds % 1e9];
  }

  get links(): ReadableSpan['links'] {
    return NOTHING;
  }

  get events(): ReadableSpan['events'] {
    return NOTHING;
  }

  get resource(): ReadableSpan['resource'] {
    return this.#sink.resource;
  }

  get instrumentationScope(): ReadableSpan['instrumentationScope'] {
    return this.#sink.instrumentationScope;
  }

  get droppedAttributesCount(): number {
    return 0;
  }

  get droppedEventsCount(): number {
    return 0;
  }

  get droppedLinksCount(): number {
    return 0;
  }
}
