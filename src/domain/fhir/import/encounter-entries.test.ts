import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEncounter } from './encounter-entries.ts';
import { at, concept, encounter } from './fhir.test-support.ts';
import { INPATIENT_ENCOUNTER } from './uk-core-examples.test-support.ts';

const read = (fields: Record<string, unknown> = {}) => readEncounter(encounter(fields), at('Encounter/enc-1', 2));
const kinds = (fields: Record<string, unknown>) => read(fields).entries.map((e) => [e.entry.kind, e.entry.occurredAt, e.entry.externalId]);

describe('an Encounter as chronology entries', () => {
  it('takes the kind from the class: emergency, outpatient (ambulatory), home; anything else a case note', () => {
    const kindOf = (code: string | undefined) => read({ class: code === undefined ? undefined : { code } }).entries[0]?.entry.kind;
    assert.equal(kindOf('EMER'), 'emergency-attendance');
    assert.equal(kindOf('emer'), 'emergency-attendance');
    assert.equal(kindOf('AMB'), 'clinic-contact');
    assert.equal(kindOf('HH'), 'home-visit');
    assert.equal(kindOf('VR'), 'case-note');
    assert.equal(kindOf('SS'), 'case-note');
    assert.equal(kindOf(undefined), 'case-note');
  });

  it('is an agency record with the fhir: external id, dated from the start of its period', () => {
    const [mapped] = read().entries;
    assert.deepEqual(mapped, {
      index: 2,
      resource: 'Encounter/enc-1',
      occurredAtPath: '/entry/2/resource/period/start',
      entry: { kind: 'clinic-contact', occurredAt: '2026-11-20T10:00:00+00:00', summary: 'The record gives no type or reason', source: 'agency-record', externalId: 'fhir:Encounter/enc-1' },
    });
  });

  it('says what it was from its type and reason, and names the provider as the agency', () => {
    const [mapped] = read({ class: { code: 'EMER' }, type: [concept('Paediatric emergency attendance'), { coding: [{ code: 'x', display: 'Walk-in' }] }], reasonCode: [concept('Fall from a changing table')], serviceProvider: { display: 'City Hospital' } }).entries;
    assert.equal(mapped?.entry.summary, 'Paediatric emergency attendance, Walk-in. Reason: Fall from a changing table');
    assert.equal(mapped?.entry.agency, 'City Hospital');
  });

  it('names the class in a case note, so nothing is lost by the kind', () => {
    assert.equal(read({ class: { code: 'VR', display: 'virtual' }, type: [concept('Video call')] }).entries[0]?.entry.summary, 'Encounter (virtual). Video call');
    assert.equal(read({ class: undefined }).entries[0]?.entry.summary, 'Encounter (class not given)');
  });

  it('gives an inpatient stay that is still going an admission only', () => {
    assert.deepEqual(kinds({ class: { code: 'IMP' }, status: 'in-progress' }), [['hospital-admission', '2026-11-20T10:00:00+00:00', 'fhir:Encounter/enc-1']]);
    assert.deepEqual(kinds({ class: { code: 'ACUTE' }, status: 'in-progress' }).map(([kind]) => kind), ['hospital-admission']);
  });

  it('gives a finished inpatient stay its discharge too, on the day it ended, with an external id of its own', () => {
    const period = { start: '2026-11-18T22:00:00+00:00', end: '2026-11-21T12:00:00+00:00' };
    assert.deepEqual(kinds({ class: { code: 'IMP' }, status: 'finished', period }), [
      ['hospital-admission', '2026-11-18T22:00:00+00:00', 'fhir:Encounter/enc-1'],
      ['hospital-discharge', '2026-11-21T12:00:00+00:00', 'fhir:Encounter/enc-1/discharge'],
    ]);
    const discharge = read({ class: { code: 'NONAC' }, status: 'in-progress', period, hospitalization: { dischargeDisposition: concept('Home') }, reasonCode: [concept('Bronchiolitis')] }).entries[1];
    assert.equal(discharge?.entry.summary, 'Reason: Bronchiolitis. Discharge destination: Home');
    assert.equal(discharge?.occurredAtPath, '/entry/2/resource/period/end');
  });

  it('reports a discharge it cannot date, and still imports the admission', () => {
    const reading = read({ class: { code: 'IMP' }, status: 'in-progress', hospitalization: { dischargeDisposition: concept('Home') } });
    assert.deepEqual(reading.entries.map((e) => e.entry.kind), ['hospital-admission']);
    assert.deepEqual(reading.rejected, [{ index: 2, resource: 'Encounter/enc-1', code: 'no-date', path: '/entry/2/resource/period/end' }]);
  });

  it('dates a contact from the end of its period when it has no start, and reports one with neither', () => {
    assert.deepEqual(kinds({ period: { end: '2026-11-19' } }), [['clinic-contact', '2026-11-19', 'fhir:Encounter/enc-1']]);
    assert.deepEqual(read({ period: undefined }).rejected.map((r) => [r.code, r.path]), [['no-date', '/entry/2/resource/period/start']]);
    assert.deepEqual(read({ period: { start: 20261120 } }).rejected.map((r) => r.code), ['no-date']);
  });

  it('reports a date that gives only a year or a month', () => {
    assert.deepEqual(read({ period: { start: '2026-11' } }).rejected.map((r) => r.code), ['partial-date']);
    assert.deepEqual(read({ period: { start: '2026' } }).rejected.map((r) => r.code), ['partial-date']);
  });

  it('leaves out encounters that are planned, cancelled or entered in error, saying why', () => {
    for (const [status, code] of [['planned', 'not-happened'], ['cancelled', 'not-happened'], ['entered-in-error', 'entered-in-error']] as const) {
      const reading = read({ status });
      assert.deepEqual(reading.entries, []);
      assert.deepEqual(reading.skipped, [{ index: 2, resource: 'Encounter/enc-1', code, path: '/entry/2/resource/status' }]);
    }
    assert.equal(read({ status: 'arrived', class: { code: 'EMER' } }).entries.length, 1);
  });

  it('reads NHS England’s inpatient example as an admission and a discharge; its planned-admission and discharge-method codes change nothing', () => {
    const reading = readEncounter(INPATIENT_ENCOUNTER, at('Encounter/UKCore-Encounter-InpatientEncounter-Example'));
    assert.deepEqual(reading.entries.map((e) => [e.entry.kind, e.entry.occurredAt, e.entry.externalId]), [
      ['hospital-admission', '2019-12-10T13:00:00+00:00', 'fhir:Encounter/UKCore-Encounter-InpatientEncounter-Example'],
      ['hospital-discharge', '2019-12-11T13:00:00+00:00', 'fhir:Encounter/UKCore-Encounter-InpatientEncounter-Example/discharge'],
    ]);
    assert.equal(reading.entries[0]?.entry.summary, 'Seen in hospital ward. Reason: General treatment');
  });

  it('is not brought (did not attend) by a SNOMED CT code or words, even when sent as cancelled or finished', () => {
    const notBrought = (fields: Record<string, unknown>) => kinds(fields).map(([kind]) => kind);
    for (const code of ['281399006', '270426007', '185326000', '314503007', '185324002', '924331000000103', '920741000000101', '918791000000100', '956821000000104']) {
      assert.deepEqual(notBrought({ status: 'cancelled', reasonCode: [{ coding: [{ system: 'http://snomed.info/sct', code }] }] }), ['was-not-brought'], code);
    }
    for (const words of ['Did not attend', 'DNA', 'Was not brought', 'Child not brought to appointment', 'Failed to attend', 'No-show', 'Did not attend - no reason given']) {
      assert.deepEqual(notBrought({ status: 'finished', type: [concept(`Paediatric outpatients`)], reasonCode: [concept(words)] }), ['was-not-brought'], words);
    }
    assert.deepEqual(notBrought({ extension: [{ url: 'https://example.org/attendance', valueCodeableConcept: concept('Did not attend') }] }), ['was-not-brought']);
    const [mapped] = read({ status: 'cancelled', type: [concept('Hip scan clinic')], reasonCode: [concept('Did not attend')] }).entries;
    assert.deepEqual([mapped?.entry.kind, mapped?.entry.summary], ['was-not-brought', 'Hip scan clinic. Reason: Did not attend']);
  });

  it('is not “not brought” for an appointment attended, cancelled without a missed attendance, planned, or words about a test', () => {
    assert.deepEqual(kinds({ reasonCode: [concept('Attended on time')] }).map(([kind]) => kind), ['clinic-contact']);
    assert.deepEqual(read({ status: 'cancelled', reasonCode: [concept('Appointment cancelled by the hospital')] }).skipped.map((s) => s.code), ['not-happened']);
    assert.deepEqual(read({ status: 'planned', reasonCode: [concept('Did not attend last time')] }).skipped.map((s) => s.code), ['not-happened']);
    assert.deepEqual(kinds({ type: [concept('DNA test clinic')] }).map(([kind]) => kind), ['clinic-contact']);
    assert.deepEqual(kinds({ reasonCode: [concept('Previous DNA')] }).map(([kind]) => kind), ['clinic-contact']);
  });

  it('is an emergency attendance when an encounter that is not a stay is typed as A&E', () => {
    for (const type of [{ coding: [{ system: 'http://snomed.info/sct', code: '4525004' }] }, { coding: [{ system: 'http://snomed.info/sct', code: '50849002' }] }, concept('A&E attendance'), concept('Accident and emergency')]) {
      assert.deepEqual(kinds({ class: { code: 'AMB' }, type: [type] }).map(([kind]) => kind), ['emergency-attendance'], JSON.stringify(type));
    }
    assert.deepEqual(kinds({ class: { code: 'IMP' }, status: 'in-progress', type: [concept('Admitted from A&E')] }).map(([kind]) => kind), ['hospital-admission']);
    for (const words of ['Follow-up after emergency department visit', 'Fracture clinic review following A&E', 'Referred from A&E']) {
      assert.deepEqual(kinds({ class: { code: 'AMB' }, type: [concept(words)] }).map(([kind]) => kind), ['clinic-contact'], words);
    }
  });

  it('makes a stay on a neonatal unit a neonatal admission and discharge', () => {
    const period = { start: '2026-11-10T08:00:00+00:00', end: '2026-11-18T12:00:00+00:00' };
    for (const fields of [{ type: [concept('Admission to neonatal intensive care')] }, { serviceType: concept('Special care baby unit') }, { location: [{ location: { display: 'Ward 32, Neonatal Unit' } }] }]) {
      assert.deepEqual(kinds({ class: { code: 'IMP' }, status: 'finished', period, ...fields }).map(([kind]) => kind), ['neonatal-admission', 'neonatal-discharge'], JSON.stringify(fields));
    }
    assert.deepEqual(kinds({ class: { code: 'IMP' }, status: 'finished', period, type: [concept('Paediatric ward')], reasonCode: [concept('Neonatal jaundice')] }).map(([kind]) => kind), ['hospital-admission', 'hospital-discharge']);
  });

  it('keeps a very long description within the events API’s limit', () => {
    const summary = read({ reasonCode: [concept('x'.repeat(5000))] }).entries[0]?.entry.summary ?? '';
    assert.equal(summary.length, 4000);
    assert.ok(summary.endsWith('…'));
  });
});
