import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BABY_NHS, bundle, concept, encounter, observation, OTHER_NHS, patient } from './fhir.test-support.ts';
import type { BundleResource, ImportedEntry, MappedEntry } from './fhir-import.types.ts';
import type { StoredImport } from './import-keys.ts';
import { planOnRecord, targetsOf, type BundleMatches, type PatientMatch, type RecordFacts } from './plan-import.ts';
import { readBundle } from './read-bundle.ts';

const TODAY = '2026-11-22';
const entry = (fields: Partial<ImportedEntry> = {}): ImportedEntry => ({ kind: 'clinic-contact', occurredAt: '2026-11-20T10:00:00+00:00', summary: 'Clinic', source: 'agency-record', externalId: 'fhir:Encounter/1', ...fields });
const mapped = (fields: Partial<ImportedEntry> = {}, occurredAtPath = '/entry/1/resource/period/start'): MappedEntry => ({ index: 1, resource: 'Encounter/1', entry: entry(fields), occurredAtPath });
const resource = (over: Partial<BundleResource> = {}): BundleResource => ({ index: 1, name: 'Encounter/1', subject: { kind: 'patient', patientIndex: 0 }, reading: { entries: [mapped()], rejected: [], skipped: [] }, ...over });
const facts = (over: Partial<RecordFacts> = {}): RecordFacts => ({ dates: { dateOfBirth: '2026-10-01', expectedDeliveryDate: null, gestationAtBirthWeeks: 39 }, personIds: new Set(['mum']), earlier: [], ...over });
const stored = (id: string, externalId: string, over: Partial<StoredImport> = {}): StoredImport => ({ id, externalId, kind: 'clinic-contact', occurredAt: '2026-11-20T10:00:00+00:00', summary: 'Clinic', agency: 'City Hospital', personIds: [], ...over });
const matches = (byIndex: [number, PatientMatch][], byNhsNumber: [string, PatientMatch][] = []): BundleMatches => ({ patients: new Map(byIndex), byNhsNumber: new Map(byNhsNumber) });
const baby = { caseId: 'c1', whose: { kind: 'infant' } } as const;
const mum = { caseId: 'c1', whose: { kind: 'person', personId: 'mum' } } as const;

describe('which records a resource goes to', () => {
  it('goes to the baby’s record when its Patient is the baby', () => {
    assert.deepEqual(targetsOf(resource(), matches([[0, { kind: 'infant', caseId: 'c1' }]]), new Set(['c1'])), { ok: true, targets: [baby] });
  });

  it('goes to an adult on the records of the Bundle’s babies they are on, else on every record they are on', () => {
    const onTwo = matches([[0, { kind: 'person', on: [{ caseId: 'c1', personId: 'mum' }, { caseId: 'c2', personId: 'mum-2' }] }]]);
    assert.deepEqual(targetsOf(resource(), onTwo, new Set(['c2'])), { ok: true, targets: [{ caseId: 'c2', whose: { kind: 'person', personId: 'mum-2' } }] });
    assert.deepEqual(targetsOf(resource(), onTwo, new Set(['c9'])), { ok: true, targets: [mum, { caseId: 'c2', whose: { kind: 'person', personId: 'mum-2' } }] });
    assert.deepEqual(targetsOf(resource(), onTwo, new Set()), { ok: true, targets: [mum, { caseId: 'c2', whose: { kind: 'person', personId: 'mum-2' } }] });
  });

  it('finds a subject named only by NHS number among the matches by number', () => {
    const byNumber = resource({ subject: { kind: 'nhs-number', nhsNumber: '9434765919' } });
    assert.deepEqual(targetsOf(byNumber, matches([], [['9434765919', { kind: 'infant', caseId: 'c1' }]]), new Set()), { ok: true, targets: [baby] });
  });

  it('refuses, saying why and where, what cannot be placed', () => {
    const refusal = (r: BundleResource, m: BundleMatches) => {
      const found = targetsOf(r, m, new Set());
      assert.ok(!found.ok);
      return [found.refusal.code, found.refusal.details[0]?.path];
    };
    assert.deepEqual(refusal(resource(), matches([[0, { kind: 'unmatched' }]])), ['patient-unconfirmed', '/entry/0/resource']);
    assert.deepEqual(refusal(resource(), matches([[0, { kind: 'nhs-number-invalid', path: '/entry/0/resource/identifier/0/value' }]])), ['nhs-number-invalid', '/entry/0/resource/identifier/0/value']);
    assert.deepEqual(refusal(resource(), matches([[0, { kind: 'several-records', caseIds: ['c-1', 'c-2'] }]])), ['several-records', '/entry/0/resource']);
    assert.deepEqual(refusal(resource({ subject: { kind: 'unknown-subject', path: '/entry/1/resource/subject/reference' } }), matches([])), ['unknown-subject', '/entry/1/resource/subject/reference']);
    assert.deepEqual(refusal(resource({ subject: { kind: 'no-subject', path: '/entry/1/resource/subject' } }), matches([])), ['no-subject', '/entry/1/resource/subject']);
    assert.deepEqual(refusal(resource({ subject: { kind: 'nhs-number', nhsNumber: '4010232137' } }), matches([], [['4010232137', { kind: 'unmatched' }]])), ['patient-unconfirmed', '/entry/1/resource/subject/identifier']);
  });
});

