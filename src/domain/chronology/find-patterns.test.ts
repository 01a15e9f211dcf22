import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from './chronology.test-support.ts';
import { findPatterns } from './find-patterns.ts';
import type { ChronologyEntry } from './chronology.types.ts';
import type { PatternInput } from './find-patterns.ts';
import type { FactorObservation } from './relapse.ts';

const names = new Map([
  ['mother', 'Sarah Hartley'],
  ['father', 'Dean Hartley'],
]);
const seen = (id: string, day: string, kind: 'home-visit' | 'clinic-contact' = 'home-visit') => entry(id, kind, day, { babySeen: true });
const abuse = (id: string, day: string) => entry(id, 'police-domestic-abuse-incident', day, { victimIds: ['mother'], perpetratorIds: ['father'] });
const missed = (id: string, day: string) => entry(id, 'was-not-brought', day, { personIds: ['mother'] });
const drinking = (id: string, day: string) => entry(id, 'substance-use-increase', day, { personIds: ['mother'], substance: 'alcohol' });
const stopped: FactorObservation = { factorId: 'alcohol-misuse', personId: 'mother', at: '2026-07-01T10:00:00Z', indicates: 'absent', source: 'carer-account' };

const chronology: ChronologyEntry[] = [
  abuse('da1', '2026-01-04'),
  entry('birth', 'birth', '2026-03-01'),
  seen('v1', '2026-03-05'),
  seen('v2', '2026-03-30'),
  missed('w1', '2026-04-10'),
  missed('w2', '2026-04-24'),
  seen('v3', '2026-05-10'),
  abuse('da2', '2026-05-20'),
  drinking('s1', '2026-06-01'),
  seen('v4', '2026-06-05'),
  seen('v5', '2026-07-01'),
  seen('v6', '2026-07-28'),
  seen('v7', '2026-08-20'),
  abuse('da3', '2026-09-02'),
  drinking('s2', '2026-09-15'),
  seen('c1', '2026-10-01', 'clinic-contact'),
];
const input = (overrides: Partial<PatternInput> = {}): PatternInput => ({ entries: chronology, dateOfBirth: '2026-03-01', today: '2026-12-01', names, observations: [stopped], ...overrides });

