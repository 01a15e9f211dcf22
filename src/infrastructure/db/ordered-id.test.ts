import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderedId, orderedIds } from './ordered-id.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MILLISECOND = Date.UTC(2030, 0, 1);

describe('orderedIds', () => {
  it('makes version 7 UUIDs whose first 48 bits are the milliseconds', () => {
    const id = orderedIds(() => MILLISECOND)();
    assert.match(id, UUID_V7);
    assert.equal(parseInt(id.slice(0, 8) + id.slice(9, 13), 16), MILLISECOND);
  });

  it('sorts every id after the one made before it, within a millisecond and across them, as text', () => {
    let now = MILLISECOND;
    const next = orderedIds(() => now);
    // 10,000 ids in one millisecond overflow the counter: the ids go on into the next milliseconds, still in order.
    const ids = Array.from({ length: 10_000 }, () => next());
    for (let i = 0; i < 100; i++) {
      now += 1;
      ids.push(next());
    }
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!, `${ids[i - 1]!} then ${ids[i]!}`);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, UUID_V7);
  });

  it('keeps its order when the clock goes back', () => {
    let now = MILLISECOND;
    const next = orderedIds(() => now);
    const first = next();
    now -= 60_000;
    assert.ok(first < next());
  });

  it('gives the process one source, in order', () => {
    const ids = Array.from({ length: 1000 }, () => orderedId());
    assert.deepEqual([...ids].sort(), ids);
  });
});
