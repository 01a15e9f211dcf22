import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BundleResource } from './fhir-import.types.ts';
import { babiesMatched, matchesAsSeen, recordsMatched, unseenTargets } from './matches-as-seen.ts';
import type { BundleMatches, PatientMatch } from './plan-import.ts';

const matches = (byIndex: [number, PatientMatch][], byNhsNumber: [string, PatientMatch][] = []): BundleMatches => ({ patients: new Map(byIndex), byNhsNumber: new Map(byNhsNumber) });
const resource = (patientIndex: number, index = 9): BundleResource => ({ index, name: `Observation/${String(index)}`, subject: { kind: 'patient', patientIndex }, reading: { entries: [], rejected: [], skipped: [] } });
const seen = (found: BundleMatches, open: string[]) => matchesAsSeen(found, new Set(open));

describe('a Bundle’s matches as the caller sees them', () => {
  it('keeps every match on records the caller may open, and the matches of no record, as they are', () => {
    const found = matches([
      [0, { kind: 'infant', caseId: 'a' }],
      [1, { kind: 'person', on: [{ caseId: 'a', personId: 'p' }] }],
      [2, { kind: 'unmatched' }],
      [3, { kind: 'nhs-number-invalid', path: '/entry/3/resource/identifier/0/value' }],
      [4, { kind: 'several-records', caseIds: ['a', 'b'] }],
    ]);
    assert.deepEqual(seen(found, ['a', 'b']), found);
  });

  it('makes a baby on a record the caller may not open unmatched, by position and by NHS number, as a baby on no record is', () => {
    const found = matches([[0, { kind: 'infant', caseId: 'hidden' }]], [['9434765919', { kind: 'infant', caseId: 'hidden' }]]);
    assert.deepEqual(seen(found, []), matches([[0, { kind: 'unmatched' }]], [['9434765919', { kind: 'unmatched' }]]));
  });

  it('matches a person on the records the caller may open only; on none of them, unmatched', () => {
    const onBoth = matches([[0, { kind: 'person', on: [{ caseId: 'a', personId: 'p' }, { caseId: 'hidden', personId: 'q' }] }]]);
    assert.deepEqual(seen(onBoth, ['a']), matches([[0, { kind: 'person', on: [{ caseId: 'a', personId: 'p' }] }]]));
    assert.deepEqual(seen(onBoth, []), matches([[0, { kind: 'unmatched' }]]));
  });

  it('says several babies’ records have the NHS number while the caller may open one of them; none of them: unmatched', () => {
    const twice = matches([[0, { kind: 'several-records', caseIds: ['a', 'hidden'] }]]);
    assert.deepEqual(seen(twice, ['a']), twice);
    assert.deepEqual(seen(twice, []), matches([[0, { kind: 'unmatched' }]]));
  });

  it('lists every record the matches name once, and the babies’ records among them', () => {
    const found = matches(
      [
        [0, { kind: 'infant', caseId: 'a' }],
        [1, { kind: 'person', on: [{ caseId: 'a', personId: 'p' }, { caseId: 'b', personId: 'q' }] }],
      ],
      [['4010232137', { kind: 'several-records', caseIds: ['c', 'd'] }]],
    );
    assert.deepEqual(recordsMatched(found), ['a', 'b', 'c', 'd']);
    assert.deepEqual(babiesMatched(found), new Set(['a']));
  });
});

describe('the records an import would have gone to that the caller may not open', () => {
  it('names each such record a resource would have gone to, once', () => {
    const found = matches([[0, { kind: 'infant', caseId: 'hidden' }], [1, { kind: 'infant', caseId: 'a' }]]);
    assert.deepEqual(unseenTargets([resource(0, 2), resource(0, 3), resource(1, 4)], found, new Set(['a'])), ['hidden']);
  });

  it('names none for a Patient sent alone, a record the caller may open, or a resource refused whatever the records (several records)', () => {
    assert.deepEqual(unseenTargets([], matches([[0, { kind: 'infant', caseId: 'hidden' }]]), new Set()), []);
    assert.deepEqual(unseenTargets([resource(0)], matches([[0, { kind: 'infant', caseId: 'a' }]]), new Set(['a'])), []);
    assert.deepEqual(unseenTargets([resource(0)], matches([[0, { kind: 'several-records', caseIds: ['x', 'y'] }]]), new Set()), []);
  });

  it('does not name a record an adult is on when the Bundle’s baby is another record: the resource would not have gone there', () => {
    const found = matches([
      [0, { kind: 'infant', caseId: 'a' }],
      [1, { kind: 'person', on: [{ caseId: 'a', personId: 'mum' }, { caseId: 'sibling', personId: 'mum-2' }] }],
    ]);
    assert.deepEqual(unseenTargets([resource(1)], found, new Set(['a'])), []);
    const alone = matches([[1, { kind: 'person', on: [{ caseId: 'a', personId: 'mum' }, { caseId: 'sibling', personId: 'mum-2' }] }]]);
    assert.deepEqual(unseenTargets([resource(1)], alone, new Set(['a'])), ['sibling']);
  });
});
