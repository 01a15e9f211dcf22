import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inOrder, pageOf, paginationLinks } from './chronology-pages.ts';

const items = Array.from({ length: 250 }, (_, i) => i + 1);

describe('a chronology a page at a time', () => {
  it('shows the first page when none is asked for, or a bad one is', () => {
    for (const asked of [undefined, '', 'two', '-1', '0', ['2']]) {
      const page = pageOf(items, asked);
      assert.deepEqual([page.page, page.first, page.last, page.pages], [1, 1, 50, 5], String(asked));
    }
  });

  it('shows the page asked for, the last one partly filled, and nothing past the end', () => {
    assert.deepEqual(pageOf(items, '2').items.slice(0, 2), [51, 52]);
    const last = pageOf(items.slice(0, 230), '5');
    assert.deepEqual([last.first, last.last, last.items.length], [201, 230, 30]);
    assert.equal(pageOf(items, '99').page, 5);
  });

  it('lists newest first from a list kept oldest first, leaving that list as it was; oldest first as it is', () => {
    const oldestFirst = [1, 2, 3];
    assert.deepEqual(inOrder(oldestFirst, 'newest'), [3, 2, 1]);
    assert.deepEqual(oldestFirst, [1, 2, 3]);
    assert.equal(inOrder(oldestFirst, 'oldest'), oldestFirst);
    assert.deepEqual(pageOf(inOrder(items, 'newest'), '5').items.at(-1), 1);
  });

  it('has one empty page when there is nothing', () => {
    assert.deepEqual(pageOf([], '1'), { items: [], page: 1, pages: 1, first: 0, last: 0 });
  });

  it('links the first, last and neighbouring pages, with gaps, previous and next', () => {
    const links = paginationLinks(5, 9, (p) => `?page=${String(p)}`);
    assert.deepEqual(links?.items.map((item) => ('ellipsis' in item ? '…' : item.current ? `[${String(item.number)}]` : String(item.number))), ['1', '…', '4', '[5]', '6', '…', '9']);
    assert.equal(links?.previous?.href, '?page=4');
    assert.equal(links?.next?.href, '?page=6');
    assert.equal(paginationLinks(1, 1, String), null);
    assert.equal(paginationLinks(1, 2, String)?.previous, undefined);
  });
});
