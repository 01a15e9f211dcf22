import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Fhir } from 'fhir';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface Imported {
  index: number;
  resource: string;
  kind: string;
  id: string;
  caseId: string;
  enteredInError?: true;
}
interface Outcome {
  index: number;
  resource: string;
  code: string;
  message: string;
  details: { path: string; message: string }[];
}
interface Issue {
  severity: string;
  code: string;
  details: { coding: { code: string }[]; text: string };
  expression?: string[];
}
interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: Issue[];
}
interface ImportResult {
  patients: { index: number; match: string; message: string }[];
  stored: Imported[];
  duplicates: Imported[];
  corrected: Imported[];
  rejected: Outcome[];
  skipped: Outcome[];
  outcome: OperationOutcome;
}

const BABY_NHS = '9434765919';
const OTHER_NHS = '4010232137';
const UNKNOWN_NHS = '9990001111';
const TWICE_NHS = '4857773457';
const MOTHER_NHS = '4857771004';
const STRANGER_NHS = '4857771012';
const UNBORN_MOTHER_NHS = '4857771020';
const BRUISED_MOTHER_NHS = '4857771039';
const HER_BABY_NHS = '4857771047';
const UNSEEN_NHS = '4857771055';
const UNSEEN_TWICE_NHS = '4857771063';
const EMERGENCY_NHS = '4857771071';
const NHS_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

const patient = (nhsNumber: string, id = 'baby') => ({ fullUrl: `urn:uuid:${id}`, resource: { resourceType: 'Patient', id, identifier: [{ system: NHS_SYSTEM, value: nhsNumber }] } });
const subject = { reference: 'urn:uuid:baby' };
const emergency = { resourceType: 'Encounter', id: 'ed-1', status: 'finished', class: { code: 'EMER' }, subject, period: { start: '2026-11-19T21:40:00+00:00', end: '2026-11-20T01:10:00+00:00' }, reasonCode: [{ text: 'Baby floppy after a fall' }], serviceProvider: { display: 'City Hospital' } };
const stay = (status: string, end?: string) => ({ resourceType: 'Encounter', id: 'ward-7', status, class: { code: 'IMP' }, subject, period: { start: '2026-11-20T02:00:00+00:00', ...(end ? { end } : {}) }, type: [{ text: 'Paediatric ward admission' }] });
const bruise = { resourceType: 'Observation', id: 'skin-1', status: 'final', subject, code: { text: 'Bruise' }, bodySite: { text: 'Left ear' }, effectiveDateTime: '2026-11-19T22:00:00+00:00' };
const note = (id: string, about: object, text: string, when = '2026-11-18') => ({ resourceType: 'Observation', id, status: 'final', subject: about, code: { text }, effectiveDateTime: when });
const bundleOf = (...entries: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: entries });
const codesOf = (outcome: OperationOutcome) => outcome.issue.map((issue) => [issue.details.coding[0]?.code, issue.expression?.[0]]);

