import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAssessment } from './assessment-rules.ts';
import { assess, carerSays, seen } from './profile.test-support.ts';
import type { FactorAssessment } from './profile.types.ts';

describe('what a stored assessment needs', () => {
  it('accepts each status with what it needs', () => {
    assert.deepEqual(checkAssessment(assess('alcohol-misuse', 'excluded', { personId: 'm', evidence: [carerSays('absent')] })), []);
    assert.deepEqual(checkAssessment(assess('alcohol-misuse', 'present', { personId: 'm', pattern: 'chaotic', detail: 'Binges at weekends' })), []);
    assert.deepEqual(checkAssessment(assess('isolation', 'cannot-assess', { reason: 'Mother will not discuss her family' })), []);
    assert.deepEqual(checkAssessment(assess('injury', 'not-assessed')), []);
  });

  it('asks for evidence of absence to exclude', () => {
    assert.deepEqual(checkAssessment(assess('injury', 'excluded', { evidence: [] })), ['exclusion-needs-evidence']);
    assert.deepEqual(checkAssessment(assess('injury', 'excluded', { evidence: [seen('present')] })), ['exclusion-needs-evidence']);
  });

  it('asks for detail when present, and a pattern for substance use', () => {
    assert.deepEqual(checkAssessment(assess('isolation', 'present', { detail: '  ' })), ['detail-needed']);
    assert.deepEqual(checkAssessment(assess('drug-misuse', 'present', { personId: 'm' })), ['pattern-needed']);
  });

  it('asks for the reason a factor cannot be assessed', () => {
    assert.deepEqual(checkAssessment(assess('isolation', 'cannot-assess', { reason: '' })), ['reason-needed']);
  });

  it('refuses derived factors, unknown factors, and the wrong subject or person', () => {
    assert.deepEqual(checkAssessment(assess('prematurity', 'present')), ['derived-factor-stored']);
    assert.deepEqual(checkAssessment({ ...assess('injury', 'not-assessed'), factorId: 'sunburn' } as unknown as FactorAssessment), ['unknown-factor']);
    assert.deepEqual(checkAssessment({ ...assess('injury', 'not-assessed'), subject: 'household' }), ['subject-mismatch']);
    assert.deepEqual(checkAssessment(assess('mental-health', 'not-assessed')), ['person-needed']);
    assert.deepEqual(checkAssessment(assess('injury', 'not-assessed', { personId: 'm' })), ['person-not-expected']);
  });
});
