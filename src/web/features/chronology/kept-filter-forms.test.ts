import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ListedEntry } from '../../../domain/chronology/filter-entries.ts';
import { KeptFilterForms } from './kept-filter-forms.ts';

/** A listed chronology stands for one profile version: only its identity matters here. */
const listed = (): readonly ListedEntry[] => Object.freeze([]);
const mum = { id: 'mum', name: 'Sarah Hart' };
const dad = { id: 'dad', name: 'Mark Hart' };

describe('the chronology filter forms kept', () => {
  it('writes the form of a list once, and again for another query, other people or another listing of the chronology', async () => {
    const kept = new KeptFilterForms();
    const written: string[] = [];
    const write = (html: string) => async () => {
      written.push(html);
      return html;
    };
    const first = listed();
    assert.equal(await kept.form(first, '/cases/a/chronology', [mum], write('a')), 'a');
    assert.equal(await kept.form(first, '/cases/a/chronology', [mum], write('not written')), 'a');
    assert.equal(await kept.form(first, '/cases/a/chronology?agency=Police', [mum], write('a-police')), 'a-police');
    assert.equal(await kept.form(first, '/cases/a/chronology?order=oldest', [mum], write('a-oldest')), 'a-oldest');
    assert.equal(await kept.form(first, '/cases/b/chronology', [mum], write('b')), 'b');
    // Someone added to the case, or renamed: the person select changes.
    assert.equal(await kept.form(first, '/cases/a/chronology', [mum, dad], write('a with dad')), 'a with dad');
    assert.equal(await kept.form(first, '/cases/a/chronology', [mum, { ...dad, name: 'Mark Hartley' }], write('a renamed')), 'a renamed');
    // A new profile version lists the chronology anew (its agencies and kinds may have changed).
    const next = listed();
    assert.equal(await kept.form(next, '/cases/a/chronology', [mum], write('a again')), 'a again');
    assert.equal(await kept.form(next, '/cases/a/chronology', [mum], write('not written')), 'a again');
    assert.deepEqual(written, ['a', 'a-police', 'a-oldest', 'b', 'a with dad', 'a renamed', 'a again']);
  });

  it('keeps at most 256 forms, the least recently viewed going first', async () => {
    const kept = new KeptFilterForms();
    const all = listed();
    let writes = 0;
    const write = async () => String(++writes);
    await kept.form(all, 'first', [], write);
    for (let n = 0; n < 255; n++) await kept.form(all, `query ${String(n)}`, [], write);
    assert.equal(await kept.form(all, 'first', [], write), '1', 'the 256th form kept leaves the first');
    await kept.form(all, 'one more', [], write);
    assert.equal(await kept.form(all, 'query 0', [], write), String(writes), 'the least recently viewed went');
    assert.equal(await kept.form(all, 'first', [], write), '1', 'viewed again, so kept');
  });

  it('keeps nothing when writing fails', async () => {
    const kept = new KeptFilterForms();
    const all = listed();
    await assert.rejects(kept.form(all, 'q', [], async () => Promise.reject(new Error('template'))));
    assert.equal(await kept.form(all, 'q', [], async () => 'written'), 'written');
  });
});
