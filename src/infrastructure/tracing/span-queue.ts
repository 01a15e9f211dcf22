// The span processor the server exports through: an ended span is put in an array and nothing else is
// done on the request's path. The spans go to the exporter in batches, off the request's path and
// outside any request's context: every OTEL_BSP_SCHEDULE_DELAY milliseconds (5 s), or as soon as the
// event loop is free once a batch's worth (OTEL_BSP_MAX_EXPORT_BATCH_SIZE, 512) is waiting, one export
// at a time. The spans are exported as they are: they hold only what the allow-list lets out
// (recorded-span.ts). The queue is bounded (OTEL_BSP_MAX_QUEUE_SIZE, 2048): a span that finds it full
// is dropped and counted, as is every span of a batch the collector refused or did not answer for
// within OTEL_BSP_EXPORT_TIMEOUT (30 s); the counts are a metric (src/observability.ts). Stopping
// sends all that waits (the server's graceful stop), then stops the exporter.
//
// It replaces the SDK's BatchSpanProcessor, which exported a full batch at once inside the span.end()
// that filled it, so that one request in every 256 paid for serialising 512 spans, and ran the export
// in that request's context.
import { AsyncResource } from 'node:async_hooks';
import { context, ROOT_CONTEXT, TraceFlags } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';

export interface SpanQueueLimits {
  /** Spans waiting at most; one more is dropped. */
  maxQueueSize: number;
  /** Spans in one export at most; this many waiting starts an export. */
  maxExportBatchSize: number;
  /** The longest a span waits before its batch is exported, in milliseconds. */
  scheduledDelayMillis: number;
  /** How long an export may take before its spans count as lost, in milliseconds. */
  exportTimeoutMillis: number;
}

/** Why spans did not reach the collector. */
export type SpanLoss = 'queue-full' | 'export-failed';

const DEFAULT_LIMITS: SpanQueueLimits = { maxQueueSize: 2048, maxExportBatchSize: 512, scheduledDelayMillis: 5000, exportTimeoutMillis: 30000 };
/** Whether the collector took the batch: ExportResultCode.SUCCESS is 0 (the SDK's core, not loaded here for one value). */
function succeeded(result: ExportResult): boolean {
  return (result.code as number) === 0;
}

function positiveWhole(value: string | undefined, fallback: number): number {
  const parsed = Number(value?.trim() || Number.NaN);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** The limits from the OTEL_BSP_* variables the SDK's batch processor reads, with its defaults. */
export function spanQueueLimitsFrom(env: NodeJS.ProcessEnv): SpanQueueLimits {
  const maxQueueSize = positiveWhole(env['OTEL_BSP_MAX_QUEUE_SIZE'], DEFAULT_LIMITS.maxQueueSize);
  return {
    maxQueueSize,
    maxExportBatchSize: Math.min(maxQueueSize, positiveWhole(env['OTEL_BSP_MAX_EXPORT_BATCH_SIZE'], DEFAULT_LIMITS.maxExportBatchSize)),
    scheduledDelayMillis: positiveWhole(env['OTEL_BSP_SCHEDULE_DELAY'], DEFAULT_LIMITS.scheduledDelayMillis),
    exportTimeoutMillis: positiveWhole(env['OTEL_BSP_EXPORT_TIMEOUT'], DEFAULT_LIMITS.exportTimeoutMillis),
  };
}

export class SpanQueue implements SpanProcessor {
  readonly #exporter: SpanExporter;
  readonly #limits: SpanQueueLimits;
  #waiting: ReadableSpan[] = [];
  readonly #lost: Record<SpanLoss, number> = { 'queue-full': 0, 'export-failed': 0 };
  /** The exports in turn: each waits for the one before. */
  #exports: Promise<void> = Promise.resolve();
  /** Exports scheduled or running: while there is one, it takes every full batch that waits. */
  #runs = 0;
  #stopping: Promise<void> | undefined;
  readonly #timer: NodeJS.Timeout;
  /** Made outside any request: the exports it schedules run in no request's context. */
  readonly #outsideRequests = new AsyncResource('icp.span-export');

  constructor(exporter: SpanExporter, limits: SpanQueueLimits = DEFAULT_LIMITS) {
    this.#exporter = exporter;
    this.#limits = limits;
    this.#timer = setInterval(() => {
      if (this.#waiting.length > 0 && this.#runs === 0) void this.#exportWaitingNow();
    }, limits.scheduledDelayMillis);
    this.#timer.unref();
  }

  /** Spans lost so far, by why. */
  get lost(): Readonly<Record<SpanLoss, number>> {
    return this.#lost;
  }

  /** Spans waiting to be exported. */
  get waiting(): number {
    return this.#waiting.length;
  }

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    if (this.#stopping !== undefined || (span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    if (this.#waiting.length >= this.#limits.maxQueueSize) {
      this.#lost['queue-full']++;
      return;
    }
    this.#waiting.push(span);
    if (this.#waiting.length >= this.#limits.maxExportBatchSize && this.#runs === 0) {
      this.#runs++;
      this.#outsideRequests.runInAsyncScope(() => setImmediate(() => void this.#exportInTurn('full batches')));
    }
  }

  /** Exports every span waiting now. */
  forceFlush(): Promise<void> {
    return this.#exportWaitingNow();
  }

  /** Exports every span waiting, then stops the exporter; spans ending after this are not taken. */
  shutdown(): Promise<void> {
    this.#stopping ??= (async () => {
      clearInterval(this.#timer);
      await this.#exportWaitingNow();
      await this.#exporter.shutdown();
    })();
    return this.#stopping;
  }

  #exportWaitingNow(): Promise<void> {
    this.#runs++;
    return this.#exportInTurn('waiting now');
  }

  /**
   * After the exports before it (its run counted by the caller), exports either every full batch
   * waiting, however many arrive meanwhile, or the spans waiting as it starts and no more: spans that
   * end while those are sent wait for their batch to fill or for the timer, not for each answer.
   */
  #exportInTurn(which: 'full batches' | 'waiting now'): Promise<void> {
    const batch = this.#limits.maxExportBatchSize;
    this.#exports = this.#exports
      .then(async () => {
        if (which === 'full batches') while (this.#waiting.length >= batch) await this.#exportBatch(batch);
        else for (let left = this.#waiting.length; left > 0; left -= batch) await this.#exportBatch(Math.min(left, batch));
      })
      .finally(() => {
        this.#runs--;
      });
    return this.#exports;
  }

  /** Exports the first `count` spans waiting. */
  #exportBatch(count: number): Promise<void> {
    const taken = this.#waiting.length === count ? this.#waiting : this.#waiting.slice(0, count);
    this.#waiting = taken === this.#waiting ? [] : this.#waiting.slice(count);
    return new Promise<void>((resolve) => {
      let settled = false;
      const settle = (succeeded: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timeout);
        if (!succeeded) this.#lost['export-failed'] += taken.length;
        resolve();
      };
      const timeout = setTimeout(() => settle(false), this.#limits.exportTimeoutMillis);
      timeout.unref();
      context.with(ROOT_CONTEXT, () => {
        try {
          this.#exporter.export(taken, (result) => settle(succeeded(result)));
        } catch {
          settle(false);
        }
      });
    });
  }
}
