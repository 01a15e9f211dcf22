import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentRequestId, runForRequest } from '../../infrastructure/process/request-scope.ts';
import { TogetherWhileBusy } from './together-while-busy.ts';

/** A run that records each group it was given and ends when the test says. */
function runs() {
  const groups: string[][] = [];
  const contexts: (string | null)[] = [];
  const ends: (() => void)[] = [];
  const run = async (inputs: string[]) => {
    groups.push(inputs);
    contexts.push(currentRequestId());
    await new Promise<void>((resolve) => ends.push(resolve));
    return inputs.map((input) => `${input} done`);
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { groups, contexts, ends, run, settle };
}

describe('calls for one key, together while one runs', () => {
  it('runs a call alone at once, and the calls that arrive meanwhile together after it, each answered with its own result', async () => {
    const together = new TogetherWhileBusy<string, string>(10);
    const { groups, ends, run, settle } = runs();
    const first = together.call('case', 'a', run);
    const rest = ['b', 'c', 'd'].map((input) => together.call('case', input, run));
    await settle();
    assert.deepEqual(groups, [['a']]);
    assert.equal(together.waitingFor('case'), 3);
    ends[0]!();
    assert.equal(await first, 'a done');
    await settle();
    assert.deepEqual(groups, [['a'], ['b', 'c', 'd']]);
    ends[1]!();
    assert.deepEqual(await Promise.all(rest), ['b done', 'c done', 'd done']);
    assert.equal(together.waitingFor('case'), 0);
  });

  it('keeps other keys apart, and makes a new group once one holds its limit', async () => {
    const together = new TogetherWhileBusy<string, string>(2);
    const { groups, ends, run, settle } = runs();
    const answers = [together.call('case', 'a', run), together.call('other', 'x', run), ...['b', 'c', 'd'].map((input) => together.call('case', input, run))];
    await settle();
    assert.deepEqual(groups, [['a'], ['x']]);
    ends[0]!();
    await settle();
    assert.deepEqual(groups.slice(2), [['b', 'c']]);
    ends[2]!();
    await settle();
    assert.deepEqual(groups.slice(3), [['d']]);
    ends[1]!();
    ends[3]!();
    assert.deepEqual(await Promise.all(answers), ['a done', 'x done', 'b done', 'c done', 'd done']);
  });

  it('fails every call of a group whose run throws, and runs the next group after it', async () => {
    const together = new TogetherWhileBusy<string, string>(10);
    const { ends, run, settle } = runs();
    const first = together.call('case', 'a', run);
    const failing = ['b', 'c'].map((input) => together.call('case', input, async (inputs) => {
      await run(inputs);
      throw new Error('rolled back');
    }));
    await settle();
    ends[0]!();
    assert.equal(await first, 'a done');
    await settle();
    const later = together.call('case', 'd', run);
    ends[1]!();
    for (const call of failing) await assert.rejects(call, /rolled back/);
    await settle();
    ends[2]!();
    assert.equal(await later, 'd done');
  });

  it('runs a group in the context of its first call, not in that of the call before it', async () => {
    const together = new TogetherWhileBusy<string, string>(10);
    const { contexts, ends, run, settle } = runs();
    const answers = ['a', 'b', 'c'].map((input) => runForRequest(`request-${input}`, () => together.call('case', input, run)));
    await settle();
    ends[0]!();
    await settle();
    ends[1]!();
    await Promise.all(answers);
    assert.deepEqual(contexts, ['request-a', 'request-b']);
  });
});
