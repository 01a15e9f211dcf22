import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isUnverifiedReceived } from '../transfer/transfer-record.ts';
import { evaluateProfile } from './evaluate-profile.ts';
import { assess, carerSays, everythingExcluded, facts, father, mother, withAssessment } from './profile.test-support.ts';
import { countReceivedNotConfirmed, receivedKey } from './received-not-confirmed.ts';

/** As the profile reader keeps them: each stored assessment still at the version it arrived with. */
function receivedMarks(stored: readonly { factorId: string; subjectKey: string; version: number; arrivedAtVersion: number | null }[]) {
  return new Map(stored.filter((row) => isUnverifiedReceived(row.arrivedAtVersion === null ? null : { version: row.arrivedAtVersion }, row.version)).map((row) => [receivedKey(row.factorId, row.subjectKey), row]));
}

describe('assessments received from another area, not yet confirmed here', () => {
  const input = facts({ people: [mother(), father()], assessments: everythingExcluded(['mother', 'father']) });
  const evaluation = evaluateProfile(input);

  it('counts each received assessment still at the version it arrived with: the baby’s, an adult’s, the household’s, risk or protective', () => {
    const received = receivedMarks([
      { factorId: 'injury', subjectKey: 'infant', version: 1, arrivedAtVersion: 1 },
      { factorId: 'alcohol-misuse', subjectKey: 'mother', version: 1, arrivedAtVersion: 1 },
      { factorId: 'unsafe-sleep', subjectKey: 'household', version: 2, arrivedAtVersion: 2 },
      { factorId: 'supportive-wider-family', subjectKey: 'household', version: 1, arrivedAtVersion: 1 },
    ]);
    assert.equal(countReceivedNotConfirmed(evaluation.subjects, received), 4);
  });

  it('does not count one saved again here (its version moved on), nor one made here', () => {
    const received = receivedMarks([
      { factorId: 'alcohol-misuse', subjectKey: 'mother', version: 2, arrivedAtVersion: 1 },
      { factorId: 'drug-misuse', subjectKey: 'mother', version: 1, arrivedAtVersion: null },
      { factorId: 'drug-misuse', subjectKey: 'father', version: 1, arrivedAtVersion: 1 },
    ]);
    assert.equal(countReceivedNotConfirmed(evaluation.subjects, received), 1);
    assert.equal(countReceivedNotConfirmed(evaluation.subjects, new Map()), 0);
  });

  it('does not count one for a factor the profile no longer has: an adult no longer in it, a factor of another subject', () => {
    const received = receivedMarks([
      { factorId: 'alcohol-misuse', subjectKey: 'withdrawn-person', version: 1, arrivedAtVersion: 1 },
      { factorId: 'alcohol-misuse', subjectKey: 'infant', version: 1, arrivedAtVersion: 1 },
    ]);
    assert.equal(countReceivedNotConfirmed(evaluation.subjects, received), 0);
  });

  it('is counted apart from the unverified exclusions: a received exclusion on the carer’s word is in both, one on evidence only here', () => {
    const onTheirWord = withAssessment(input.assessments, assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent')] }));
    const withReceived = evaluateProfile({ ...input, assessments: onTheirWord });
    const received = receivedMarks([
      { factorId: 'alcohol-misuse', subjectKey: 'mother', version: 1, arrivedAtVersion: 1 },
      { factorId: 'drug-misuse', subjectKey: 'father', version: 1, arrivedAtVersion: 1 },
    ]);
    assert.equal(withReceived.summary.unverified, 1);
    assert.equal(countReceivedNotConfirmed(withReceived.subjects, received), 2);
    assert.equal(evaluation.summary.unverified, 0, 'a received exclusion on evidence is not an unverified exclusion');
    assert.equal(countReceivedNotConfirmed(evaluation.subjects, received), 2);
  });
});
