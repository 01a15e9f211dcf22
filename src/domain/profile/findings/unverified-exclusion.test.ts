import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateProfile } from '../evaluate-profile.ts';
import { assess, carerSays, everythingExcluded, facts, father, finding, mother, record, withAssessment } from '../profile.test-support.ts';
import type { FactorAssessment } from '../profile.types.ts';

const people = [mother(), father()];
const base = everythingExcluded(['mother', 'father']);
const withAll = (...changes: FactorAssessment[]) => facts({ people, assessments: changes.reduce(withAssessment, base) });
const onHisWord = (id: 'alcohol-misuse' | 'domestic-abuse-perpetrator' | 'learning-disability') =>
  assess(id, 'excluded', { personId: 'father', evidence: [carerSays('absent', 'Says no')] });

describe('unverified-exclusion', () => {
  it('fires, attention, for a V factor excluded on the adult’s own account alone', () => {
    const found = finding(withAll(onHisWord('alcohol-misuse')), 'unverified-exclusion');
    assert.equal(found?.severity, 'attention');
    assert.equal(found?.rationale, "Daniel Okafor's alcohol misuse was excluded on his own account alone.");
    assert.deepEqual(found?.personIds, ['father']);
  });

  it('fires for the household’s sleeping arrangements on the carers’ word', () => {
    const found = finding(withAll(assess('unsafe-sleep', 'excluded', { evidence: [carerSays('absent', 'Baby sleeps in a cot')] })), 'unverified-exclusion');
    assert.equal(found?.rationale, "The household's unsafe sleep was excluded on the carers' account alone.");
  });

  it('does not fire once another source agrees', () => {
    const verified = assess('alcohol-misuse', 'excluded', { personId: 'father', evidence: [carerSays('absent'), record('absent', 'GP: nothing recorded')] });
    assert.equal(finding(withAll(verified), 'unverified-exclusion'), undefined);
  });

  it('does not fire for a factor without the V mark', () => {
    assert.equal(finding(withAll(onHisWord('learning-disability')), 'unverified-exclusion'), undefined);
  });

  it('counts the unverified exclusion in the summary, not as excluded, and leaves the profile incomplete', () => {
    const before = evaluateProfile(withAll()).summary;
    const evaluation = evaluateProfile(withAll(onHisWord('domestic-abuse-perpetrator')));
    assert.deepEqual([evaluation.summary.excluded, evaluation.summary.unverified], [before.excluded - 1, 1]);
    assert.equal(evaluation.complete, false);
  });
});
