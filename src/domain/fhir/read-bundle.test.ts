import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BABY_NHS, OTHER_NHS, bundle, encounter, nhsIdentifier, observation, patient } from './fhir.test-support.ts';
import { bundlePathOf, readBundle } from './read-bundle.ts';

const subject = (nhsNumber: string) => ({ subject: { identifier: nhsIdentifier(nhsNumber) } });
const failure = (body: unknown) => {
  const reading = readBundle(body);
  assert.ok(!reading.ok, JSON.stringify(reading));
  return [reading.code, reading.path];
};
const success = (body: unknown) => {
  const reading = readBundle(body);
  assert.ok(reading.ok, JSON.stringify(reading));
  return reading;
};

describe('reading a FHIR Bundle into chronology entries', () => {
  it('reads the Encounters and Observations of the Bundle’s patient, by the NHS number of its Patient', () => {
    const reading = success(bundle(patient('p1', '943 476 5919'), encounter({ subject: { reference: 'Patient/p1' } }), observation({ code: { text: 'Weight' }, valueQuantity: { value: 4, unit: 'kg' } })));
    assert.equal(reading.nhsNumber, BABY_NHS);
    assert.deepEqual(reading.entries.map((e) => [e.index, e.resource, e.entry.kind]), [[1, 'Encounter/enc-1', 'clinic-contact'], [2, 'Observation/obs-1', 'case-note']]);
    assert.deepEqual([reading.rejected, reading.skipped], [[], []]);
  });

  it('takes the NHS number from each resource’s subject when there is no Patient', () => {
    const reading = success(bundle(encounter(subject(BABY_NHS)), observation(subject(BABY_NHS))));
    assert.equal(reading.nhsNumber, BABY_NHS);
    assert.equal(reading.entries.length, 2);
  });

  it('accepts collection, transaction and batch Bundles, and an empty one', () => {
    for (const type of ['collection', 'transaction', 'batch']) assert.equal(success({ ...bundle(patient('p', BABY_NHS), encounter()), type }).entries.length, 1);
    assert.deepEqual(success(bundle(patient('p', BABY_NHS))).entries, []);
  });

  it('refuses what is not a Bundle, or a Bundle of another type', () => {
    assert.deepEqual(failure({ resourceType: 'Patient', id: 'p' }), ['not-a-bundle', '/resourceType']);
    assert.deepEqual(failure([bundle()]), ['not-a-bundle', '/resourceType']);
    assert.deepEqual(failure(null), ['not-a-bundle', '/resourceType']);
    assert.deepEqual(failure({ ...bundle(), type: 'searchset' }), ['unsupported-bundle-type', '/type']);
    assert.deepEqual(failure({ resourceType: 'Bundle' }), ['unsupported-bundle-type', '/type']);
  });

  it('refuses a Bundle that does not say whose it is, or names an NHS number that cannot be real', () => {
    assert.deepEqual(failure(bundle(encounter())), ['no-nhs-number', '/entry']);
    assert.deepEqual(failure(bundle(patient('p1'), encounter())), ['no-nhs-number', '/entry']);
    assert.deepEqual(failure(bundle(encounter({ subject: { identifier: { system: 'https://example.org/mrn', value: BABY_NHS } } }))), ['no-nhs-number', '/entry']);
    assert.deepEqual(failure(bundle(patient('p1', '9434765918'))), ['nhs-number-invalid', '/entry/0/resource/identifier/1/value']);
    assert.deepEqual(failure(bundle(encounter(subject('12345')))), ['nhs-number-invalid', '/entry/0/resource/subject/identifier/value']);
  });

  it('refuses a Bundle about more than one patient', () => {
    assert.deepEqual(failure(bundle(patient('p1', BABY_NHS), patient('p2', OTHER_NHS))), ['several-patients', '/entry/1/resource/identifier/1/value']);
    assert.deepEqual(failure(bundle(encounter(subject(BABY_NHS)), observation(subject(OTHER_NHS)))), ['several-patients', '/entry/1/resource/subject/identifier/value']);
  });

  it('reports, and does not import, a resource about someone else, and imports the rest', () => {
    const mother = { resource: patient('mum'), fullUrl: 'urn:uuid:mum' };
    const reading = success({
      ...bundle(),
      entry: [
        { resource: patient('baby', BABY_NHS) },
        mother,
        { resource: encounter({ id: 'e1', ...subject(OTHER_NHS) }) },
        { resource: encounter({ id: 'e2', subject: { reference: 'urn:uuid:mum' } }) },
        { resource: encounter({ id: 'e3', subject: { reference: 'Patient/mum' } }) },
        { resource: encounter({ id: 'e4', subject: { reference: 'Patient/baby' } }) },
        { resource: encounter({ id: 'e5', subject: { reference: 'https://elsewhere.example/Patient/9' } }) },
      ],
    });
    assert.deepEqual(reading.rejected.map((r) => [r.index, r.code, r.path]), [[2, 'other-patient', '/entry/2/resource/subject'], [3, 'other-patient', '/entry/3/resource/subject'], [4, 'other-patient', '/entry/4/resource/subject']]);
    assert.deepEqual(reading.entries.map((e) => e.resource), ['Encounter/e4', 'Encounter/e5']);
  });

  it('reports other resources, and entries with no resource, as left out; they do not stop the import', () => {
    const entry = [{ resource: patient('p', BABY_NHS) }, { resource: { resourceType: 'Condition', id: 'c1' } }, { resource: encounter() }, { request: { method: 'DELETE', url: 'Encounter/old' } }, { resource: { id: 'x' } }];
    const reading = success({ ...bundle(), entry });
    assert.deepEqual(reading.skipped.map((s) => [s.index, s.resource, s.code, s.path]), [
      [1, 'Condition', 'unsupported-resource', '/entry/1/resource/resourceType'],
      [3, 'none', 'no-resource', '/entry/3'],
      [4, 'unknown', 'unsupported-resource', '/entry/4/resource/resourceType'],
    ]);
    assert.equal(reading.entries.length, 1);
  });

  it('names a resource without an id by its identifier, and reports one with neither', () => {
    const reading = success(bundle(patient('p', BABY_NHS), encounter({ id: undefined, identifier: [{ system: 'https://trust.example/enc', value: 'A123' }] }), observation({ id: undefined })));
    assert.deepEqual(reading.entries.map((e) => e.entry.externalId), ['fhir:Encounter?identifier=https://trust.example/enc|A123']);
    assert.deepEqual(reading.rejected.map((r) => [r.index, r.resource, r.code, r.path]), [[2, 'Observation', 'no-id', '/entry/2/resource/id']]);
  });

  it('gives the same entries for the same Bundle, so a re-import is recognised by external id', () => {
    const body = bundle(patient('p', BABY_NHS), encounter({ class: { code: 'IMP' }, period: { start: '2026-11-18', end: '2026-11-20' } }), observation());
    assert.deepEqual(success(body), success(structuredClone(body)));
    assert.deepEqual(success(body).entries.map((e) => e.entry.externalId), ['fhir:Encounter/enc-1', 'fhir:Encounter/enc-1/discharge', 'fhir:Observation/obs-1']);
  });

  it('points a problem with an entry’s date at the field it came from, and any other at the resource', () => {
    const [admission, discharge] = success(bundle(patient('p', BABY_NHS), encounter({ class: { code: 'IMP' }, period: { start: '2026-11-18', end: '2026-11-20' } }))).entries;
    assert.equal(bundlePathOf(admission!, '/occurredAt'), '/entry/1/resource/period/start');
    assert.equal(bundlePathOf(discharge!, '/occurredAt'), '/entry/1/resource/period/end');
    assert.equal(bundlePathOf(discharge!, '/summary'), '/entry/1/resource');
  });
});
