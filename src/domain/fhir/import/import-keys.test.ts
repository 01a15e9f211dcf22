import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportedEntry } from './fhir-import.types.ts';
import { chainKeyOf, chainsOf, enteredInErrorMark, isEnteredInErrorMark, isFromResource, nextVersionKey, saysTheSame, scopedExternalId, type StoredImport } from './import-keys.ts';

const stored = (id: string, externalId: string, fields: Partial<StoredImport> = {}): StoredImport => ({ id, externalId, kind: 'clinic-contact', occurredAt: '2026-11-20T10:00:00+00:00', summary: 'Clinic', agency: 'City Hospital', personIds: [], ...fields });
const read = (fields: Partial<ImportedEntry> = {}): ImportedEntry => ({ kind: 'clinic-contact', occurredAt: '2026-11-20T10:00:00+00:00', summary: 'Clinic', source: 'agency-record', externalId: 'fhir:Encounter/1', ...fields });

describe('keys of imported resources', () => {
  it('keeps the key of a resource about the baby, and scopes one about a person to that person', () => {
    assert.equal(scopedExternalId('fhir:Encounter/1', { kind: 'infant' }), 'fhir:Encounter/1');
    assert.equal(scopedExternalId('fhir:Observation/1', { kind: 'person', personId: 'p-mum' }), 'fhir:person/p-mum/Observation/1');
    assert.equal(scopedExternalId('fhir:Encounter/1/discharge', { kind: 'person', personId: 'p-mum' }), 'fhir:person/p-mum/Encounter/1/discharge');
  });

  it('finds the chain of a version, and not a longer id that starts the same', () => {
    assert.equal(chainKeyOf('fhir:Encounter/1#3'), 'fhir:Encounter/1');
    assert.equal(chainKeyOf('fhir:Encounter?identifier=https://x.example/a#b|1'), 'fhir:Encounter?identifier=https://x.example/a#b|1');
    assert.ok(isFromResource('fhir:Encounter/1', 'fhir:Encounter/1'));
    assert.ok(isFromResource('fhir:Encounter/1/discharge', 'fhir:Encounter/1'));
    assert.ok(isFromResource('fhir:Encounter/1#2', 'fhir:Encounter/1'));
    assert.ok(isFromResource('fhir:Encounter/1/discharge#2', 'fhir:Encounter/1'));
    assert.ok(!isFromResource('fhir:Encounter/10', 'fhir:Encounter/1'));
    assert.ok(!isFromResource('fhir:Encounter/1-b', 'fhir:Encounter/1'));
  });

  it('takes the newest version of a chain as the one no other corrects, and numbers the next', () => {
    const chains = chainsOf([stored('a', 'fhir:Encounter/1'), stored('b', 'fhir:Encounter/1#2', { corrects: 'a' }), stored('c', 'fhir:Encounter/1#3', { corrects: 'b' }), stored('d', 'fhir:Encounter/2')]);
    const chain = chains.get('fhir:Encounter/1')!;
    assert.deepEqual([chain.newest.id, chain.length, nextVersionKey(chain)], ['c', 3, 'fhir:Encounter/1#4']);
    assert.equal(chains.get('fhir:Encounter/2')?.newest.id, 'd');
  });

  it('calls a resource unchanged only when every field the entry shows is the same', () => {
    const was = stored('a', 'fhir:Encounter/1');
    assert.ok(saysTheSame(read(), [], was));
    assert.ok(saysTheSame(read({ occurredAt: '2026-11-20T10:00:00Z' }), [], was), 'the same moment written another way');
    assert.ok(saysTheSame(read({ agency: 'City Hospital' }), [], was));
    assert.ok(!saysTheSame(read({ summary: 'Clinic, follow-up' }), [], was));
    assert.ok(!saysTheSame(read({ kind: 'home-visit' }), [], was));
    assert.ok(!saysTheSame(read({ occurredAt: '2026-11-20T11:00:00+00:00' }), [], was));
    assert.ok(!saysTheSame(read({ occurredAt: '2026-11-20' }), [], was));
    assert.ok(!saysTheSame(read({ agency: 'Other Hospital' }), [], was));
    assert.ok(!saysTheSame(read(), ['p-mum'], was));
  });

  it('marks an entry entered in error by a case note on its day that says what it had said, and knows the mark again', () => {
    const mark = enteredInErrorMark(stored('a', 'fhir:Observation/1', { kind: 'injury-observed', summary: 'Bruise: left cheek' }));
    assert.deepEqual([mark.kind, mark.occurredAt, mark.summary], ['case-note', '2026-11-20T10:00:00+00:00', 'Entered in error in the sending system. It had said: Bruise: left cheek']);
    assert.equal(mark.correctionReason, 'The sending system marked its record entered in error');
    assert.ok(isEnteredInErrorMark(stored('b', 'fhir:Observation/1#2', { kind: 'case-note', summary: mark.summary })));
    assert.ok(!isEnteredInErrorMark(stored('a', 'fhir:Observation/1', { kind: 'injury-observed', summary: 'Bruise: left cheek' })));
    assert.equal(enteredInErrorMark(stored('a', 'x', { summary: 'y'.repeat(4000) })).summary.length, 4000);
  });
});
