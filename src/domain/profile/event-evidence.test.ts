import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evidenceFromEvents, factorKey } from './event-evidence.ts';
import { DEFAULT_PROFILE_SETTINGS } from './profile-settings.ts';
import { event } from './profile.test-support.ts';
import type { ProfileEvent } from './profile.types.ts';

const adults = new Set(['mother', 'father']);
const from = (...events: ProfileEvent[]) => evidenceFromEvents(events, adults, DEFAULT_PROFILE_SETTINGS);
const keys = (...events: ProfileEvent[]) => [...from(...events).byFactor.keys()];

describe('evidence from chronology events', () => {
  it('adds an injury seen to the baby’s injury factor as an observation of presence', () => {
    const evidence = from(event('e1', 'injury-observed', { note: 'Bruise on the ear' })).byFactor.get('injury');
    assert.deepEqual(evidence, [{ source: 'observed', note: 'Bruise on the ear', recordedAt: '2026-11-20', recordedBy: 'A practitioner', agency: 'Health visiting', eventId: 'e1', indicates: 'present' }]);
  });

  it('uses the source the event gives, and the kind’s label when there is no note', () => {
    const [evidence] = from(event('e1', 'was-not-brought', { source: 'carer-account' })).byFactor.get('was-not-brought') ?? [];
    assert.deepEqual([evidence?.source, evidence?.note], ['carer-account', 'Not brought to an appointment']);
  });

  it('splits a domestic abuse incident by who was harmed and who harmed', () => {
    assert.deepEqual(keys(event('p1', 'police-domestic-abuse-incident', { victimIds: ['mother'], perpetratorIds: ['father'] })), [
      factorKey('domestic-abuse-victim', 'mother'),
      factorKey('domestic-abuse-perpetrator', 'father'),
    ]);
  });

  it('does not report a victim who is not around the baby (a former partner) as a problem', () => {
    const result = from(event('p1', 'police-domestic-abuse-incident', { victimIds: ['ex-partner'], perpetratorIds: ['mother'] }));
    assert.deepEqual([...result.byFactor.keys()], [factorKey('domestic-abuse-perpetrator', 'mother')]);
    assert.deepEqual(result.problems, []);
  });

  it('narrows a rise in substance use to the substance named, or both when none is', () => {
    assert.deepEqual(keys(event('s1', 'substance-use-increase', { personIds: ['father'], substance: 'drugs' })), [factorKey('drug-misuse', 'father')]);
    assert.deepEqual(keys(event('s1', 'substance-use-increase', { personIds: ['father'] })), [factorKey('alcohol-misuse', 'father'), factorKey('drug-misuse', 'father')]);
  });

  it('reads an antenatal booking as evidence for or against late booking by the gestation', () => {
    const late = from(event('b1', 'antenatal-booking', { gestationWeeks: 15 })).byFactor.get('late-booking');
    const onTime = from(event('b1', 'antenatal-booking', { gestationWeeks: 10 })).byFactor.get('late-booking');
    assert.deepEqual([late?.[0]?.indicates, onTime?.[0]?.indicates], ['present', 'absent']);
    assert.deepEqual(keys(event('b1', 'antenatal-booking')), []);
    const configured = evidenceFromEvents([event('b1', 'antenatal-booking', { gestationWeeks: 15 })], adults, { ...DEFAULT_PROFILE_SETTINGS, lateBookingAfterWeeks: 16 });
    assert.equal(configured.byFactor.get('late-booking')?.[0]?.indicates, 'absent');
  });

  it('adds household evidence for a move, a new adult and a relationship ending', () => {
    assert.deepEqual(keys(event('m', 'change-of-address'), event('n', 'new-adult-in-household'), event('r', 'relationship-breakdown')), ['housing-instability', 'new-adult', 'parental-conflict']);
  });

  it('adds what information from the family states, for the people it names', () => {
    const family = event('f1', 'information-from-family', { personIds: ['mother'], indicates: ['alcohol-misuse', 'unsafe-sleep'], note: 'Sister says she drinks heavily' });
    const result = from(family);
    assert.deepEqual([...result.byFactor.keys()], [factorKey('alcohol-misuse', 'mother'), 'unsafe-sleep']);
    assert.equal(result.byFactor.get('unsafe-sleep')?.[0]?.source, 'third-party');
  });

  it('adds a stated adult factor to the person given with it, and only to them', () => {
    const incident = event('p1', 'police-incident', { personIds: ['mother', 'father'], indicates: [{ factorId: 'violent-offending', personId: 'father' }, 'mental-health'] });
    assert.deepEqual([...from(incident).byFactor.keys()], [factorKey('violent-offending', 'father'), factorKey('mental-health', 'mother'), factorKey('mental-health', 'father')]);
  });

  it('adds nothing for events with no factor, and never to a derived factor', () => {
    assert.deepEqual(keys(event('h', 'home-visit'), event('b', 'birth'), event('x', 'case-note', { indicates: ['prematurity'] })), []);
  });

  it('reports an event about an adult’s factor that names no significant adult', () => {
    assert.deepEqual(from(event('e1', 'mental-health-deterioration')).problems, [{ code: 'event-names-nobody', eventId: 'e1' }]);
    assert.deepEqual(from(event('e1', 'animal-mistreatment', { personIds: ['neighbour'] })).problems, [{ code: 'event-names-nobody', eventId: 'e1' }]);
  });
});
