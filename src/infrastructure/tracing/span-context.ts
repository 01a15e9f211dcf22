// The context a span is made active in. The OpenTelemetry API's own (trace.setSpan) copies its
// parent's Map into a new one and makes three closures with it, some 0.4 KB a request for the
// request's span, and again for every step a change to a case runs. A context that holds a span and
// nothing else, the usual case here (a request's span over ROOT_CONTEXT, a step's over it), is one
// small object; any other value set on it gets the API's own context, with the span in it
// (docs/operations/tracing.md, "What is left of a request's span").
import { ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';

/** The key the API keeps a span under, learnt from the API itself (trace.getSpan reads it). */
const SPAN_KEY: symbol = (() => {
  let key: symbol | undefined;
  trace.getSpan({ getValue: (asked) => void (key = asked), setValue: () => ROOT_CONTEXT, deleteValue: () => ROOT_CONTEXT });
  if (key === undefined) throw new Error('The OpenTelemetry API read no span key');
  return key;
})();

/** ROOT_CONTEXT with a span set in it, and nothing else. */
class SpanOnlyContext implements Context {
  readonly #span: Span;

  constructor(span: Span) {
    this.#span = span;
  }

  getValue(key: symbol): unknown {
    return key === SPAN_KEY ? this.#span : undefined;
  }

  setValue(key: symbol, value: unknown): Context {
    return key === SPAN_KEY ? new SpanOnlyContext(value as Span) : trace.setSpan(ROOT_CONTEXT, this.#span).setValue(key, value);
  }

  deleteValue(key: symbol): Context {
    return key === SPAN_KEY ? ROOT_CONTEXT : this;
  }
}

/** `parent` with `span` active in it: what trace.setSpan gives, made lighter when the parent holds nothing but a span. */
export function contextWithSpan(parent: Context, span: Span): Context {
  return parent === ROOT_CONTEXT || parent instanceof SpanOnlyContext ? new SpanOnlyContext(span) : trace.setSpan(parent, span);
}
