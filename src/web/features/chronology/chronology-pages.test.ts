import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageOf, paginationLinks } from './chronology-pages.ts';

const items = Array.from({ length: 250 }, (_, i) => i + 1);

describe('a chronology a page at a time', () => {
  it('shows the first page when none is asked for, or a bad one is', () => {
    for (const asked of [undefined, '', 'two', '-1', '0', ['2']]) {
      const page = pageOf(items, asked);
      assert.deepEqual([page.page, page.first, page.last, page.pages], [1, 1, 100, 3], String(asked));
    }
  });

  it('shows the page asked for, the last one partly filled, and nothing past the end', () => {
    assert.deepEqual(pageOf(items, '2').items.slice(0, 2), [101, 102]);
    const last = pageOf(items, '3');
    assert.deepEqual([last.first, last.last, last.items.length], [201, 250, 50]);
    assert.equal(pageOf(items, '99').page, 3);
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
