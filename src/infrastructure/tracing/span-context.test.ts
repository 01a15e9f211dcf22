// The context a span is made active in (span-context.ts): to the OpenTelemetry API it is what
// trace.setSpan gives, whatever is set on it or taken from it afterwards.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createContextKey, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { contextWithSpan } from './span-context.ts';

const span = (spanId: string) => trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId, traceFlags: TraceFlags.SAMPLED });
const OTHER_KEY = createContextKey('a value of another instrumentation');

describe('the context a span is active in', () => {
  it('holds the span and nothing else, as trace.setSpan over ROOT_CONTEXT does', () => {
    const request = span('b7ad6b7169203331');
    const within = contextWithSpan(ROOT_CONTEXT, request);
    assert.equal(trace.getSpan(within), request);
    assert.equal(within.getValue(OTHER_KEY), undefined);
    assert.equal(trace.getSpan(trace.deleteSpan(within)), undefined);
  });

  it('gives a child span a context of its own, the parent\'s left as it was', () => {
    const request = span('b7ad6b7169203331');
    const step = span('00f067aa0ba902b7');
    const within = contextWithSpan(ROOT_CONTEXT, request);
    const inStep = contextWithSpan(within, step);
    assert.equal(trace.getSpan(inStep), step);
    assert.equal(trace.getSpan(within), request);
    assert.equal(trace.getSpan(trace.setSpan(within, step)), step);
  });

  it('keeps the span beside any other value set on it, and under a parent that holds other values', () => {
    const request = span('b7ad6b7169203331');
    const withOther = contextWithSpan(ROOT_CONTEXT, request).setValue(OTHER_KEY, 'kept');
    assert.equal(trace.getSpan(withOther), request);
    assert.equal(withOther.getValue(OTHER_KEY), 'kept');
    const step = span('00f067aa0ba902b7');
    const under = contextWithSpan(withOther, step);
    assert.equal(trace.getSpan(under), step);
    assert.equal(under.getValue(OTHER_KEY), 'kept');
    assert.equal(contextWithSpan(withOther, step).deleteValue(OTHER_KEY).getValue(OTHER_KEY), undefined);
  });
});
