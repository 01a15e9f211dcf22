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

  it('agrees with what UTF-8 can carry: text it accepts survives a round trip through UTF-8 unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        if (isStorableText(text)) assert.equal(Buffer.from(text, 'utf8').toString('utf8'), text);
      }),
      { numRuns: 2000 },
    );
  });
});
