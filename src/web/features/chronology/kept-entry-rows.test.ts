import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ListedEntry } from '../../../domain/chronology/filter-entries.ts';
import { KeptEntryRows } from './kept-entry-rows.ts';

/** A listed chronology stands for one profile version: only its identity matters here. */
const listed = (): readonly ListedEntry[] => Object.freeze([]);

describe('the chronology list rows kept', () => {
  it('writes a page of a list once, and again for another page or another listing of the chronology', async () => {
    const kept = new KeptEntryRows();
    const written: string[] = [];
    const write = (html: string) => async () => {
      written.push(html);
      return html;
    };
    const first = listed();
    assert.equal(await kept.rows(first, '/cases/a/chronology', write('a1')), 'a1');
    assert.equal(await kept.rows(first, '/cases/a/chronology', write('not written')), 'a1');
    assert.equal(await kept.rows(first, '/cases/a/chronology?page=2', write('a2')), 'a2');
    assert.equal(await kept.rows(first, '/cases/a/chronology?order=oldest', write('a-oldest')), 'a-oldest');
    // A new profile version lists the chronology anew: what was written from the old list is not shown.
    const next = listed();
    assert.equal(await kept.rows(next, '/cases/a/chronology', write('a1 again')), 'a1 again');
    assert.equal(await kept.rows(next, '/cases/a/chronology', write('not written')), 'a1 again');
    assert.deepEqual(written, ['a1', 'a2', 'a-oldest', 'a1 again']);
  });

  it('keeps at most 64 pages, the least recently viewed going first', async () => {
    const kept = new KeptEntryRows();
    const all = listed();
    let writes = 0;
    const write = async () => String(++writes);
    await kept.rows(all, 'first', write);
    for (let page = 0; page < 63; page++) await kept.rows(all, `page ${String(page)}`, write);
    assert.equal(await kept.rows(all, 'first', write), '1', 'the 64th page kept leaves the first');
    await kept.rows(all, 'one more', write);
    assert.equal(await kept.rows(all, 'page 0', write), String(writes), 'the least recently viewed went');
    assert.equal(await kept.rows(all, 'first', write), '1', 'viewed again, so kept');
  });

  it('keeps nothing when writing fails', async () => {
    const kept = new KeptEntryRows();
    const all = listed();
    await assert.rejects(kept.rows(all, 'q', async () => Promise.reject(new Error('template'))));
    assert.equal(await kept.rows(all, 'q', async () => 'written'), 'written');
  });
});
