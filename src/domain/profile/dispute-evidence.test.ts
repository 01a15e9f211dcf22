import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../chronology/chronology.test-support.ts';
import { findRelapses } from '../chronology/relapse.ts';
import { observationsFromEntries } from '../chronology/factor-observations.ts';
import { profileEventsFrom } from '../chronology/to-profile-event.ts';
import { disputeEvidence } from './dispute-evidence.ts';
import { evaluateProfile } from './evaluate-profile.ts';
import { assess, event, everythingExcluded, facts, finding, mother, withAssessment } from './profile.test-support.ts';
import type { EvaluatedFactor, Evidence, ProfileEvaluation, ProfileFacts } from './profile.types.ts';

const sarah = mother({ name: 'Sarah Hartley' });
const byHer = { disputedBy: 'the mother, Sarah Hartley', text: 'I was not drunk: I had been unwell', recordedBy: 'Jo Visitor', agency: 'Health visiting' };
const policeRecord: Evidence = { source: 'agency-record', note: 'Drunk in charge of the baby', recordedAt: '2026-11-20', recordedBy: 'PC Lane', agency: 'Derbyshire Police', eventId: 'e1', indicates: 'present' };
// Her mental health not yet assessed: an event alone points one way only.
const open = withAssessment(everythingExcluded(['mother']), assess('mental-health', 'not-assessed', { personId: 'mother', evidence: [] }));
const withEvents = (...events: ProfileFacts['events']) => facts({ people: [sarah], assessments: open, events });
const deterioration = (overrides = {}) => event('e1', 'mental-health-deterioration', { personIds: ['mother'], agency: 'Adult mental health', ...overrides });

function factorOf(evaluation: ProfileEvaluation, factorId: string): EvaluatedFactor {
  const adult = evaluation.subjects.find((s) => s.personId === 'mother')!;
  return [...adult.risk, ...adult.protective].find((f) => f.factorId === factorId)!;
}

describe('disputeEvidence', () => {
  it('gives one piece of evidence per dispute, pointing the other way, as the person’s own account, on the entry’s day', () => {
    const [against, ...rest] = disputeEvidence(policeRecord, [byHer]);
    assert.deepEqual(rest, []);
    assert.deepEqual(against, {
      source: 'carer-account',
      note: 'Disputed by the mother, Sarah Hartley: I was not drunk: I had been unwell',
      recordedAt: '2026-11-20',
      recordedBy: 'Jo Visitor',
      agency: 'Health visiting',
      eventId: 'e1',
      indicates: 'absent',
      givenBy: 'the mother, Sarah Hartley',
    });
    assert.equal(disputeEvidence(policeRecord, [byHer, { ...byHer, disputedBy: 'her partner' }]).length, 2);
  });

  it('points to presence against evidence of absence (a booking in time, disputed)', () => {
    assert.equal(disputeEvidence({ ...policeRecord, indicates: 'absent' }, [byHer])[0]?.indicates, 'present');
  });

  it('gives nothing without disputes, or for evidence that points nowhere', () => {
    assert.deepEqual(disputeEvidence(policeRecord, []), []);
    assert.deepEqual(disputeEvidence({ source: 'agency-record', note: 'Drunk', recordedAt: '2026-11-20', recordedBy: 'PC Lane', agency: 'Police' }, [byHer]), []);
  });
});

describe('a disputed entry in the profile', () => {
  it('fires: the factor the entry points to is in conflict, and "Sources disagree" names who disputes it', () => {
    const evaluation = evaluateProfile(withEvents(deterioration({ disputes: [byHer] })));
    const factor = factorOf(evaluation, 'mental-health');
    assert.deepEqual([factor.conflict, factor.indicated, factor.verified], [true, true, false]);
    assert.equal(evaluation.summary.conflicts, 1);
    const found = evaluation.findings.find((f) => f.id === 'conflicting-information');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, "A record from Adult mental health points to Sarah Hartley's mental ill health, but the mother, Sarah Hartley does not.");
    assert.deepEqual([found?.factorIds, found?.personIds], [['mental-health'], ['mother']]);
  });

  it('fires for a factor the entry states ("as stated"), for the person it names', () => {
    const stated = event('e2', 'information-from-family', { personIds: ['mother'], indicates: [{ factorId: 'mental-health', personId: 'mother' }], disputes: [byHer] });
    assert.deepEqual(finding(withEvents(stated), 'conflicting-information')?.factorIds, ['mental-health']);
  });

  it('does not fire for the same entry undisputed', () => {
    const evaluation = evaluateProfile(withEvents(deterioration()));
    assert.equal(factorOf(evaluation, 'mental-health').conflict, false);
    assert.equal(evaluation.findings.find((f) => f.id === 'conflicting-information'), undefined);
  });

  it('does not fire for a disputed entry that points to no factor (a home visit)', () => {
    const visit = event('e3', 'home-visit', { personIds: ['mother'], disputes: [byHer] });
    const evaluation = evaluateProfile(withEvents(visit));
    assert.equal(evaluation.summary.conflicts, 0);
    assert.equal(evaluation.findings.find((f) => f.id === 'conflicting-information'), undefined);
  });

  it('never takes the risk away: the entry still counts, and a dispute cannot verify an exclusion', () => {
    const excludedOnHerWord = withAssessment(everythingExcluded(['mother']), assess('mental-health', 'excluded', { personId: 'mother', evidence: [] }));
    const evaluation = evaluateProfile(facts({ people: [sarah], assessments: excludedOnHerWord, events: [deterioration({ disputes: [byHer] })] }));
    const factor = factorOf(evaluation, 'mental-health');
    assert.deepEqual([factor.indicated, factor.verified, factor.conflict], [true, false, true]);
  });

  it('leaves the other entries alone: only the disputed one is contested', () => {
    const other = event('e4', 'substance-use-increase', { personIds: ['mother'], substance: 'alcohol', agency: 'Recovery service' });
    const evaluation = evaluateProfile(facts({ people: [sarah], assessments: withAssessment(open, assess('alcohol-misuse', 'not-assessed', { personId: 'mother', evidence: [] })), events: [deterioration({ disputes: [byHer] }), other] }));
    assert.equal(factorOf(evaluation, 'alcohol-misuse').conflict, false);
    assert.equal(factorOf(evaluation, 'mental-health').conflict, true);
  });

  it('counts no more once the entry is corrected (the profile reads current entries only)', () => {
    const disputed = entry('e1', 'mental-health-deterioration', '2026-11-20', { personIds: ['mother'], disputes: [{ id: 'd1', ...byHer, recordedAt: '2026-11-21T10:00:00Z' }] });
    const events = profileEventsFrom([disputed, correction('e2', disputed, { kind: 'home-visit', disputes: [] })]);
    assert.equal(evaluateProfile(withEvents(...events)).summary.conflicts, 0);
    assert.deepEqual(profileEventsFrom([disputed])[0]?.disputes, [byHer]);
  });

  it('never shows as an improvement followed by a relapse in the chronology', () => {
    const disputed = (id: string, day: string) => entry(id, 'substance-use-increase', day, { personIds: ['mother'], substance: 'alcohol', disputes: [{ id: `d-${id}`, ...byHer, recordedAt: `${day}T10:00:00Z` }] });
    const observations = observationsFromEntries([disputed('e1', '2026-03-01'), disputed('e2', '2026-06-01')], { adultIds: new Set(['mother']) });
    assert.deepEqual(findRelapses(observations), []);
  });
});
