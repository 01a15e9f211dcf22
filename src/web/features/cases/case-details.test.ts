import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const refuge = {
  address: 'Flat 3, 9 Quiet Row\nDerby',
  postcode: 'de1 2ab',
  addressRestricted: 'yes',
  motherNhsNumber: '401 023 2137',
  gpPracticeName: 'Mill Lane Surgery',
  gpPracticeOdsCode: 'c84001',
  birthHospital: 'Royal Derby Hospital',
};

describe('the address, GP and hospital page', () => {
  let t: TestApp;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let member: Awaited<ReturnType<typeof makeUser>>;
  let outsider: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  const clients: Record<string, WebClient> = {};

  before(async () => {
    t = await createTestApp();
    [lead, member, outsider] = [await makeUser(t.ctx, { name: 'Lena Lead' }), await makeUser(t.ctx), await makeUser(t.ctx)];
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id, member.id] }));
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: '2027-03-14' }).where('id', '=', caseId).execute();
    for (const [name, user] of Object.entries({ lead, member, outsider })) clients[name] = await WebClient.signedIn(t.app, user);
  });
  after(async () => t.close());

  const version = async () => (await t.ctx.db.selectFrom('cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow()).version;
  const audits = (action: string, userId: string) =>
    t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', action).where('actor_user_id', '=', userId).where('case_id', '=', caseId).orderBy('seq').execute();

  it('lets the lead record a restricted address, the GP practice, the hospital and the mother’s NHS number, audited without the address', async () => {
    const client = clients['lead']!;
    const form = await client.get(`/cases/${caseId}/details`);
    assert.equal(form.statusCode, 200);
    for (const field of ['address', 'postcode', 'addressRestricted', 'motherNhsNumber', 'gpPracticeName', 'gpPracticeOdsCode', 'birthHospital']) assert.ok(form.body.includes(`name="${field}"`), field);
    const saved = await client.post(`/cases/${caseId}/details`, { version: String(await version()), ...refuge });
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal(saved.headers.location, `/cases/${caseId}#record-details`);
    const row = await t.ctx.db.selectFrom('cases').select(['address', 'postcode', 'address_restricted', 'gp_practice_ods_code', 'mother_nhs_number', 'version']).where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { address: 'Flat 3, 9 Quiet Row\nDerby', postcode: 'DE1 2AB', address_restricted: true, gp_practice_ods_code: 'C84001', mother_nhs_number: '4010232137', version: 2 });
    const [audit] = await audits('case.details-update', lead.id);
    assert.deepEqual(audit, {
      outcome: 'success',
      details: { changed: ['address', 'postcode', 'addressRestricted', 'gpPracticeName', 'gpPracticeOdsCode', 'birthHospital', 'motherNhsNumber'], fromVersion: 1, toVersion: 2, addressRestricted: true },
    });
    const page = await client.get(`/cases/${caseId}`);
    const details = textOf(qaElement(page.body, 'record-details'));
    assert.match(details, /Address Restricted: kept from everyone outside the team. Show the address \(that you looked is recorded\) GP practice Mill Lane Surgery \(C84001\) Birth hospital Royal Derby Hospital Mother's NHS number 401 023 2137/);
    assert.ok(!page.body.includes('Quiet Row') && !page.body.includes('DE1 2AB'), 'the case page never shows a restricted address');
  });

  it('shows the restricted address to the lead only when asked, and records that they looked', async () => {
    const response = await clients['lead']!.get(`/cases/${caseId}/address`);
    assert.equal(response.statusCode, 200);
    assert.match(textOf(qaElement(response.body, 'address')), /Flat 3, 9 Quiet Row\s*Derby\s*DE1 2AB/);
    assert.deepEqual(await audits('case.address-reveal', lead.id), [{ outcome: 'success', details: { restricted: true, basis: 'lead-professional' } }]);
  });

  it('keeps the restricted address from a team member, who can still change the GP and cannot lift the restriction', async () => {
    const client = clients['member']!;
    const page = await client.get(`/cases/${caseId}`);
    assert.equal(qaElement(page.body, 'reveal-address'), null);
    const form = await client.get(`/cases/${caseId}/details`);
    assert.ok(qaElement(form.body, 'address-withheld'));
    assert.ok(!form.body.includes('name="address"') && !form.body.includes('Quiet Row'));
    const saved = await client.post(`/cases/${caseId}/details`, { version: String(await version()), address: 'Somewhere else', gpPracticeName: 'Park Surgery', motherNhsNumber: '401 023 2137', birthHospital: 'Royal Derby Hospital' });
    assert.equal(saved.statusCode, 303);
    const row = await t.ctx.db.selectFrom('cases').select(['address', 'address_restricted', 'gp_practice_name', 'gp_practice_ods_code']).where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { address: 'Flat 3, 9 Quiet Row\nDerby', address_restricted: true, gp_practice_name: 'Park Surgery', gp_practice_ods_code: null });
    const refused = await client.get(`/cases/${caseId}/address`);
    assert.equal(refused.statusCode, 403);
    assert.ok(!refused.body.includes('Quiet Row'));
    assert.deepEqual(await audits('case.address-reveal', member.id), [{ outcome: 'denied', details: { restricted: true } }]);
  });

  it('says what is wrong, in the order of the form, keeping what was typed', async () => {
    const response = await clients['lead']!.post(`/cases/${caseId}/details`, { version: String(await version()), postcode: 'DE1', motherNhsNumber: '401 023 2138', gpPracticeOdsCode: '84001' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#postcode: Enter a real postcode, like DE1 2AB',
      "#motherNhsNumber: The mother's NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit",
      '#gpPracticeOdsCode: Enter the practice code as a letter and 5 numbers, like A81001',
    ]);
    for (const typed of ['value="DE1"', 'value="401 023 2138"', 'value="84001"']) assert.ok(response.body.includes(typed), typed);
  });

  it('keeps what was typed when someone else saved first, and shows their change', async () => {
    const response = await clients['lead']!.post(`/cases/${caseId}/details`, { version: '1', ...refuge, birthHospital: 'Queens Hospital Burton' });
    assert.equal(response.statusCode, 409);
    assert.match(textOf(qaElement(response.body, 'version-conflict')), /Park Surgery/);
    assert.ok(response.body.includes('value="Queens Hospital Burton"'));
    assert.ok(response.body.includes(`name="version" value="${await version()}"`), 'the next save is from the current version');
  });

  it('keeps a form posted with an expired token and gives it back, but never the restricted address: the saved one stands in, and the page says so', async () => {
    const client = clients['lead']!;
    await client.get(`/cases/${caseId}/details`);
    const typedVersion = String(await version());
    const posted = await client.post(`/cases/${caseId}/details`, { _csrf: 'expired-token', version: typedVersion, ...refuge, address: '7 Hidden Lane', postcode: 'DE22 1XY', addressRestricted: '', gpPracticeName: 'Typed Surgery' });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, `/cases/${caseId}/details?restore=1`);
    const [row] = await t.ctx.db.selectFrom('kept_forms').select('fields').where('user_id', '=', lead.id).execute();
    assert.equal(row!.fields['gpPracticeName'], 'Typed Surgery');
    assert.ok(!JSON.stringify(row!.fields).includes('Hidden Lane') && !JSON.stringify(row!.fields).includes('DE22'), 'the record’s address is restricted: no address is kept, even with the box unticked');
    const keep = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'form.keep').where('actor_user_id', '=', lead.id).executeTakeFirstOrThrow();
    assert.deepEqual(keep.details['notKept'], ['address', 'postcode']);

    const page = await client.get(posted.headers.location);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('value="Typed Surgery"'));
    assert.ok(page.body.includes(`name="version" value="${typedVersion}"`), 'the version it was typed against');
    assert.ok(!page.body.includes('Hidden Lane'));
    assert.ok(page.body.includes('Flat 3, 9 Quiet Row'), 'the saved address stands in for the one typed');
    assert.equal(textOf(qaElement(page.body, 'address-not-kept')), 'The address you typed was not kept, because it is restricted: type it again. The address shown is the one saved on the record.');
  });

  it('keeps an address that is not restricted, and says nothing about it', async () => {
    const { id: openCase } = await makeCase(t.ctx, { teamUserIds: [lead.id] });
    const client = clients['lead']!;
    await client.get(`/cases/${openCase}/details`);
    const posted = await client.post(`/cases/${openCase}/details`, { _csrf: 'expired-token', version: '1', address: '12 Open Street', postcode: 'DE1 1AA' });
    const page = await client.get(posted.headers.location!);
    assert.ok(page.body.includes('12 Open Street') && page.body.includes('value="DE1 1AA"'));
    assert.equal(qaElement(page.body, 'address-not-kept'), null);
  });

  it('refuses someone outside the team, saying whom to contact, audited', async () => {
    const form = await clients['outsider']!.get(`/cases/${caseId}/details`);
    assert.equal(form.statusCode, 403);
    assert.match(textOf(qaElement(form.body, 'case-contact')), /Lena Lead/);
    const saved = await clients['outsider']!.post(`/cases/${caseId}/details`, { version: String(await version()), gpPracticeName: 'Not mine' });
    assert.equal(saved.statusCode, 403);
    // The form's page and its post are each refused as the change they are for.
    assert.deepEqual((await audits('case.view', outsider.id)).map((row) => row.outcome), []);
    assert.deepEqual((await audits('case.details-update', outsider.id)).map((row) => row.outcome), ['denied', 'denied']);
    assert.equal((await clients['outsider']!.get(`/cases/${caseId}/address`)).statusCode, 403);
  });
});
