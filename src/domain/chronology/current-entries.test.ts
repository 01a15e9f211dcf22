import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { correction, entry, idsOf } from './chronology.test-support.ts';
import { currentEntries } from './current-entries.ts';

const a = entry('a', 'home-visit', '2026-01-01');
const b = entry('b', 'police-incident', '2026-01-02');

describe('current entries', () => {
  it('keeps every entry when nothing is corrected, in the order given', () => {
    assert.deepEqual(idsOf(currentEntries([b, a])), ['b', 'a']);
    assert.deepEqual(currentEntries([]), []);
  });

  it('drops an entry another corrects, and keeps the correction', () => {
    assert.deepEqual(idsOf(currentEntries([a, b, correction('b2', b, { kind: 'case-note' })])), ['a', 'b2']);
  });

  it('follows a chain of corrections to the last', () => {
    const b2 = correction('b2', b);
    assert.deepEqual(idsOf(currentEntries([b, b2, correction('b3', b2)])), ['b3']);
  });

  it('keeps an entry that names itself as what it corrects, and ignores a correction of an entry not there', () => {
    assert.deepEqual(idsOf(currentEntries([{ ...a, corrects: 'a' }, correction('x', entry('gone', 'case-note', '2026-01-01'))])), ['a', 'x']);
  });

  it('drops both of two entries that correct each other (neither is the last word)', () => {
    assert.deepEqual(idsOf(currentEntries([{ ...a, corrects: 'b' }, { ...b, corrects: 'a' }])), []);
  });

  it('over any corrections: keeps exactly the entries no other corrects, in order, and is idempotent', () => {
    const ids = ['e1', 'e2', 'e3', 'e4', 'e5'];
    const arb = fc.array(fc.record({ id: fc.constantFrom(...ids), corrects: fc.option(fc.constantFrom(...ids), { nil: undefined }) }), { maxLength: 8 });
    fc.assert(
      fc.property(arb, (rows) => {
        const entries = rows.map((row) => entry(row.id, 'case-note', '2026-01-01', row.corrects === undefined ? {} : { corrects: row.corrects }));
        const current = currentEntries(entries);
        const expected = entries.filter((e) => !entries.some((other) => other.corrects === e.id && other.corrects !== other.id));
        assert.deepEqual(current, expected);
        assert.deepEqual(currentEntries(current), current);
      }),
    );
  });
});