describe('what a resource becomes on a record', () => {
  it('is a new entry the first time, keyed for the baby as it always was', () => {
    const plan = planOnRecord(resource(), baby, facts(), TODAY);
    assert.deepEqual(plan.entries.map((p) => [p.how, p.how === 'duplicate' ? p.id : p.entry.externalId]), [['new', 'fhir:Encounter/1']]);
  });

  it('is about the adult it concerns: named in the entry, keyed to them, their adult factors named as theirs', () => {
    const drinking = resource({ reading: { entries: [mapped({ kind: 'substance-use-increase', substance: 'alcohol', indicates: [{ factorId: 'alcohol-misuse' }] })], rejected: [], skipped: [] } });
    const [planned] = planOnRecord(drinking, mum, facts(), TODAY).entries;
    assert.ok(planned?.how === 'new');
    assert.deepEqual([planned.entry.personIds, planned.entry.externalId, planned.entry.indicates], [['mum'], 'fhir:person/mum/Encounter/1', [{ factorId: 'alcohol-misuse', personId: 'mum' }]]);
  });

  it('is a duplicate when the newest stored version says the same, and a correction of it when not', () => {
    const earlier = [stored('a', 'fhir:Encounter/1'), stored('b', 'fhir:Encounter/1#2', { corrects: 'a', summary: 'Clinic, follow-up' })];
    const same = planOnRecord(resource({ reading: { entries: [mapped({ summary: 'Clinic, follow-up' })], rejected: [], skipped: [] } }), baby, facts({ earlier }), TODAY);
    assert.deepEqual(same.entries.map((p) => [p.how, p.how === 'duplicate' ? p.id : '']), [['duplicate', 'b']]);
    const [changed] = planOnRecord(resource(), baby, facts({ earlier }), TODAY).entries;
    assert.ok(changed?.how === 'correction');
    assert.deepEqual([changed.entry.corrects, changed.entry.externalId, changed.entry.correctionReason], ['b', 'fhir:Encounter/1#3', 'The sending system sent a changed version of its record']);
  });

  it('never takes another person’s entry with the same resource id for its own', () => {
    const plan = planOnRecord(resource(), mum, facts({ earlier: [stored('a', 'fhir:Encounter/1')] }), TODAY);
    assert.deepEqual(plan.entries.map((p) => p.how), ['new']);
  });

  it('entered in error: marks the newest version of each entry it gave (a stay’s admission and discharge), once; nothing to mark when it gave none', () => {
    const earlier = [stored('a', 'fhir:Encounter/1', { kind: 'hospital-admission' }), stored('d', 'fhir:Encounter/1/discharge', { kind: 'hospital-discharge' }), stored('x', 'fhir:Encounter/10')];
    const inError = resource({ enteredInErrorPath: '/entry/1/resource/status', reading: { entries: [], rejected: [], skipped: [] } });
    const marks = planOnRecord(inError, baby, facts({ earlier }), TODAY).entries;
    assert.deepEqual(marks.map((p) => [p.how, p.how === 'duplicate' ? '' : [p.entry.corrects, p.entry.externalId, p.entry.kind]]), [['correction', ['a', 'fhir:Encounter/1#2', 'case-note']], ['correction', ['d', 'fhir:Encounter/1/discharge#2', 'case-note']]]);
    const markedBefore = [...earlier, stored('m', 'fhir:Encounter/1#2', { corrects: 'a', kind: 'case-note', summary: 'Entered in error in the sending system. It had said: Clinic' })];
    assert.deepEqual(planOnRecord(inError, baby, facts({ earlier: markedBefore }), TODAY).entries.map((p) => p.how), ['duplicate', 'correction']);
    assert.deepEqual(planOnRecord(inError, baby, facts(), TODAY), { entries: [], nothingToCorrect: true });
  });

  it('refuses the whole resource for a date before the pregnancy, and not for the first day of it', () => {
    const stay = (start: string, end: string) => resource({ reading: { entries: [mapped({ kind: 'hospital-admission', occurredAt: start }), mapped({ kind: 'hospital-discharge', occurredAt: end, externalId: 'fhir:Encounter/1/discharge' }, '/entry/1/resource/period/end')], rejected: [], skipped: [] } });
    const before = planOnRecord(stay('2025-12-31', '2026-11-20'), baby, facts(), TODAY);
    assert.deepEqual([before.entries, before.refusal?.code, before.refusal?.details[0]?.path], [[], 'before-pregnancy', '/entry/1/resource/period/start']);
    assert.equal(planOnRecord(stay('2026-01-01', '2026-11-20'), baby, facts(), TODAY).entries.length, 2, 'pregnancy began 39 weeks before 1 October 2026');
  });

  it('refuses the whole resource when one of its entries breaks the chronology’s rules (a date in the future), pointing at the field', () => {
    const later = resource({ reading: { entries: [mapped(), mapped({ occurredAt: '2026-12-01', externalId: 'fhir:Encounter/1/discharge' }, '/entry/1/resource/period/end')], rejected: [], skipped: [] } });
    const plan = planOnRecord(later, baby, facts(), TODAY);
    assert.deepEqual([plan.entries, plan.refusal?.code, plan.refusal?.details.map((d) => d.path)], [[], 'invalid-entry', ['/entry/1/resource/period/end']]);
  });

  it('refuses the whole resource when the reader could not read part of it', () => {
    const undated = resource({ reading: { entries: [mapped()], rejected: [{ index: 1, resource: 'Encounter/1', code: 'no-date', path: '/entry/1/resource/period/end' }], skipped: [] } });
    const plan = planOnRecord(undated, baby, facts(), TODAY);
    assert.deepEqual([plan.entries, plan.refusal?.code, plan.refusal?.details[0]?.path], [[], 'no-date', '/entry/1/resource/period/end']);
  });
});

