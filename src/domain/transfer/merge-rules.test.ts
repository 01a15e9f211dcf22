import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMergeMismatch, matchPeopleByNhsNumber } from './merge-rules.ts';

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
});
