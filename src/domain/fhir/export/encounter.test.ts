import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTACT_KINDS } from '../../chronology/contact-record.ts';
import { correction, entry } from '../../chronology/chronology.test-support.ts';
import { ENCOUNTER_CLASSES, encounterResources } from './encounter.ts';
import { ukCoreProblems } from './uk-core-rules.test-support.ts';

const people = new Set(['p-1']);

describe('contacts as UK Core Encounters', () => {
  it('makes every contact kind a finished Encounter of the baby, keeping the rules', () => {
    const encounters = encounterResources(CONTACT_KINDS.map((kind, index) => entry(`e-${String(index)}`, kind, '2026-11-20')), people, 'case-1');
    assert.equal(encounters.length, CONTACT_KINDS.length);
    for (const encounter of encounters) {
      assert.deepEqual(ukCoreProblems({ ...encounter }), [], encounter.id);
      assert.equal(encounter.status, 'finished');
      assert.deepEqual(encounter.subject, { reference: 'Patient/case-1' });
    }
  });

  it('classes a visit to the home as home health, an appointment ambulatory and a call virtual (HL7 ActCode)', () => {
    assert.equal(ENCOUNTER_CLASSES['home-visit'].code, 'HH');
    assert.equal(ENCOUNTER_CLASSES['unannounced-visit'].code, 'HH');
    assert.equal(ENCOUNTER_CLASSES['gp-consultation'].code, 'AMB');
    assert.equal(ENCOUNTER_CLASSES['antenatal-appointment'].code, 'AMB');
    assert.equal(ENCOUNTER_CLASSES['phone-or-video-call'].code, 'VR');
    assert.ok(Object.values(ENCOUNTER_CLASSES).every((coding) => coding.system === 'http://terminology.hl7.org/CodeSystem/v3-ActCode'));
  });

  it('leaves out entries that are not contacts', () => {
    assert.deepEqual(encounterResources([entry('e-1', 'police-incident', '2026-11-20'), entry('e-2', 'case-note', '2026-11-20')], people, 'case-1'), []);
  });

  it('leaves out a contact a later entry corrects, and gives the correction', () => {
    const first = entry('e-1', 'home-visit', '2026-11-20');
    const encounters = encounterResources([first, correction('e-2', first, { kind: 'home-visit', occurredAt: '2026-11-21' })], people, 'case-1');
    assert.deepEqual(encounters.map((encounter) => [encounter.id, encounter.period.start]), [['e-2', '2026-11-21']]);
  });

  it('dates it to the minute when the time is known, names who recorded it, its agency and the people on the case who were there', () => {
    const [encounter] = encounterResources([entry('e-1', 'home-visit', '2026-11-20T10:15:00+00:00', { presentIds: ['p-1', 'gone'], babySeen: false, summary: 'Curtains drawn' })], people, 'case-1');
    assert.equal(encounter?.period.start, '2026-11-20T10:15:00+00:00');
    assert.deepEqual(encounter?.participant.slice(1), [{ individual: { reference: 'RelatedPerson/p-1' } }]);
    assert.match(encounter.text.div, /The baby was not seen/);
    assert.match(encounter.text.div, /Curtains drawn/);
    assert.deepEqual(ukCoreProblems({ ...encounter }), []);
  });
});
