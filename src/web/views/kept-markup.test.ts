import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as turned } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { KeptMarkup } from './kept-markup.ts';

/** A write that says what it wrote, counting. */
function writer() {
  const written: string[] = [];
  const write = (html: string) => async () => {
    written.push(html);
    return html;
  };
  return { written, write };
}

describe('markup kept while its source lives', () => {
  it('is written once for a source and key, and again for another key or another source, even one equal to it', async () => {
    const kept = new KeptMarkup<object>();
    const { written, write } = writer();
    const source = {};
    assert.equal(await kept.markup(source, 'a', write('a')), 'a');
    assert.equal(await kept.markup(source, 'a', write('not written')), 'a');
    assert.equal(await kept.markup(source, 'b', write('b')), 'b');
    const next = {};
    assert.equal(await kept.markup(next, 'a', write('a from next')), 'a from next');
    assert.equal(await kept.markup(source, 'a', write('not written')), 'a', 'the first source’s markup is still its own');
    assert.equal(await kept.markup(next, 'a', write('not written')), 'a from next');
    assert.deepEqual(written, ['a', 'b', 'a from next']);
  });

  it('without a bound, keeps every key of every source', async () => {
    const kept = new KeptMarkup<object>();
    const { written, write } = writer();
    const sources = [{}, {}];
    for (const source of sources) for (let key = 0; key < 500; key++) await kept.markup(source, String(key), write(String(key)));
    for (const source of sources) for (let key = 0; key < 500; key++) await kept.markup(source, String(key), write('not written'));
    assert.equal(written.length, 1000);
  });

  it('with a bound, keeps at most that many across its sources, the least recently used going first', async () => {
    const kept = new KeptMarkup<object>({ most: 3 });
    const { written, write } = writer();
    const [one, two] = [{}, {}];
    await kept.markup(one, 'a', write('one a'));
    await kept.markup(two, 'a', write('two a'));
    await kept.markup(one, 'b', write('one b'));
    assert.equal(await kept.markup(one, 'a', write('not written')), 'one a', 'used again, so the most recent');
    await kept.markup(two, 'b', write('two b'));
    assert.equal(await kept.markup(two, 'a', write('two a again')), 'two a again', 'the least recently used went');
    assert.equal(await kept.markup(one, 'a', write('not written')), 'one a');
    assert.equal(await kept.markup(two, 'b', write('not written')), 'two b');
    assert.deepEqual(written, ['one a', 'two a', 'one b', 'two b', 'two a again']);
  });

  it('does not keep its source alive, with a bound or without', async () => {
    v8.setFlagsFromString('--expose-gc');
    const collectGarbage = vm.runInNewContext('gc') as () => void;
    for (const kept of [new KeptMarkup<object>(), new KeptMarkup<object>({ most: 64 })]) {
      const source = await (async () => {
        const made = {};
        await kept.markup(made, 'a', async () => 'a');
        return new WeakRef(made);
      })();
      await turned();
      collectGarbage();
      assert.equal(source.deref(), undefined);
    }
  });

  it('keeps nothing when writing fails', async () => {
    const kept = new KeptMarkup<object>({ most: 1 });
    const source = {};
    await kept.markup(source, 'kept', async () => 'kept');
    await assert.rejects(kept.markup(source, 'q', async () => Promise.reject(new Error('template'))));
    assert.equal(await kept.markup(source, 'kept', async () => 'not written'), 'kept', 'the failed write took no place');
    assert.equal(await kept.markup(source, 'q', async () => 'written'), 'written');
  });

  it('keeps the later of two writes of one source and key at once, counted once against the bound', async () => {
    const kept = new KeptMarkup<object>({ most: 2 });
    const source = {};
    await kept.markup(source, 'other', async () => 'other');
    await Promise.all([kept.markup(source, 'q', async () => 'first'), kept.markup(source, 'q', async () => 'second')]);
    assert.equal(await kept.markup(source, 'q', async () => 'not written'), 'second');
    assert.equal(await kept.markup(source, 'other', async () => 'not written'), 'other', 'two pieces kept, within the bound of 2');
  });
});
