// Trace and span ids cut from a pool of random hex: a buffer of random bytes is filled at once (the
// operating system's, crypto.randomFillSync) and written as hex once, and each id is a slice of that
// text. The SDK's RandomIdGenerator made each id on its own (Math.random, a buffer written and
// written out as hex again): two of them, a trace's and its span's, were some 1% of a traced fixed
// page in a CPU profile (docs/operations/tracing.md, "A leaner export"). An id of all zeros is
// invalid (W3C Trace Context); one that comes out so is taken again.
import { randomFillSync } from 'node:crypto';
import type { IdGenerator } from '@opentelemetry/sdk-trace-node';

/** Random bytes written out at a time: 4,096 make 256 trace ids or 512 span ids. */
const POOL_BYTES = 4096;
const TRACE_ID_CHARS = 32;
const SPAN_ID_CHARS = 16;
const ALL_ZEROS = /^0+$/;

export class PooledIdGenerator implements IdGenerator {
  readonly #bytes = Buffer.allocUnsafe(POOL_BYTES);
  readonly #fill: (bytes: Buffer) => Buffer;
  #hex = '';
  #next = 0;

  /** `fill` writes random bytes over the buffer it is given (the tests give their own). */
  constructor(fill: (bytes: Buffer) => Buffer = randomFillSync) {
    this.#fill = fill;
  }

  generateTraceId(): string {
    return this.#id(TRACE_ID_CHARS);
  }

  generateSpanId(): string {
    return this.#id(SPAN_ID_CHARS);
  }

  #id(chars: number): string {
    for (;;) {
      if (this.#next + chars > this.#hex.length) {
        this.#hex = this.#fill(this.#bytes).toString('hex');
        this.#next = 0;
      }
      const id = this.#hex.slice(this.#next, (this.#next += chars));
      if (!ALL_ZEROS.test(id)) return id;
    }
  }
}
