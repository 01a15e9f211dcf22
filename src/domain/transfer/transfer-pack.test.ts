import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NO_RECORD_DETAILS } from '../people/record-details.ts';
import { readTransferPack, transferBundle, TRANSFER_RECORD_MEDIA_TYPE, type PackDocument, type TransferBundle } from './transfer-pack.ts';
import { isUnverifiedReceived, receivedFromOf, type TransferRecord, type TransferredEntry } from './transfer-record.ts';

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

/** RECORD's people as versions 1 and 2 carried them ("not known" was not kept: null). */
const PEOPLE_AS_TRUE_OR_FALSE = [
  { id: 'p1', givenName: 'Zoë', familyName: 'Mover', dateOfBirth: null, nhsNumber: null, sex: 'female', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true, visitsRegularly: false, parentalResponsibility: true, paternityConfirmed: null, identityKnown: true, description: null, deceased: false, address: null, addressRestricted: false },
  { id: 'p2', givenName: 'Sam', familyName: 'Partner', dateOfBirth: null, nhsNumber: null, sex: 'male', relationshipToInfant: 'mothers-partner', livesInHousehold: true, caresForInfant: false, visitsRegularly: false, parentalResponsibility: null, paternityConfirmed: null, identityKnown: true, description: null, deceased: false, address: null, addressRestricted: false },
];

