import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChronologyPattern } from '../../chronology/chronology.types.ts';
import { entry } from '../../chronology/chronology.test-support.ts';
import { findPatterns } from '../../chronology/find-patterns.ts';
import { everythingExcluded, facts, finding, mother, TODAY } from '../profile.test-support.ts';

function pattern(overrides: Partial<ChronologyPattern>): ChronologyPattern {
  return {
    id: 'relapse',
    severity: 'high',
    title: 'Improvement, then relapse',
    rationale: 'A pattern.',
    from: '2026-06-01',
    to: '2026-11-01',
    entryIds: [],
    personIds: [],
    factorIds: [],
    becomesFinding: true,
    ...overrides,
  };
}

const people = [mother()];
const assessments = everythingExcluded(['mother']);
const withPatterns = (patterns: ChronologyPattern[]) => facts({ people, assessments, patterns });

describe('findings from chronology patterns', () => {
  it('raises a relapse, high, naming the factor and the person', () => {
    const found = finding(withPatterns([pattern({ rationale: 'Grace Okafor’s alcohol misuse improved, then came back.', personIds: ['mother'], factorIds: ['alcohol-misuse'] })]), 'relapse');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, 'Grace Okafor’s alcohol misuse improved, then came back.');
    assert.deepEqual(found?.personIds, ['mother']);
    assert.deepEqual(found?.factorIds, ['alcohol-misuse']);
  });

  it('gathers every pattern of a kind into one finding, one fact each', () => {
    const found = finding(withPatterns([pattern({ rationale: 'First.', personIds: ['mother'] }), pattern({ rationale: 'Second.', personIds: ['mother'] })]), 'relapse');
    assert.deepEqual(found?.facts, ['First', 'Second']);
    assert.deepEqual(found?.personIds, ['mother']);
  });

  it('raises a baby not being seen only for a period that goes on today', () => {
    assert.ok(finding(withPatterns([pattern({ id: 'unseen-period', becomesFinding: true })]), 'baby-not-seen'));
    assert.equal(finding(withPatterns([pattern({ id: 'unseen-period', severity: 'attention', becomesFinding: false })]), 'baby-not-seen'), undefined);
  });

  it('tells repeated injuries and emergency attendances (high) from repeated police incidents (attention)', () => {
    const injuries = withPatterns([pattern({ id: 'repeated-incidents', incidentFamily: 'injury' })]);
    assert.equal(finding(injuries, 'repeated-harm')?.severity, 'high');
    assert.equal(finding(injuries, 'repeated-police-incidents'), undefined);
    assert.ok(finding(withPatterns([pattern({ id: 'repeated-incidents', incidentFamily: 'emergency' })]), 'repeated-harm'));
    const police = withPatterns([pattern({ id: 'repeated-incidents', incidentFamily: 'police', severity: 'attention' })]);
    assert.equal(finding(police, 'repeated-police-incidents')?.severity, 'attention');
    assert.equal(finding(police, 'repeated-harm'), undefined);
  });

  it('does not add a second finding for repeated domestic abuse: the domestic-abuse finding covers it', () => {
    const abuse = withPatterns([pattern({ id: 'repeated-incidents', incidentFamily: 'domestic-abuse', becomesFinding: false })]);
    assert.equal(finding(abuse, 'repeated-police-incidents'), undefined);
    assert.equal(finding(abuse, 'repeated-harm'), undefined);
  });

  it('raises missed appointments as attention', () => {
    assert.equal(finding(withPatterns([pattern({ id: 'missed-appointments', severity: 'attention', factorIds: ['was-not-brought'] })]), 'missed-appointments')?.severity, 'attention');
  });

  it('raises nothing without patterns', () => {
    const none = facts({ people, assessments });
    for (const id of ['relapse', 'baby-not-seen', 'repeated-harm', 'missed-appointments', 'repeated-police-incidents'] as const) assert.equal(finding(none, id), undefined, id);
  });

  it('from a real chronology: two missed appointments in a row and a baby unseen for weeks', () => {
    const entries = [
      entry('v1', 'home-visit', '2026-09-01', { babySeen: true }),
      entry('w1', 'was-not-brought', '2026-09-20'),
      entry('w2', 'was-not-brought', '2026-10-05'),
    ];
    const patterns = findPatterns({ entries, dateOfBirth: '2026-08-01', today: TODAY, names: new Map([['mother', 'Grace Okafor']]) });
    const input = facts({ people, assessments, patterns });
    assert.ok(finding(input, 'missed-appointments'));
    assert.match(finding(input, 'baby-not-seen')?.rationale ?? '', /1 September 2026/);
  });
});
