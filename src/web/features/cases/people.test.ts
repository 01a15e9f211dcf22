import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { inputValue, qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const father = {
  relationshipToInfant: 'father',
  identityKnown: 'yes',
  givenName: 'Daniel',
  familyName: 'Mensah',
  'dateOfBirth-day': '3',
  'dateOfBirth-month': '4',
  'dateOfBirth-year': '1997',
  nhsNumber: '943 476 5919',
  sex: 'male',
  livesInHousehold: 'no',
  caresForInfant: 'yes',
  visitsRegularly: 'yes',
  parentalResponsibility: 'yes',
  paternityConfirmed: 'not-known',
};

describe('people around the baby', () => {
  let t: TestApp;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let member: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    lead = await makeUser(t.ctx);
    member = await makeUser(t.ctx);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id, member.id] }));
  });
  after(async () => t.close());

  const personId = async (givenName: string) =>
    (await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).where('given_name', '=', givenName).executeTakeFirstOrThrow()).id;
  const historyChecked = async (id: string) =>
    (await t.ctx.db.selectFrom('people').select('history_checked').where('id', '=', id).executeTakeFirstOrThrow()).history_checked;
  /** The row of the case page's table of people for this person. */
  const caseRow = (html: string, id: string) => new RegExp(`id="person-${id}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
  const historyTicked = /name="historyChecked" type="checkbox" value="yes" checked/;

  it('adds a father who lives elsewhere, with what is known, and audits it', async () => {
    const client = await WebClient.signedIn(t.app, member);
    await client.get(`/cases/${caseId}/people/new`);
    const response = await client.post(`/cases/${caseId}/people/new`, father);
    assert.equal(response.statusCode, 303);
    const row = await t.ctx.db.selectFrom('people').selectAll().where('case_id', '=', caseId).where('given_name', '=', 'Daniel').executeTakeFirstOrThrow();
    assert.deepEqual([row.nhs_number, row.date_of_birth, row.lives_in_household, row.cares_for_infant, row.parental_responsibility, row.paternity_confirmed], ['9434765919', '1997-04-03', false, true, 'yes', 'not-known']);
    const page = await client.get(`/cases/${caseId}`);
    assert.match(page.body, /Daniel Mensah/);
    assert.match(caseRow(page.body, row.id), /Paternity confirmed: Not known/, '"not known" is an answer, not "not recorded"');
    const audit = await t.ctx.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'person.add').execute();
    assert.deepEqual(audit, [{ subject_id: row.id }]);
  });

  it('keeps "not known" apart from a question never answered, on the case page and when changing them', async () => {
    const client = await WebClient.signedIn(t.app, member);
    await client.get(`/cases/${caseId}/people/new`);
    const unasked = Object.fromEntries(Object.entries(father).filter(([name]) => name !== 'parentalResponsibility' && name !== 'paternityConfirmed'));
    const notKnown = { ...father, givenName: 'Notknown', nhsNumber: '', parentalResponsibility: 'not-known', paternityConfirmed: 'not-known' };
    assert.equal((await client.post(`/cases/${caseId}/people/new`, { ...unasked, givenName: 'Unasked', nhsNumber: '' })).statusCode, 303);
    await client.get(`/cases/${caseId}/people/new`);
    assert.equal((await client.post(`/cases/${caseId}/people/new`, notKnown)).statusCode, 303);
    const [unaskedId, notKnownId] = [await personId('Unasked'), await personId('Notknown')];
    const stored = await t.ctx.db.selectFrom('people').select(['given_name', 'parental_responsibility', 'paternity_confirmed']).where('id', 'in', [unaskedId, notKnownId]).orderBy('given_name').execute();
    assert.deepEqual(stored, [
      { given_name: 'Notknown', parental_responsibility: 'not-known', paternity_confirmed: 'not-known' },
      { given_name: 'Unasked', parental_responsibility: null, paternity_confirmed: null },
    ]);
    const page = await client.get(`/cases/${caseId}`);
    assert.match(caseRow(page.body, notKnownId), /Paternity confirmed: Not known[\s\S]*<td class="govuk-table__cell">Not known<\/td>/);
    assert.doesNotMatch(caseRow(page.body, notKnownId), /Not recorded/);
    assert.match(caseRow(page.body, unaskedId), /Paternity confirmed: Not recorded[\s\S]*<td class="govuk-table__cell">Not recorded<\/td>/);
    const radio = (name: string, value: string) => new RegExp(`name="${name}" type="radio" value="${value}" checked`);
    const editNotKnown = await client.get(`/cases/${caseId}/people/${notKnownId}`);
    for (const name of ['parentalResponsibility', 'paternityConfirmed']) assert.match(editNotKnown.body, radio(name, 'not-known'), name);
    const editUnasked = await client.get(`/cases/${caseId}/people/${unaskedId}`);
    assert.doesNotMatch(editUnasked.body, /name="(parentalResponsibility|paternityConfirmed)" type="radio" value="[a-z-]+" checked/, 'never answered: nothing chosen');
  });

  it('adds an unknown adult who must be described, and shows them prominently', async () => {
    const client = await WebClient.signedIn(t.app, member);
    await client.get(`/cases/${caseId}/people/new`);
    const blank = { relationshipToInfant: 'mothers-partner', identityKnown: 'no', livesInHousehold: 'yes', caresForInfant: 'yes', visitsRegularly: 'no' };
    const missing = await client.post(`/cases/${caseId}/people/new`, blank);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Describe what is known about them/);
    const saved = await client.post(`/cases/${caseId}/people/new`, { ...blank, description: "Mother's new partner, name unknown" });
    assert.equal(saved.statusCode, 303);
    const page = await client.get(`/cases/${caseId}`);
    assert.match(page.body, /data-qa="unknown-adult-warning"/);
  });

  it("shows every error at once (the schema's, the date's, the rules'), in the form's order, each linked to its field, keeping what was typed", async () => {
    const client = await WebClient.signedIn(t.app, member);
    await client.get(`/cases/${caseId}/people/new`);
    const typed = { ...father, relationshipToInfant: 'uncle-ish', givenName: 'Keep Me', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', nhsNumber: '943 476 5918', visitsRegularly: '', paternityConfirmed: 'yes', address: 'x'.repeat(501) };
    const response = await client.post(`/cases/${caseId}/people/new`, typed);
    assert.equal(response.statusCode, 400);
    const errors = summaryErrors(response.body);
    // Paternity is not blamed on an answer about a relationship the form could not read.
    assert.deepEqual(errors.map((error) => error.split(':')[0]), ['#relationshipToInfant', '#dateOfBirth-day', '#nhsNumber', '#visitsRegularly', '#address'], errors.join('\n'));
    assert.equal(errors[1], '#dateOfBirth-day: Date of birth must be a real date');
    assert.match(errors[2]!, /^#nhsNumber: This NHS number is not valid: its last digit \(the check digit\) does not match the other 9/);
    assert.equal(errors[3], '#visitsRegularly: Select whether they visit regularly');
    assert.equal(inputValue(response.body, 'givenName'), 'Keep Me');
    assert.equal(inputValue(response.body, 'nhsNumber'), '943 476 5918');
    assert.equal(inputValue(response.body, 'dateOfBirth-day'), '31');
    assert.match(response.body, new RegExp(`<textarea[^>]*name="address"[^>]*>${'x'.repeat(501)}</textarea>`));
    assert.equal((await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).where('given_name', '=', 'Keep Me').execute()).length, 0);
  });

  it('asks whether they visit regularly only under "No" to living with the baby, and never needs it of someone who does', async () => {
    const client = await WebClient.signedIn(t.app, member);
    const form = await client.get(`/cases/${caseId}/people/new`);
    assert.match(form.body, /id="conditional-livesInHousehold-2"[\s\S]*?name="visitsRegularly"/, 'revealed under "No"');
    const mother = { relationshipToInfant: 'mother', identityKnown: 'yes', givenName: 'Athome', familyName: 'Mensah', sex: 'female', livesInHousehold: 'yes', caresForInfant: 'yes', parentalResponsibility: 'yes' };
    const saved = await client.post(`/cases/${caseId}/people/new`, mother);
    assert.equal(saved.statusCode, 303, summaryErrors(saved.body).join('\n'));
    // Sent anyway (the question shows without JavaScript): someone at home is not a visitor.
    await client.get(`/cases/${caseId}/people/new`);
    // (A grandparent: the record has its mother.)
    assert.equal((await client.post(`/cases/${caseId}/people/new`, { ...mother, relationshipToInfant: 'grandparent', givenName: 'Alsoathome', visitsRegularly: 'yes' })).statusCode, 303);
    const rows = await t.ctx.db.selectFrom('people').select(['given_name', 'visits_regularly']).where('case_id', '=', caseId).where('given_name', 'in', ['Athome', 'Alsoathome']).orderBy('given_name').execute();
    assert.deepEqual(rows, [{ given_name: 'Alsoathome', visits_regularly: false }, { given_name: 'Athome', visits_regularly: false }]);
    // Living elsewhere, it must be answered.
    await client.get(`/cases/${caseId}/people/new`);
    const elsewhere = await client.post(`/cases/${caseId}/people/new`, { ...mother, relationshipToInfant: 'grandparent', givenName: 'Elsewhere', livesInHousehold: 'no' });
    assert.equal(elsewhere.statusCode, 400);
    assert.deepEqual(summaryErrors(elsewhere.body), ['#visitsRegularly: Select whether they visit regularly']);
    // Where they live not answered: that is the error, not the question revealed only under its "No".
    const unanswered = await client.post(`/cases/${caseId}/people/new`, { relationshipToInfant: 'grandparent', identityKnown: 'yes', givenName: 'Unanswered', caresForInfant: 'yes' });
    assert.equal(unanswered.statusCode, 400);
    assert.deepEqual(summaryErrors(unanswered.body).map((error) => error.split(':')[0]), ['#livesInHousehold']);
  });

  it('refuses a second person with an NHS number already on the record, and a second mother, linking to the one there', async () => {
    const { id: ownCase } = await makeCase(t.ctx, { teamUserIds: [member.id] });
    const client = await WebClient.signedIn(t.app, member);
    const leah = { relationshipToInfant: 'mother', identityKnown: 'yes', givenName: 'Leah', familyName: 'Ashwerth', nhsNumber: '9434765919', sex: 'female', livesInHousehold: 'yes', caresForInfant: 'yes', parentalResponsibility: 'yes' };
    await client.get(`/cases/${ownCase}/people/new`);
    assert.equal((await client.post(`/cases/${ownCase}/people/new`, leah)).statusCode, 303);
    const leahId = (await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', ownCase).executeTakeFirstOrThrow()).id;
    await client.get(`/cases/${ownCase}/people/new`);
    const again = await client.post(`/cases/${ownCase}/people/new`, { ...leah, nhsNumber: '943 476 5919' });
    assert.equal(again.statusCode, 400);
    assert.deepEqual(summaryErrors(again.body), [
      '#relationshipToInfant: The baby’s mother is already on the record: change her details instead, or choose another relationship (for example mother’s partner, grandparent or other relative)',
      '#nhsNumber: Someone with this NHS number is already on the record: change their details instead of adding them again',
    ]);
    assert.match(qaElement(again.body, 'already-on-record') ?? '', new RegExp(`Leah Ashwerth is already on this record\\. <a class="govuk-link" href="/cases/${ownCase}/people/${leahId}">Change Leah Ashwerth’s details</a>`));
    assert.equal(inputValue(again.body, 'nhsNumber'), '943 476 5919', 'what was typed comes back');
    // Another mother figure takes another relationship; someone else's NHS number is still refused.
    const grandmother = await client.post(`/cases/${ownCase}/people/new`, { ...leah, relationshipToInfant: 'grandparent', givenName: 'Ruth' });
    assert.deepEqual(summaryErrors(grandmother.body).map((error) => error.split(':')[0]), ['#nhsNumber']);
    assert.equal((await client.post(`/cases/${ownCase}/people/new`, { ...leah, relationshipToInfant: 'grandparent', givenName: 'Ruth', nhsNumber: '' })).statusCode, 303);
    const people = await t.ctx.db.selectFrom('people').select(['given_name', 'relationship_to_infant']).where('case_id', '=', ownCase).orderBy('given_name').execute();
    assert.deepEqual(people, [{ given_name: 'Leah', relationship_to_infant: 'mother' }, { given_name: 'Ruth', relationship_to_infant: 'grandparent' }]);
    // Her own details saved again are not a repeat of herself.
    const edit = await client.get(`/cases/${ownCase}/people/${leahId}`);
    assert.equal((await client.post(`/cases/${ownCase}/people/${leahId}`, { ...leah, version: inputValue(edit.body, 'version') ?? '1', familyName: 'Ashworth' })).statusCode, 303);
  });

  it('shows one error per problem, keeping everything typed', async () => {
    const client = await WebClient.signedIn(t.app, member);
    await client.get(`/cases/${caseId}/people/new`);
    const response = await client.post(`/cases/${caseId}/people/new`, { ...father, givenName: 'Keep Me', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', nhsNumber: '1234567890', livesInHousehold: '' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /Select whether they live with the baby/);
    assert.match(response.body, /value="Keep Me"/);
    const dateError = await client.post(`/cases/${caseId}/people/new`, { ...father, 'dateOfBirth-day': '31', 'dateOfBirth-month': '2' });
    assert.match(dateError.body, /Date of birth must be a real date/);
    const nhsError = await client.post(`/cases/${caseId}/people/new`, { ...father, nhsNumber: '1234567890' });
    assert.match(nhsError.body, /This NHS number is not valid: its last digit \(the check digit\) does not match the other 9\. Check each digit/);
  });

  // The date of birth is the shared dateField (find-record/macros.njk): a date the form cannot read is
  // blamed on the part that is wrong (readDateInput), and the field shows that message and marks its
  // parts whichever part it is, not only when it is the day.
  for (const { sent, message } of [
    { sent: { 'dateOfBirth-month': '' }, message: 'Date of birth must include a month' },
    { sent: { 'dateOfBirth-year': '97' }, message: 'Year must include 4 numbers' },
  ]) {
    it(`shows "${message}" at the date, its fieldset described by it and its parts marked`, async () => {
      const client = await WebClient.signedIn(t.app, member);
      await client.get(`/cases/${caseId}/people/new`);
      const response = await client.post(`/cases/${caseId}/people/new`, { ...father, ...sent });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, new RegExp(`<p id="dateOfBirth-error" class="govuk-error-message">\\s*<span class="govuk-visually-hidden">Error:</span> ${message}\\s*</p>`));
      assert.match(response.body, /<fieldset class="govuk-fieldset" role="group" aria-describedby="dateOfBirth-hint dateOfBirth-error">/);
      for (const part of ['day', 'month', 'year']) assert.match(response.body, new RegExp(`class="[^"]*govuk-input--error[^"]*" id="dateOfBirth-${part}"`));
    });
  }

  it('tells the second of two people editing at once that someone else changed it, and loses nothing', async () => {
    const id = await personId('Daniel');
    const first = await WebClient.signedIn(t.app, lead);
    const second = await WebClient.signedIn(t.app, member);
    const firstForm = await first.get(`/cases/${caseId}/people/${id}`);
    const secondForm = await second.get(`/cases/${caseId}/people/${id}`);
    const version = /name="version" value="(\d+)"/.exec(firstForm.body)![1]!;
    assert.equal(/name="version" value="(\d+)"/.exec(secondForm.body)![1], version);

    assert.equal((await first.post(`/cases/${caseId}/people/${id}`, { ...father, version, livesInHousehold: 'yes' })).statusCode, 303);
    const clash = await second.post(`/cases/${caseId}/people/${id}`, { ...father, version, visitsRegularly: 'no', familyName: 'Mensah-Typed' });
    assert.equal(clash.statusCode, 409);
    assert.match(clash.body, /data-qa="version-conflict"/);
    assert.match(clash.body, /Someone else changed these details while you were editing/);
    assert.match(clash.body, /value="Mensah-Typed"/, 'what the second person typed is kept');
    let row = await t.ctx.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.lives_in_household, row.family_name], [true, 'Mensah'], "the first person's change stands");

    const newVersion = /name="version" value="(\d+)"/.exec(clash.body)![1]!;
    assert.equal((await second.post(`/cases/${caseId}/people/${id}`, { ...father, version: newVersion, familyName: 'Mensah-Typed' })).statusCode, 303);
    row = await t.ctx.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.family_name, 'Mensah-Typed');
    const updates = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'person.update').where('subject_id', '=', id).execute();
    assert.equal(updates.length, 2);
  });

  it('records a relationship between two people, and refuses one with the same person twice', async () => {
    const client = await WebClient.signedIn(t.app, member);
    await client.get(`/cases/${caseId}/relationships/new`);
    const daniel = await personId('Daniel');
    const same = await client.post(`/cases/${caseId}/relationships/new`, { personId: daniel, kind: 'separated', otherPersonId: daniel });
    assert.equal(same.statusCode, 400);
    assert.match(same.body, /Choose two different people/);
    const partner = (await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).where('identity_known', '=', false).executeTakeFirstOrThrow()).id;
    assert.equal((await client.post(`/cases/${caseId}/relationships/new`, { personId: daniel, kind: 'separated', otherPersonId: partner })).statusCode, 303);
    assert.match((await client.get(`/cases/${caseId}`)).body, /Daniel Mensah-Typed and Mother&#39;s new partner, name unknown are separated/);
  });

  it('refuses someone outside the team, and audits the refusal, changing nothing', async () => {
    const outsider = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, outsider);
    assert.equal((await client.get(`/cases/${caseId}/people/new`)).statusCode, 403);
    const before = await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).execute();
    const response = await client.post(`/cases/${caseId}/people/new`, { ...father, givenName: 'Intruder' });
    assert.equal(response.statusCode, 403);
    assert.equal((await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).execute()).length, before.length);
  });

  it('keeps a restricted address when a team member who cannot see it saves other changes', async () => {
    const daniel = await personId('Daniel');
    await t.ctx.db.updateTable('people').set({ address: '1 Refuge Road', address_restricted: true }).where('id', '=', daniel).execute();
    const client = await WebClient.signedIn(t.app, member);
    const form = await client.get(`/cases/${caseId}/people/${daniel}`);
    assert.doesNotMatch(form.body, /Refuge Road/);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    assert.equal((await client.post(`/cases/${caseId}/people/${daniel}`, { ...father, familyName: 'Mensah-Typed', version, visitsRegularly: 'no' })).statusCode, 303);
    const row = await t.ctx.db.selectFrom('people').select(['address', 'address_restricted', 'visits_regularly']).where('id', '=', daniel).executeTakeFirstOrThrow();
    assert.deepEqual(row, { address: '1 Refuge Road', address_restricted: true, visits_regularly: false });
  });

  it("records that an adult's history has been checked, and flags them on the case page while it is not", async () => {
    const client = await WebClient.signedIn(t.app, member);
    const form = await client.get(`/cases/${caseId}/people/new`);
    assert.match(form.body, /Their history has been checked with police, children&#39;s social care and health records/);
    assert.match(form.body, /Until it is ticked, the Infant Care Profile treats who this adult is as not known and shows them as a hidden risk/);
    assert.doesNotMatch(form.body, historyTicked, 'unticked until someone ticks it');

    assert.equal((await client.post(`/cases/${caseId}/people/new`, { ...father, nhsNumber: '', givenName: 'Checked', historyChecked: 'yes' })).statusCode, 303);
    const id = await personId('Checked');
    assert.equal(await historyChecked(id), true);
    const added = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'person.add').where('subject_id', '=', id).executeTakeFirstOrThrow();
    assert.equal((added.details as { historyChecked: boolean }).historyChecked, true);
    let page = await client.get(`/cases/${caseId}`);
    assert.doesNotMatch(caseRow(page.body, id), /History not checked/);
    assert.match(caseRow(page.body, await personId('Daniel')), /data-qa="history-not-checked"/, 'an adult added without the tick is flagged');

    const edit = await client.get(`/cases/${caseId}/people/${id}`);
    assert.match(edit.body, historyTicked);
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    assert.equal((await client.post(`/cases/${caseId}/people/${id}`, { ...father, nhsNumber: '', givenName: 'Checked', version })).statusCode, 303, 'the box left unticked');
    assert.equal(await historyChecked(id), false);
    const update = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'person.update').where('subject_id', '=', id).executeTakeFirstOrThrow();
    const { profileVersion, ...details } = update.details as { profileVersion: unknown };
    assert.deepEqual(details, { changed: ['historyChecked'], version: 2, historyChecked: false });
    const latest = await t.ctx.db.selectFrom('profile_versions').select(['version', 'kind']).where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(latest, { version: profileVersion, kind: 'person' }, 'the profile is evaluated again as a version of its own');
    page = await client.get(`/cases/${caseId}`);
    assert.match(caseRow(page.body, id), /History not checked/);

    assert.equal((await client.post(`/cases/${caseId}/people/${id}`, { ...father, nhsNumber: '', givenName: 'Checked', version: '2', historyChecked: 'yes' })).statusCode, 303);
    assert.equal(await historyChecked(id), true);
  });

  it('keeps the tick when the form comes back with a problem to fix', async () => {
    const client = await WebClient.signedIn(t.app, member);
    await client.get(`/cases/${caseId}/people/new`);
    const missing = await client.post(`/cases/${caseId}/people/new`, { ...father, givenName: 'Ticked', livesInHousehold: '', historyChecked: 'yes' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, historyTicked);
    const refused = await client.post(`/cases/${caseId}/people/new`, { ...father, givenName: 'Ticked', nhsNumber: '1234567890', historyChecked: 'yes' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /This NHS number is not valid: its last digit/);
    assert.match(refused.body, historyTicked);
    const unticked = await client.post(`/cases/${caseId}/people/new`, { ...father, givenName: 'Ticked', nhsNumber: '1234567890' });
    assert.doesNotMatch(unticked.body, historyTicked);
  });

  describe('a person’s form posted too late is kept and given back, never with a restricted address', () => {
    const keptFields = async (userId: string) => (await t.ctx.db.selectFrom('kept_forms').select('fields').where('user_id', '=', userId).executeTakeFirstOrThrow()).fields;
    const addressBox = (html: string) => /<textarea[^>]*name="address"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1]?.trim();

    it('gives back the change form with the saved address standing in for a typed one, when the person’s address is restricted', async () => {
      const client = await WebClient.signedIn(t.app, lead);
      await client.get(`/cases/${caseId}/people/new`);
      assert.equal((await client.post(`/cases/${caseId}/people/new`, { ...father, nhsNumber: '', givenName: 'Grace', address: '2 Shelter Close', addressRestricted: 'yes' })).statusCode, 303);
      const grace = await personId('Grace');
      const form = await client.get(`/cases/${caseId}/people/${grace}`);
      const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
      const posted = await client.post(`/cases/${caseId}/people/${grace}`, { ...father, nhsNumber: '', _csrf: 'expired-token', givenName: 'Grace', familyName: 'Typed-Again', version, address: '3 New Place' });
      assert.equal(posted.headers.location, `/cases/${caseId}/people/${grace}?restore=1`);
      const kept = await keptFields(lead.id);
      assert.equal(kept['familyName'], 'Typed-Again');
      assert.ok(!JSON.stringify(kept).includes('New Place'), 'the saved address is restricted: the typed one is not kept, though the box was unticked');

      const page = await client.get(posted.headers.location);
      assert.ok(page.body.includes('value="Typed-Again"'));
      assert.equal(addressBox(page.body), '2 Shelter Close');
      assert.equal(textOf(qaElement(page.body, 'address-not-kept')), 'The address you typed was not kept, because it is restricted: type it again. The address shown is the one saved on the record.');
    });

    it('gives back the add form, an unrestricted address with it, and says nothing about the address', async () => {
      const client = await WebClient.signedIn(t.app, member);
      await client.get(`/cases/${caseId}/people/new`);
      const posted = await client.post(`/cases/${caseId}/people/new`, { ...father, _csrf: 'expired-token', givenName: 'Open', address: '4 Open Road' });
      const page = await client.get(posted.headers.location!);
      assert.ok(page.body.includes('value="Open"'));
      assert.equal(addressBox(page.body), '4 Open Road');
      assert.equal(qaElement(page.body, 'address-not-kept'), null);
    });

    it('keeps the add form after the session went idle, without the address ticked restricted, and asks for it again after signing in', async () => {
      const client = await WebClient.signedIn(t.app, lead);
      await client.get(`/cases/${caseId}/people/new`);
      t.clock.advanceMinutes(31);
      const posted = await client.post(`/cases/${caseId}/people/new`, { ...father, givenName: 'Idle', address: 'Flat 9, Safe House', addressRestricted: 'yes' });
      assert.match(posted.headers.location!, /^\/sign-in\?returnTo=/);
      assert.ok(!JSON.stringify(await keptFields(lead.id)).includes('Safe House'));
      await client.get(posted.headers.location!);
      const signedIn = await client.post('/sign-in', { email: lead.email, password: lead.password, returnTo: `/cases/${caseId}/people/new?restore=1` });
      const page = await client.get(signedIn.headers.location!);
      assert.ok(page.body.includes('value="Idle"'));
      assert.equal(addressBox(page.body), '');
      assert.match(page.body, /name="addressRestricted" type="checkbox" value="yes" checked/);
      assert.equal(textOf(qaElement(page.body, 'address-not-kept')), 'The address you typed was not kept, because it is restricted: type it again.');
    });
  });
});
