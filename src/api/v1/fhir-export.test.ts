// The FHIR export through the API: what each route answers, its media type, refusals as
// OperationOutcomes, the access log only for those who may read it, every read audited; and every
// resource exported checked by an offline FHIR validator (the fhir package, FHIR.js) against the base
// FHIR R4 structure definitions. The UK Core profiles' own rules are tested on the builders
// (src/domain/fhir/export/*.test.ts): this validator does not read UK Core profiles.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Fhir } from 'fhir';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface Resource {
  resourceType: string;
  id?: string;
  [key: string]: unknown;
}
interface Bundle extends Resource {
  total: number;
  link: { relation: string; url: string }[];
  entry: { fullUrl?: string; resource: Resource; search: { mode: string } }[];
}

const fhir = new Fhir();

/**
 * What the validator finds wrong: errors, and elements it does not know. Left out: its notes on
 * bindings that are not required (it cannot expand value sets defined by a filter, such as HL7
 * RoleCode's personal relationships, so it reports their codes as not found).
 */
function problems(resource: Resource): string[] {
  const { messages } = fhir.validate(resource);
  return messages.filter((message) => String(message.severity) === 'error' || /Unexpected property/.test(message.message ?? '')).map((message) => `${message.severity ?? ''} ${message.location ?? ''}: ${message.message ?? ''}`);
}