const RECORD: TransferRecord = {
  format: 'infant-care-profile-transfer',
  version: 3,
  fromArea: 'Southby Children’s Services',
  toArea: 'Northshire County Council',
  contact: 'Duty team',
  sentAt: '2026-11-24T09:00:00.000Z',
  sendingCaseId: 'case-1',
  baby: { status: 'born', givenName: 'Ava', familyName: 'Mover', sex: 'female', nhsNumber: null, dateOfBirth: '2026-10-01', expectedDeliveryDate: null, gestationAtBirthWeeks: 39, birthWeightGrams: 3200, multipleBirth: false, independentlyMobile: false, details: NO_RECORD_DETAILS },
  people: [
    { id: 'p1', givenName: 'Zoë', familyName: 'Mover', dateOfBirth: null, nhsNumber: null, sex: 'female', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true, visitsRegularly: false, parentalResponsibility: 'yes', paternityConfirmed: null, identityKnown: true, description: null, deceased: false, address: null, addressRestricted: false },
    { id: 'p2', givenName: 'Sam', familyName: 'Partner', dateOfBirth: null, nhsNumber: null, sex: 'male', relationshipToInfant: 'mothers-partner', livesInHousehold: true, caresForInfant: false, visitsRegularly: false, parentalResponsibility: 'not-known', paternityConfirmed: null, identityKnown: true, description: null, deceased: false, address: null, addressRestricted: false },
  ],
  entries: [entry('e1'), entry('e2', { kind: 'case-note', summary: 'Correction', corrects: 'e1', correctionReason: 'Wrong day', babySeen: null, presentIds: [] })],
  findings: [{ id: 'non-mobile-injury', severity: 'critical', title: 'Injury to a baby who is not yet mobile' }],
  relationships: [{ personId: 'p1', otherPersonId: 'p2', kind: 'partners' }],
  assessments: [
    {
      factorId: 'mental-health',
      personId: 'p1',
      status: 'present',
      detail: 'Postnatal depression, on medication',
      assessedAt: '2026-11-21T09:00:00.000Z',
      assessedBy: { name: 'Hana Visitor', role: 'practitioner', agency: 'Southby Health Visiting', agencyKind: 'health-visiting' },
      evidence: [{ source: 'agency-record', note: 'GP record', indicates: 'present', givenBy: null, recordedAt: '2026-11-21T09:00:00.000Z', recordedBy: 'Hana Visitor', agency: 'Southby Health Visiting', entryId: 'e1', seenOn: '2026-11-20' }],
    },
    {
      factorId: 'alcohol-misuse',
      personId: 'p2',
      status: 'excluded',
      assessedAt: '2026-11-21T09:05:00.000Z',
      assessedBy: null,
      evidence: [{ source: 'observed', note: 'No sign of drink at three visits', indicates: 'absent', givenBy: null, recordedAt: '2026-11-21T09:05:00.000Z', recordedBy: 'Hana Visitor', agency: 'Southby Health Visiting' }],
    },
  ],
  plan: {
    level: 'child-in-need',
    outcomes: ['Ava sleeps safely every night'],
    checkItems: [{ id: 'c1', text: 'Where the baby sleeps', question: 'Show me where Ava slept last night', factorId: 'mental-health', personId: 'p1', checkedBy: [], frequency: 'every-contact', since: '2026-11-21' }],
    actions: [{ id: 'a1', text: 'Refer to perinatal mental health', owner: { name: 'Hana Visitor, Southby Health Visiting' }, dueOn: '2026-12-01', status: 'open', fromMeeting: { id: 'm1', kind: 'child-in-need-meeting', heldOn: '2026-11-21' } }],
    visits: [{ id: 'v1', agencyKind: 'health-visiting', everyDays: 7, babySeen: true, since: '2026-11-21' }],
    recordedAt: '2026-11-21T10:00:00.000Z',
    recordedBy: 'Hana Visitor',
  },
  meetings: [
    {
      id: 'm1',
      kind: 'child-in-need-meeting',
      heldOn: '2026-11-21',
      chair: 'Social worker',
      parentsPresent: true,
      attendees: [{ name: 'Health visitor', agency: 'health-visiting' }],
      invitedAbsent: [],
      decisions: ['Child in need plan'],
      actions: [{ text: 'Refer to perinatal mental health', owner: 'Health visitor', dueOn: '2026-12-01' }],
      recordedAt: '2026-11-21T11:00:00.000Z',
      recordedBy: 'Sol Worker',
    },
  ],
  disputes: [{ entryId: 'e1', disputedBy: 'the mother, Zoë Mover', text: 'The baby was awake', recordedAt: '2026-11-22T09:00:00.000Z', recordedBy: 'Hana Visitor', agency: 'Southby Health Visiting' }],
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

  it('carries the days of the gestation at birth beside its weeks, and reads a pack sent before the days were kept', () => {
    const withDays = { ...RECORD, baby: { ...RECORD.baby, gestationAtBirthWeeks: 29, gestationAtBirthDays: 3 } };
    assert.deepEqual(readTransferPack(packOf(withDays), TODAY), { ok: true, record: withDays });
    assert.deepEqual(readTransferPack(packOf(RECORD), TODAY), { ok: true, record: RECORD }, 'no days: the completed weeks alone');
    assert.match(problemsOf(packOf({ ...RECORD, baby: { ...RECORD.baby, gestationAtBirthDays: '3' } })).join(), /\/baby\/gestationAtBirthDays is missing or of the wrong type/);
  });

  it('refuses what is not a pack: not a Bundle, or a Bundle with no transfer record', () => {
    assert.match(problemsOf({ resourceType: 'Patient' }).join(), /A transfer pack is a FHIR Bundle/);
    assert.match(problemsOf({ resourceType: 'Bundle', type: 'collection', entry: [] }).join(), /holds no transfer record/);
  });

  it('refuses a record it cannot read, and one of another format or version', () => {
    const bad = packOf(RECORD);
    (bad.entry.at(-1)!.resource as { data: string }).data = '%%%';
    assert.match(problemsOf(bad).join(), /could not be read/);
    assert.match(problemsOf(packOf({ ...RECORD, version: 4 })).join(), /\/version must be 1 or 2 or 3: this service reads no other/);
    assert.match(problemsOf(packOf({ ...RECORD, version: '3' })).join(), /\/version must be 1 or 2 or 3/);
  });

  it('reads a version 1 record (an older sending service) with no relationships, assessments, plan, meetings or disputes', () => {
    const { relationships, assessments, plan, meetings, disputes, ...older } = RECORD;
    assert.equal([relationships, assessments, plan, meetings, disputes].length, 5);
    const read = readTransferPack(packOf({ ...older, version: 1, people: PEOPLE_AS_TRUE_OR_FALSE }), TODAY);
    const people = [older.people[0], { ...older.people[1]!, parentalResponsibility: null }];
    assert.deepEqual(read, { ok: true, record: { ...older, version: 1, people, relationships: [], assessments: [], plan: null, meetings: [], disputes: [] } });
  });

  it('reads parental responsibility and paternity as yes, no or not-known from version 3, and an older record\'s true and false as yes and no', () => {
    const father = { ...RECORD.people[1]!, id: 'p3', relationshipToInfant: 'father' };
    const v2 = readTransferPack(packOf({ ...RECORD, version: 2, people: [...PEOPLE_AS_TRUE_OR_FALSE, { ...father, parentalResponsibility: false, paternityConfirmed: true }] }), TODAY);
    assert.deepEqual(v2.ok && v2.record.people.map((p) => [p.parentalResponsibility, p.paternityConfirmed]), [['yes', null], [null, null], ['no', 'yes']]);
    const v3 = readTransferPack(packOf({ ...RECORD, people: [...RECORD.people, { ...father, parentalResponsibility: 'not-known', paternityConfirmed: 'not-known' }] }), TODAY);
    assert.deepEqual(v3.ok && v3.record.people.map((p) => [p.parentalResponsibility, p.paternityConfirmed]), [['yes', null], ['not-known', null], ['not-known', 'not-known']]);
    assert.deepEqual(problemsOf(packOf({ ...RECORD, people: [...RECORD.people, { ...father, parentalResponsibility: true, paternityConfirmed: 'unknown' }] })), [
      "The transfer record's /people/2/parentalResponsibility is missing or of the wrong type.",
      "The transfer record's /people/2/paternityConfirmed is missing or of the wrong type.",
    ]);
    assert.match(problemsOf(packOf({ ...RECORD, version: 2, people: [{ ...father, parentalResponsibility: 'yes' }] })).join(), /\/people\/0\/parentalResponsibility is missing or of the wrong type/);
  });

  it('refuses a version 2 record that leaves out a part, each named', () => {
    const without: Partial<TransferRecord> = { ...RECORD };
    delete without.meetings;
    delete without.disputes;
    assert.deepEqual(problemsOf(packOf(without)), [
      "The transfer record's /meetings must be a list.",
      "The transfer record's /plan/actions/0/fromMeeting must name a meeting in the pack.",
      "The transfer record's /disputes must be a list.",
    ]);
  });

  it('refuses parts that name what is not in the pack: a relationship with nobody, evidence from an unknown entry, an action from an unknown meeting, a dispute of an unknown entry', () => {
    const [mentalHealth, alcohol] = RECORD.assessments;
    const problems = problemsOf(
      packOf({
        ...RECORD,
        relationships: [{ personId: 'p1', otherPersonId: 'nobody', kind: 'partners' }, { personId: 'p1', otherPersonId: 'p1', kind: 'cousins' }],
        assessments: [{ ...mentalHealth!, evidence: [{ ...mentalHealth!.evidence[0]!, entryId: 'e9' }] }, alcohol],
        plan: { ...RECORD.plan!, actions: [{ ...RECORD.plan!.actions[0]!, fromMeeting: { id: 'm9', kind: 'core-group', heldOn: '2026-11-21' } }] },
        disputes: [{ ...RECORD.disputes[0]!, entryId: 'e9' }],
      }),
    );
    assert.deepEqual(problems, [
      "The transfer record's /relationships/0/otherPersonId must name a person in the pack.",
      "The transfer record's /relationships/1 must be between two different people.",
      "The transfer record's /relationships/1/kind must be one of partners, ex-partners, separated, parent-of.",
      "The transfer record's /assessments/0/evidence/0/entryId must name an entry in the pack.",
      "The transfer record's /plan/actions/0/fromMeeting must name a meeting in the pack.",
      "The transfer record's /disputes/0/entryId must name an entry in the pack.",
    ]);
  });

  it('refuses parts as their own rules would here: an exclusion with no evidence against, an unknown factor, a factor twice, a meeting held tomorrow, a plan action owned by an account, a blank dispute', () => {
    const [mentalHealth, alcohol] = RECORD.assessments;
    const problems = problemsOf(
      packOf({
        ...RECORD,
        assessments: [mentalHealth, { ...alcohol!, evidence: [] }, { ...alcohol!, factorId: 'moon-phase' }, mentalHealth],
        meetings: [{ ...RECORD.meetings[0]!, heldOn: '2026-11-25' }],
        plan: { ...RECORD.plan!, actions: [{ ...RECORD.plan!.actions[0]!, owner: { userId: 'u-123' } }] },
        disputes: [{ ...RECORD.disputes[0]!, text: ' ' }],
      }),
    );
    assert.equal(problems[0], "The transfer record's /assessments/1 is not right (exclusion-needs-evidence).");
    assert.equal(problems[1], "The transfer record's /assessments/2/factorId is not a factor in the catalogue.");
    assert.equal(problems[2], "The transfer record's /assessments/3 assesses a factor (for that person) already assessed in the pack.");
    assert.match(problems[3]!, /^The transfer record's \/meetings\/0\/heldOn is not right: /);
    assert.equal(problems[4], "The transfer record's /plan/actions/0/owner must name its owner in words, not by an account.");
    assert.match(problems.slice(5).join('|'), /\/disputes\/0\/text is not right: Enter what they say is wrong/);
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

describe('a received factor assessment', () => {
  it('is unverified while it is still the version it arrived with, and not once someone here has saved it again', () => {
    const mark = { area: 'Southby', receivedOn: TODAY, assessedAt: '2026-11-21T09:00:00.000Z', assessedBy: null, version: 3 };
    assert.equal(isUnverifiedReceived(mark, 3), true);
    assert.equal(isUnverifiedReceived(mark, 4), false);
  });

  it('is never unverified when it was assessed here (no mark)', () => {
    assert.equal(isUnverifiedReceived(null, 1), false);
  });
});
