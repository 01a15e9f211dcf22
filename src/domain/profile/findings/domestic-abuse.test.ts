import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, event, everythingExcluded, facts, father, finding, mother, withAssessment } from '../profile.test-support.ts';

const people = [mother(), father()];
const base = everythingExcluded(['mother', 'father']);

describe('domestic-abuse', () => {
  it('fires, high, for an adult experiencing domestic abuse', () => {
    const input = facts({ people, assessments: withAssessment(base, assess('domestic-abuse-victim', 'present', { personId: 'mother', detail: 'Disclosed coercive control' })) });
    const found = finding(input, 'domestic-abuse');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, 'Grace Okafor is experiencing domestic abuse: Disclosed coercive control.');
    assert.match(found?.suggestedAction ?? '', /DASH/);
  });

  it('fires for an adult perpetrating it', () => {
    const input = facts({ people, assessments: withAssessment(base, assess('domestic-abuse-perpetrator', 'present', { personId: 'father' })) });
    assert.deepEqual(finding(input, 'domestic-abuse')?.personIds, ['father']);
  });

  it('fires on a police incident naming who was harmed and who harmed, over exclusions already recorded', () => {
    const incident = event('p1', 'police-domestic-abuse-incident', { victimIds: ['mother'], perpetratorIds: ['father'], agency: 'Derbyshire Police' });
    const found = finding(facts({ people, assessments: base, events: [incident] }), 'domestic-abuse');
    assert.deepEqual(found?.facts, [
      'Grace Okafor is experiencing domestic abuse (according to a record from Derbyshire Police)',
      'Daniel Okafor is perpetrating domestic abuse (according to a record from Derbyshire Police)',
    ]);
    assert.deepEqual(found?.personIds, ['mother', 'father']);
  });

  it('puts both factors on everyone named when the incident does not say who harmed whom', () => {
    const incident = event('p1', 'police-domestic-abuse-incident', { personIds: ['mother', 'father'] });
    assert.deepEqual(finding(facts({ people, assessments: base, events: [incident] }), 'domestic-abuse')?.factorIds, ['domestic-abuse-victim', 'domestic-abuse-perpetrator']);
  });

  it('does not fire when both are excluded on evidence for everyone', () => {
    assert.equal(finding(facts({ people, assessments: base }), 'domestic-abuse'), undefined);
  });

  it('does not fire for conflict between the adults alone (a household factor)', () => {
    assert.equal(finding(facts({ people, assessments: withAssessment(base, assess('parental-conflict', 'present')) }), 'domestic-abuse'), undefined);
  });

  it('says to consider MARAC after three police incidents in twelve months', () => {
    const incidents = ['2026-02-01', '2026-06-01', '2026-11-01'].map((day, i) => event(`p${i}`, 'police-domestic-abuse-incident', { occurredAt: day, victimIds: ['mother'] }));
    assert.match(finding(facts({ people, assessments: base, events: incidents }), 'domestic-abuse')?.facts.at(-1) ?? '', /^3 police domestic abuse incidents in the last 12 months: consider MARAC/);
  });

  it('does not mention MARAC for two incidents, or three spread over more than a year', () => {
    const at = (days: string[]) => days.map((day, i) => event(`p${i}`, 'police-domestic-abuse-incident', { occurredAt: day, victimIds: ['mother'] }));
    for (const days of [['2026-06-01', '2026-11-01'], ['2025-10-01', '2026-06-01', '2026-11-01']]) {
      const found = finding(facts({ people, assessments: base, events: at(days) }), 'domestic-abuse');
      assert.ok(found);
      assert.doesNotMatch(found.rationale + found.facts.join(' '), /MARAC/);
    }
  });
});
