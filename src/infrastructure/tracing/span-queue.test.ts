// The span queue between the spans' end and the exporter: nothing exported on the span's end, a batch
// exported once the event loop is free, the rest on the timer or when flushed or stopped, a bound
// with the dropped spans counted, failed and unanswered exports counted, and exports made outside the
// request whose span filled the batch. Spans are made by the SDK's own tracer on a provider of its own
// (not the global one).
import assert from 'node:assert/strict';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { AlwaysOffSampler, BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { currentRequestId, runForRequest } from '../process/request-scope.ts';
import { SpanQueue, spanQueueLimitsFrom, type SpanQueueLimits } from './span-queue.ts';

const LIMITS: SpanQueueLimits = { maxQueueSize: 6, maxExportBatchSize: 3, scheduledDelayMillis: 60_000, exportTimeoutMillis: 60_000 };

function queued(exporter: SpanExporter, limits: Partial<SpanQueueLimits> = {}) {
  const queue = new SpanQueue(exporter, { ...LIMITS, ...limits });
  const tracer = new BasicTracerProvider({ spanProcessors: [queue] }).getTracer('test');
  const end = (count: number, attributes = {}) => {
    for (let i = 0; i < count; i++) tracer.startSpan(`span ${String(i)}`, { attributes }).end();
  };
  return { queue, end };
}

/** An exporter that keeps each batch and answers only when told (or never), or at once with `answerAtOnce`. */
class HeldExporter implements SpanExporter {
  readonly batches: ReadableSpan[][] = [];
  readonly answers: ((code: number) => void)[] = [];
  readonly requestIds: (string | null)[] = [];
  /** Spans exported when the exporter was stopped. */
  exportedBeforeStop: number | undefined;
  constructor(private readonly answerAtOnce = false) {}
  export(spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    this.batches.push(spans);
    this.requestIds.push(currentRequestId());
    this.answers.push((code) => done({ code }));
    if (this.answerAtOnce) done({ code: 0 });
  }
  async shutdown(): Promise<void> {
    this.exportedBeforeStop = this.batches.flat().length;
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) throw new Error('waited 5 s');
    await sleep(5);
  }
}

describe('the span queue', () => {
  it('exports nothing as a span ends, even the one that fills a batch, and the batch once the event loop is free', async () => {
    const exporter = new InMemorySpanExporter();
    const { queue, end } = queued(exporter);
    end(3);
    assert.equal(exporter.getFinishedSpans().length, 0);
    assert.equal(queue.waiting, 3);
    await until(() => exporter.getFinishedSpans().length === 3);
    assert.equal(queue.waiting, 0);
    await queue.shutdown();
  });

  it('leaves fewer than a batch waiting for the timer, which then sends them', async () => {
    const exporter = new InMemorySpanExporter();
    const { queue, end } = queued(exporter, { scheduledDelayMillis: 30 });
    end(2);
    await nextTurn();
    assert.equal(exporter.getFinishedSpans().length, 0);
    await until(() => exporter.getFinishedSpans().length === 2);
    await queue.shutdown();
  });

  it('holds at most its bound: further spans are dropped and counted, not exported later', async () => {
    const exporter = new HeldExporter();
    const { queue, end } = queued(exporter);
    end(3);
    await until(() => exporter.batches.length === 1);
    // The collector has not answered: the next batch waits for it, and the queue fills.
    end(8);
    assert.equal(queue.waiting, 6);
    assert.deepEqual(queue.lost, { 'queue-full': 2, 'export-failed': 0 });
    exporter.answers[0]!(0);
    await until(() => exporter.batches.length === 2);
    exporter.answers[1]!(0);
    await until(() => exporter.batches.length === 3);
    exporter.answers[2]!(0);
    await queue.forceFlush();
    assert.deepEqual(
      exporter.batches.map((batch) => batch.length),
      [3, 3, 3],
    );
    assert.equal(queue.lost['queue-full'], 2);
    await queue.shutdown();
  });

  it('sends every span still waiting when it stops, then stops the exporter, and takes no span after', async () => {
    const exporter = new HeldExporter(true);
    const { queue, end } = queued(exporter, { maxExportBatchSize: 4, maxQueueSize: 100 });
    end(10);
    await queue.shutdown();
    assert.deepEqual(
      exporter.batches.map((batch) => batch.length),
      [4, 4, 2],
    );
    assert.equal(exporter.exportedBeforeStop, 10);
    end(1);
    assert.equal(queue.waiting, 0);
    assert.equal(exporter.batches.flat().length, 10);
  });

  it('counts the spans of a batch the collector refused, and of one it never answered within the timeout', async () => {
    const exporter = new HeldExporter();
    const { queue, end } = queued(exporter, { exportTimeoutMillis: 50 });
    end(3);
    await until(() => exporter.batches.length === 1);
    exporter.answers[0]!(1);
    end(3);
    await until(() => exporter.batches.length === 2);
    await until(() => queue.lost['export-failed'] === 6);
    assert.equal(queue.lost['queue-full'], 0);
  });

  it('exports outside the request whose span filled the batch', async () => {
    const exporter = new HeldExporter();
    const { queue, end } = queued(exporter);
    runForRequest('request-1', () => end(3));
    await until(() => exporter.batches.length === 1);
    assert.deepEqual(exporter.requestIds, [null]);
    exporter.answers[0]!(0);
    await queue.shutdown();
  });

  it('takes no span that is not sampled', async () => {
    const exporter = new InMemorySpanExporter();
    const queue = new SpanQueue(exporter, LIMITS);
    const tracer = new BasicTracerProvider({ spanProcessors: [queue], sampler: new AlwaysOffSampler() }).getTracer('test');
    tracer.startSpan('not sampled').end();
    assert.equal(queue.waiting, 0);
    await queue.shutdown();
  });
});

describe('the span queue limits from OTEL_BSP_*', () => {
  it("defaults to the SDK's batch processor's", () => {
    assert.deepEqual(spanQueueLimitsFrom({}), { maxQueueSize: 2048, maxExportBatchSize: 512, scheduledDelayMillis: 5000, exportTimeoutMillis: 30000 });
  });

  it('takes whole positive numbers, and a batch no larger than the queue', () => {
    assert.deepEqual(spanQueueLimitsFrom({ OTEL_BSP_MAX_QUEUE_SIZE: '100', OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '500', OTEL_BSP_SCHEDULE_DELAY: ' 1000 ', OTEL_BSP_EXPORT_TIMEOUT: '2000' }), {
      maxQueueSize: 100,
      maxExportBatchSize: 100,
      scheduledDelayMillis: 1000,
      exportTimeoutMillis: 2000,
    });
  });

  it('keeps the default for a value that is not a whole positive number', () => {
    for (const value of ['', 'ten', '0', '-5', '2.5']) assert.equal(spanQueueLimitsFrom({ OTEL_BSP_MAX_QUEUE_SIZE: value }).maxQueueSize, 2048, value);
  });
});
