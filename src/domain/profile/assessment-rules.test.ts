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

  describe('how a carer responds to stress', () => {
    const withResponses = (assessment: FactorAssessment, responses: FactorAssessment['responses']): FactorAssessment => ({ ...assessment, responses });
    const stress = (status: FactorAssessment['status'], options: Parameters<typeof assess>[2] = {}) => assess('harmful-stress-response', status, { personId: 'm', ...options });

    it('takes responses on the harmful-stress-response factor only', () => {
      assert.deepEqual(checkAssessment(withResponses(stress('present'), ['anger-or-aggression', 'seeks-help'])), []);
      assert.deepEqual(checkAssessment(withResponses(assess('mental-health', 'present', { personId: 'm' }), ['withdraws-or-low-mood'])), ['responses-not-expected']);
      assert.deepEqual(checkAssessment(withResponses(assess('isolation', 'not-assessed'), ['seeks-help'])), ['responses-not-expected']);
    });

    it('treats an empty list of responses as none given', () => {
      assert.deepEqual(checkAssessment(withResponses(assess('isolation', 'not-assessed'), [])), []);
      assert.deepEqual(checkAssessment(withResponses(stress('not-assessed'), [])), []);
    });

    it('accepts present with a harmful response and no detail: the response says what is known', () => {
      assert.deepEqual(checkAssessment(withResponses(stress('present', { detail: '' }), ['drinks-alcohol'])), []);
      assert.deepEqual(checkAssessment(withResponses(stress('present', { detail: '  ' }), ['rough-handling', 'takes-a-break-safely'])), []);
    });

    it('still asks for detail when present rests only on helpful responses, or none', () => {
      assert.deepEqual(checkAssessment(withResponses(stress('present', { detail: '' }), ['seeks-help', 'takes-a-break-safely'])), ['detail-needed']);
      assert.deepEqual(checkAssessment(withResponses(stress('present', { detail: '' }), [])), ['detail-needed']);
      assert.deepEqual(checkAssessment(stress('present', { detail: '' })), ['detail-needed']);
    });

    it('refuses an exclusion that names a harmful response, even with evidence of absence', () => {
      assert.deepEqual(checkAssessment(withResponses(stress('excluded'), ['anger-or-aggression'])), ['harmful-response-but-excluded']);
      assert.deepEqual(checkAssessment(withResponses(stress('excluded', { evidence: [] }), ['self-harm'])), ['exclusion-needs-evidence', 'harmful-response-but-excluded']);
    });

    it('accepts an exclusion with helpful responses: how they cope is worth knowing', () => {
      assert.deepEqual(checkAssessment(withResponses(stress('excluded'), ['seeks-help', 'takes-a-break-safely'])), []);
    });

    it('accepts harmful responses while not yet assessed or when it cannot be assessed', () => {
      assert.deepEqual(checkAssessment(withResponses(stress('not-assessed'), ['uses-drugs'])), []);
      assert.deepEqual(checkAssessment(withResponses(stress('cannot-assess'), ['anger-or-aggression'])), []);
    });
  });
});
