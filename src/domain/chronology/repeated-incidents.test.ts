import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry, idsOf } from './chronology.test-support.ts';
import { DEFAULT_REPEATED_INCIDENT_SETTINGS, findRepeatedIncidents, repeatedIncidentSettings } from './repeated-incidents.ts';

const abuse = (id: string, day: string) => entry(id, 'police-domestic-abuse-incident', day, { victimIds: ['mother'], perpetratorIds: ['father'], agency: 'Derbyshire Police' });
const summary = (runs: ReturnType<typeof findRepeatedIncidents>) => runs.map((run) => [run.familyId, idsOf(run.entries)]);

describe('repeated incidents', () => {
  it('finds three police domestic abuse incidents in twelve months, with the dates and everyone involved', () => {
    const [run, ...rest] = findRepeatedIncidents([abuse('p3', '2026-09-02'), abuse('p1', '2026-01-04'), abuse('p2', '2026-05-20')]);
    assert.deepEqual(rest, []);
    assert.equal(run?.familyId, 'domestic-abuse');
    assert.deepEqual(idsOf(run?.entries ?? []), ['p1', 'p2', 'p3']);
    assert.deepEqual([run?.from, run?.to], ['2026-01-04', '2026-09-02']);
    assert.deepEqual(run?.personIds, ['mother', 'father']);
    assert.deepEqual(run?.threshold, { minimum: 3, withinMonths: 12 });
  });

  it('does not count two, or three spread over more than twelve months', () => {
    assert.deepEqual(findRepeatedIncidents([abuse('p1', '2026-01-04'), abuse('p2', '2026-05-20')]), []);
    assert.deepEqual(findRepeatedIncidents([abuse('p1', '2025-01-04'), abuse('p2', '2025-05-20'), abuse('p3', '2026-01-04')]), []);
  });

  it('compares by day, whatever the time of day', () => {
    const late = [abuse('p1', '2025-01-04T23:50:00Z'), abuse('p2', '2025-05-20T10:00:00Z'), abuse('p3', '2026-01-03T00:10:00Z')];
    assert.deepEqual(summary(findRepeatedIncidents(late)), [['domestic-abuse', ['p1', 'p2', 'p3']]]);
  });

  it('counts every police incident together, domestic abuse included, and does not repeat a domestic abuse run as a police one', () => {
    const mixed = [abuse('p1', '2026-01-04'), entry('q1', 'police-incident', '2026-02-01', { personIds: ['uncle'] }), abuse('p2', '2026-03-01')];
    assert.deepEqual(summary(findRepeatedIncidents(mixed)), [['police', ['p1', 'q1', 'p2']]]);
    assert.deepEqual(summary(findRepeatedIncidents([...mixed, abuse('p3', '2026-04-01')])), [
      ['domestic-abuse', ['p1', 'p2', 'p3']],
      ['police', ['p1', 'q1', 'p2', 'p3']],
    ]);
  });

  it('finds three emergency attendances, and any second injury, in twelve months', () => {
    const attendances = ['2026-02-01', '2026-03-15', '2026-11-30'].map((day, i) => entry(`a${i}`, 'emergency-attendance', day));
    assert.deepEqual(summary(findRepeatedIncidents(attendances)), [['emergency', ['a0', 'a1', 'a2']]]);
    const injuries = [entry('i1', 'injury-observed', '2026-02-01'), entry('i2', 'injury-observed', '2026-12-31')];
    assert.deepEqual(summary(findRepeatedIncidents(injuries)), [['injury', ['i1', 'i2']]]);
  });

  it('ignores entries superseded by a correction, and counts the correction as what it now says', () => {
    const incidents = [abuse('p1', '2026-01-04'), abuse('p2', '2026-05-20'), abuse('p3', '2026-09-02')];
    assert.deepEqual(findRepeatedIncidents([...incidents, correction('p3b', incidents[2]!, { kind: 'case-note' })]), []);
    assert.deepEqual(findRepeatedIncidents([...incidents, correction('p3b', incidents[2]!, { occurredAt: '2027-03-01' })]), []);
    assert.deepEqual(summary(findRepeatedIncidents([...incidents, correction('p3b', incidents[2]!, { occurredAt: '2026-09-03' })])), [['domestic-abuse', ['p1', 'p2', 'p3b']]]);
  });

  it('skips entries whose date cannot be read', () => {
    assert.deepEqual(findRepeatedIncidents([abuse('p1', '2026-01-04'), abuse('p2', 'last week'), abuse('p3', '2026-02-30')]), []);
  });

  it('takes thresholds family by family, keeping the defaults for the rest and for anything that makes no sense', () => {
    const two = [abuse('p1', '2026-01-04'), abuse('p2', '2026-05-20')];
    assert.deepEqual(summary(findRepeatedIncidents(two, { 'domestic-abuse': { minimum: 2 } })), [['domestic-abuse', ['p1', 'p2']]]);
    assert.deepEqual(findRepeatedIncidents(two, { 'domestic-abuse': { minimum: 2, withinMonths: 3 } }), []);
    const settings = repeatedIncidentSettings({ police: { minimum: 0, withinMonths: 6 }, injury: { minimum: Number.NaN } });
    assert.deepEqual(settings.police, { minimum: 3, withinMonths: 6 });
    assert.deepEqual(settings.injury, DEFAULT_REPEATED_INCIDENT_SETTINGS.injury);
    assert.deepEqual(repeatedIncidentSettings(undefined), DEFAULT_REPEATED_INCIDENT_SETTINGS);
  });

  it('finds nothing in an empty chronology', () => {
    assert.deepEqual(findRepeatedIncidents([]), []);
  });
});
