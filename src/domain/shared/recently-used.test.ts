import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentlyUsed } from './recently-used.ts';

describe('a map of the most recently used values', () => {
  it('lets the least recently set or got go first', () => {
    const kept = new RecentlyUsed<string, number>(2);
    kept.set('a', 1);
    kept.set('b', 2);
    assert.equal(kept.get('a'), 1);
    kept.set('c', 3);
    assert.equal(kept.peek('b'), undefined);
    assert.deepEqual([kept.peek('a'), kept.peek('c'), kept.size], [1, 3, 2]);
  });

  it('does not count a peek as a use', () => {
    const kept = new RecentlyUsed<string, number>(2);
    kept.set('a', 1);
    kept.set('b', 2);
    assert.equal(kept.peek('a'), 1);
    kept.set('c', 3);
    assert.equal(kept.peek('a'), undefined);
    assert.equal(kept.peek('b'), 2);
  });

  it('keeps a value set again for the same key once, as the most recent', () => {
    const kept = new RecentlyUsed<string, number>(2);
    kept.set('a', 1);
    kept.set('b', 2);
    kept.set('a', 10);
    kept.set('c', 3);
    assert.deepEqual([kept.peek('a'), kept.peek('b'), kept.peek('c'), kept.size], [10, undefined, 3, 2]);
  });

  it('gives up a taken value until it is set again', () => {
    const kept = new RecentlyUsed<string, number>(2);
    kept.set('a', 1);
    assert.equal(kept.take('a'), 1);
    assert.equal(kept.take('a'), undefined);
    assert.equal(kept.size, 0);
  });
});
