import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FETAL_STATUS_EXTENSION } from './bundle-patient.ts';
import type { ReadBundle } from './fhir-import.types.ts';
import { BABY_NHS, OTHER_NHS, bundle, encounter, nhsIdentifier, observation, patient } from './fhir.test-support.ts';
import { bundlePathOf, readBundle } from './read-bundle.ts';

const weighed = { text: 'Weighed' };
const subject = (nhsNumber: string) => ({ subject: { identifier: nhsIdentifier(nhsNumber) } });
const failure = (body: unknown) => {
  const reading = readBundle(body);
  assert.ok(!reading.ok, JSON.stringify(reading));
  return [reading.code, reading.path];
};
const success = (body: unknown): ReadBundle => {
  const reading = readBundle(body);
  assert.ok(reading.ok, JSON.stringify(reading));
  return reading;
};
const subjects = (reading: ReadBundle) => reading.resources.map((r) => [r.index, r.subject.kind === 'patient' ? r.subject.patientIndex : r.subject.kind === 'nhs-number' ? r.subject.nhsNumber : `${r.subject.kind} ${r.subject.path}`]);

describe('reading a FHIR Bundle', () => {
  it('reads each Patient with its NHS number, and each resource with whose it is and its entries', () => {
    const reading = success(bundle(patient('p1', '943 476 5919'), encounter({ subject: { reference: 'Patient/p1' } }), observation({ code: { text: 'Weight' }, valueQuantity: { value: 4, unit: 'kg' } })));
    assert.deepEqual(reading.patients, [{ index: 0, references: ['Patient/p1'], nhsNumber: BABY_NHS, unborn: false }]);
    assert.deepEqual(subjects(reading), [[1, 0], [2, 0]]);
    assert.deepEqual(reading.resources.map((r) => [r.name, r.reading.entries.map((e) => e.entry.kind)]), [['Encounter/enc-1', ['clinic-contact']], ['Observation/obs-1', ['case-note']]]);
  });

  it('accepts collection, transaction, batch and message Bundles, a message only with its MessageHeader first', () => {
    for (const type of ['collection', 'transaction', 'batch']) assert.equal(success({ ...bundle(patient('p', BABY_NHS), encounter()), type }).resources.length, 1);
    const header = { resourceType: 'MessageHeader', id: 'h', eventCoding: { code: 'discharge' } };
    const message = success({ ...bundle(header, patient('p', BABY_NHS), encounter()), type: 'message' });
    assert.deepEqual(message.unread.skipped.map((s) => [s.index, s.code]), [[0, 'message-header']]);
    assert.equal(message.resources.length, 1);
    assert.deepEqual(failure({ ...bundle(patient('p', BABY_NHS), header), type: 'message' }), ['message-without-header', '/entry/0']);
    assert.deepEqual(failure({ ...bundle(), type: 'message' }), ['message-without-header', '/entry/0']);
  });

  it('refuses what is not a Bundle, or a Bundle of another type', () => {
    assert.deepEqual(failure({ resourceType: 'Patient', id: 'p' }), ['not-a-bundle', '/resourceType']);
    assert.deepEqual(failure([bundle()]), ['not-a-bundle', '/resourceType']);
    assert.deepEqual(failure(null), ['not-a-bundle', '/resourceType']);
    assert.deepEqual(failure({ ...bundle(), type: 'searchset' }), ['unsupported-bundle-type', '/type']);
    assert.deepEqual(failure({ resourceType: 'Bundle' }), ['unsupported-bundle-type', '/type']);
  });

  it('reads several Patients, resolving references by fullUrl (urn:uuid), Patient/<id> and an absolute URL', () => {
    const reading = success({
      ...bundle(),
      type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:mum', resource: patient('mum', OTHER_NHS) },
        { fullUrl: 'https://maternity.example/fhir/Patient/baby', resource: patient('baby', BABY_NHS) },
        { resource: encounter({ id: 'e1', subject: { reference: 'urn:uuid:mum' } }) },
        { resource: encounter({ id: 'e2', subject: { reference: 'Patient/baby' } }) },
        { resource: encounter({ id: 'e3', subject: { reference: 'https://other.example/Patient/mum' } }) },
        { resource: encounter({ id: 'e4', ...subject(BABY_NHS) }) },
      ],
    });
    assert.deepEqual(reading.patients.map((p) => [p.index, p.references, p.nhsNumber]), [[0, ['Patient/mum', 'urn:uuid:mum'], OTHER_NHS], [1, ['Patient/baby', 'https://maternity.example/fhir/Patient/baby'], BABY_NHS]]);
    assert.deepEqual(subjects(reading), [[2, 0], [3, 1], [4, 0], [5, 1]]);
  });

  it('reports a subject it cannot place: a reference to no Patient in the Bundle, none when there are several, an invalid NHS number', () => {
    const reading = success(bundle(
      patient('mum', OTHER_NHS),
      patient('baby', BABY_NHS),
      encounter({ id: 'e1', subject: { reference: 'Patient/stranger' } }),
      encounter({ id: 'e2' }),
      encounter({ id: 'e3', ...subject('9434765918') }),
      encounter({ id: 'e4', ...subject('4857773457') }),
      encounter({ id: 'e5', subject: { display: 'Baby' } }),
    ));
    assert.deepEqual(subjects(reading), [
      [2, 'unknown-subject /entry/2/resource/subject/reference'],
      [3, 'no-subject /entry/3/resource/subject'],
      [4, 'nhs-number-invalid /entry/4/resource/subject/identifier/value'],
      [5, '4857773457'],
      [6, 'unknown-subject /entry/6/resource/subject'],
    ]);
  });

  it('takes a resource with no subject to be about the only Patient, and reads the `patient` of a resource that names it so', () => {
    assert.deepEqual(subjects(success(bundle(patient('p', BABY_NHS), encounter()))), [[1, 0]]);
    assert.deepEqual(subjects(success(bundle(encounter()))).map(([, s]) => s), ['no-subject /entry/0/resource/subject']);
    const consentLike = { resourceType: 'Encounter', id: 'x', status: 'finished', class: { code: 'AMB' }, patient: { reference: 'Patient/p' }, period: { start: '2026-11-20' } };
    assert.deepEqual(subjects(success(bundle(patient('o', OTHER_NHS), patient('p', BABY_NHS), consentLike))), [[2, 1]]);
  });

  it('knows a Patient’s NHS number that fails its check, and an unborn baby by the fetal-status extension', () => {
    const unborn = { resourceType: 'Patient', id: 'u', extension: [{ url: FETAL_STATUS_EXTENSION, valueCode: 'unborn' }] };
    const reading = success(bundle(patient('p1', '9434765918'), unborn, { ...unborn, id: 'b', extension: [{ url: FETAL_STATUS_EXTENSION, valueCode: 'born' }] }));
    assert.deepEqual(reading.patients.map((p) => [p.invalidNhsNumberPath, p.unborn]), [['/entry/0/resource/identifier/1/value', false], [undefined, true], [undefined, false]]);
  });

  it('reports other resources, and entries with no resource, as left out; they do not stop the rest', () => {
    const entry = [{ resource: patient('p', BABY_NHS) }, { resource: { resourceType: 'Basic', id: 'c1' } }, { resource: encounter() }, { request: { method: 'DELETE', url: 'Encounter/old' } }, { resource: { id: 'x' } }];
    const reading = success({ ...bundle(), entry });
    assert.deepEqual(reading.unread.skipped.map((s) => [s.index, s.resource, s.code, s.path]), [
      [1, 'Basic', 'unsupported-resource', '/entry/1/resource/resourceType'],
      [3, 'none', 'no-resource', '/entry/3'],
      [4, 'unknown', 'unsupported-resource', '/entry/4/resource/resourceType'],
    ]);
    assert.equal(reading.resources.length, 1);
  });

  it('keys a resource by id, else by business identifier, else by fullUrl, and reports one with none', () => {
    const reading = success({
      ...bundle(),
      entry: [
        { resource: patient('p', BABY_NHS) },
        { resource: encounter({ id: undefined, identifier: [{ system: 'https://trust.example/enc', value: 'A123' }] }) },
        { fullUrl: 'urn:uuid:7f3c', resource: observation({ id: undefined, code: weighed }) },
        { fullUrl: 'urn:uuid:7f3d', resource: observation({ id: 'o9', code: weighed }) },
        { resource: observation({ id: undefined, code: weighed }) },
      ],
    });
    assert.deepEqual(reading.resources.map((r) => r.reading.entries[0]?.entry.externalId), ['fhir:Encounter?identifier=https://trust.example/enc|A123', 'fhir:urn:uuid:7f3c', 'fhir:Observation/o9']);
    assert.deepEqual(reading.unread.rejected.map((r) => [r.index, r.resource, r.code, r.path]), [[4, 'Observation', 'no-id', '/entry/4/resource/id']]);
  });

  it('marks a resource entered in error, reading no entries from it', () => {
    const [resource] = success(bundle(patient('p', BABY_NHS), encounter({ status: 'entered-in-error' }))).resources;
    assert.deepEqual([resource?.name, resource?.enteredInErrorPath, resource?.reading.entries], ['Encounter/enc-1', '/entry/1/resource/status', []]);
  });

  it('marks a Condition entered in error by its verificationStatus (a Condition has no status), and not one that is confirmed or refuted', () => {
    const condition = (code: string) => ({ resourceType: 'Condition', id: `c-${code}`, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code }] }, code: { text: 'Fractured femur' }, onsetDateTime: '2026-11-20' });
    const { resources } = success(bundle(patient('p', BABY_NHS), condition('entered-in-error'), condition('confirmed'), condition('refuted')));
    assert.deepEqual(
      resources.map((r) => [r.name, r.enteredInErrorPath, r.reading.entries.length]),
      [['Condition/c-entered-in-error', '/entry/1/resource/verificationStatus', 0], ['Condition/c-confirmed', undefined, 1], ['Condition/c-refuted', undefined, 0]],
    );
  });

  it('gives the same reading for the same Bundle, so a re-import is recognised by external id', () => {
    const body = bundle(patient('p', BABY_NHS), encounter({ class: { code: 'IMP' }, period: { start: '2026-11-18', end: '2026-11-20' } }), observation({ code: weighed }));
    assert.deepEqual(success(body), success(structuredClone(body)));
    assert.deepEqual(success(body).resources.flatMap((r) => r.reading.entries.map((e) => e.entry.externalId)), ['fhir:Encounter/enc-1', 'fhir:Encounter/enc-1/discharge', 'fhir:Observation/obs-1']);
  });

  it('points a problem with an entry’s date at the field it came from, and any other at the resource', () => {
    const [admission, discharge] = success(bundle(patient('p', BABY_NHS), encounter({ class: { code: 'IMP' }, period: { start: '2026-11-18', end: '2026-11-20' } }))).resources[0]!.reading.entries;
    assert.equal(bundlePathOf(admission!, '/occurredAt'), '/entry/1/resource/period/start');
    assert.equal(bundlePathOf(discharge!, '/occurredAt'), '/entry/1/resource/period/end');
    assert.equal(bundlePathOf(discharge!, '/summary'), '/entry/1/resource');
  });
});
