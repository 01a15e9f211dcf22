// The samplers the tracer decides itself (tracer-provider.ts: the default parentbased_always_on and
// always_on, not asked for each span) decide as the SDK's samplers do: for a new trace, and under a
// sampled and an unsampled parent, local or remote. Each is compared with the same SDK sampler behind a
// wrapper whose name the tracer does not know, so that it is asked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT_CONTEXT, trace, TraceFlags, type Context } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import * as sdk from '@opentelemetry/sdk-trace-node';
import { RecordingTracerProvider } from './tracer-provider.ts';

function tracerWith(sampler: sdk.Sampler) {
  const processor = new sdk.SimpleSpanProcessor(new sdk.InMemorySpanExporter());
  return new RecordingTracerProvider({ processor, resource: resourceFromAttributes({ 'service.name': 'test' }), sampler, ids: new sdk.RandomIdGenerator() }).getTracer('test');
}

/** The same sampler, under a name the tracer does not know: asked for every span. */
function asked(sampler: sdk.Sampler): sdk.Sampler {
  return { shouldSample: (...args) => sampler.shouldSample(...args), toString: () => `asked ${sampler.toString()}` };
}

const parents: Record<string, Context> = Object.fromEntries(
  [true, false].flatMap((isRemote) =>
    [TraceFlags.SAMPLED, TraceFlags.NONE].map((traceFlags) => [
      `${isRemote ? 'remote' : 'local'} ${traceFlags === TraceFlags.SAMPLED ? 'sampled' : 'unsampled'} parent`,
      trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags, isRemote })),
    ]),
  ),
);
parents['new trace'] = ROOT_CONTEXT;

describe('the samplers the tracer decides itself', () => {
  for (const [name, sampler] of [
    ['parentbased_always_on', () => new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() })],
    ['always_on', () => new sdk.AlwaysOnSampler()],
  ] as const) {
    it(`decide ${name} as the SDK's sampler does`, () => {
      const decided = tracerWith(sampler());
      const sdkAsked = tracerWith(asked(sampler()));
      for (const [under, parent] of Object.entries(parents)) {
        const [ours, theirs] = [decided, sdkAsked].map((tracer) => tracer.startSpan('step', {}, parent));
        assert.equal(ours!.isRecording(), theirs!.isRecording(), under);
        assert.equal(ours!.spanContext().traceFlags, theirs!.spanContext().traceFlags, under);
        assert.equal(ours!.spanContext().traceId, under === 'new trace' ? ours!.spanContext().traceId : '0af7651916cd43dd8448eb211c80319c', under);
      }
    });
  }

  it('ask any other sampler', () => {
    const tracer = tracerWith(new sdk.ParentBasedSampler({ root: new sdk.AlwaysOffSampler() }));
    assert.equal(tracer.startSpan('request', {}, ROOT_CONTEXT).isRecording(), false);
    assert.equal(tracer.startSpan('step', {}, parents['local sampled parent']).isRecording(), true);
  });
});
