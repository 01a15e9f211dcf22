import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detailsInWords } from './audit-details-words.ts';

describe('audit details in plain words', () => {
  it('says a reason code as words, not JSON', () => {
    assert.equal(detailsInWords({ reason: 'closed-for-transfer' }), 'Reason: closed for transfer');
  });

  it('says each key as words, yes or no, lists and nested details', () => {
    assert.equal(detailsInWords({ caseId: 'abc', fromLevel: 'child_in_need', released: true, kinds: ['not-brought', 'seen'], period: { from: '2026-04-01', to: '2026-04-30' } }),
      'Case id: abc; From level: child in need; Released: yes; Kinds: not brought, seen; Period: (From: 2026-04-01; To: 2026-04-30)');
  });

  it('keeps dates, ids and free text as they are', () => {
    assert.equal(detailsInWords({ on: '2026-12-08', userId: '0b6f4a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', note: 'Seen at home' }), 'On: 2026-12-08; User id: 0b6f4a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b; Note: Seen at home');
  });

  it('says nothing for no details, and none for an empty value', () => {
    assert.equal(detailsInWords(null), '');
    assert.equal(detailsInWords({}), '');
    assert.equal(detailsInWords({ problems: [], by: null, count: 3 }), 'Problems: none; By: none; Count: 3');
  });
});
