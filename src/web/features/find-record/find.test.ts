import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { createCase } from '../../../application/cases/create-case.ts';
import type { UserActor } from '../../../application/actor.ts';
import type { NewRecordInput } from '../../../domain/people/record-matching.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';

describe('find a record page', () => {
  let t: TestApp;
  let client: WebClient;
  let me: UserActor;
  let other: UserActor;
  let mine: string;
  let theirs: string;

  async function make(actor: UserActor, input: NewRecordInput): Promise<string> {
    const result = await createCase(t.ctx, actor, input, { confirmedNoDuplicate: true });
    assert.ok(result.ok, JSON.stringify(result));
    return result.value.id;
  }

  before(async () => {
    t = await createTestApp();
    const user = await makeUser(t.ctx, { name: 'Pat Practitioner' });
    me = { kind: 'user', userId: user.id, organisationId: user.organisationId, role: 'practitioner', channel: 'web', ip: null };
    const policeOrg = await makeOrganisation(t.ctx, 'police', 'Northshire Police');
    const officer = await makeUser(t.ctx, { organisationId: policeOrg.id, name: 'Olu Officer', email: 'olu.officer@test.example' });
    other = { kind: 'user', userId: officer.id, organisationId: officer.organisationId, role: 'practitioner', channel: 'web', ip: null };
    mine = await make(me, { status: 'born', givenName: 'John', familyName: 'Smith', nhsNumber: '9434765919', dateOfBirth: '2026-10-01', multipleBirth: false, independentlyMobile: false });
    theirs = await make(other, { status: 'born', givenName: 'Secret', familyName: 'Smithers', nhsNumber: '1000000060', dateOfBirth: '2026-09-09', multipleBirth: false, independentlyMobile: false });
    client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
  });
  after(async () => t.close());

  async function search(fields: Record<string, string>) {
    await client.get('/cases/find');
    return client.post('/cases/find', fields);
  }

  it('sends someone not signed in to sign in', async () => {
    const response = await new WebClient(t.app).get('/cases/find');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2Fcases%2Ffind');
  });

  it('is reached from the home page', async () => {
    const home = await client.get('/');
    assert.match(qaElement(home.body, 'find-or-create-record') ?? '', /href="\/cases\/find"[^>]*>Find or create a record</);
  });

  it('shows the search form, with no results yet, and a way to create a record', async () => {
    const response = await client.get('/cases/find');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>Find or create a record<\/h1>/);
    const form = qaElement(response.body, 'search-form') ?? '';
    for (const field of ['nhsNumber', 'name', 'dateOfBirth-day', 'dateOfBirth-month', 'dateOfBirth-year', '_csrf']) assert.ok(form.includes(`name="${field}"`), field);
    assert.equal(qaElement(response.body, 'results-heading'), null);
    assert.match(qaElement(response.body, 'create-record') ?? '', /href="\/cases\/new"/);
  });

  it('finds a record by NHS number and links to it', async () => {
    const response = await search({ nhsNumber: '943 476 5919' });
    assert.equal(response.statusCode, 200);
    assert.equal(textOf(qaElement(response.body, 'results-heading')), '1 record found');
    const results = qaElement(response.body, 'search-results') ?? '';
    assert.ok(results.includes(`href="/cases/${mine}"`));
    assert.match(textOf(results), /John Smith Your case Born 1 October 2026 943 476 5919 NHS number$/);
    assert.match(response.body, /value="943 476 5919"/, 'keeps what was typed');
  });

  it('finds "John Smith" from "Jon Smyth"', async () => {
    const response = await search({ name: 'Jon Smyth' });
    const results = qaElement(response.body, 'search-results') ?? '';
    assert.ok(results.includes(`href="/cases/${mine}"`));
  });

  it('finds a record by date of birth typed as day, month and year', async () => {
    const response = await search({ 'dateOfBirth-day': '1', 'dateOfBirth-month': '10', 'dateOfBirth-year': '2026' });
    assert.ok((qaElement(response.body, 'search-results') ?? '').includes(`href="/cases/${mine}"`));
  });

  it('shows a record the practitioner may not open only as who to contact', async () => {
    const response = await search({ nhsNumber: '1000000060' });
    assert.equal(response.statusCode, 200);
    const row = qaElement(response.body, 'restricted-record');
    assert.ok(row, 'shows the restricted record');
    const org = await t.ctx.db.selectFrom('organisations').select('name').where('id', '=', other.organisationId).executeTakeFirstOrThrow();
    assert.match(textOf(row), new RegExp(`^A record you cannot open. Contact Olu Officer, ${org.name} \\(olu.officer@test.example\\)\\. If a baby is at risk now.* Under 3 months Not shown NHS number$`));
    for (const secret of ['Secret', 'Smithers', '9 September 2026', '100 000 0060', `/cases/${theirs}"`]) assert.ok(!response.body.includes(secret), secret);
    assert.ok(row.includes(`href="/cases/${theirs}/emergency-access"`), 'offers emergency access, the only way in');
  });

  it('says when nothing matches', async () => {
    const response = await search({ name: 'Zebedee Quartermaine' });
    assert.equal(response.statusCode, 200);
    assert.equal(textOf(qaElement(response.body, 'results-heading')), '0 records found');
    assert.ok(qaElement(response.body, 'no-results'));
    assert.equal(qaElement(response.body, 'search-results'), null);
  });

  it('explains an NHS number that fails the check, and keeps it', async () => {
    const response = await search({ nhsNumber: '123 456 7890', name: 'Smith' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is a problem/);
    assert.deepEqual(summaryErrors(response.body), ['#nhsNumber: This NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit']);
    assert.match(response.body, /id="nhsNumber-error"/);
    assert.match(response.body, /value="123 456 7890"/);
    assert.match(response.body, /value="Smith"/);
    assert.equal(qaElement(response.body, 'search-results'), null);
  });

  it('asks for something to search for', async () => {
    const response = await search({});
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#nhsNumber: Enter an NHS number, a name, a date of birth or due date, or a postcode']);
  });

  it('says a date that does not exist must be a real date, and one with a part missing what is missing', async () => {
    const impossible = await search({ 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2026' });
    assert.equal(impossible.statusCode, 400);
    assert.deepEqual(summaryErrors(impossible.body), ['#dateOfBirth-day: Date of birth or due date must be a real date']);
    assert.match(impossible.body, /name="dateOfBirth-day" type="text" value="31"/);
    const partial = await search({ 'dateOfBirth-day': '3', 'dateOfBirth-month': '', 'dateOfBirth-year': '' });
    assert.deepEqual(summaryErrors(partial.body), ['#dateOfBirth-month: Date of birth or due date must include a month and year']);
    assert.match(partial.body, /govuk-input--error[^>]*id="dateOfBirth-month"|id="dateOfBirth-month"[^>]*govuk-input--error/);
    assert.doesNotMatch(partial.body, /govuk-input--error[^>]*id="dateOfBirth-day"|id="dateOfBirth-day"[^>]*govuk-input--error/);
    const shortYear = await search({ 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': '26' });
    assert.deepEqual(summaryErrors(shortYear.body), ['#dateOfBirth-year: Year must include 4 numbers']);
  });

  it('audits the search, with the criteria and the ids shown', async () => {
    await search({ name: 'Smith' });
    const row = await t.ctx.db
      .selectFrom('audit_log')
      .select(['details', 'channel'])
      .where('action', '=', 'cases.search')
      .where('actor_user_id', '=', me.userId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.channel, 'web');
    assert.deepEqual(row.details['criteria'], { nhsNumber: null, name: 'Smith', dateOfBirth: null, postcode: null });
    assert.deepEqual(row.details['caseIds'], [mine]);
    assert.deepEqual(row.details['restrictedCaseIds'], [theirs]);
  });

  it('refuses a search posted without the form’s security token', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/cases/find', payload: 'name=Smith', headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(response.statusCode, 403);
  });

  it("finds by postcode and by the mother's NHS number, saying why, never showing the address or a date for a record it cannot open", async () => {
    const unborn = await createCase(t.ctx, other, { status: 'unborn', familyName: 'Quill', expectedDeliveryDate: '2027-03-14', details: { motherNhsNumber: '4010232137', address: '3 Hidden Row', postcode: 'NE1 4XF', addressRestricted: true } }, { confirmedNoDuplicate: true });
    const household = await make(other, { status: 'born', givenName: 'Ada', familyName: 'Penrose', dateOfBirth: '2026-05-22', multipleBirth: false, independentlyMobile: false });
    await t.ctx.db.updateTable('cases').set({ address: '14 Mill Lane', postcode: 'NE1 4XF' }).where('id', '=', household).execute();
    assert.ok(unborn.ok);

    const byMother = await search({ nhsNumber: '401 023 2137' });
    const row = textOf(qaElement(byMother.body, 'restricted-record'));
    assert.match(row, /Unborn, due March 2027 Not shown Mother's NHS number$/);
    for (const secret of ['Quill', '14 March', '3 Hidden Row', 'NE1 4XF']) assert.ok(!byMother.body.includes(secret), secret);

    const byPostcode = await search({ postcode: 'ne1 4xf' });
    assert.equal(byPostcode.statusCode, 200);
    assert.equal(textOf(qaElement(byPostcode.body, 'results-heading')), '1 record found', 'the restricted address is not found by its postcode');
    assert.match(textOf(qaElement(byPostcode.body, 'restricted-record')), /6 to 12 months Not shown Postcode$/);
    for (const secret of ['Penrose', '22 May 2026', '14 Mill Lane', 'Hidden Row']) assert.ok(!byPostcode.body.includes(secret), secret);
  });

  it("finds the babies a father is around by his name, saying he is the father, never naming anyone", async () => {
    const hisBaby = await make(other, { status: 'born', givenName: 'Rosa', familyName: 'Lindqvist', dateOfBirth: '2026-08-20', multipleBirth: false, independentlyMobile: false });
    await makePerson(t.ctx, hisBaby, { relationship_to_infant: 'father', given_name: 'Mikael', family_name: 'Oyelaran', date_of_birth: '1991-12-01', nhs_number: '4857773481' });
    await makePerson(t.ctx, hisBaby, { relationship_to_infant: 'mother', given_name: 'Freya', family_name: 'Lindqvist' });

    const response = await search({ name: 'Mikael Oyelaran', 'dateOfBirth-day': '1', 'dateOfBirth-month': '12', 'dateOfBirth-year': '1991' });
    assert.equal(response.statusCode, 200);
    assert.equal(textOf(qaElement(response.body, 'results-heading')), '1 record found');
    const row = textOf(qaElement(response.body, 'restricted-record'));
    assert.match(row, /3 to 6 months Not shown Around this baby as: father, by name and date of birth$/);
    assert.ok((qaElement(response.body, 'restricted-record') ?? '').includes(`href="/cases/${hisBaby}/emergency-access"`), 'offers emergency access');
    const results = qaElement(response.body, 'search-results') ?? '';
    for (const secret of ['Rosa', 'Lindqvist', 'Freya', '20 August 2026']) assert.ok(!results.includes(secret), secret);

    const byNhs = await search({ nhsNumber: '485 777 3481' });
    assert.match(textOf(qaElement(byNhs.body, 'matched-on')), /^Around this baby as: father, by NHS number$/);
    const otherDate = await search({ name: 'Mikael Oyelaran', 'dateOfBirth-day': '2', 'dateOfBirth-month': '12', 'dateOfBirth-year': '1991' });
    assert.equal(textOf(qaElement(otherDate.body, 'results-heading')), '0 records found', 'the right name with another date of birth');
  });

  it('says both ways when a baby is found by its own name and through a person around it', async () => {
    const baby = await make(me, { status: 'born', givenName: 'Wren', familyName: 'Abernethy', dateOfBirth: '2026-10-11', multipleBirth: false, independentlyMobile: false });
    await makePerson(t.ctx, baby, { relationship_to_infant: 'grandparent', given_name: 'Moira', family_name: 'Abernethy' });
    const response = await search({ name: 'Abernethy' });
    const lines = [...(qaElement(response.body, 'matched-on') ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(lines, ['Name', 'Around this baby as: grandparent, by name']);
  });

  it('explains a postcode that is not one, keeping it', async () => {
    const response = await search({ postcode: 'NE1' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#postcode: Enter a real postcode, like DE1 2AB']);
    assert.ok(response.body.includes('value="NE1"'));
  });

  it('refuses an administrator a search by postcode, and does not offer it', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const adminClient = new WebClient(t.app);
    await adminClient.signIn(admin.email, admin.password);
    const page = await adminClient.get('/cases/find');
    assert.ok(!page.body.includes('name="postcode"'));
    const response = await adminClient.post('/cases/find', { postcode: 'NE1 4XF' });
    assert.equal(response.statusCode, 403);
    assert.deepEqual(summaryErrors(response.body), ['#postcode: Your role does not search by where a family lives. Search by NHS number, name or date of birth.']);
  });
});