describe('patterns in the chronology', () => {
  it('finds every pattern in a worked example, in date order, each told in one plain line', () => {
    assert.deepEqual(
      findPatterns(input()).map((p) => [p.id, p.severity, p.becomesFinding, p.from, p.to, p.rationale]),
      [
        ['repeated-incidents', 'high', false, '2026-01-04', '2026-09-02', '3 police domestic abuse incidents between 4 January 2026 and 2 September 2026 (3 or more within 12 months), involving Sarah Hartley and Dean Hartley.'],
        ['unseen-period', 'attention', false, '2026-03-30', '2026-05-10', 'No professional saw the baby for 41 days, from 30 March 2026 (home visit) to 10 May 2026 (home visit); the limit under 6 months old is 28 days; 2 contacts in that time did not see the baby.'],
        ['missed-appointments', 'attention', true, '2026-04-10', '2026-04-24', 'Not brought to 2 appointments between 10 April 2026 and 24 April 2026 (2 or more in a row with no attended contact between), involving Sarah Hartley.'],
        ['relapse', 'high', true, '2026-06-01', '2026-09-15', "Sarah Hartley's alcohol misuse was indicated on 1 June 2026, then recorded as absent on 1 July 2026 (what the parent or carer says), then indicated again on 15 September 2026."],
        ['unseen-period', 'high', true, '2026-10-01', '2026-12-01', 'No professional has seen the baby for 61 days, since 1 October 2026 (clinic contact); the limit from 6 to 12 months old is 56 days.'],
      ],
    );
  });

  it('says which entries, people and factors each pattern rests on', () => {
    assert.deepEqual(
      findPatterns(input()).map((p) => [p.id, p.entryIds, p.personIds, p.factorIds]),
      [
        ['repeated-incidents', ['da1', 'da2', 'da3'], ['mother', 'father'], ['domestic-abuse-victim', 'domestic-abuse-perpetrator']],
        ['unseen-period', ['v2', 'w1', 'w2', 'v3'], [], []],
        ['missed-appointments', ['w1', 'w2'], ['mother'], ['was-not-brought']],
        ['relapse', ['s1', 's2'], ['mother'], ['alcohol-misuse']],
        ['unseen-period', ['c1'], [], []],
      ],
    );
  });

  it('gives each family of incidents its own title, severity and finding', () => {
    const three = (kind: 'police-incident' | 'emergency-attendance' | 'injury-observed') => ['2026-04-01', '2026-04-02', '2026-04-03'].map((day) => entry(`${kind}${day}`, kind, day));
    const incidents = findPatterns(input({ entries: [...three('police-incident'), ...three('emergency-attendance'), ...three('injury-observed')], observations: [], dateOfBirth: null }));
    assert.deepEqual(
      incidents.map((p) => [p.title, p.severity, p.becomesFinding, p.factorIds]),
      [
        ['Repeated police incidents', 'attention', true, []],
        ['Repeated emergency department attendances', 'high', true, []],
        ['Repeated injuries', 'high', true, ['injury']],
      ],
    );
  });

  it('never reads an entry superseded by a correction, nor an observation from one', () => {
    const da3 = chronology.find((e) => e.id === 'da3')!;
    const s2 = chronology.find((e) => e.id === 's2')!;
    const v3 = chronology.find((e) => e.id === 'v3')!;
    const entries = [...chronology, correction('da3b', da3, { kind: 'case-note' }), correction('s2b', s2, { kind: 'case-note' }), correction('v3b', v3, { occurredAt: '2026-04-20' })];
    const fromStoredEvidence: FactorObservation = { factorId: 'alcohol-misuse', personId: 'mother', at: '2026-09-15', indicates: 'present', entryId: 's2', source: 'agency-record' };
    const patterns = findPatterns(input({ entries, observations: [stopped, fromStoredEvidence] }));
    assert.deepEqual(patterns.map((p) => [p.id, p.from]), [['unseen-period', '2026-04-20'], ['unseen-period', '2026-10-01']]);
    for (const id of ['da3', 's2', 'v3']) assert.ok(patterns.every((p) => !p.entryIds.includes(id)), id);
  });

  it('leaves out entries and observations dated after today', () => {
    assert.deepEqual(findPatterns(input({ today: '2026-09-01' })).map((p) => p.id), ['unseen-period', 'missed-appointments']);
    assert.deepEqual(findPatterns(input({ today: '2026-09-20' })).map((p) => p.id), ['repeated-incidents', 'unseen-period', 'missed-appointments', 'relapse']);
    assert.deepEqual(findPatterns(input({ today: '2026-09-20', observations: [{ ...stopped, at: '2026-09-25' }] })).filter((p) => p.id === 'relapse'), []);
  });

  it('finds no unseen period for an unborn baby', () => {
    assert.ok(findPatterns(input({ dateOfBirth: null })).every((p) => p.id !== 'unseen-period'));
  });

  it('takes settings for each pattern', () => {
    const patterns = findPatterns(input({ settings: { incidents: { 'domestic-abuse': { minimum: 4 } }, missedAppointments: { inARow: 3 }, unseen: { bands: [{ underMonths: 6, maxDays: 60 }] } } }));
    assert.deepEqual(patterns.map((p) => p.id), ['repeated-incidents', 'relapse']);
    assert.equal(patterns[0]?.title, 'Repeated police incidents');
  });

  it('names someone not in the record as such, and keeps every rationale on one line', () => {
    const odd = new Map([['mother', 'Sarah\nHartley']]);
    const [da] = findPatterns(input({ names: odd }));
    assert.equal(da?.rationale, '3 police domestic abuse incidents between 4 January 2026 and 2 September 2026 (3 or more within 12 months), involving Sarah Hartley and someone not in the record.');
  });

  it('finds nothing in an empty chronology before the baby is due', () => {
    assert.deepEqual(findPatterns({ entries: [], dateOfBirth: null, today: '2026-12-01', names }), []);
  });
});
