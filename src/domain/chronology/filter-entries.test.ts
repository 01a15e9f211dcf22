import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChronologyEntry } from './chronology.types.ts';
import { filterEntries, keepMatching } from './filter-entries.ts';
import { profileEventsFrom } from './to-profile-event.ts';

function entry(id: string, overrides: Partial<ChronologyEntry> = {}): ChronologyEntry {
  return {
    id,
    kind: 'home-visit',
    occurredAt: '2026-11-10',
    recordedAt: '2026-11-10T12:00:00.000Z',
    recordedBy: 'Hana Visitor',
    agency: 'Health visiting',
    agencyKind: 'health-visiting',
    summary: 'Visit',
    source: 'observed',
    personIds: [],
    presentIds: [],
    significant: false,
    indicates: [],
    babySeen: true,
    victimIds: [],
    perpetratorIds: [],
    ...overrides,
  };
}

const chronology = [
  entry('a', { personIds: ['mum'] }),
  entry('b', { kind: 'police-domestic-abuse-incident', occurredAt: '2026-11-15T22:00:00.000Z', agency: 'County Police', agencyKind: 'police', significant: true, victimIds: ['mum'], perpetratorIds: ['dad'] }),
  entry('c', { occurredAt: '2026-11-20', presentIds: ['gran'] }),
  entry('d', { kind: 'police-incident', occurredAt: '2026-11-15', agency: 'County Police', agencyKind: 'police', corrects: 'b', correctionReason: 'Not domestic', indicates: [{ factorId: 'violent-offending', personId: 'dad' }] }),
];
const ids = (filters: Parameters<typeof filterEntries>[1]) => filterEntries(chronology, filters).map((e) => e.id);

describe('filtering a chronology', () => {
  it('keeps everything, in order, with no filters', () => {
    assert.deepEqual(ids({}), ['a', 'b', 'c', 'd']);
  });

  it('filters by agency name or agency kind, and by kind', () => {
    assert.deepEqual(ids({ agency: 'police' }), ['b', 'd']);
    assert.deepEqual(ids({ agency: 'County Police' }), ['b', 'd']);
    assert.deepEqual(ids({ agency: 'Housing' }), []);
    assert.deepEqual(ids({ kind: 'home-visit' }), ['a', 'c']);
  });

  it('finds a person named in any role: about, present, victim, perpetrator, or a factor about them', () => {
    assert.deepEqual(ids({ personId: 'mum' }), ['a', 'b']);
    assert.deepEqual(ids({ personId: 'dad' }), ['b', 'd']);
    assert.deepEqual(ids({ personId: 'gran' }), ['c']);
  });

  it('filters by a period of whole days, both ends included, a date-time by its day', () => {
    assert.deepEqual(ids({ from: '2026-11-15', to: '2026-11-15' }), ['b', 'd']);
    assert.deepEqual(ids({ from: '2026-11-16' }), ['c']);
    assert.deepEqual(ids({ to: '2026-11-10' }), ['a']);
  });

  it('can show only significant entries', () => {
    assert.deepEqual(ids({ significantOnly: true }), ['b']);
  });

  it('keeps a corrected entry, marked with what corrected it', () => {
    const listed = filterEntries(chronology, {});
    assert.deepEqual(listed.find((e) => e.id === 'b')?.correctedBy, ['d']);
    assert.deepEqual(listed.find((e) => e.id === 'a')?.correctedBy, []);
  });

  it('keeps the same entries from a listed chronology as from the stored one, without copying them, corrections still marked', () => {
    const listed = filterEntries(chronology, {});
    for (const filters of [{}, { agency: 'police' }, { personId: 'dad' }, { from: '2026-11-15', to: '2026-11-15' }, { significantOnly: true }, { kind: 'case-note' }]) {
      const kept = keepMatching(listed, filters);
      assert.deepEqual(kept, filterEntries(chronology, filters), JSON.stringify(filters));
      for (const entry of kept) assert.ok(listed.includes(entry));
    }
    assert.deepEqual(keepMatching(listed, { personId: 'dad' }).find((e) => e.id === 'b')?.correctedBy, ['d']);
  });

  it('gives the listed chronology itself when no filter is set, and filters when one is', () => {
    const listed = filterEntries(chronology, {});
    assert.equal(keepMatching(listed, {}), listed);
    assert.equal(keepMatching(listed, { significantOnly: false }), listed);
    assert.notEqual(keepMatching(listed, { significantOnly: true }), listed);
    assert.deepEqual(keepMatching(listed, { significantOnly: true }).map((e) => e.id), ['b']);
  });
});

describe('the chronology as the profile reads it', () => {
  it('leaves out corrected entries and carries source, agency, people and stated factors', () => {
    const events = profileEventsFrom(chronology);
    assert.deepEqual(events.map((e) => e.id), ['a', 'c', 'd']);
    const police = events.find((e) => e.id === 'd');
    assert.equal(police?.agency, 'County Police');
    assert.equal(police?.source, 'observed');
    assert.deepEqual(police?.indicates, [{ factorId: 'violent-offending', personId: 'dad' }]);
    assert.equal(police?.note, 'Visit');
  });

  it('drops a stated factor that is not in the catalogue rather than failing', () => {
    const odd = entry('x', { indicates: [{ factorId: 'gremlins' as never }] });
    assert.equal(profileEventsFrom([odd])[0]?.indicates, undefined);
  });
});
