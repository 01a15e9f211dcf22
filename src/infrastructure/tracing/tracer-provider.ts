// The tracer provider tracing registers (tracing.ts) in place of the SDK's NodeTracerProvider, behind
// the same OpenTelemetry API that application code uses (trace.getTracer, startSpan,
// startActiveSpan). A span is started as the SDK's tracer starts one: the child of the span in the
// context given (or the active one), in its trace, sampled by the sampler (OTEL_TRACES_SAMPLER, read
// by tracing.ts), a span that is not recorded carrying only its context. What it makes is a
// RecordedSpan (recorded-span.ts), lighter than the SDK's, handed to the processor as it ends: the
// processor is not told of a span's start (the span queue and the tests' processors do nothing then).
// The SDK's samplers and id generator are given by tracing.ts, which loads the SDK only when tracing
// starts; nothing of the SDK is imported here but its types. The default sampler (parentbased_always_on)
// and always_on are not asked: their decision follows from the parent alone, and the SDK's make an
// object and read the parent from the context again for every span.
import { context, isSpanContextValid, SpanKind, trace, TraceFlags, type Context, type Link, type Span, type SpanContext, type SpanOptions, type Tracer, type TracerProvider } from '@opentelemetry/api';
import type { IdGenerator, ReadableSpan, Sampler, SamplingResult, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { RecordedSpan, type SpanSink } from './recorded-span.ts';
import { contextWithSpan } from './span-context.ts';

export interface RecordingOptions {
  processor: SpanProcessor;
  resource: ReadableSpan['resource'];
  sampler: Sampler;
  ids: IdGenerator;
}

/** SamplingDecision.NOT_RECORD and RECORD_AND_SAMPLED (the SDK's, not loaded here for two values). */
const NOT_RECORD = 0;
const RECORD_AND_SAMPLED = 2;
const NO_LINKS: Link[] = [];
const NO_ATTRIBUTES = {};
/** The two decisions, made once (their numbers are the SDK's SamplingDecision's). */
const RECORDED = Object.freeze({ decision: RECORD_AND_SAMPLED }) as unknown as SamplingResult;
const NOT_RECORDED = Object.freeze({ decision: NOT_RECORD }) as unknown as SamplingResult;

/** The samplers decided here, known by the names the SDK's give themselves (tracing.ts's samplerFrom makes them). */
const PARENT_BASED_ALWAYS_ON = 'ParentBased{root=AlwaysOnSampler, remoteParentSampled=AlwaysOnSampler, remoteParentNotSampled=AlwaysOffSampler, localParentSampled=AlwaysOnSampler, localParentNotSampled=AlwaysOffSampler}';
const ALWAYS_ON = 'AlwaysOnSampler';

/** The sampler's decision for a span of `parent` (a valid span context, or none for a new trace), when the sampler is one of those decided here. */
function knownDecision(sampler: Sampler): ((parent: SpanContext | undefined) => SamplingResult) | undefined {
  const named = sampler.toString();
  if (named === ALWAYS_ON) return () => RECORDED;
  if (named === PARENT_BASED_ALWAYS_ON) return (parent) => (parent === undefined || (parent.traceFlags & TraceFlags.SAMPLED) !== 0 ? RECORDED : NOT_RECORDED);
  return undefined;
}

class RecordingTracer implements Tracer {
  readonly #sink: SpanSink;
  readonly #sampler: Sampler;
  readonly #ids: IdGenerator;
  readonly #decided: ((parent: SpanContext | undefined) => SamplingResult) | undefined;

  constructor(sink: SpanSink, options: RecordingOptions) {
    this.#sink = sink;
    this.#sampler = options.sampler;
    this.#ids = options.ids;
    this.#decided = knownDecision(options.sampler);
  }

  startSpan(name: string, options: SpanOptions = {}, parentContext: Context = context.active()): Span {
    const within = options.root ? trace.deleteSpan(parentContext) : parentContext;
    const candidate = trace.getSpan(within)?.spanContext();
    const parent = candidate !== undefined && isSpanContextValid(candidate) ? candidate : undefined;
    const traceId = parent?.traceId ?? this.#ids.generateTraceId();
    const kind = options.kind ?? SpanKind.INTERNAL;
    const sampling = this.#decided?.(parent) ?? this.#sampler.shouldSample(within, traceId, name, kind, options.attributes ?? NO_ATTRIBUTES, NO_LINKS);
    const spanContext: SpanContext = {
      traceId,
      spanId: this.#ids.generateSpanId(),
      traceFlags: (sampling.decision as number) === RECORD_AND_SAMPLED ? TraceFlags.SAMPLED : TraceFlags.NONE,
      traceState: sampling.traceState ?? parent?.traceState,
    };
    if ((sampling.decision as number) === NOT_RECORD) return trace.wrapSpanContext(spanContext);
    const span = new RecordedSpan(this.#sink, name, kind, spanContext, parent, options.attributes);
    if (sampling.attributes !== undefined) span.setAttributes(sampling.attributes);
    return span;
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, options: SpanOptions, parentContext: Context, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...args: [F] | [SpanOptions, F] | [SpanOptions, Context, F]): ReturnType<F> {
    const fn = args.at(-1) as F;
    const options = args.length > 1 ? (args[0] as SpanOptions) : undefined;
    const parentContext = args.length > 2 ? (args[1] as Context) : context.active();
    const span = this.startSpan(name, options, parentContext);
    return context.with(contextWithSpan(parentContext, span), fn as (span: Span) => ReturnType<F>, undefined, span);
  }
}

export class RecordingTracerProvider implements TracerProvider {
  readonly #options: RecordingOptions;
  readonly #tracers = new Map<string, RecordingTracer>();

  constructor(options: RecordingOptions) {
    this.#options = options;
  }

  getTracer(name: string, version?: string): Tracer {
    const key = `${name}@${version ?? ''}`;
    let tracer = this.#tracers.get(key);
    if (tracer === undefined) {
      const sink: SpanSink = { processor: this.#options.processor, resource: this.#options.resource, instrumentationScope: version === undefined ? { name } : { name, version } };
      tracer = new RecordingTracer(sink, this.#options);
      this.#tracers.set(key, tracer);
    }
    return tracer;
  }

  /** Sends what the processor holds, then stops it. */
  shutdown(): Promise<void> {
    return this.#options.processor.shutdown();
  }
}
