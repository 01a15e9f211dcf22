import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from './chronology.test-support.ts';
import { observationsFromAssessments, observationsFromEntries } from './factor-observations.ts';
import type { FactorObservation } from './relapse.ts';

const brief = (observations: readonly FactorObservation[]) => observations.map((o) => [o.factorId, o.personId, o.indicates, o.entryId]);

describe('observations from chronology entries', () => {
  it('reads a police domestic abuse incident by who was harmed and who harmed, as an agency record on the day it happened', () => {
    const incident = entry('p1', 'police-domestic-abuse-incident', '2026-05-01T22:10:00Z', { victimIds: ['mother'], perpetratorIds: ['father'] });
    assert.deepEqual(observationsFromEntries([incident]), [
      { factorId: 'domestic-abuse-victim', personId: 'mother', at: '2026-05-01T22:10:00Z', indicates: 'present', entryId: 'p1', source: 'agency-record' },
      { factorId: 'domestic-abuse-perpetrator', personId: 'father', at: '2026-05-01T22:10:00Z', indicates: 'present', entryId: 'p1', source: 'agency-record' },
    ]);
  });

  it('gives a factor the entry states for one person to that person alone, and one stated for nobody to everyone named', () => {
    const family = entry('f1', 'information-from-family', '2026-05-01', { personIds: ['mother', 'father'], indicates: [{ factorId: 'drug-misuse', personId: 'father' }, { factorId: 'mental-health' }, { factorId: 'unsafe-sleep', personId: 'mother' }] });
    assert.deepEqual(brief(observationsFromEntries([family])), [
      ['drug-misuse', 'father', 'present', 'f1'],
      ['mental-health', 'mother', 'present', 'f1'],
      ['mental-health', 'father', 'present', 'f1'],
      ['unsafe-sleep', undefined, 'present', 'f1'],
    ]);
  });

  it('adds what an entry states to what its kind adds, once each', () => {
    const rise = entry('s1', 'substance-use-increase', '2026-05-01', { personIds: ['mother'], substance: 'alcohol', indicates: [{ factorId: 'mental-health', personId: 'mother' }] });
    assert.deepEqual(brief(observationsFromEntries([rise])), [
      ['alcohol-misuse', 'mother', 'present', 's1'],
      ['mental-health', 'mother', 'present', 's1'],
    ]);
  });

  it('reads a booking in good time as evidence of absence, by the late-booking setting', () => {
    const booking = entry('b1', 'antenatal-booking', '2026-01-10', { gestationWeeks: 14 });
    assert.deepEqual(brief(observationsFromEntries([booking])), [['late-booking', undefined, 'present', 'b1']]);
    assert.deepEqual(brief(observationsFromEntries([booking], { settings: { lateBookingAfterWeeks: 16 } })), [['late-booking', undefined, 'absent', 'b1']]);
  });

  it('leaves out adults who are not among the significant adults given, and superseded entries', () => {
    const rise = entry('s1', 'mental-health-deterioration', '2026-05-01', { personIds: ['neighbour'] });
    assert.deepEqual(observationsFromEntries([rise], { adultIds: new Set(['mother']) }), []);
    assert.deepEqual(observationsFromEntries([rise, correction('s1b', rise, { kind: 'case-note' })]), []);
  });

  it('adds nothing for contacts and notes', () => {
    assert.deepEqual(observationsFromEntries([entry('h', 'home-visit', '2026-05-01', { personIds: ['mother'] }), entry('n', 'case-note', '2026-05-02')]), []);
  });
});

describe('observations from stored assessments', () => {
  it('reads each piece of evidence by the way it points, or by the status it sits under', () => {
    const observations = observationsFromAssessments([
      {
        factorId: 'alcohol-misuse',
        subject: 'adult',
        personId: 'mother',
        status: 'excluded',
        evidence: [
          { source: 'carer-account', note: 'I have stopped', recordedAt: '2026-04-10T10:00:00Z', recordedBy: 'HV', agency: 'Health visiting' },
          { source: 'agency-record', note: 'Drunk', recordedAt: '2026-03-03', recordedBy: 'PC', agency: 'Police', indicates: 'present', eventId: 'p1' },
        ],
      },
      { factorId: 'unsafe-sleep', subject: 'household', personId: 'mother', status: 'not-assessed', evidence: [{ source: 'observed', note: 'Cot seen', recordedAt: '2026-03-01', recordedBy: 'HV', agency: 'HV' }] },
    ]);
    assert.deepEqual(observations, [
      { factorId: 'alcohol-misuse', personId: 'mother', at: '2026-04-10T10:00:00Z', indicates: 'absent', source: 'carer-account' },
      { factorId: 'alcohol-misuse', personId: 'mother', at: '2026-03-03', indicates: 'present', entryId: 'p1', source: 'agency-record' },
    ]);
  });

  it('gives no person to a household factor, and skips a factor not in the catalogue', () => {
    const evidence = [{ source: 'observed' as const, note: 'Sofa', recordedAt: '2026-03-01', recordedBy: 'HV', agency: 'HV', indicates: 'present' as const }];
    assert.deepEqual(brief(observationsFromAssessments([{ factorId: 'unsafe-sleep', subject: 'household', personId: 'mother', status: 'present', evidence }])), [['unsafe-sleep', undefined, 'present', undefined]]);
    const unknown = { factorId: 'astrology', subject: 'household', status: 'present', evidence } as unknown as Parameters<typeof observationsFromAssessments>[0][number];
    assert.deepEqual(observationsFromAssessments([unknown]), []);
  });
});
