import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateProfile } from './evaluate-profile.ts';
import { evidenceWaiting } from './evidence-waiting.ts';
import { assess, event, facts, mother, record } from './profile.test-support.ts';
import type { ProfileFacts } from './profile.types.ts';

/** The evaluated factor for the mother (adult factors) or the baby and household. */
function factorOf(input: ProfileFacts, factorId: string) {
  const factor = evaluateProfile(input)
    .subjects.flatMap((s) => [...s.risk, ...s.protective])
    .find((f) => f.factorId === factorId && (f.subject !== 'adult' || f.personId === 'mother'));
  assert.ok(factor, factorId);
  return factor;
}

const police = event('p1', 'police-domestic-abuse-incident', { occurredAt: '2026-10-02', agency: 'Police', victimIds: ['mother'], note: 'Neighbours called about shouting' });
const move = event('m1', 'change-of-address', { occurredAt: '2026-11-03', agency: 'Housing', note: 'Moved to temporary accommodation' });
const secondMove = event('m2', 'change-of-address', { occurredAt: '2026-11-18', agency: 'Housing', note: 'Moved again' });

describe('evidence waiting', () => {
  it('lists the chronology’s records, newest first, under a factor nobody has assessed', () => {
    const input = facts({ people: [mother()], assessments: [], events: [move, police, secondMove] });
    assert.deepEqual(evidenceWaiting(factorOf(input, 'housing-instability')), [
      { eventId: 'm2', occurredAt: '2026-11-18', agency: 'Housing', summary: 'Moved again', indicates: 'present' },
      { eventId: 'm1', occurredAt: '2026-11-03', agency: 'Housing', summary: 'Moved to temporary accommodation', indicates: 'present' },
    ]);
    assert.deepEqual(evidenceWaiting(factorOf(input, 'domestic-abuse-victim')).map((r) => r.summary), ['Neighbours called about shouting']);
  });

  it('does not fire once the factor is assessed, whatever was found', () => {
    for (const status of ['present', 'excluded', 'cannot-assess'] as const) {
      const input = facts({ assessments: [assess('housing-instability', status)], events: [move] });
      assert.deepEqual(evidenceWaiting(factorOf(input, 'housing-instability')), [], status);
    }
  });

  it('does not fire for a factor with no evidence, nor for evidence typed in by hand rather than sent in the chronology', () => {
    assert.deepEqual(evidenceWaiting(factorOf(facts({ assessments: [], events: [move] }), 'parental-conflict')), []);
    const typed = assess('parental-conflict', 'not-assessed', { evidence: [record('present', 'Heard from the neighbour')] });
    assert.deepEqual(evidenceWaiting(factorOf(facts({ assessments: [typed], events: [] }), 'parental-conflict')), []);
  });

  it('does not fire for a factor the record fills', () => {
    assert.deepEqual(evidenceWaiting({ status: 'not-assessed', derived: true, evidence: [{ source: 'agency-record', note: 'x', recordedAt: '2026-11-01', recordedBy: 'A', agency: 'B', eventId: 'e1' }] }), []);
  });
});
