import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_RECORD_DETAILS } from '../people/record-details.ts';
import { readTransferPack, transferBundle, TRANSFER_RECORD_MEDIA_TYPE, type PackDocument, type TransferBundle } from './transfer-pack.ts';
import { receivedFromOf, type TransferRecord, type TransferredEntry } from './transfer-record.ts';

const TODAY = '2026-11-24';
const PDF = 'https://icp.southby.example/cases/case-1/print/transfer.pdf';

function entry(id: string, extra: Partial<TransferredEntry> = {}): TransferredEntry {
  return {
    id,
    kind: 'home-visit',
    occurredAt: '2026-11-20',
    recordedAt: '2026-11-20T10:00:00.000Z',
    recordedBy: 'Hana Visitor',
    agency: 'Southby Health Visiting',
    agencyKind: 'health-visiting',
    summary: 'Visited Zoë at home; the baby was asleep in the cot',
    source: 'observed',
    personIds: ['p1'],
    presentIds: ['p1'],
    victimIds: [],
    perpetratorIds: [],
    indicates: [],
    significant: false,
    babySeen: true,
    ...extra,
  };
}

const RECORD: TransferRecord = {
  format: 'infant-care-profile-transfer',
  version: 1,
  fromArea: 'Southby Children’s Services',
  toArea: 'Northshire County Council',
  contact: 'Duty team',
  sentAt: '2026-11-24T09:00:00.000Z',
  sendingCaseId: 'case-1',
  baby: { status: 'born', givenName: 'Ava', familyName: 'Mover', sex: 'female', nhsNumber: null, dateOfBirth: '2026-10-01', expectedDeliveryDate: null, gestationAtBirthWeeks: 39, birthWeightGrams: 3200, multipleBirth: false, independentlyMobile: false, details: NO_RECORD_DETAILS },
  people: [
    { id: 'p1', givenName: 'Zoë', familyName: 'Mover', dateOfBirth: null, nhsNumber: null, sex: 'female', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true, visitsRegularly: false, parentalResponsibility: true, paternityConfirmed: null, identityKnown: true, description: null, deceased: false, address: null, addressRestricted: false },
  ],
  entries: [entry('e1'), entry('e2', { kind: 'case-note', summary: 'Correction', corrects: 'e1', correctionReason: 'Wrong day', babySeen: null, presentIds: [] })],
  findings: [{ id: 'non-mobile-injury', severity: 'critical', title: 'Injury to a baby who is not yet mobile' }],
};

const packOf = (record: unknown): TransferBundle => {
  const bundle = transferBundle('pack-1', RECORD, [{ resourceType: 'Patient', id: 'case-1', meta: { profile: [] }, text: { status: 'generated', div: '<div/>' } }], PDF);
  const binary = bundle.entry.at(-1)!.resource as { data: string };
  binary.data = btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(record))));
  return bundle;
};
const problemsOf = (body: unknown) => {
  const read = readTransferPack(body, TODAY);
  return read.ok ? [] : read.issues.map((issue) => issue.details.text);
};

describe('the transfer pack', () => {
  it('is a collection Bundle of the export’s resources and the transfer record, read back whole (names with accents too)', () => {
    const bundle = transferBundle('pack-1', RECORD, [{ resourceType: 'Patient', id: 'case-1', meta: { profile: [] }, text: { status: 'generated', div: '<div/>' } }], PDF);
    assert.equal(bundle.type, 'collection');
    assert.deepEqual(bundle.entry.map((e) => e.resource.resourceType), ['Patient', 'DocumentReference', 'Binary']);
    const pdf = bundle.entry[1]!.resource as PackDocument;
    assert.deepEqual([pdf.content[0]!.attachment.url, pdf.securityLabel[0]!.text, pdf.subject.reference], [PDF, 'OFFICIAL-SENSITIVE', 'Patient/case-1']);
    assert.equal((bundle.entry[2]!.resource as { contentType: string }).contentType, TRANSFER_RECORD_MEDIA_TYPE);
    assert.deepEqual(readTransferPack(JSON.parse(JSON.stringify(bundle)), TODAY), { ok: true, record: RECORD });
  });

  it('refuses what is not a pack: not a Bundle, or a Bundle with no transfer record', () => {
    assert.match(problemsOf({ resourceType: 'Patient' }).join(), /A transfer pack is a FHIR Bundle/);
    assert.match(problemsOf({ resourceType: 'Bundle', type: 'collection', entry: [] }).join(), /holds no transfer record/);
  });

  it('refuses a record it cannot read, and one of another format or version', () => {
    const bad = packOf(RECORD);
    (bad.entry.at(-1)!.resource as { data: string }).data = '%%%';
    assert.match(problemsOf(bad).join(), /could not be read/);
    assert.match(problemsOf(packOf({ ...RECORD, version: 2 })).join(), /\/version must be 1/);
  });

  it('refuses an empty sending area, an entry about someone not in the pack, a correction of a later entry, and an entry in the future', () => {
    const problems = problemsOf(
      packOf({
        ...RECORD,
        fromArea: ' ',
        entries: [entry('e1', { personIds: ['nobody'] }), entry('e2', { corrects: 'e3', correctionReason: 'x' }), entry('e3', { occurredAt: '2026-11-25' })],
      }),
    );
    assert.equal(problems.length, 4);
    assert.equal(problems[0], "The transfer record's /fromArea is missing.");
    assert.match(problems[1]!, /^The transfer record's \/entries\/0\/personIds\/0 is not right: /);
    assert.equal(problems[2], "The transfer record's /entries/1/corrects must name an entry earlier in the pack.");
    assert.match(problems[3]!, /^The transfer record's \/entries\/2\/occurredAt /);
  });

  it('must not refuse a person or entry with every optional part left out', () => {
    assert.deepEqual(problemsOf(packOf({ ...RECORD, entries: [entry('e1', { personIds: [], presentIds: [] })], findings: [] })), []);
  });
});

describe('where a received entry came from', () => {
  it('is read from its details, and absent for an entry recorded here', () => {
    assert.deepEqual(receivedFromOf({ receivedFrom: { area: 'Southby', receivedOn: TODAY, sentId: 'e1' } }), { receivedFrom: { area: 'Southby', receivedOn: TODAY, sentId: 'e1' } });
    assert.deepEqual(receivedFromOf({ form: 'contact' }), {});
    assert.deepEqual(receivedFromOf({ receivedFrom: { area: 'Southby' } }), {});
    assert.deepEqual(receivedFromOf(null), {});
  });
});
