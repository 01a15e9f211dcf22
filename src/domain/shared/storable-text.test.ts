import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findTooDeep, findUnstorableText, isStorableText, withUnstorableReplaced } from './storable-text.ts';

describe('storable text', () => {
  it('accepts ordinary text, accents, emoji (a whole surrogate pair) and line breaks', () => {
    for (const text of ['', 'Police called to flat', 'Zoë Ní Bhriain', 'Baby smiling 😀', 'line one\nline two\ttab']) assert.equal(isStorableText(text), true, text);
  });

  it('refuses the NUL character and a lone surrogate of either half, anywhere in the text', () => {
    for (const text of ['a\u0000b', '\u0000', 'a\uD800', '\uDC00b', 'x\uDC00\uD800y', '😀\uD83D']) assert.equal(isStorableText(text), false, JSON.stringify(text));
  });

  it('names the first bad string or key by its JSON Pointer, escaping ~ and /', () => {
    assert.equal(findUnstorableText({ summary: 'fine', people: ['a', 'b\u0000'] }), '/people/1');
    assert.equal(findUnstorableText({ details: { 'a/b~c': '\uD800' } }), '/details/a~1b~0c');
    assert.equal(findUnstorableText({ ['bad\u0000key']: 1 }), '/bad\u0000key');
    assert.equal(findUnstorableText('\u0000'), '/');
    assert.equal(findUnstorableText({ n: 1, b: true, z: null, s: 'ok', list: [[], {}] }), undefined);
  });

  it('names the first bad text in the order the body reads, a key before its own value', () => {
    assert.equal(findUnstorableText({ a: 'bad\u0000', ['b\u0000']: 1 }), '/a');
    assert.equal(findUnstorableText({ a: [{ b: 'ok' }, { c: ['ok', '\uDC00'] }], d: '\u0000' }), '/a/1/c/1');
    assert.equal(findUnstorableText({ ['k\u0000']: 'v\u0000' }), '/k\u0000');
    assert.equal(findUnstorableText([1, null, true, '\uD83D']), '/3');
  });

  it('walks again from the start after a walk that stopped deep down, and when a walk starts inside another', () => {
    assert.equal(findUnstorableText({ a: { b: { c: ['\u0000'] } } }), '/a/b/c/0');
    assert.equal(findUnstorableText({ x: 'fine' }), undefined);
    assert.equal(findUnstorableText({ x: [{ y: '\uD800' }] }), '/x/0/y');
    let inner: string | undefined;
    const outer = {
      a: 'fine',
      get b() {
        inner = findUnstorableText({ p: { q: ['ok', '\u0000'] } });
        return 'also fine';
      },
      c: { d: '\uDFFF' },
    };
    assert.equal(findUnstorableText(outer), '/c/d');
    assert.equal(inner, '/p/q/1');
  });

  it('finds nothing in a very large body of storable text, and finds the one bad string at its end', () => {
    const entry = (i: number) => ({ caseId: `case-${String(i)}`, kind: 'home-visit', summary: `Zoë visited 😀 ${'long text '.repeat(50)}`, personIds: ['mum', 'dad'], details: { ['a/b~c']: [i, null, true, { deep: 'Ní Bhriain' }] } });
    const body = { entries: Array.from({ length: 5000 }, (_, i) => entry(i)) };
    assert.equal(findUnstorableText(body), undefined);
    assert.equal(findTooDeep(body, 32), undefined);
    body.entries[4999]!.details['a/b~c'][3] = { deep: 'Ní\u0000' };
    assert.equal(findUnstorableText(body), '/entries/4999/details/a~1b~0c/3/deep');
  });

  it('walks any depth of nesting without overflowing the stack', () => {
    const depth = 200_000;
    const deep = JSON.parse(`${'['.repeat(depth)}"a\\u0000"${']'.repeat(depth)}`) as unknown;
    assert.equal(findUnstorableText(deep)?.length, depth * 2);
    assert.equal(findTooDeep(deep, 64), `/0`.repeat(64));
  });

  it('finds nothing too deep within the limit, and counts objects and arrays alike', () => {
    assert.equal(findTooDeep({ a: [{ b: [1] }] }, 4), undefined);
    assert.equal(findTooDeep({ a: [{ b: [1] }] }, 3), '/a/0/b');
    assert.equal(findTooDeep('text', 0), undefined);
    assert.equal(findTooDeep({}, 0), '/');
    assert.equal(findTooDeep({ a: ['text at the limit'] }, 2), undefined);
  });

  it('names the first container too deep in the order the body reads', () => {
    assert.equal(findTooDeep({ a: [1, [2]], b: [[3]] }, 2), '/a/1');
    assert.equal(findTooDeep([{ ok: 1 }, { x: { y: {} } }, [[[]]]], 3), '/1/x/y');
  });

  it('replaces each bad character with U+FFFD, and leaves a whole surrogate pair', () => {
    assert.equal(withUnstorableReplaced('a\u0000b\uD800c\uDC00😀\u0000'), 'a\uFFFDb\uFFFDc\uFFFD😀\uFFFD');
    assert.equal(withUnstorableReplaced('\uDC00\uD800'), '\uFFFD\uFFFD');
  });

  it('replacing the bad characters always leaves storable text, and leaves storable text as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const replaced = withUnstorableReplaced(text);
        assert.equal(isStorableText(replaced), true);
        if (isStorableText(text)) assert.equal(replaced, text);
        assert.equal(replaced.length, text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with what UTF-8 can carry: it accepts exactly the text without NUL that survives a round trip through UTF-8 unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        assert.equal(isStorableText(text), !text.includes('\u0000') && Buffer.from(text, 'utf8').toString('utf8') === text, JSON.stringify(text));
      }),
      { numRuns: 2000 },
    );
  });
});
