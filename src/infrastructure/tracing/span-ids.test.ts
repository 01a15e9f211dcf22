// The ids spans are given (span-ids.ts): lowercase hex of the W3C lengths, never all zeros, and not
// repeated, across the pool's refills.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PooledIdGenerator } from './span-ids.ts';

describe('the pooled span ids', () => {
  it('are 32 and 16 hex digits, valid and all different over many refills of the pool', () => {
    const ids = new PooledIdGenerator();
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const traceId = ids.generateTraceId();
      const spanId = ids.generateSpanId();
      assert.match(traceId, /^[0-9a-f]{32}$/);
      assert.match(spanId, /^[0-9a-f]{16}$/);
      assert.doesNotMatch(traceId, /^0+$/);
      assert.doesNotMatch(spanId, /^0+$/);
      seen.add(traceId).add(spanId);
    }
    assert.equal(seen.size, 10000);
  });

  it('skip an id that comes out all zeros, and refill the pool when it runs out', () => {
    let fills = 0;
    const ids = new PooledIdGenerator((bytes) => {
      fills++;
      bytes.fill(0);
      bytes.fill(0xab, 8);
      return bytes;
    });
    assert.equal(ids.generateSpanId(), 'abababababababab', 'the first eight bytes, all zeros, skipped');
    for (let i = 0; i < 4096 / 8; i++) ids.generateSpanId();
    assert.equal(fills, 2);
    assert.equal(ids.generateTraceId(), 'ab'.repeat(16));
  });
});
