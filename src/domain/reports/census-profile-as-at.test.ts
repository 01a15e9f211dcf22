import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cinCensusFactors } from '../profile/cin-census.ts';
import { evaluateProfile } from '../profile/evaluate-profile.ts';
import { assess, baby, everythingExcluded, event, facts, seen, withAssessment } from '../profile/profile.test-support.ts';
import type { ProfileFacts } from '../profile/profile.types.ts';
import { londonDateTime, serviceDateTime } from '../shared/service-day.ts';
import { profileFactsAtEndOf, type LaterFactorChange } from './census-profile-as-at.ts';

/** Everything excluded on 1 November, then the mother's mental health recorded present on 5 November and the domestic abuse she suffers on 12 November. */
const now: ProfileFacts = facts({
  assessments: [
    assess('mental-health', 'present', { personId: 'mother', evidence: [seen('present', 'Seen low', { recordedAt: '2026-11-05T12:00:00Z' })] }),
    assess('domestic-abuse-victim', 'present', { personId: 'mother', evidence: [seen('present', 'Told the midwife', { recordedAt: '2026-11-12T09:00:00Z' })] }),
  ].reduce(withAssessment, everythingExcluded(['mother'])),
});
const excluded = { status: 'excluded', detail: null, pattern: null, reason: null };
const changes: LaterFactorChange[] = [
  { version: 3, factorId: 'mental-health', subjectKey: 'mother', changedAt: '2026-11-05T12:00:00.000Z', before: excluded },
  { version: 7, factorId: 'domestic-abuse-victim', subjectKey: 'mother', changedAt: '2026-11-12T09:00:00.000Z', before: excluded },
];
/** The census codes of the profile in force at the end of a November day (GMT, so the day ends at midnight UTC). */
const codesAtEndOf = (day: string, given = changes, from = now) => {
  const next = `2026-11-${String(Number(day.slice(8)) + 1).padStart(2, '0')}`;
  return cinCensusFactors(evaluateProfile(profileFactsAtEndOf(from, day, `${next}T00:00:00+00:00`, given))).codes;
};

