// The trace's context carried in the request scope's store (one-context.ts): entered and left as the
// SDK's context manager does, through awaits and timers, kept apart between two requests at once, and
// neither the request nor the trace context lost when the other is entered inside it. The manager is
// used directly, not registered as the process's global one.
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import { currentRequestId, noteForRequest, requestNoted, runForRequest } from '../process/request-scope.ts';
import { RequestScopeContextManager } from './one-context.ts';

const KEY = createContextKey('icp.test');
const withValue = (value: string) => ROOT_CONTEXT.setValue(KEY, value);
const manager = new RequestScopeContextManager();
const current = () => manager.active().getValue(KEY);

describe('the trace context in the request scope', () => {
  it('is the root context outside any, and the one entered inside with(), through awaits, back out after', async () => {
    assert.equal(manager.active(), ROOT_CONTEXT);
    const seen = await manager.with(withValue('a'), async (x: number, y: number) => {
      await nextTurn();
      const inner = await manager.with(withValue('b'), async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return current();
      });
      return [current(), inner, x + y];
    }, undefined, 1, 2);
    assert.deepEqual(seen, ['a', 'b', 3]);
    assert.equal(manager.active(), ROOT_CONTEXT);
  });

  it('calls with() on the object given as this', () => {
    function read(this: { name: string }) {
      return this.name;
    }
    assert.equal(manager.with(withValue('a'), read, { name: 'holder' }), 'holder');
  });

  it('keeps the request when a trace context is entered in it, and the trace context when a request is entered in it', async () => {
    await manager.with(withValue('trace'), () =>
      runForRequest('request-1', async () => {
        assert.equal(current(), 'trace');
        await manager.with(withValue('handler'), async () => {
          await nextTurn();
          assert.equal(currentRequestId(), 'request-1');
          assert.equal(current(), 'handler');
          noteForRequest('noted inside the handler');
        });
        // A note made in a trace context entered inside the request is the request's.
        assert.equal(requestNoted('noted inside the handler'), true);
      }),
    );
    assert.equal(currentRequestId(), null);
  });

  it('keeps two requests at once apart', async () => {
    const run = (id: string) =>
      runForRequest(id, () =>
        manager.with(withValue(`trace of ${id}`), async () => {
          await new Promise((resolve) => setTimeout(resolve, id === 'first' ? 5 : 1));
          return [currentRequestId(), current()];
        }),
      );
    assert.deepEqual(await Promise.all([run('first'), run('second')]), [
      ['first', 'trace of first'],
      ['second', 'trace of second'],
    ]);
  });

  it('binds a function to a context, and leaves anything else as it is', () => {
    const bound = manager.bind(withValue('bound'), function (this: unknown, suffix: string) {
      return `${String(current())}${suffix}`;
    });
    assert.equal(manager.with(withValue('other'), () => bound('!')), 'bound!');
    const notAFunction = { on() {} };
    assert.equal(manager.bind(withValue('bound'), notAFunction), notAFunction);
    assert.equal(manager.enable(), manager);
    assert.equal(manager.disable(), manager);
  });
});
