import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultReferralSource, isReferralSourceCode, REFERRAL_SOURCE_CODES, referralSourceOfEntry } from './referral-source.ts';
import { checkNewEntry } from './entry-rules.ts';

const context = { today: '2026-11-22', personIds: new Set<string>(), isCorrection: false };
const referral = { kind: 'referral', occurredAt: '2026-11-20', summary: 'Referred to children’s social care', source: 'agency-record' };

describe('the census referral source of a referral', () => {
  it('is one of the census codes, 1A to 10', () => {
    assert.deepEqual(REFERRAL_SOURCE_CODES, ['1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10']);
    assert.equal(isReferralSourceCode('3A'), true);
    assert.equal(isReferralSourceCode('3G'), false);
    assert.equal(isReferralSourceCode('toString'), false);
  });

  it('defaults from the agency’s kind only where the kind names one source', () => {
    assert.deepEqual(
      ['gp', 'health-visiting', 'adult-mental-health', 'housing', 'early-help', 'police'].map(defaultReferralSource),
      ['3A', '3B', '3F', '4', '5D', '6'],
    );
    for (const ambiguous of ['midwifery', 'hospital', 'substance-misuse', 'education', 'childrens-social-care', 'constructor']) assert.equal(defaultReferralSource(ambiguous), null, ambiguous);
  });

  it('is read from a referral’s details, never another kind’s, nor a value not in the list', () => {
    assert.deepEqual(referralSourceOfEntry('referral', { referralSource: '6' }), { referralSource: '6' });
    assert.deepEqual(referralSourceOfEntry('referral', { referralSource: 'police' }), {});
    assert.deepEqual(referralSourceOfEntry('referral', null), {});
    assert.deepEqual(referralSourceOfEntry('police-incident', { referralSource: '6' }), {});
  });

  it('is refused on an entry that is not a referral, and when not a census code', () => {
    assert.deepEqual(checkNewEntry({ ...referral, referralSource: '3B' }, context), []);
    assert.deepEqual(checkNewEntry({ ...referral, kind: 'home-visit', referralSource: '3B' }, context), [{ code: 'referral-source-not-referral', path: '/referralSource' }]);
    assert.deepEqual(checkNewEntry({ ...referral, referralSource: 'GP' }, context), [{ code: 'unknown-referral-source', path: '/referralSource' }]);
  });
});