describe('a resource about an adult around the baby', () => {
  const motherAndBaby = (about: string) =>
    bundle(
      patient('mum', OTHER_NHS),
      patient('baby', BABY_NHS),
      observation({ id: 'bruise-1', subject: { reference: `Patient/${about}` }, code: concept('Bruise'), bodySite: concept('Left cheek') }),
      encounter({ id: 'ae-1', subject: { reference: `Patient/${about}` }, class: { code: 'EMER' }, reasonCode: [concept('Fall')] }),
    );
  const motherAndBabyMatches = matches([
    [0, { kind: 'person', on: [{ caseId: 'c1', personId: 'mum' }] }],
    [1, { kind: 'infant', caseId: 'c1' }],
  ]);
  const planned = (body: object, earlier: StoredImport[] = []) => {
    const reading = readBundle(body);
    assert.ok(reading.ok);
    return reading.resources.flatMap((read) => {
      const found = targetsOf(read, motherAndBabyMatches, new Set(['c1']));
      assert.ok(found.ok);
      return found.targets.flatMap((target) => planOnRecord(read, target, facts({ earlier }), TODAY).entries);
    });
  };
  const kinds = (plans: ReturnType<typeof planned>) => plans.map((p) => (p.how === 'duplicate' ? ['duplicate', p.id] : [p.entry.kind, p.entry.personIds ?? [], p.entry.summary]));

  it('never gives the baby an injury seen or an emergency attendance from the mother’s bruise and A&E visit: they are case notes on her, in words', () => {
    assert.deepEqual(kinds(planned(motherAndBaby('mum'))), [
      ['case-note', ['mum'], "Injury seen (an adult's record). Bruise. Site: Left cheek"],
      ['case-note', ['mum'], "Emergency department attendance (an adult's record). Reason: Fall"],
    ]);
  });

  it('gives the baby the injury seen and the emergency attendance when the same resources are about the baby', () => {
    assert.deepEqual(kinds(planned(motherAndBaby('baby'))), [
      ['injury-observed', [], 'Bruise. Site: Left cheek'],
      ['emergency-attendance', [], 'Reason: Fall'],
    ]);
  });

  it('is a duplicate when sent again, not a correction of the case note it became', () => {
    const first = planned(motherAndBaby('mum'));
    const earlier = first.map((p, i): StoredImport => {
      assert.ok(p.how === 'new');
      return stored(`s${String(i)}`, p.entry.externalId, { kind: p.entry.kind, occurredAt: p.entry.occurredAt, summary: p.entry.summary, personIds: p.entry.personIds ?? [] });
    });
    assert.deepEqual(kinds(planned(motherAndBaby('mum'), earlier)), [['duplicate', 's0'], ['duplicate', 's1']]);
  });
});