describe('FHIR import API (POST /api/v1/fhir/Bundle)', () => {
  let t: TestApp;
  let caseId: string;
  let otherCaseId: string;
  let mumId: string;
  let token: string;
  let socialWorkerId: string;
  let clerkId: string;

  before(async () => {
    t = await createTestApp();
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'City Hospital');
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care', 'County Children’s Services');
    const socialWorker = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Sam Social' });
    const clerk = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Ward Clerk' });
    token = await apiTokenFor(t.ctx, clerk.email);
    clerkId = clerk.id;
    socialWorkerId = socialWorker.id;
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [socialWorker.id, clerk.id] }));
    ({ id: mumId } = await makePerson(t.ctx, caseId, { nhs_number: MOTHER_NHS }));
    ({ id: otherCaseId } = await makeCase(t.ctx, { teamUserIds: [socialWorker.id] }));
    await t.ctx.db.updateTable('cases').set({ nhs_number: BABY_NHS }).where('id', '=', caseId).execute();
    await t.ctx.db.updateTable('cases').set({ nhs_number: OTHER_NHS }).where('id', '=', otherCaseId).execute();
    for (let i = 0; i < 2; i++) {
      const { id } = await makeCase(t.ctx, { teamUserIds: [clerk.id] });
      await t.ctx.db.updateTable('cases').set({ nhs_number: TWICE_NHS }).where('id', '=', id).execute();
    }
  });
  after(async () => t.close());

  const send = (body: unknown, contentType = 'application/fhir+json', auth = token) =>
    t.app.inject({ method: 'POST', url: '/api/v1/fhir/Bundle', headers: { authorization: `Bearer ${auth}`, 'content-type': contentType }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
  const imported = async (body: unknown, contentType?: string) => {
    const response = await send(body, contentType);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<ImportResult>();
  };
  const refusedWith = async (body: unknown, status: number, contentType?: string) => {
    const response = await send(body, contentType);
    assert.equal(response.statusCode, status, response.body);
    assert.match(String(response.headers['content-type'] ?? ''), /application\/fhir\+json/);
    const outcome = response.json<OperationOutcome>();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    return outcome;
  };
  const entries = async () => t.ctx.db.selectFrom('chronology_entries').select(['kind', 'agency', 'external_id', 'source']).where('case_id', '=', caseId).orderBy('occurred_on').orderBy('kind').execute();
  const entryCount = async () => (await t.ctx.db.selectFrom('chronology_entries').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;

  it('imports a Bundle into the chronology of the baby with that NHS number, with one OperationOutcome issue a Bundle entry', async () => {
    const result = await imported(bundleOf(patient(BABY_NHS), { resource: emergency }, { resource: stay('in-progress') }, { resource: bruise }, { resource: { resourceType: 'Basic', id: 'c-1' } }, { resource: { ...bruise, id: 'later', effectiveDateTime: '2026-12-25' } }));
    assert.deepEqual(result.patients, [{ index: 0, match: 'infant', message: 'Matched by NHS number to the baby’s record' }]);
    assert.deepEqual(result.stored.map((s) => [s.index, s.resource, s.kind, s.caseId]), [[1, 'Encounter/ed-1', 'emergency-attendance', caseId], [2, 'Encounter/ward-7', 'hospital-admission', caseId], [3, 'Observation/skin-1', 'injury-observed', caseId]]);
    assert.deepEqual(result.skipped.map((s) => [s.index, s.code]), [[4, 'unsupported-resource']]);
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details.map((d) => d.path)]), [[5, 'invalid-entry', ['/entry/5/resource/effectiveDateTime']]]);
    assert.deepEqual(codesOf(result.outcome), [
      ['infant', 'Bundle.entry[0].resource'],
      ['stored', 'Bundle.entry[1].resource'],
      ['stored', 'Bundle.entry[2].resource'],
      ['stored', 'Bundle.entry[3].resource'],
      ['unsupported-resource', 'Bundle.entry[4].resource.resourceType'],
      ['invalid-entry', 'Bundle.entry[5].resource.effectiveDateTime'],
    ]);
    assert.deepEqual(result.outcome.issue.map((issue) => issue.severity), ['information', 'information', 'information', 'information', 'information', 'error']);
    assert.deepEqual(await entries(), [
      { kind: 'emergency-attendance', agency: 'City Hospital', external_id: 'fhir:Encounter/ed-1', source: 'agency-record' },
      { kind: 'injury-observed', agency: 'City Hospital', external_id: 'fhir:Observation/skin-1', source: 'agency-record' },
      { kind: 'hospital-admission', agency: 'City Hospital', external_id: 'fhir:Encounter/ward-7', source: 'agency-record' },
    ]);
    const audits = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'chronology.fhir-import').execute();
    const { entryIds, alerts, profileVersion } = audits[0]!.details as { entryIds: string[]; alerts: string[]; profileVersion: number };
    assert.deepEqual(audits.map((a) => a.details), [{ count: 3, duplicates: 0, rejected: 0, profileVersion, entryIds, alerts, resources: 5, patients: 1, patientsUnmatched: 0, peopleProposed: 0 }], 'counts, and ids of what it stored: no personal data');
    assert.equal(entryIds.length, 3);
  });

  it('stores nothing twice when the Bundle comes again, adds the discharge once the stay has ended, and audits the re-send by counts', async () => {
    const again = await imported(bundleOf(patient(BABY_NHS), { resource: emergency }, { resource: stay('in-progress') }, { resource: bruise }));
    assert.deepEqual(again.stored, []);
    assert.deepEqual(again.duplicates.map((d) => d.resource), ['Encounter/ed-1', 'Encounter/ward-7', 'Observation/skin-1']);
    assert.deepEqual(codesOf(again.outcome).map(([code]) => code), ['infant', 'duplicate', 'duplicate', 'duplicate']);
    const discharged = await imported(bundleOf(patient(BABY_NHS), { resource: stay('finished', '2026-11-21T15:00:00+00:00') }), 'application/json');
    assert.deepEqual(discharged.duplicates.map((d) => d.kind), ['hospital-admission']);
    assert.deepEqual(discharged.stored.map((s) => [s.index, s.kind]), [[1, 'hospital-discharge']]);
    assert.equal((await entries()).length, 4);
    const audits = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'chronology.fhir-import').orderBy('seq').execute();
    assert.deepEqual(audits.map((a) => (a.details as { count: number }).count), [3, 0, 1]);
  });

  it('tells the social worker in the team at once of the discharge and the emergency attendance', async () => {
    const reached = await t.ctx.db
      .selectFrom('alert_recipients')
      .innerJoin('alerts', 'alerts.id', 'alert_recipients.alert_id')
      .select('alerts.reason')
      .where('alerts.case_id', '=', caseId)
      .where('alert_recipients.user_id', '=', socialWorkerId)
      .execute();
    const reasons = reached.map((r) => r.reason);
    assert.ok(reasons.includes('discharge') && reasons.includes('emergency-attendance'), JSON.stringify(reasons));
  });

  it('takes the same Bundle in FHIR XML, as application/fhir+xml and application/xml', async () => {
    const asXml = new Fhir().objToXml(bundleOf(patient(BABY_NHS), { resource: { ...emergency, id: 'ed-xml' } }, { resource: { ...bruise, id: 'skin-xml', valueQuantity: { value: 2.5, unit: 'cm' } } }));
    assert.match(asXml, /<Bundle xmlns="http:\/\/hl7.org\/fhir">/);
    const result = await imported(asXml, 'application/fhir+xml');
    assert.deepEqual(result.stored.map((s) => [s.index, s.resource, s.kind]), [[1, 'Encounter/ed-xml', 'emergency-attendance'], [2, 'Observation/skin-xml', 'injury-observed']]);
    const summary = await t.ctx.db.selectFrom('chronology_entries').select('summary').where('external_id', '=', 'fhir:Observation/skin-xml').executeTakeFirstOrThrow();
    assert.equal(summary.summary, 'Bruise: 2.5 cm. Site: Left ear', 'a decimal is a number, a single coding and reason are lists as in JSON');
    const again = await imported(asXml, 'application/xml');
    assert.deepEqual(again.duplicates.map((d) => d.resource), ['Encounter/ed-xml', 'Observation/skin-xml']);
  });

  it('refuses a body it cannot read with 400 and an OperationOutcome saying why, storing nothing', async () => {
    const before = await entryCount();
    const cut = await refusedWith('<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/><entry>', 400, 'application/fhir+xml');
    assert.deepEqual([cut.issue[0]?.severity, cut.issue[0]?.code, cut.issue[0]?.details.coding[0]?.code], ['fatal', 'structure', 'unreadable']);
    assert.match(cut.issue[0]?.details.text ?? '', /not well formed \(line 1, column \d+\)/);
    const dtd = await refusedWith('<!DOCTYPE Bundle [<!ENTITY a "aaaa">]><Bundle xmlns="http://hl7.org/fhir"><type value="&a;"/></Bundle>', 400, 'application/xml');
    assert.match(dtd.issue[0]?.details.text ?? '', /document type declaration/);
    const notFhir = await refusedWith('<Letter xmlns="http://hl7.org/fhir"><id value="x"/></Letter>', 400, 'application/fhir+xml');
    assert.match(notFhir.issue[0]?.details.text ?? '', /not FHIR R4: Unknown resource type: Letter/);
    const badNumber = await refusedWith('<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/><total value="many"/></Bundle>', 400, 'application/fhir+xml');
    assert.match(badNumber.issue[0]?.details.text ?? '', /not FHIR R4/);
    const badJson = await refusedWith('{"resourceType": ', 400);
    assert.match(badJson.issue[0]?.details.text ?? '', /^The body is not well-formed JSON \(Unexpected end of JSON input\)\. Send one JSON object/);
    const shape = await refusedWith({ ...bundleOf(), entry: ['x'] }, 400);
    assert.deepEqual(shape.issue.map((issue) => [issue.code, issue.expression?.[0]]), [['structure', 'Bundle.entry[0]']]);
    assert.equal(await entryCount(), before);
  });

  it('refuses a Bundle over 10 MB with 413, and a body of another type with 415, each as an OperationOutcome', async () => {
    const huge = JSON.stringify(bundleOf(patient(BABY_NHS), { resource: { ...bruise, code: { text: 'x'.repeat(10 * 1_048_576) } } }));
    const tooLarge = await refusedWith(huge, 413);
    assert.deepEqual([tooLarge.issue[0]?.code, tooLarge.issue[0]?.details.text], ['too-costly', 'The Bundle is larger than 10 MB: send it in smaller Bundles']);
    const other = await refusedWith('%PDF-1.7', 415, 'application/pdf');
    assert.equal(other.issue[0]?.code, 'not-supported');
  });

  it('refuses what is not a Bundle, a Bundle of another type, and a message without its header', async () => {
    assert.deepEqual(codesOf(await refusedWith({ resourceType: 'Patient', id: 'p' }, 400)), [['not-a-bundle', 'Bundle.resourceType']]);
    assert.deepEqual(codesOf(await refusedWith({ ...bundleOf(patient(BABY_NHS)), type: 'searchset' }, 400)), [['unsupported-bundle-type', 'Bundle.type']]);
    assert.deepEqual(codesOf(await refusedWith({ ...bundleOf(patient(BABY_NHS)), type: 'message' }, 422)), [['message-without-header', 'Bundle.entry[0]']]);
    const message = await imported({ ...bundleOf({ resource: { resourceType: 'MessageHeader', id: 'h', eventCoding: { code: 'admit' } } }, patient(BABY_NHS), { resource: { ...emergency, id: 'ed-msg' } }), type: 'message' });
    assert.deepEqual(codesOf(message.outcome).map(([code]) => code), ['message-header', 'infant', 'stored']);
  });

  it('answers a Patient sent alone with its match, storing nothing (it was a 500)', async () => {
    const result = await imported(bundleOf(patient(BABY_NHS)));
    assert.deepEqual(result.patients.map((p) => p.match), ['infant']);
    assert.deepEqual([result.stored, result.rejected], [[], []]);
  });

  it('answers 404, with the Patient reported, when no record has the NHS number', async () => {
    const outcome = await refusedWith(bundleOf(patient(UNKNOWN_NHS), { resource: emergency }), 404);
    assert.deepEqual(codesOf(outcome), [['unmatched', 'Bundle.entry[0].resource'], ['patient-unconfirmed', 'Bundle.entry[0].resource']]);
  });

  it('imports nothing for a Patient two records have, saying the duplicate must be resolved', async () => {
    const outcome = await refusedWith(bundleOf(patient(TWICE_NHS), { resource: emergency }), 422);
    assert.deepEqual(codesOf(outcome).map(([code]) => code), ['several-records', 'several-records']);
  });

  // docs/adr/0024-refused-requests-audited.md, "Unknown and unseen cases": an import never says whether a record it may not open exists.
  describe('a record the caller may not open', () => {
    const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select(({ fn }) => fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
    const auditsAfter = async (seq: string) =>
      t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'case_id', 'details']).where('seq', '>', seq).where('action', '=', 'chronology.fhir-import').orderBy('seq').execute();
    const sameAnswer = async (body: (nhsNumber: string) => unknown, unseenNhs: string) => {
      const unseen = await send(body(unseenNhs));
      const none = await send(body(UNKNOWN_NHS));
      assert.equal(unseen.statusCode, none.statusCode);
      assert.equal(unseen.headers['content-type'], none.headers['content-type']);
      assert.equal(unseen.body, none.body, 'byte for byte');
      return unseen;
    };

    it('answers a Patient on a record the caller may not open exactly as one on no record: 404, unmatched, its resources unconfirmed', async () => {
      const before = await entryCount();
      const answer = await sameAnswer((nhs) => bundleOf(patient(nhs), { resource: emergency }, { resource: bruise }), OTHER_NHS);
      assert.equal(answer.statusCode, 404);
      const outcome = answer.json<OperationOutcome>();
      assert.deepEqual(codesOf(outcome), [['unmatched', 'Bundle.entry[0].resource'], ['patient-unconfirmed', 'Bundle.entry[0].resource'], ['patient-unconfirmed', 'Bundle.entry[0].resource']]);
      assert.match(outcome.issue[0]!.details.text, /on a record you may open: .* checks every record first, those other teams hold too, and says whom to ask/);
      assert.equal(await entryCount(), before, 'nothing stored');
    });

    it('audits the attempt once: denied on the record it would have gone to, or, with no record, a failure naming no record and no NHS number', async () => {
      const marker = await lastSeq();
      await send(bundleOf(patient(OTHER_NHS), { resource: emergency }, { resource: bruise }));
      assert.deepEqual(await auditsAfter(marker), [{ action: 'chronology.fhir-import', outcome: 'denied', case_id: otherCaseId, details: {} }]);
      const none = await lastSeq();
      await send(bundleOf(patient(UNKNOWN_NHS), { resource: emergency }));
      assert.deepEqual(await auditsAfter(none), [{ action: 'chronology.fhir-import', outcome: 'failure', case_id: null, details: { reason: 'no-record', patients: 1, resources: 1 } }]);
      const alone = await lastSeq();
      await sameAnswer((nhs) => bundleOf(patient(nhs)), OTHER_NHS);
      assert.deepEqual((await auditsAfter(alone)).map((a) => [a.outcome, a.case_id]), [['failure', null], ['failure', null]], 'a Patient alone would have gone to no record: each a failure, as for none');
    });

    it('leaves such a record out as if it were not there, and still names the duplicate to resolve while the caller may open one of the records', async () => {
      const { id: unseenCase } = await makeCase(t.ctx, { teamUserIds: [socialWorkerId] });
      await makePerson(t.ctx, unseenCase, { nhs_number: UNSEEN_NHS });
      await makePerson(t.ctx, caseId, { nhs_number: UNSEEN_NHS });
      const marker = await lastSeq();
      const onBoth = await imported(bundleOf(patient(UNSEEN_NHS, 'dad'), { resource: note('dad-1', { reference: 'urn:uuid:dad' }, 'Father smokes') }));
      assert.deepEqual(onBoth.patients.map((p) => p.match), ['person']);
      assert.deepEqual(onBoth.stored.map((s) => s.caseId), [caseId], 'on the record the caller may open only');
      assert.deepEqual((await auditsAfter(marker)).map((a) => [a.outcome, a.case_id]).sort(), [['denied', unseenCase], ['success', caseId]].sort());

      for (const team of [[socialWorkerId], [socialWorkerId]]) {
        const { id } = await makeCase(t.ctx, { teamUserIds: team });
        await t.ctx.db.updateTable('cases').set({ nhs_number: UNSEEN_TWICE_NHS }).where('id', '=', id).execute();
      }
      await sameAnswer((nhs) => bundleOf(patient(nhs), { resource: emergency }), UNSEEN_TWICE_NHS);
      const { id: seenTwin } = await makeCase(t.ctx, { teamUserIds: [clerkId] });
      await t.ctx.db.updateTable('cases').set({ nhs_number: UNSEEN_TWICE_NHS }).where('id', '=', seenTwin).execute();
      assert.deepEqual(codesOf(await refusedWith(bundleOf(patient(UNSEEN_TWICE_NHS), { resource: emergency }), 422)).map(([code]) => code), ['several-records', 'several-records']);
    });

    it('still refuses 403, audited denied, a record the caller may open but not change (emergency access)', async () => {
      const { id: emergencyCase } = await makeCase(t.ctx, { teamUserIds: [socialWorkerId] });
      await t.ctx.db.updateTable('cases').set({ nhs_number: EMERGENCY_NHS }).where('id', '=', emergencyCase).execute();
      const now = t.clock.now();
      await t.ctx.db.insertInto('break_glass_access').values({ case_id: emergencyCase, id: randomUUID(), user_id: clerkId, reason: 'test emergency access', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();
      const marker = await lastSeq();
      const outcome = await refusedWith(bundleOf(patient(EMERGENCY_NHS), { resource: emergency }), 403);
      assert.deepEqual(codesOf(outcome).map(([code]) => code), ['infant', 'forbidden']);
      assert.deepEqual((await auditsAfter(marker)).map((a) => [a.outcome, a.case_id]), [['denied', emergencyCase]]);
    });
  });

  it('refuses a resource that does not keep to UK Core, naming each problem by its FHIRPath, and stores the rest; warns of a Patient’s own', async () => {
    const before = await entryCount();
    const wrongSystem = { system: 'https://fhir.hl7.org.uk/Id/nhs-number', value: BABY_NHS };
    const result = await imported(bundleOf(
      { ...patient(BABY_NHS), resource: { ...patient(BABY_NHS).resource, identifier: [{ system: NHS_SYSTEM, value: BABY_NHS }, wrongSystem] } },
      { resource: { ...note('uk-1', subject, 'Seen'), status: 'done', code: undefined } },
      { resource: note('uk-2', subject, 'Feeding well') },
    ));
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details.map((d) => d.path)]), [[1, 'not-uk-core', ['/entry/1/resource/code', '/entry/1/resource/status']]]);
    assert.deepEqual(result.stored.map((s) => s.index), [2]);
    assert.equal(Number(await entryCount()), Number(before) + 1, 'nothing of the refused resource stored');
    assert.deepEqual(result.outcome.issue.map((issue) => [issue.severity, issue.details.coding[0]?.code, issue.expression?.[0], issue.details.text]), [
      ['information', 'infant', 'Bundle.entry[0].resource', 'Matched by NHS number to the baby’s record'],
      ['warning', 'not-uk-core', 'Bundle.entry[0].resource.identifier[1].system', 'An NHS number’s system is https://fhir.nhs.uk/Id/nhs-number, not https://fhir.hl7.org.uk/Id/nhs-number'],
      ['error', 'not-uk-core', 'Bundle.entry[1].resource.code', 'Observation.code is required: send it'],
      ['error', 'not-uk-core', 'Bundle.entry[1].resource.status', 'Observation.status must be one of registered, preliminary, final, amended, corrected, cancelled, entered-in-error, unknown'],
      ['information', 'stored', 'Bundle.entry[2].resource', result.outcome.issue[4]?.details.text],
    ]);
  });

  describe('several Patients in one Bundle', () => {
    const mum = { reference: 'urn:uuid:mum' };

    it('records what is about the mother on her, by her NHS number among the people around the baby, and the baby’s on the baby', async () => {
      const result = await imported({
        ...bundleOf(patient(MOTHER_NHS, 'mum'), patient(BABY_NHS), { resource: note('obs-1', mum, 'Drinks alcohol most days') }, { resource: note('obs-1b', subject, 'Nappy rash') }, { fullUrl: 'urn:uuid:4a1', resource: { ...note('x', subject, 'Feeding well'), id: undefined } }),
        type: 'transaction',
      });
      assert.deepEqual(result.patients.map((p) => p.match), ['person', 'infant']);
      assert.deepEqual(result.stored.map((s) => [s.index, s.resource]), [[2, 'Observation/obs-1'], [3, 'Observation/obs-1b'], [4, 'urn:uuid:4a1']]);
      const onMum = await t.ctx.db.selectFrom('chronology_entries').select(['person_ids', 'external_id', 'summary']).where('id', '=', result.stored[0]!.id).executeTakeFirstOrThrow();
      assert.deepEqual(onMum, { person_ids: [mumId], external_id: `fhir:person/${mumId}/Observation/obs-1`, summary: 'Drinks alcohol most days' });
    });

    it('keeps the mother’s and the baby’s resources apart when they have the same id', async () => {
      const result = await imported(bundleOf(patient(MOTHER_NHS, 'mum'), patient(BABY_NHS), { resource: note('same-1', mum, 'Mother seen') }, { fullUrl: 'urn:uuid:b2', resource: note('same-1', subject, 'Baby seen') }));
      assert.deepEqual(result.stored.map((s) => s.index), [2, 3]);
      const again = await imported(bundleOf(patient(MOTHER_NHS, 'mum'), patient(BABY_NHS), { resource: note('same-1', mum, 'Mother seen') }, { fullUrl: 'urn:uuid:b2', resource: note('same-1', subject, 'Baby seen') }));
      assert.deepEqual(again.duplicates.map((d) => d.index), [2, 3]);
    });

    it('finds an unborn baby sent without an NHS number (the fetal-status extension) through the mother’s NHS number on the unborn baby’s record', async () => {
      const { id: unbornCase } = await makeCase(t.ctx, { teamUserIds: [clerkId] });
      await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: '2027-03-01', mother_nhs_number: UNBORN_MOTHER_NHS }).where('id', '=', unbornCase).execute();
      const unborn = { fullUrl: 'urn:uuid:unborn', resource: { resourceType: 'Patient', id: 'unborn', extension: [{ url: 'http://hl7.org/fhir/6.0/StructureDefinition/extension-Patient.fetalStatus', valueCode: 'unborn' }] } };
      const scan = { resourceType: 'Observation', id: 'scan-1', status: 'final', subject: { reference: 'urn:uuid:unborn' }, code: { text: '20-week scan: growth normal' }, effectiveDateTime: '2026-11-10' };
      const result = await imported(bundleOf(patient(UNBORN_MOTHER_NHS, 'mother'), unborn, { resource: scan }));
      assert.deepEqual(result.patients.map((p) => p.match), ['unmatched', 'infant']);
      assert.deepEqual(result.stored.map((s) => [s.index, s.caseId]), [[2, unbornCase]]);
      const without = await refusedWith(bundleOf(unborn, { resource: { ...scan, id: 'scan-2' } }), 422);
      assert.deepEqual(codesOf(without).map(([code]) => code), ['unmatched', 'patient-unconfirmed'], 'without the mother in the Bundle nothing says which unborn baby it is');
    });

    it('never records the mother’s bruise or A&E visit as the baby’s injury or attendance: no injury finding for the baby, until the same resources are about the baby', async () => {
      const { id: herCase } = await makeCase(t.ctx, { teamUserIds: [clerkId] });
      await t.ctx.db.updateTable('cases').set({ nhs_number: HER_BABY_NHS }).where('id', '=', herCase).execute();
      const { id: herId } = await makePerson(t.ctx, herCase, { nhs_number: BRUISED_MOTHER_NHS });
      const about = (who: string, id: string) => [
        { resource: { ...bruise, id: `bruise-${id}`, subject: { reference: `urn:uuid:${who}` } } },
        { resource: { ...emergency, id: `ae-${id}`, subject: { reference: `urn:uuid:${who}` } } },
      ];
      const findings = async () => {
        const response = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${herCase}/profile`, headers: { authorization: `Bearer ${token}` } });
        assert.equal(response.statusCode, 200, response.body);
        return response.json<{ findings: { id: string }[] }>().findings.map((f) => f.id);
      };
      const hers = await imported(bundleOf(patient(BRUISED_MOTHER_NHS, 'mum'), patient(HER_BABY_NHS), ...about('mum', 'mum')));
      assert.deepEqual(hers.stored.map((s) => [s.index, s.kind]), [[2, 'case-note'], [3, 'case-note']]);
      const onHer = await t.ctx.db.selectFrom('chronology_entries').select(['kind', 'person_ids']).where('case_id', '=', herCase).execute();
      assert.deepEqual(onHer, [{ kind: 'case-note', person_ids: [herId] }, { kind: 'case-note', person_ids: [herId] }]);
      const alerted = await t.ctx.db.selectFrom('alerts').select('reason').where('case_id', '=', herCase).execute();
      assert.deepEqual(alerted, [], 'no emergency-attendance alert for the baby');
      assert.ok(!(await findings()).includes('non-mobile-injury'));
      const babys = await imported(bundleOf(patient(BRUISED_MOTHER_NHS, 'mum'), patient(HER_BABY_NHS), ...about('baby', 'baby')));
      assert.deepEqual(babys.stored.map((s) => [s.index, s.kind]), [[2, 'injury-observed'], [3, 'emergency-attendance']]);
      assert.ok((await findings()).includes('non-mobile-injury'));
    });

    it('says a RelatedPerson, of the mother or of the baby, is a person for a practitioner to confirm, keeps the proposal once, and adds nobody to the record', async () => {
      const peopleBefore = await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).execute();
      const related = (id: string, about: object) => ({ resource: { resourceType: 'RelatedPerson', id, patient: about, name: [{ given: ['Ann'], family: 'Hart' }], relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }] }] } });
      const sent = bundleOf(patient(MOTHER_NHS, 'mum'), patient(BABY_NHS), related('rp-mum', mum), related('rp-baby', subject));
      const result = await imported(sent);
      assert.deepEqual(result.skipped.map((s) => [s.index, s.code]), [[2, 'person-proposed'], [3, 'person-proposed']]);
      assert.deepEqual([result.stored, result.rejected], [[], []]);
      assert.deepEqual(await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).execute(), peopleBefore);
      const proposals = () => t.ctx.db.selectFrom('fhir_proposed_people').select(['resource', 'given_name', 'family_name', 'relationship_to_infant', 'decision']).where('case_id', '=', caseId).orderBy('resource').execute();
      const kept = [
        { resource: 'RelatedPerson/rp-baby', given_name: 'Ann', family_name: 'Hart', relationship_to_infant: 'mother', decision: null },
        { resource: 'RelatedPerson/rp-mum', given_name: 'Ann', family_name: 'Hart', relationship_to_infant: 'unknown', decision: null },
      ];
      assert.deepEqual(await proposals(), kept, 'the mother’s mother is nobody to the baby until a practitioner says so');
      await imported(sent);
      assert.deepEqual(await proposals(), kept, 'sent again, kept once');
    });

    it('reports a Patient who matches nobody for a practitioner to confirm, and records nothing about them', async () => {
      const result = await imported(bundleOf(patient(STRANGER_NHS, 'partner'), patient(BABY_NHS), { resource: note('p-1', { reference: 'urn:uuid:partner' }, 'Partner smokes') }, { resource: note('b-1', subject, 'Weighed') }));
      assert.deepEqual(result.patients.map((p) => p.match), ['unmatched', 'infant']);
      assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details[0]?.path]), [[2, 'patient-unconfirmed', '/entry/0/resource']]);
      assert.deepEqual(result.outcome.issue.map((i) => i.severity), ['warning', 'information', 'warning', 'information']);
      assert.deepEqual(result.stored.map((s) => s.index), [3]);
    });

    it('refuses the resources of a Patient whose NHS number fails its check digit, and of a reference to no Patient', async () => {
      const result = await imported(bundleOf(patient('9434765918', 'wrong'), patient(BABY_NHS), { resource: note('w-1', { reference: 'urn:uuid:wrong' }, 'Something') }, { resource: note('w-2', { reference: 'Patient/nobody' }, 'Something else') }, { resource: note('w-3', subject, 'Fine') }));
      assert.deepEqual(result.patients.map((p) => p.match), ['nhs-number-invalid', 'infant']);
      assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details[0]?.path]), [[2, 'nhs-number-invalid', '/entry/0/resource/identifier/0/value'], [3, 'unknown-subject', '/entry/3/resource/subject/reference']]);
      assert.deepEqual(result.stored.map((s) => s.index), [4]);
    });
  });

  describe('changes, corrections and dates', () => {
    it('stores an Encounter sent with an identifier and no id once, however often it comes', async () => {
      const byIdentifier = { ...emergency, id: undefined, identifier: [{ system: 'https://trust.example/ae', value: 'AE-991' }] };
      assert.equal((await imported(bundleOf(patient(BABY_NHS), { resource: byIdentifier }))).stored.length, 1);
      assert.equal((await imported(bundleOf(patient(BABY_NHS), { resource: byIdentifier }))).duplicates.length, 1);
      const stored = await t.ctx.db.selectFrom('chronology_entries').select('id').where('external_id', '=', 'fhir:Encounter?identifier=https://trust.example/ae|AE-991').execute();
      assert.equal(stored.length, 1);
    });

    it('records a changed resource as a correction of the newest version, and a re-send of it as a duplicate', async () => {
      const first = await imported(bundleOf(patient(BABY_NHS), { resource: note('fix-1', subject, 'Weight 4.1 kg') }));
      const changed = await imported(bundleOf(patient(BABY_NHS), { resource: note('fix-1', subject, 'Weight 4.3 kg') }));
      assert.deepEqual(changed.corrected.map((c) => [c.index, c.resource]), [[1, 'Observation/fix-1']]);
      assert.deepEqual(codesOf(changed.outcome).map(([code]) => code), ['infant', 'corrected']);
      const correction = await t.ctx.db.selectFrom('chronology_entries').select(['corrects', 'correction_reason', 'external_id', 'summary']).where('id', '=', changed.corrected[0]!.id).executeTakeFirstOrThrow();
      assert.deepEqual(correction, { corrects: first.stored[0]!.id, correction_reason: 'The sending system sent a changed version of its record', external_id: 'fhir:Observation/fix-1#2', summary: 'Weight 4.3 kg' });
      assert.deepEqual((await imported(bundleOf(patient(BABY_NHS), { resource: note('fix-1', subject, 'Weight 4.3 kg') }))).duplicates.map((d) => d.id), [changed.corrected[0]!.id]);
      const third = await imported(bundleOf(patient(BABY_NHS), { resource: note('fix-1', subject, 'Weight 4.1 kg') }));
      const back = await t.ctx.db.selectFrom('chronology_entries').select(['corrects', 'external_id']).where('id', '=', third.corrected[0]!.id).executeTakeFirstOrThrow();
      assert.deepEqual(back, { corrects: changed.corrected[0]!.id, external_id: 'fhir:Observation/fix-1#3' });
    });

    it('marks what a resource gave as entered in error when it comes back so, once; and says there was nothing to mark when it never came', async () => {
      await imported(bundleOf(patient(BABY_NHS), { resource: { ...bruise, id: 'oops-1', effectiveDateTime: '2026-11-21T09:00:00+00:00' } }));
      const marked = await imported(bundleOf(patient(BABY_NHS), { resource: { ...bruise, id: 'oops-1', status: 'entered-in-error' } }));
      assert.deepEqual(marked.corrected.map((c) => [c.index, c.kind, c.enteredInError]), [[1, 'case-note', true]]);
      assert.deepEqual(codesOf(marked.outcome).map(([code]) => code), ['infant', 'marked-entered-in-error']);
      const mark = await t.ctx.db.selectFrom('chronology_entries').select(['kind', 'summary', 'correction_reason']).where('id', '=', marked.corrected[0]!.id).executeTakeFirstOrThrow();
      assert.deepEqual(mark, { kind: 'case-note', summary: 'Entered in error in the sending system. It had said: Bruise. Site: Left ear', correction_reason: 'The sending system marked its record entered in error' });
      assert.deepEqual((await imported(bundleOf(patient(BABY_NHS), { resource: { ...bruise, id: 'oops-1', status: 'entered-in-error' } }))).duplicates.map((d) => d.id), [marked.corrected[0]!.id]);
      const never = await imported(bundleOf(patient(BABY_NHS), { resource: { ...bruise, id: 'never-sent', status: 'entered-in-error' } }));
      assert.deepEqual(never.skipped.map((s) => [s.index, s.code]), [[1, 'entered-in-error']]);
    });

    it('marks what a Condition gave as entered in error when its verificationStatus says so (it has no status), as for other resources', async () => {
      const fracture = (id: string, verification: string) => ({ resourceType: 'Condition', id, subject, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: verification }] }, code: { text: 'Fractured femur' }, onsetDateTime: '2026-11-21' });
      const first = await imported(bundleOf(patient(BABY_NHS), { resource: fracture('cond-1', 'confirmed') }));
      assert.deepEqual(first.stored.map((s) => [s.index, s.kind]), [[1, 'injury-observed']]);
      const marked = await imported(bundleOf(patient(BABY_NHS), { resource: fracture('cond-1', 'entered-in-error') }));
      assert.deepEqual(marked.corrected.map((c) => [c.index, c.kind, c.enteredInError]), [[1, 'case-note', true]]);
      assert.deepEqual(codesOf(marked.outcome).map(([code]) => code), ['infant', 'marked-entered-in-error']);
      const mark = await t.ctx.db.selectFrom('chronology_entries').select(['kind', 'corrects', 'summary']).where('id', '=', marked.corrected[0]!.id).executeTakeFirstOrThrow();
      assert.deepEqual(mark, { kind: 'case-note', corrects: first.stored[0]!.id, summary: 'Entered in error in the sending system. It had said: Condition: Fractured femur' });
      assert.deepEqual((await imported(bundleOf(patient(BABY_NHS), { resource: fracture('cond-1', 'entered-in-error') }))).duplicates.map((d) => d.id), [marked.corrected[0]!.id]);
      const never = await imported(bundleOf(patient(BABY_NHS), { resource: fracture('cond-never', 'entered-in-error') }));
      assert.deepEqual(never.skipped.map((s) => [s.index, s.code, s.details[0]?.path]), [[1, 'entered-in-error', '/entry/1/resource/verificationStatus']]);
    });

    it('stores a baby’s weight for the growth record with its entry, and not an adult’s', async () => {
      const weight = (id: string, about: object, kg: number) => ({ resourceType: 'Observation', id, status: 'final', subject: about, code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] }, valueQuantity: { value: kg, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' }, effectiveDateTime: '2026-11-18' });
      const result = await imported(bundleOf(patient(MOTHER_NHS, 'mum'), patient(BABY_NHS), { resource: weight('wt-baby', subject, 4.21) }, { resource: weight('wt-mum', { reference: 'urn:uuid:mum' }, 71) }));
      assert.deepEqual(result.stored.map((s) => s.index), [2, 3]);
      const measured = await t.ctx.db.selectFrom('growth_measurements').select(['kind', 'value', 'measured_on', 'source', 'entry_id']).where('case_id', '=', caseId).execute();
      assert.deepEqual(measured, [{ kind: 'weight', value: 4210, measured_on: '2026-11-18', source: 'fhir', entry_id: result.stored[0]!.id }]);
    });

    it('says, as its own warning after the resource’s line, why a baby’s measurement could not go to the growth record; not for an adult’s', async () => {
      const weight = (id: string, about: object, valueQuantity: object) => ({ resourceType: 'Observation', id, status: 'final', subject: about, code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] }, valueQuantity, effectiveDateTime: '2026-11-18' });
      const result = await imported(bundleOf(patient(MOTHER_NHS, 'mum'), patient(BABY_NHS), { resource: weight('wt-stone', subject, { value: 0.66, unit: 'stone', code: '[stone_av]' }) }, { resource: weight('wt-mum-lb', { reference: 'urn:uuid:mum' }, { value: 150, unit: 'lb' }) }, { resource: weight('wt-none', subject, { unit: 'kg' }) }));
      assert.deepEqual(result.stored.map((s) => s.index), [2, 3, 4]);
      assert.deepEqual(
        result.outcome.issue.map((issue) => [issue.severity, issue.code, issue.details.coding[0]?.code, issue.expression?.[0]]),
        [
          ['information', 'informational', 'person', 'Bundle.entry[0].resource'],
          ['information', 'informational', 'infant', 'Bundle.entry[1].resource'],
          ['information', 'informational', 'stored', 'Bundle.entry[2].resource'],
          ['warning', 'value', 'measurement-unit-unknown', 'Bundle.entry[2].resource.valueQuantity.code'],
          ['information', 'informational', 'stored', 'Bundle.entry[3].resource'],
          ['information', 'informational', 'stored', 'Bundle.entry[4].resource'],
          ['warning', 'value', 'measurement-no-value', 'Bundle.entry[4].resource.valueQuantity.value'],
        ],
      );
      assert.match(result.outcome.issue[3]?.details.text ?? '', /^Recorded in the chronology in words, but not added to the growth record\. Give the measurement in a unit/);
      const measured = await t.ctx.db.selectFrom('growth_measurements').select('entry_id').where('entry_id', 'in', result.stored.map((s) => s.id)).execute();
      assert.deepEqual(measured, []);
      const again = await imported(bundleOf(patient(BABY_NHS), { resource: weight('wt-stone', subject, { value: 0.66, unit: 'stone', code: '[stone_av]' }) }));
      assert.deepEqual(codesOf(again.outcome).map(([code]) => code), ['infant', 'duplicate', 'measurement-unit-unknown']);
    });

    it('refuses a date before the pregnancy began, whole, and raises no "has gone home" alert for it', async () => {
      const alertsBefore = (await t.ctx.db.selectFrom('alerts').select('id').where('case_id', '=', caseId).execute()).length;
      const result = await imported(bundleOf(patient(BABY_NHS), { resource: { ...stay('finished', '2019-12-11T13:00:00+00:00'), id: 'old-stay', period: { start: '2019-12-10T13:00:00+00:00', end: '2019-12-11T13:00:00+00:00' } } }));
      assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.message, r.details[0]?.path]), [[1, 'before-pregnancy', 'The date is before this pregnancy began: it cannot be part of the baby’s chronology', '/entry/1/resource/period/start']]);
      assert.deepEqual(result.stored, []);
      assert.equal((await t.ctx.db.selectFrom('alerts').select('id').where('case_id', '=', caseId).execute()).length, alertsBefore);
    });
  });

  it('is published in the OpenAPI document, for JSON and XML, with its OperationOutcome answers', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { post?: { summary?: string; requestBody?: { content: Record<string, unknown> }; responses: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }> } }> }>();
    const operation = doc.paths['/api/v1/fhir/Bundle']?.post;
    assert.match(operation?.summary ?? '', /not a FHIR server/);
    assert.deepEqual(Object.keys(operation?.requestBody?.content ?? {}), ['application/json', 'application/fhir+json', 'application/fhir+xml', 'application/xml']);
    for (const status of ['400', '403', '404', '413', '415', '422']) assert.deepEqual(Object.keys(operation?.responses[status]?.content?.['application/fhir+json']?.schema?.properties ?? {}), ['resourceType', 'meta', 'text', 'issue'], status);
  });
});
