import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAlreadyMerged, isMergeMismatch, matchPeopleByNhsNumber } from './merge-rules.ts';

describe('merging a received transfer into a record here', () => {
  it('refuses only two different NHS numbers: either unknown is no mismatch', () => {
    assert.equal(isMergeMismatch('9434765919', '4010232137'), true);
    assert.equal(isMergeMismatch('9434765919', '9434765919'), false);
    assert.equal(isMergeMismatch(null, '9434765919'), false);
    assert.equal(isMergeMismatch('9434765919', null), false);
    assert.equal(isMergeMismatch(null, null), false);
  });
  it('matches the pack’s people by NHS number; one without a number, or with one not here, is not found', () => {
    const sent = [
      { id: 'mother', nhsNumber: '9434765919' },
      { id: 'partner', nhsNumber: null },
      { id: 'grandmother', nhsNumber: '4010232137' },
    ];
    const { matched, notFound } = matchPeopleByNhsNumber(sent, new Map([['9434765919', 'mother-here']]));
    assert.deepEqual([...matched], [['mother', 'mother-here']]);
    assert.deepEqual(notFound.map((p) => p.id), ['partner', 'grandmother']);
  });
  it('is already merged when the record was made from the pack or took it before, whatever its entries', () => {
    assert.equal(isAlreadyMerged({ entriesSent: 0, entriesHere: 0, samePackReceived: true }), true);
    assert.equal(isAlreadyMerged({ entriesSent: 3, entriesHere: 1, samePackReceived: true }), true);
  });
  it('is already merged when every entry of the pack is here already, not when some are new or the pack has none', () => {
    assert.equal(isAlreadyMerged({ entriesSent: 3, entriesHere: 3, samePackReceived: false }), true);
    assert.equal(isAlreadyMerged({ entriesSent: 3, entriesHere: 2, samePackReceived: false }), false);
    assert.equal(isAlreadyMerged({ entriesSent: 0, entriesHere: 0, samePackReceived: false }), false);
  });
});