describe('a person a RelatedPerson proposes', () => {
  const grandmother = (about: string) =>
    bundle(patient('mum', OTHER_NHS), patient('baby', BABY_NHS), {
      resourceType: 'RelatedPerson',
      id: `rp-${about}`,
      patient: { reference: `Patient/${about}` },
      name: [{ given: ['Ann'], family: 'Hart' }],
      relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }], text: 'Mother' }],
    });
  const proposedOnRecord = (body: object) => {
    const reading = readBundle(body);
    assert.ok(reading.ok);
    const [relatedPerson] = reading.resources;
    assert.ok(relatedPerson);
    const found = targetsOf(relatedPerson, matches([[0, { kind: 'person', on: [{ caseId: 'c1', personId: 'mum' }] }], [1, { kind: 'infant', caseId: 'c1' }]]), new Set(['c1']));
    assert.ok(found.ok);
    return found.targets.map((target) => planOnRecord(relatedPerson, target, facts(), TODAY).proposedPeople?.map((person) => [person.givenName, person.relationshipToInfant, person.relationshipAsSent]));
  };

  it('is of unknown relationship to the baby when its Patient is an adult: the mother’s mother is not the baby’s mother; the relationship as sent is kept', () => {
    assert.deepEqual(proposedOnRecord(grandmother('mum')), [[['Ann', 'unknown', 'Mother']]]);
  });

  it('keeps the relationship its code gives when its Patient is the baby', () => {
    assert.deepEqual(proposedOnRecord(grandmother('baby')), [[['Ann', 'mother', 'Mother']]]);
  });
});