describe('FHIR export API (GET /api/v1/fhir/...)', () => {
  let t: TestApp;
  let caseId: string;
  let motherId: string;
  let lead: string;
  let member: string;
  let outsider: string;
  const get = (token: string, url: string, accept?: string) => t.app.inject({ method: 'GET', url: `/api/v1/fhir/${url}`, headers: { authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) } });
  const audits = async (action: string, outcome = 'success') =>
    Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', caseId).where('action', '=', action).where('outcome', '=', outcome).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Shire Health Visiting');
    const police = await makeOrganisation(t.ctx, 'police', 'Shire Police');
    const leadUser = await makeUser(t.ctx, { organisationId: health.id, name: 'Hana Visitor' });
    const memberUser = await makeUser(t.ctx, { organisationId: health.id, name: 'Gill Member' });
    const outsiderUser = await makeUser(t.ctx, { organisationId: police.id });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Hart', teamUserIds: [leadUser.id, memberUser.id] }));
    await t.ctx.db.updateTable('cases').set({ nhs_number: '9434765919', sex: 'female', gp_practice_name: 'Elm Surgery', gp_practice_ods_code: 'B82005', date_of_birth: '2026-10-01', gestation_at_birth_weeks: 38, gestation_at_birth_days: 4 }).where('id', '=', caseId).execute();
    ({ id: motherId } = await makePerson(t.ctx, caseId, { nhs_number: '4010232137', date_of_birth: '1998-04-02', sex: 'female' }));
    await makePerson(t.ctx, caseId, { given_name: 'Dan', family_name: 'Cole', relationship_to_infant: 'father', lives_in_household: false, cares_for_infant: false, address: '9 Hidden Lane', address_restricted: true });
    lead = await apiTokenFor(t.ctx, leadUser.email);
    member = await apiTokenFor(t.ctx, memberUser.email);
    outsider = await apiTokenFor(t.ctx, outsiderUser.email);
    const today = serviceToday(t.clock.now());
    const post = async (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => {
      const response = await t.app.inject({ method, url: `/api/v1/cases/${caseId}/${url}`, headers: { authorization: `Bearer ${lead}` }, payload });
      assert.ok(response.statusCode < 300, `${url}: ${response.statusCode} ${response.body}`);
    };
    await post('events', { kind: 'home-visit', occurredAt: today, summary: 'Baby asleep in a Moses basket', source: 'observed', presentIds: [motherId], babySeen: true });
    await post('events', { kind: 'phone-or-video-call', occurredAt: today, summary: 'Mother says all is well', source: 'carer-account' });
    await post('events', { kind: 'injury-observed', occurredAt: today, summary: 'Bruise to left cheek, no explanation offered', source: 'observed' });
    await post('consents', { kind: 'consent', askedPersonId: motherId, purpose: 'Sharing with the GP and midwife', soughtOn: today, answer: 'given' });
    await post('plan', { version: 0, level: 'early-help', outcomes: ['Baby sleeps safely every night'], checkItems: [], actions: [{ text: 'Visit weekly', owner: { name: 'Health visitor' }, dueOn: today, status: 'open' }] }, 'PUT');
  });
  after(async () => t.close());

  it('answers the baby as a UK Core Patient in application/fhir+json, audited as a look at the record', async () => {
    const before = await audits('case.view');
    const response = await get(lead, `Patient/${caseId}`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/fhir\+json/);
    const patient = response.json<Resource>();
    assert.equal(patient['resourceType'], 'Patient');
    assert.deepEqual((patient['identifier'] as { system: string; value: string }[]).map(({ system, value }) => [system, value]), [['https://fhir.nhs.uk/Id/nhs-number', '9434765919']]);
    assert.deepEqual(patient['generalPractitioner'], [{ type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'B82005' }, display: 'Elm Surgery' }]);
    assert.deepEqual(problems(patient), []);
    assert.equal(await audits('case.view'), before + 1);
  });

  it('answers an unborn baby with UK Core fetal status and no birth date, valid FHIR R4', async () => {
    const leadId = (await t.ctx.db.selectFrom('users').select('id').where('name', '=', 'Hana Visitor').executeTakeFirstOrThrow()).id;
    const { id: unbornId } = await makeCase(t.ctx, { familyName: 'Hart', teamUserIds: [leadId] });
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', given_name: null, date_of_birth: null, expected_delivery_date: '2027-03-01' }).where('id', '=', unbornId).execute();
    const patient = (await get(lead, `Patient/${unbornId}`)).json<Resource>();
    assert.deepEqual(patient['extension'], [{ url: 'http://hl7.org/fhir/6.0/StructureDefinition/extension-Patient.fetalStatus', valueCode: 'potential-for-live-birth' }]);
    assert.equal(patient['birthDate'], undefined);
    assert.match((patient['text'] as { div: string }).div, /expected delivery date 2027-03-01/);
    assert.deepEqual(problems(patient), []);
  });

  it('answers application/json to a client that accepts only that', async () => {
    const response = await get(lead, `Patient/${caseId}`, 'application/json');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
  });

  it('gives every resource of the record in $everything, each valid FHIR R4, the access log for the lead', async () => {
    const response = await get(lead, `Patient/${caseId}/$everything`);
    assert.equal(response.statusCode, 200, response.body);
    const bundle = response.json<Bundle>();
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle['type'], 'searchset');
    const types = new Set(bundle.entry.map((entry) => entry.resource.resourceType));
    assert.deepEqual([...types], ['Patient', 'RelatedPerson', 'Flag', 'CarePlan', 'CareTeam', 'Consent', 'Encounter', 'Observation', 'AuditEvent']);
    assert.equal(bundle.total, bundle.entry.length);
    assert.ok(bundle.entry.every((entry) => entry.search.mode === 'match'), 'the lead sees the whole log: nothing to say about it');
    for (const entry of bundle.entry) {
      assert.deepEqual(problems(entry.resource), [], `${entry.resource.resourceType}/${entry.resource.id ?? ''}`);
      assert.match(entry.fullUrl ?? '', new RegExp(`/api/v1/fhir/${entry.resource.resourceType}/`));
    }
    assert.deepEqual(problems(bundle), []);
    const encounters = bundle.entry.filter((entry) => entry.resource.resourceType === 'Encounter').map((entry) => (entry.resource['class'] as { code: string }).code);
    assert.deepEqual(encounters.sort(), ['HH', 'VR']);
  });

  it('answers the gestation at birth as an Observation search: 38+4 as 270 days, SNOMED CT 412726003, valid FHIR R4, audited', async () => {
    const before = await audits('case.view');
    const response = await get(member, `Observation?patient=Patient/${caseId}`);
    assert.equal(response.statusCode, 200, response.body);
    const bundle = response.json<Bundle>();
    assert.deepEqual(bundle.entry.map((entry) => [entry.resource.id, entry.resource['code'], entry.resource['effectiveDateTime'], entry.resource['valueQuantity']]), [
      [`${caseId}-gestation-at-birth`, { coding: [{ system: 'http://snomed.info/sct', code: '412726003', display: 'Length of gestation at birth' }], text: 'Gestation at birth' }, '2026-10-01', { value: 270, unit: 'day', system: 'http://unitsofmeasure.org', code: 'd' }],
    ]);
    assert.deepEqual(problems(bundle.entry[0]!.resource), []);
    assert.equal(await audits('case.view'), before + 1);
  });

  it('leaves the access log out of $everything for a member of the team, who may not read it', async () => {
    const bundle = (await get(member, `Patient/${caseId}/$everything`)).json<Bundle>();
    assert.ok(bundle.entry.length > 0);
    assert.ok(!bundle.entry.some((entry) => entry.resource.resourceType === 'AuditEvent'));
    const outcomes = bundle.entry.filter((entry) => entry.search.mode === 'outcome');
    assert.equal(outcomes.length, 1);
    assert.match(JSON.stringify(outcomes[0]?.resource), /access log \(AuditEvent\) is left out/);
    assert.equal(bundle.total, bundle.entry.length - 1, 'the outcome is not a match');
  });

  it('searches each type by patient, as Patient/<id> or the id alone', async () => {
    const flags = (await get(member, `Flag?patient=${caseId}`)).json<Bundle>();
    assert.ok(flags.entry.some((entry) => (entry.resource['identifier'] as { value: string }[])[0]?.value === `${caseId}/non-mobile-injury`), 'the bruised baby is flagged');
    for (const [type, expected] of [['RelatedPerson', 2], ['Flag', flags.total], ['CarePlan', 1], ['CareTeam', 1], ['Consent', 1], ['Encounter', 2]] as const) {
      for (const patient of [caseId, `Patient/${caseId}`]) {
        const response = await get(member, `${type}?patient=${encodeURIComponent(patient)}`);
        assert.equal(response.statusCode, 200, `${type}: ${response.body}`);
        const bundle = response.json<Bundle>();
        assert.equal(bundle.total, expected, type);
        assert.ok(bundle.entry.every((entry) => entry.resource.resourceType === type && entry.search.mode === 'match'), type);
      }
    }
  });

  it('leaves out a restricted address for a member of the team, and gives it to the lead, who may see it', async () => {
    const fatherAddress = async (token: string) => (await get(token, `RelatedPerson?patient=${caseId}`)).json<Bundle>().entry.find((entry) => entry.resource.id !== motherId)?.resource['address'];
    assert.equal(await fatherAddress(member), undefined);
    assert.deepEqual(await fatherAddress(lead), [{ use: 'home', text: '9 Hidden Lane' }]);
  });

  it('pages the access log for the lead, newest first, with a next link, audited as a look at who has looked', async () => {
    const before = await audits('case.audit-view');
    const first = (await get(lead, `AuditEvent?patient=${caseId}&_count=2`)).json<Bundle>();
    assert.equal(first.entry.length, 2);
    assert.ok(first.total > 2);
    const next = first.link.find((link) => link.relation === 'next');
    assert.match(next?.url ?? '', /_count=2&_page=2$/);
    const second = (await get(lead, `AuditEvent?patient=${caseId}&_count=2&_page=2`)).json<Bundle>();
    assert.notDeepEqual(second.entry.map((entry) => entry.resource.id), first.entry.map((entry) => entry.resource.id));
    assert.equal(await audits('case.audit-view'), before + 2);
  });

  it('refuses the access log to a member of the team with a 403 OperationOutcome, audited', async () => {
    const before = await audits('case.audit-view', 'denied');
    const response = await get(member, `AuditEvent?patient=${caseId}`);
    assert.equal(response.statusCode, 403);
    const outcome = response.json<Resource>();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.deepEqual(problems(outcome), []);
    assert.equal(await audits('case.audit-view', 'denied'), before + 1);
  });

  it('answers someone outside the team as a case that does not exist (404), each an OperationOutcome', async () => {
    const refused = await get(outsider, `Patient/${caseId}/$everything`);
    assert.equal(refused.statusCode, 404);
    assert.match(String(refused.headers['content-type']), /^application\/fhir\+json/);
    assert.doesNotMatch(refused.body, /Hart|Sarah/);
    assert.equal(refused.json<{ issue: { code: string }[] }>().issue[0]?.code, 'not-found');
    const missing = await get(lead, 'Flag?patient=no-such-case');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json<{ issue: { code: string }[] }>().issue[0]?.code, 'not-found');
  });

  it('asks for the patient (400 OperationOutcome), and refuses paging a type that is not paged', async () => {
    const none = await get(lead, 'Encounter');
    assert.equal(none.statusCode, 400);
    assert.deepEqual(none.json<{ issue: { code: string; expression: string[] }[] }>().issue.map((issue) => [issue.code, issue.expression]), [['required', ['patient']]]);
    const paged = await get(lead, `Encounter?patient=${caseId}&_page=2`);
    assert.equal(paged.statusCode, 400);
  });

  it('answers a parameter that is not valid, or text no database can store, with a 400 OperationOutcome naming the parameter', async () => {
    type Outcome = { resourceType: string; issue: { severity: string; code: string; details: { text: string }; expression?: string[] }[] };
    const notANumber = await get(lead, `AuditEvent?patient=${caseId}&_count=many`);
    assert.equal(notANumber.statusCode, 400);
    assert.match(String(notANumber.headers['content-type']), /^application\/fhir\+json/);
    const outcome = notANumber.json<Outcome>();
    assert.deepEqual(outcome.issue.map((issue) => [issue.severity, issue.code, issue.expression]), [['fatal', 'invalid', ['_count']]]);
    assert.deepEqual(problems(notANumber.json<Resource>()), []);
    const unknown = await get(lead, `Flag?patient=${caseId}&colour=red`);
    assert.equal(unknown.json<Outcome>().issue[0]?.expression?.[0], 'colour');
    const nul = await get(lead, `Flag?patient=${encodeURIComponent('a\u0000b')}`);
    assert.equal(nul.statusCode, 400);
    assert.deepEqual(nul.json<Outcome>().issue.map((issue) => [issue.code, issue.expression]), [['invalid', ['patient']]]);
  });

  it('answers an address no route can read (a part longer than any id, a broken %) with a 400 OperationOutcome, not repeating it', async () => {
    type Outcome = { resourceType: string; issue: { severity: string; code: string; details: { text: string } }[] };
    for (const url of [`Patient/${'9434765919'.repeat(11)}`, `Patient/${caseId}%E0%A4%A/$everything`]) {
      const reply = await get(lead, url);
      assert.equal(reply.statusCode, 400, url);
      assert.match(String(reply.headers['content-type']), /^application\/fhir\+json/, url);
      const outcome = reply.json<Outcome>();
      assert.deepEqual(outcome.issue.map((issue) => [issue.severity, issue.code]), [['fatal', 'invalid']], url);
      assert.match(outcome.issue[0]!.details.text, /^The address cannot be read: /);
      assert.deepEqual(problems(reply.json<Resource>()), [], url);
      assert.doesNotMatch(reply.body, /9434765919/, url);
    }
  });

  it('says what it does in a CapabilityStatement, valid FHIR R4', async () => {
    const response = await get(member, 'metadata');
    assert.equal(response.statusCode, 200);
    const statement = response.json<Resource & { rest: { resource: { type: string; interaction: { code: string }[] }[] }[] }>();
    assert.deepEqual(problems(statement), []);
    assert.deepEqual(
      statement.rest[0]!.resource.map((resource) => `${resource.type}:${resource.interaction.map((i) => i.code).join(',')}`),
      ['Patient:read', 'RelatedPerson:search-type', 'Flag:search-type', 'CarePlan:search-type', 'CareTeam:search-type', 'Consent:search-type', 'Encounter:search-type', 'Observation:search-type', 'AuditEvent:search-type', 'Bundle:create'],
    );
  });

  it('gives the newest 100 entries of a longer access log in $everything, and says where the rest are', async () => {
    for (let look = 0; look < 100; look += 1) assert.equal((await get(lead, `Patient/${caseId}`)).statusCode, 200);
    const bundle = (await get(lead, `Patient/${caseId}/$everything`)).json<Bundle>();
    assert.equal(bundle.entry.filter((entry) => entry.resource.resourceType === 'AuditEvent').length, 100);
    const outcome = bundle.entry.find((entry) => entry.search.mode === 'outcome');
    assert.match(JSON.stringify(outcome?.resource), new RegExp(`the newest 100 are here\\. The rest: GET AuditEvent\\?patient=${caseId}&_page=2`));
  });

  it('refuses a token that may only feed entries', async () => {
    const feed = await apiTokenFor(t.ctx, (await t.ctx.db.selectFrom('users').select('email').where('name', '=', 'Hana Visitor').executeTakeFirstOrThrow()).email, ['feed']);
    const response = await get(feed, `Patient/${caseId}`);
    assert.equal(response.statusCode, 403);
  });
});
