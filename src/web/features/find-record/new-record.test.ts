import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import type { UserActor } from '../../../application/actor.ts';
import { createCase } from '../../../application/cases/create-case.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';

const bornBaby = {
  status: 'born',
  givenName: 'Ruby',
  familyName: 'Okafor',
  sex: 'female',
  'dateOfBirth-day': '1',
  'dateOfBirth-month': '10',
  'dateOfBirth-year': '2026',
  nhsNumber: '',
  gestationAtBirthWeeks: '38+4',
  birthWeightGrams: '3,400',
  multipleBirth: 'no',
  independentlyMobile: 'no',
};

/** The born baby's answers with whether they are mobile left unanswered. */
const withoutMobility: Record<string, string> = Object.fromEntries(Object.entries(bornBaby).filter(([field]) => field !== 'independentlyMobile'));

describe('create a record page', () => {
  let t: TestApp;
  let client: WebClient;
  let me: { id: string; organisationId: string };
  let midwife: UserActor;

  before(async () => {
    t = await createTestApp();
    me = await makeUser(t.ctx, { name: 'Pat Practitioner' });
    const midwifery = await makeOrganisation(t.ctx, 'midwifery', 'Eastvale Midwifery');
    const midwifeUser = await makeUser(t.ctx, { organisationId: midwifery.id, name: 'Mia Midwife', email: 'mia.new@test.example' });
    midwife = { kind: 'user', userId: midwifeUser.id, organisationId: midwifery.id, role: 'practitioner', channel: 'web', ip: null };
    client = new WebClient(t.app);
    const user = await t.ctx.db.selectFrom('users').select('email').where('id', '=', me.id).executeTakeFirstOrThrow();
    await client.signIn(user.email, 'correct horse battery');
  });
  after(async () => t.close());

  async function submit(fields: Record<string, string>) {
    await client.get(`/cases/new/details?status=${fields['status'] === 'unborn' ? 'unborn' : 'born'}`);
    return client.post('/cases/new', fields);
  }

  async function createdCase(location: string | string[] | number | undefined) {
    const id = String(location).replace('/cases/', '');
    return t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('sends someone not signed in to sign in', async () => {
    const response = await new WebClient(t.app).get('/cases/new');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2Fcases%2Fnew');
  });

  it('first asks whether the baby has been born', async () => {
    const response = await client.get('/cases/new');
    assert.equal(response.statusCode, 200);
    const form = qaElement(response.body, 'record-kind-form') ?? '';
    assert.match(form, /method="get" action="\/cases\/new\/details"/);
    assert.match(form, /<h1[^>]*>\s*Create a record: has the baby been born\?\s*<\/h1>/);
    assert.ok(form.includes('value="unborn"') && form.includes('value="born"'));
  });

  it('asks again when neither answer is chosen', async () => {
    const response = await client.get('/cases/new/details');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#status: Select whether the baby has been born']);
    const odd = await client.get('/cases/new/details?status=maybe');
    assert.equal(odd.statusCode, 400);
  });

  it('then asks only the questions for that kind of record', async () => {
    const born = qaElement((await client.get('/cases/new/details?status=born')).body, 'new-record-form') ?? '';
    for (const field of ['givenName', 'familyName', 'sex', 'dateOfBirth-day', 'nhsNumber', 'gestationAtBirthWeeks', 'birthWeightGrams', 'multipleBirth', 'independentlyMobile', '_csrf']) {
      assert.ok(born.includes(`name="${field}"`), field);
    }
    assert.match(born, /name="status" value="born"/);
    assert.ok(!born.includes('name="expectedDeliveryDate-day"'));
    const unborn = qaElement((await client.get('/cases/new/details?status=unborn')).body, 'new-record-form') ?? '';
    assert.ok(unborn.includes('name="expectedDeliveryDate-day"'));
    for (const field of ['dateOfBirth-day', 'nhsNumber', 'multipleBirth']) assert.ok(!unborn.includes(`name="${field}"`), field);
  });

  it('makes a record for an unborn baby and goes to it, with the practitioner as lead professional', async () => {
    const response = await submit({ status: 'unborn', familyName: 'Ashworth', 'expectedDeliveryDate-day': '1', 'expectedDeliveryDate-month': '3', 'expectedDeliveryDate-year': '2027' });
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/cases\/[0-9a-f-]{36}$/);
    const row = await createdCase(response.headers.location);
    assert.deepEqual([row.status, row.family_name, row.expected_delivery_date, row.date_of_birth], ['unborn', 'Ashworth', '2027-03-01', null]);
    const team = await t.ctx.db.selectFrom('case_team').select(['user_id', 'role']).where('case_id', '=', row.id).execute();
    assert.deepEqual(team, [{ user_id: me.id, role: 'lead-professional' }]);
  });

  it('makes a record for a born baby, reading gestation like 38+4 (weeks and days) and weight like 3,400', async () => {
    const response = await submit({ ...bornBaby, givenName: 'Wren', familyName: 'Wetherby', nhsNumber: '943 476 5919' });
    assert.equal(response.statusCode, 303);
    const row = await createdCase(response.headers.location);
    assert.deepEqual(
      [row.status, row.given_name, row.sex, row.date_of_birth, row.nhs_number, row.gestation_at_birth_weeks, row.gestation_at_birth_days, row.birth_weight_grams, row.multiple_birth, row.independently_mobile],
      // Under 6 months: counted not mobile by age, so no answer is kept.
      ['born', 'Wren', 'female', '2026-10-01', '9434765919', 38, 4, 3400, false, null],
    );
  });

  it('does not need whether a baby under 6 months is mobile, and refuses "yes" saying why', async () => {
    const unanswered = withoutMobility;
    const made = await submit({ ...unanswered, givenName: 'Tiny', familyName: 'Tamworth', gestationAtBirthWeeks: '40' });
    assert.equal(made.statusCode, 303);
    const row = await createdCase(made.headers.location);
    assert.deepEqual([row.gestation_at_birth_weeks, row.gestation_at_birth_days, row.independently_mobile], [40, null, null]);
    const yes = await submit({ ...bornBaby, givenName: 'Tiny', familyName: 'Yesworth', independentlyMobile: 'yes' });
    assert.equal(yes.statusCode, 400);
    assert.deepEqual(summaryErrors(yes.body), ['#independentlyMobile: A baby under 6 months counts as not independently mobile, whatever they can already do, so that any bruise is looked into: select no, or leave it unanswered']);
  });

  it('asks a baby of 6 months or older whether they are mobile, and keeps the answer', async () => {
    const unanswered = withoutMobility;
    const older = { ...unanswered, givenName: 'Olive', familyName: 'Oldham', 'dateOfBirth-day': '22', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2026' };
    const missing = await submit(older);
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(summaryErrors(missing.body), ['#independentlyMobile: Select yes if the baby is crawling, shuffling, pulling to stand, cruising or walking']);
    assert.ok(missing.body.includes('name="independentlyMobile"'));
    const made = await submit({ ...older, independentlyMobile: 'yes' });
    assert.equal(made.statusCode, 303);
    assert.equal((await createdCase(made.headers.location)).independently_mobile, true);
  });

  it('shows the mobility question until a date of birth under 6 months is known, then says why it is not asked', async () => {
    const blank = await client.get('/cases/new/details?status=born');
    assert.ok(blank.body.includes('name="independentlyMobile"'));
    assert.equal(qaElement(blank.body, 'mobility-not-asked'), null);
    const unanswered = withoutMobility;
    const again = await submit({ ...unanswered, birthWeightGrams: 'heavy' });
    assert.equal(again.statusCode, 400);
    assert.ok(!again.body.includes('name="independentlyMobile"'));
    assert.match(textOf(qaElement(again.body, 'mobility-not-asked') ?? ''), /under 6 months old, so counts as not independently mobile/);
  });

  it("keeps the mother's name and date of birth, and finds by them a record another agency holds, saying only who holds it and why", async () => {
    const existing = await createCase(
      t.ctx,
      midwife,
      { status: 'unborn', familyName: 'Szabó', expectedDeliveryDate: '2027-08-02', motherGivenName: 'Réka', motherFamilyName: 'Szabó-Kiss', motherDateOfBirth: '1995-08-30' },
      { confirmedNoDuplicate: true },
    );
    assert.ok(existing.ok);
    const row = await t.ctx.db.selectFrom('cases').select(['mother_given_name', 'mother_family_name', 'mother_date_of_birth']).where('id', '=', existing.value.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { mother_given_name: 'Réka', mother_family_name: 'Szabó-Kiss', mother_date_of_birth: '1995-08-30' });
    const typed = {
      status: 'unborn',
      'expectedDeliveryDate-day': '30',
      'expectedDeliveryDate-month': '7',
      'expectedDeliveryDate-year': '2027',
      motherGivenName: 'reka',
      motherFamilyName: 'SZABO KISS',
      'motherDateOfBirth-day': '30',
      'motherDateOfBirth-month': '8',
      'motherDateOfBirth-year': '1995',
    };
    const response = await submit(typed);
    assert.equal(response.statusCode, 200);
    const match = qaElement(qaElement(response.body, 'possible-matches') ?? '', 'restricted-record') ?? '';
    assert.match(textOf(match), /^A record held by Eastvale Midwifery\. .* Same mother's name and date of birth A date of birth or due date close to the one you entered$/);
    assert.ok(!textOf(match).includes('Szab') && !textOf(match).includes('1995'));
    // What was typed comes back with the matches, so going on keeps it.
    assert.match(response.body, /name="motherFamilyName"[^>]*value="SZABO KISS"/);
    const made = await client.post('/cases/new', { ...typed, checkedCaseIds: existing.value.id, confirmedNoDuplicate: 'yes', differentBabyReason: 'Checked with the GP: another mother of that name' });
    assert.equal(made.statusCode, 303);
    const mine = await createdCase(made.headers.location);
    assert.deepEqual([mine.mother_given_name, mine.mother_family_name, mine.mother_date_of_birth], ['reka', 'SZABO KISS', '1995-08-30']);
  });

  it("refuses a mother's date of birth that is not real or makes her under 10, with every other problem, keeping what was typed", async () => {
    const response = await submit({ ...bornBaby, birthWeightGrams: 'heavy', motherGivenName: 'Kept', 'motherDateOfBirth-day': '30', 'motherDateOfBirth-month': '2', 'motherDateOfBirth-year': '1990' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#birthWeightGrams: Enter birth weight in grams, like 3400', "#motherDateOfBirth-day: Mother's date of birth must be a real date"]);
    assert.match(response.body, /name="motherGivenName"[^>]*value="Kept"/);
    const young = await submit({ ...bornBaby, 'motherDateOfBirth-day': '1', 'motherDateOfBirth-month': '1', 'motherDateOfBirth-year': '2020' });
    assert.deepEqual(summaryErrors(young.body), ["#motherDateOfBirth-day: Mother's date of birth must be between 23 November 1956 and 22 November 2016: check the year"]);
  });

  it("records the address, GP practice, hospital and the mother's NHS number with an unborn baby, and leaves the mother's out for a born one", async () => {
    const details = { address: '2 Brook Street', postcode: 'ne1 4xf', addressRestricted: 'yes', gpPracticeName: 'Brook Surgery', gpPracticeOdsCode: 'a81001', birthHospital: 'City Hospital' };
    const unborn = await submit({ status: 'unborn', familyName: 'Brookes', 'expectedDeliveryDate-day': '5', 'expectedDeliveryDate-month': '3', 'expectedDeliveryDate-year': '2027', ...details, motherNhsNumber: '401 023 2137' });
    assert.equal(unborn.statusCode, 303);
    const row = await createdCase(unborn.headers.location);
    assert.deepEqual(
      [row.address, row.postcode, row.address_restricted, row.gp_practice_name, row.gp_practice_ods_code, row.birth_hospital, row.mother_nhs_number],
      ['2 Brook Street', 'NE1 4XF', true, 'Brook Surgery', 'A81001', 'City Hospital', '4010232137'],
    );
    const born = await submit({ ...bornBaby, givenName: 'Bryn', familyName: 'Brookbank', 'dateOfBirth-day': '3', motherNhsNumber: '401 023 2137' });
    assert.equal(born.statusCode, 303);
    assert.equal((await createdCase(born.headers.location)).mother_nhs_number, null);
  });

  it('says what is wrong with the details, keeping what was typed', async () => {
    const response = await submit({ status: 'unborn', familyName: 'Brookes', 'expectedDeliveryDate-day': '5', 'expectedDeliveryDate-month': '3', 'expectedDeliveryDate-year': '2027', postcode: 'NE1', addressRestricted: 'yes', motherNhsNumber: '401 023 2138' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#postcode: Enter a real postcode, like DE1 2AB',
      "#motherNhsNumber: The mother's NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit",
    ]);
    assert.ok(response.body.includes('value="401 023 2138"'));
  });

  it('uses only the answers for the chosen kind of record', async () => {
    const response = await submit({ status: 'unborn', familyName: 'Ignored', 'expectedDeliveryDate-day': '2', 'expectedDeliveryDate-month': '3', 'expectedDeliveryDate-year': '2027', gestationAtBirthWeeks: 'lots', 'dateOfBirth-day': '99' });
    assert.equal(response.statusCode, 303);
    const row = await createdCase(response.headers.location);
    assert.equal(row.gestation_at_birth_weeks, null);
    assert.equal(row.date_of_birth, null);
  });

  it('goes back to the first question when the answer to it is missing', async () => {
    const response = await submit({});
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#status: Select whether the baby has been born']);
    assert.ok(qaElement(response.body, 'record-kind-form'));
  });

  it('lists every problem with a born baby’s answers in the order of the form, keeping what was typed', async () => {
    const response = await submit({ status: 'born', givenName: 'Kept', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2026', birthWeightGrams: 'heavy', nhsNumber: '' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#dateOfBirth-day: Date of birth must be a real date',
      '#birthWeightGrams: Enter birth weight in grams, like 3400',
      '#multipleBirth: Select yes if the baby is a twin, triplet or more',
      // Whether the baby is mobile is needed only once a date of birth says they are 6 months or older.
    ]);
    assert.match(response.body, /value="Kept"/);
    assert.match(response.body, /value="heavy"/);
    assert.match(response.body, /name="status" value="born"/);
    assert.match(response.body, /name="dateOfBirth-day" type="text" value="31"/);
  });

  it('asks for the due date of an unborn baby', async () => {
    const response = await submit({ status: 'unborn' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#expectedDeliveryDate-day: Enter the due date']);
  });

  it('lists the form\'s problems and the record\'s rules together, in one pass', async () => {
    const response = await submit({ ...bornBaby, givenName: 'x'.repeat(101), 'dateOfBirth-day': '23', 'dateOfBirth-month': '11', 'dateOfBirth-year': '2026', nhsNumber: '1234567890', birthWeightGrams: 'heavy', postcode: 'NE1', gestationAtBirthWeeks: '50' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#givenName: First name must be 100 characters or fewer',
      '#dateOfBirth-day: Date of birth must be today or in the past',
      '#nhsNumber: This NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit',
      '#gestationAtBirthWeeks: Gestation at birth must be a whole number of weeks from 22 to 44',
      '#birthWeightGrams: Enter birth weight in grams, like 3400',
      '#postcode: Enter a real postcode, like DE1 2AB',
    ]);
    for (const typed of ['value="heavy"', 'value="1234567890"', 'value="NE1"', 'value="50"', 'value="23"']) assert.ok(response.body.includes(typed), typed);
  });

  it('refuses a date of birth in the future and an NHS number that fails the check, saying why', async () => {
    const response = await submit({ ...bornBaby, givenName: 'Future', 'dateOfBirth-day': '23', 'dateOfBirth-month': '11', 'dateOfBirth-year': '2026', nhsNumber: '1234567890' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#dateOfBirth-day: Date of birth must be today or in the past', '#nhsNumber: This NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit']);
    assert.match(response.body, /value="1234567890"/);
  });

  it('refuses a due date more than 45 weeks away', async () => {
    const response = await submit({ status: 'unborn', 'expectedDeliveryDate-day': '1', 'expectedDeliveryDate-month': '12', 'expectedDeliveryDate-year': '2027' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#expectedDeliveryDate-day: Due date must be on or before 3 October 2027, 45 weeks from today']);
  });

  it('shows possible matches before making the record, then makes it once the practitioner confirms none is the same baby', async () => {
    const existing = await createCase(t.ctx, midwife, { status: 'born', givenName: 'Ruby', familyName: 'Okafor', dateOfBirth: '2026-10-01', multipleBirth: false, independentlyMobile: false });
    assert.ok(existing.ok);
    const countOkafor = async () => (await t.ctx.db.selectFrom('cases').select('id').where('family_name', '=', 'Okafor').execute()).length;

    const first = await submit({ ...bornBaby, 'dateOfBirth-day': '2' });
    assert.equal(first.statusCode, 200);
    const matches = qaElement(first.body, 'possible-matches') ?? '';
    assert.match(textOf(matches), /Check these records first/);
    assert.equal(
      textOf(qaElement(matches, 'restricted-record')),
      'A record held by Eastvale Midwifery. To ask for access, contact Mia Midwife (mia.new@test.example about record 1), who can add you to the team around the baby. Not shown Not shown A name like the one you entered A date of birth or due date close to the one you entered',
    );
    assert.ok(!textOf(matches).includes('1 October'), 'nothing of the record itself: not its date');
    assert.ok(!matches.includes(existing.value.id), 'no link to a record they cannot open');
    assert.equal(await countOkafor(), 1, 'nothing made yet');
    assert.match(first.body, /value="Ruby"/, 'keeps what was typed');
    const checked = /name="checkedCaseIds" value="([^"]*)"/.exec(first.body)?.[1];
    assert.equal(checked, existing.value.id);

    const unconfirmed = await client.post('/cases/new', { ...bornBaby, 'dateOfBirth-day': '2', checkedCaseIds: checked });
    assert.equal(unconfirmed.statusCode, 400);
    assert.deepEqual(summaryErrors(unconfirmed.body), ['#confirmedNoDuplicate: Confirm that none of these records is for this baby, or open the one that is']);
    assert.equal(await countOkafor(), 1);

    const noReason = await client.post('/cases/new', { ...bornBaby, 'dateOfBirth-day': '2', checkedCaseIds: checked, confirmedNoDuplicate: 'yes' });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(summaryErrors(noReason.body), ['#differentBabyReason: Say why none of these records is this baby, such as "Different mother and due date; checked with the GP"']);
    assert.match(noReason.body, /name="confirmedNoDuplicate" type="checkbox" value="yes" checked/, 'the tick is kept');
    assert.equal(await countOkafor(), 1);

    const reasonOnly = await client.post('/cases/new', { ...bornBaby, 'dateOfBirth-day': '2', checkedCaseIds: checked, differentBabyReason: 'Twin? No: checked with the ward' });
    assert.equal(reasonOnly.statusCode, 400);
    assert.deepEqual(summaryErrors(reasonOnly.body), ['#confirmedNoDuplicate: Tick the box to confirm that none of these records is for this baby, or open the one that is']);
    assert.ok(reasonOnly.body.includes('Twin? No: checked with the ward'), 'the reason typed is kept');

    const confirmed = await client.post('/cases/new', { ...bornBaby, 'dateOfBirth-day': '2', checkedCaseIds: checked, confirmedNoDuplicate: 'yes', differentBabyReason: ' Different mother; checked with the ward ' });
    assert.equal(confirmed.statusCode, 303);
    assert.equal(await countOkafor(), 2);
    const made = await createdCase(confirmed.headers.location);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['details', 'outcome']).where('action', '=', 'case.create').where('case_id', '=', made.id).executeTakeFirstOrThrow();
    const details = audit.details as { confirmedNoDuplicate: boolean; differentBabyReason: string; matchesShown: { restrictedCaseIds: string[]; grounds: Record<string, string[]> } };
    assert.equal(details.confirmedNoDuplicate, true);
    assert.equal(details.differentBabyReason, 'Different mother; checked with the ward');
    assert.deepEqual(details.matchesShown.restrictedCaseIds, [existing.value.id]);
    assert.deepEqual(details.matchesShown.grounds[existing.value.id], ['name', 'date']);
  });

  it("warns of a record of the same mother's NHS number, whatever the names and dates, and audits the match shown", async () => {
    const existing = await createCase(t.ctx, midwife, { status: 'unborn', familyName: 'Lindqvist', expectedDeliveryDate: '2027-02-01', details: { motherNhsNumber: '485 777 3457' } }, { confirmedNoDuplicate: true });
    assert.ok(existing.ok);
    const typed = { status: 'unborn', familyName: 'Harrow', 'expectedDeliveryDate-day': '20', 'expectedDeliveryDate-month': '4', 'expectedDeliveryDate-year': '2027', motherNhsNumber: '4857773457' };
    const response = await submit(typed);
    assert.equal(response.statusCode, 200);
    const row = qaElement(qaElement(response.body, 'possible-matches') ?? '', 'restricted-record') ?? '';
    assert.match(textOf(row), /^A record held by Eastvale Midwifery\. .* Same mother's NHS number A date of birth or due date close to the one you entered$/);
    assert.ok(!textOf(row).includes('Lindqvist'));
    assert.ok(qaElement(response.body, 'create-anyway'));
    const refused = await t.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'case.create').where('outcome', '=', 'failure').where('actor_user_id', '=', me.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(refused.details, { code: 'possible-duplicate', caseIds: [], restrictedCaseIds: [existing.value.id], grounds: { [existing.value.id]: ['mother-nhs-number', 'date'] } });
  });

  it("names the same mother's NHS number among the reasons of a record the practitioner may open", async () => {
    const mine = { kind: 'user' as const, userId: me.id, organisationId: me.organisationId, role: 'practitioner' as const, channel: 'web' as const, ip: null };
    const own = await createCase(t.ctx, mine, { status: 'unborn', familyName: 'Orchard', expectedDeliveryDate: '2027-01-10', details: { motherNhsNumber: '9434765919' } });
    assert.ok(own.ok);
    const response = await submit({ status: 'unborn', 'expectedDeliveryDate-day': '9', 'expectedDeliveryDate-month': '1', 'expectedDeliveryDate-year': '2027', motherNhsNumber: '943 476 5919' });
    assert.equal(response.statusCode, 200);
    const [row] = qaElements(response.body, 'record');
    assert.ok(row?.includes(`href="/cases/${own.value.id}"`), 'a way to go to the record instead');
    assert.match(textOf(qaElement(row ?? '', 'match-reasons') ?? ''), /^Same mother's NHS number Due dates 1 day apart/);
  });

  it('keeps the tick, the reason and the records checked when other answers need putting right', async () => {
    const response = await submit({ ...bornBaby, givenName: 'Kept', birthWeightGrams: 'heavy', checkedCaseIds: 'x,y', confirmedNoDuplicate: 'yes', differentBabyReason: 'Checked: a different mother' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#birthWeightGrams: Enter birth weight in grams, like 3400']);
    assert.match(response.body, /name="checkedCaseIds" value="x,y"/);
    assert.ok(response.body.includes('Checked: a different mother'));
    assert.match(response.body, /name="confirmedNoDuplicate" type="checkbox" value="yes" checked/);
    assert.ok(qaElement(response.body, 'matches-again'));
  });

  it('links to a possible match the practitioner may open, saying why it may be the same baby', async () => {
    const own = await createCase(t.ctx, { kind: 'user', userId: me.id, organisationId: me.organisationId, role: 'practitioner', channel: 'web', ip: null }, {
      status: 'unborn',
      familyName: 'Quenby',
      expectedDeliveryDate: '2026-11-25',
    });
    assert.ok(own.ok);
    const response = await submit({ ...bornBaby, givenName: 'Kit', familyName: 'Quenby', 'dateOfBirth-day': '20', 'dateOfBirth-month': '11' });
    assert.equal(response.statusCode, 200);
    const [row] = qaElements(response.body, 'record');
    assert.ok(row?.includes(`href="/cases/${own.value.id}"`));
    assert.equal(textOf(row ?? ''), 'Unborn baby Quenby Due 25 November 2026 Not recorded Unborn baby due 5 days after the date of birth you entered Same family name');
  });

  it('stops a second record with the same NHS number, without offering to go on', async () => {
    const existing = await createCase(t.ctx, midwife, { status: 'born', givenName: 'Nia', familyName: 'Number', nhsNumber: '1000000060', dateOfBirth: '2026-05-05' });
    assert.ok(existing.ok);
    const response = await submit({ ...bornBaby, givenName: 'Other', familyName: 'Name', nhsNumber: '100 000 0060' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#nhsNumber: A record with this NHS number already exists. Use that record instead of making a new one.']);
    assert.ok(qaElement(response.body, 'restricted-record'));
    assert.ok(!response.body.includes('name="confirmedNoDuplicate"'));
  });

  it('refuses an administrator, who does not hold cases', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const adminClient = new WebClient(t.app);
    await adminClient.signIn(admin.email, admin.password);
    await adminClient.get('/cases/new/details?status=unborn');
    const response = await adminClient.post('/cases/new', { status: 'unborn', familyName: 'Adminson', 'expectedDeliveryDate-day': '1', 'expectedDeliveryDate-month': '3', 'expectedDeliveryDate-year': '2027' });
    assert.equal(response.statusCode, 403);
    const rows = await t.ctx.db.selectFrom('cases').select('id').where('family_name', '=', 'Adminson').execute();
    assert.equal(rows.length, 0);
  });
});
