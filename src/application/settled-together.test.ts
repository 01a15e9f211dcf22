import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settledTogether } from './settled-together.ts';

describe('settledTogether', () => {
  it('gives every value in the order given', async () => {
    const [one, two] = await settledTogether([Promise.resolve(1), Promise.resolve('two')] as const);
    assert.equal(one, 1);
    assert.equal(two, 'two');
  });

  it('throws the first error in the order given, only once every promise has settled', async () => {
    const first = new Error('first');
    let lateDone = false;
    const late = new Promise<void>((resolve) => setTimeout(() => {
      lateDone = true;
      resolve();
    }, 20));
    const second = new Promise<never>((_, reject) => setImmediate(() => reject(new Error('second'))));
    await assert.rejects(settledTogether([late, Promise.reject(first), second] as const), first);
    assert.equal(lateDone, true, 'the slow branch had finished before the error was thrown');
  });
});
