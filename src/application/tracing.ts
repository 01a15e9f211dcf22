// Spans for the steps of a use case (the one way to change a case and its form for many entries), so
// that a trace shows where a write spends its time. Through @opentelemetry/api alone: with no tracer
// provider registered (OTEL_EXPORTER_OTLP_ENDPOINT unset, and in tests unless one asks) every call is
// the API's no-op, a function call and an object. Attributes are counts and fixed words only; an
// error is marked by its class name, never its message, which can quote stored values.
import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

const tracer = trace.getTracer('infant-care-profile');

/** Runs `run` as a step: a child span of the span active now, ended when the step settles. */
export function inSpan<T>(name: string, run: () => Promise<T>, attributes?: Attributes): Promise<T> {
  return tracer.startActiveSpan(name, attributes ? { attributes } : {}, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', error instanceof Error ? error.constructor.name : typeof error);
      throw error;
    } finally {
      span.end();
    }
  });
}