describe('the profile in force at the end of an assessment’s day', () => {
  it('has a factor assessed before the end of the day and not one assessed after it', () => {
    assert.deepEqual(codesAtEndOf('2026-11-10'), ['4B']);
    assert.deepEqual(codesAtEndOf('2026-11-12'), ['3B', '4B']);
  });

  it('takes a factor back to how the first version after the day found it, whatever came later', () => {
    const later: LaterFactorChange[] = [
      ...changes,
      { version: 9, factorId: 'mental-health', subjectKey: 'mother', changedAt: '2026-11-15T09:00:00.000Z', before: { status: 'present', detail: 'Low', pattern: null, reason: null } },
    ];
    const excludedAgain = facts({ assessments: withAssessment(now.assessments, assess('mental-health', 'excluded', { personId: 'mother' })) });
    assert.deepEqual(codesAtEndOf('2026-11-04', later, excludedAgain), []);
    assert.deepEqual(codesAtEndOf('2026-11-13', later, excludedAgain), ['3B', '4B']);
    assert.deepEqual(codesAtEndOf('2026-11-16', later, excludedAgain), ['3B']);
  });

  it('has a factor never recorded before the day as not assessed, so nothing is identified and 21 is not given', () => {
    const first: LaterFactorChange[] = [{ version: 1, factorId: 'mental-health', subjectKey: 'mother', changedAt: '2026-11-05T12:00:00.000Z', before: null }];
    const onlyMentalHealth = facts({ assessments: withAssessment(everythingExcluded(['mother']), assess('mental-health', 'present', { personId: 'mother' })) });
    const before = profileFactsAtEndOf(onlyMentalHealth, '2026-11-04', '2026-11-05T00:00:00+00:00', first);
    assert.equal(before.assessments.find((a) => a.factorId === 'mental-health')?.status, 'not-assessed');
    assert.deepEqual(cinCensusFactors(evaluateProfile(before)).codes, []);
  });

  it('leaves out evidence recorded after the day and events of later days, and keeps those before', () => {
    const withEvents = { ...now, events: [event('before', 'home-visit', { occurredAt: '2026-11-09' }), event('after', 'home-visit', { occurredAt: '2026-11-11T09:00:00+00:00' })] };
    const at = profileFactsAtEndOf(withEvents, '2026-11-10', '2026-11-11T00:00:00+00:00', changes);
    assert.deepEqual(at.events.map((e) => e.id), ['before']);
    assert.deepEqual(at.assessments.find((a) => a.factorId === 'mental-health')?.evidence.map((e) => e.note), ['Seen low']);
    assert.deepEqual(at.assessments.find((a) => a.factorId === 'domestic-abuse-victim')?.evidence, []);
    assert.equal(at.today, '2026-11-10');
  });

  it('has a baby born after the day as unborn then, and weights measured after the day left out', () => {
    const born = { ...now, infant: baby({ dateOfBirth: '2026-11-08', measurements: [{ id: 'w', kind: 'weight', value: 3300, measuredOn: '2026-11-09', recordedBy: 'Nell Hart', agency: 'Health visiting' }] }) };
    const before = profileFactsAtEndOf(born, '2026-11-07', '2026-11-08T00:00:00+00:00', []);
    assert.deepEqual([before.infant.status, before.infant.dateOfBirth, before.infant.birthWeightGrams, before.infant.measurements], ['unborn', null, null, []]);
    const after = profileFactsAtEndOf(born, '2026-11-08', '2026-11-09T00:00:00+00:00', []);
    assert.deepEqual([after.infant.status, after.infant.dateOfBirth, after.infant.measurements], ['born', '2026-11-08', []]);
  });

  it('ends a day at London midnight across the changes of the clocks: what came just after it, in British Summer Time, is left out', () => {
    // The day the clocks go forward (28 March 2027) ends at 23:00 UTC; the day before they go back (30 October 2027) too; a winter day at midnight UTC.
    assert.equal(londonDateTime('2027-03-28', '00:00'), '2027-03-28T00:00:00+00:00');
    assert.equal(Date.parse(londonDateTime('2027-03-29', '00:00')), Date.parse('2027-03-28T23:00:00Z'));
    assert.equal(Date.parse(londonDateTime('2027-10-31', '00:00')), Date.parse('2027-10-30T23:00:00Z'));
    assert.equal(Date.parse(londonDateTime('2027-11-01', '00:00')), Date.parse('2027-11-01T00:00:00Z'));
    const endsAt = londonDateTime('2027-03-29', '00:00');
    const justBefore = serviceDateTime(new Date('2027-03-28T22:30:00Z'));
    const justAfter = serviceDateTime(new Date('2027-03-28T23:30:00Z'));
    const summer = facts({
      assessments: withAssessment(everythingExcluded(['mother']), assess('mental-health', 'present', { personId: 'mother', evidence: [seen('present', 'Before midnight', { recordedAt: '2027-03-28T22:30:00Z' }), seen('present', 'After midnight', { recordedAt: '2027-03-28T23:30:00Z' })] })),
    });
    const withEvents = { ...summer, events: [event('before', 'home-visit', { occurredAt: justBefore }), event('after', 'home-visit', { occurredAt: justAfter })] };
    // Assessed present at 00:30 BST on the 29th (23:30 UTC on the 28th): after the day's end, so not in force at it.
    const late: LaterFactorChange[] = [{ version: 4, factorId: 'mental-health', subjectKey: 'mother', changedAt: '2027-03-28T23:30:00.000Z', before: excluded }];
    const at = profileFactsAtEndOf(withEvents, '2027-03-28', endsAt, late);
    assert.deepEqual(at.events.map((e) => e.id), ['before']);
    const mentalHealth = at.assessments.find((a) => a.factorId === 'mental-health')!;
    assert.deepEqual([mentalHealth.status, mentalHealth.evidence.map((e) => e.note)], ['excluded', ['Before midnight']]);
    // Two changes the same day, the later at 23:30 BST: both before the end, so the factor stands as they left it.
    const sameDay: LaterFactorChange[] = [
      { version: 2, factorId: 'mental-health', subjectKey: 'mother', changedAt: '2027-03-28T12:00:00.000Z', before: excluded },
      { version: 3, factorId: 'mental-health', subjectKey: 'mother', changedAt: '2027-03-28T22:30:00.000Z', before: { status: 'excluded', detail: null, pattern: null, reason: null } },
    ];
    assert.equal(profileFactsAtEndOf(summer, '2027-03-28', endsAt, sameDay).assessments.find((a) => a.factorId === 'mental-health')?.status, 'present');
  });
});
