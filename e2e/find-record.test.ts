// Find or create a record in a real browser with axe: search (results, restricted hits, errors),
// the two-step create with its duplicate warning, and recording the birth of an unborn baby.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoCaseId, expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';
import { addDays, MONTH_NAMES } from '../src/domain/shared/calendar-date.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const e2e = useE2e();

describe('find or create a record', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'midwife@demo.example');
  });

  test('search by a misspelt name shows own records as links and others only as a contact', async () => {
    await page.goto('/');
    await submit(page, page.getByRole('button', { name: 'Find or create a record' }).or(page.getByRole('link', { name: 'Find or create a record' })));
    await visit(page, '/cases/find', { status: 200, heading: 'Find or create a record' });
    await page.locator('#name').fill('Ashwerth');
    const response = await submit(page, page.getByRole('button', { name: 'Search' }));
    assert.equal(response.status(), 200);
    assert.equal(await page.getByRole('link', { name: 'Unborn baby Ashworth' }).count(), 1);
    await expectNoAxeViolations(page);
    await page.goto('/cases/find');
    await page.locator('#name').fill('Okafor');
    await submit(page, page.getByRole('button', { name: 'Search' }));
    assert.match(await page.locator('main').innerText(), /Claire Dobson/);
    assert.doesNotMatch(await page.locator('main').innerText(), /Ruby/);
    await expectNoAxeViolations(page);
    await submit(page, page.getByRole('link', { name: /open the record in an emergency/ }).first());
    await visit(page, new URL(page.url()).pathname, { status: 200, heading: 'Open a record in an emergency' });
  });

  test('a bad NHS number shows the error summary', async () => {
    await page.goto('/cases/find');
    await page.locator('#nhsNumber').fill('1234567890');
    const response = await submit(page, page.getByRole('button', { name: 'Search' }));
    assert.equal(response.status(), 400);
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    await expectNoAxeViolations(page);
  });

  test('create: the born-or-unborn question, then the details form and its errors', async () => {
    await visit(page, '/cases/new', { status: 200, heading: 'Create a record: has the baby been born?' });
    await page.getByLabel('No, the baby is not born yet').or(page.getByLabel(/not (yet )?born/i)).first().check();
    await submit(page, page.getByRole('button', { name: 'Continue' }));
    assert.equal(await page.locator('h1').innerText(), 'An unborn baby');
    await expectNoAxeViolations(page);
    await submit(page, page.getByRole('button', { name: 'Create record' }));
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    await expectNoAxeViolations(page);
  });
});

describe('records people can find (issue 14)', () => {
  const today = () => serviceToday(e2e.testApp.clock.now());

  test('at 375 px: a new unborn record with the address, GP and mother’s NHS number, shown on the case page and changed on its own page', async () => {
    const page = await e2e.newPage({ viewport: { width: 375, height: 800 } });
    await signIn(page, 'midwife@demo.example');
    await page.goto('/cases/new/details?status=unborn');
    const due = addDays(today(), 120);
    const [year, month, day] = due.split('-');
    await page.locator('#familyName').fill('Zephyrine');
    await page.locator('#expectedDeliveryDate-day').fill(String(Number(day)));
    await page.locator('#expectedDeliveryDate-month').fill(String(Number(month)));
    await page.locator('#expectedDeliveryDate-year').fill(year!);
    await page.locator('#address').fill('12 Orchard Way\nDerby');
    await page.locator('#postcode').fill('de22 1xy');
    await page.locator('#motherNhsNumber').fill('401 023 2138');
    await page.locator('#gpPracticeName').fill('Orchard Surgery');
    await page.locator('#gpPracticeOdsCode').fill('C84001');
    await expectNoAxeViolations(page);
    const refused = await submit(page, page.getByRole('button', { name: 'Create record' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: "The mother's NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit", href: '#motherNhsNumber' }]);
    assert.equal(await page.locator('#address').inputValue(), '12 Orchard Way\nDerby', 'what was typed is kept');
    await expectNoAxeViolations(page);
    await page.locator('#motherNhsNumber').fill('401 023 2137');
    const created = await submit(page, page.getByRole('button', { name: 'Create record' }));
    assert.equal(created.status(), 200);
    const details = await page.locator('[data-qa="record-details"]').innerText();
    assert.match(details, /12 Orchard Way\s+Derby\s+DE22 1XY/);
    assert.match(details, /Orchard Surgery \(C84001\)/);
    assert.match(details, /401 023 2137/);
    await expectNoAxeViolations(page);

    await submit(page, page.getByRole('link', { name: 'Change the address, GP or hospital' }));
    assert.equal(await page.locator('h1').innerText(), 'Address, GP and hospital');
    await page.locator('#gpPracticeOdsCode').fill('81001');
    const bad = await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(bad.status(), 400);
    await expectErrorSummary(page, [{ text: 'Enter the practice code as a letter and 5 numbers, like A81001', href: '#gpPracticeOdsCode' }]);
    await expectNoAxeViolations(page);
    await page.locator('#gpPracticeOdsCode').fill('C84001');
    await page.locator('#birthHospital').fill('Royal Derby Hospital');
    await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.match(await page.locator('[data-qa="record-details"]').innerText(), /Royal Derby Hospital/);
  });

  test('without JavaScript: someone outside the team finds the record by the mother’s NHS number and by postcode, seeing only the due month and why', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await signIn(page, 'health-visitor@demo.example');
    await page.goto('/cases/find');
    await page.locator('#nhsNumber').fill('4010232137');
    await submit(page, page.getByRole('button', { name: 'Search' }));
    const row = page.locator('[data-qa="restricted-record"]', { hasText: "Mother's NHS number" });
    assert.equal(await row.count(), 1);
    const [year, month] = addDays(today(), 120).split('-');
    assert.match(await row.innerText(), new RegExp(`Unborn, due ${MONTH_NAMES[Number(month) - 1]} ${year}`));
    assert.equal(await row.getByRole('link', { name: /open the record in an emergency/ }).count(), 1);
    const main = await page.locator('main').innerText();
    for (const secret of ['Zephyrine', 'Orchard Way', 'DE22 1XY']) assert.ok(!main.includes(secret), secret);
    await page.goto('/cases/find');
    await page.locator('#postcode').fill('DE22 1XY');
    await submit(page, page.getByRole('button', { name: 'Search' }));
    assert.match(await page.locator('[data-qa="restricted-record"]', { hasText: 'Postcode' }).innerText(), /Postcode/);
  });

  test('a restricted address is shown only when the lead asks, and is never found by its postcode', async () => {
    const lead = await e2e.newPage();
    await signIn(lead, 'midwife@demo.example');
    const id = (await e2e.testApp.ctx.db.selectFrom('cases').select('id').where('family_name', '=', 'Zephyrine').executeTakeFirstOrThrow()).id;
    await lead.goto(`/cases/${id}/details`);
    await lead.getByLabel('Yes, restrict the address').check();
    await submit(lead, lead.getByRole('button', { name: 'Save' }));
    assert.doesNotMatch(await lead.locator('main').innerText(), /Orchard Way/);
    await submit(lead, lead.getByRole('link', { name: 'Show the address' }));
    assert.equal(await lead.locator('h1').innerText(), 'Restricted address');
    assert.match(await lead.locator('[data-qa="address"]').innerText(), /12 Orchard Way/);
    await expectNoAxeViolations(lead);

    const outsider = await e2e.newPage();
    await signIn(outsider, 'health-visitor@demo.example');
    await outsider.goto('/cases/find');
    await outsider.locator('#postcode').fill('DE22 1XY');
    await submit(outsider, outsider.getByRole('button', { name: 'Search' }));
    assert.equal(await outsider.locator('[data-qa="results-heading"]').innerText(), '0 records found');
    await expectNoAxeViolations(outsider);
  });
});

describe('finding the baby from the adult (issue 15)', () => {
  let babyId: string;
  before(async () => {
    const db = e2e.testApp.ctx.db;
    const now = e2e.testApp.clock.now();
    const midwife = await db.selectFrom('users').select('id').where('email', '=', 'midwife@demo.example').executeTakeFirstOrThrow();
    babyId = 'e2e-oyelaran-baby';
    await db.insertInto('cases').values({ id: babyId, status: 'born', given_name: 'Rosa', family_name: 'Lindqvist', date_of_birth: addDays(serviceToday(now), -40), created_at: now, updated_at: now }).execute();
    await db.insertInto('case_team').values({ case_id: babyId, user_id: midwife.id, role: 'lead-professional', added_at: now, added_by: null }).execute();
    const person = (id: string, relationship: string, given: string, family: string, born: string, nhs: string | null) => ({
      case_id: babyId, id, given_name: given, family_name: family, date_of_birth: born, nhs_number: nhs, relationship_to_infant: relationship, lives_in_household: true, cares_for_infant: true, created_at: now, updated_at: now,
    });
    await db.insertInto('people').values([person('e2e-father', 'father', 'Mikael', 'Oyelaran', '1991-12-01', '4857773481'), person('e2e-mother', 'mother', 'Freya', 'Lindqvist', '1995-02-14', null)]).execute();
  });

  const searchFor = async (page: Page) => {
    await page.goto('/cases/find');
    await page.locator('#name').fill('Mikael Oyelaran');
    await page.locator('#dateOfBirth-day').fill('1');
    await page.locator('#dateOfBirth-month').fill('12');
    await page.locator('#dateOfBirth-year').fill('1991');
    return submit(page, page.getByRole('button', { name: 'Search' }));
  };

  test('without JavaScript: a police officer searching the father’s name and date of birth finds the baby he is around, as a contact and why, never a name', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await signIn(page, 'police@demo.example');
    const response = await searchFor(page);
    assert.equal(response.status(), 200);
    const row = page.locator('[data-qa="restricted-record"]', { hasText: 'Around this baby as: father, by name and date of birth' });
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /A record you cannot open\. Contact /);
    assert.equal(await row.getByRole('link', { name: /open the record in an emergency/ }).count(), 1);
    const main = await page.locator('main').innerText();
    for (const secret of ['Rosa', 'Lindqvist', 'Freya']) assert.ok(!main.includes(secret), secret);
    assert.equal(await page.locator('#name').inputValue(), 'Mikael Oyelaran', 'what was typed is kept');

    await page.locator('#dateOfBirth-day').fill('2');
    await submit(page, page.getByRole('button', { name: 'Search' }));
    assert.equal(await page.locator('[data-qa="results-heading"]').innerText(), '0 records found', 'not with another date of birth');
  });

  test('with axe: the officer’s results, and the lead professional’s own record found through the father’s NHS number', async () => {
    const officer = await e2e.newPage();
    await signIn(officer, 'police@demo.example');
    await searchFor(officer);
    assert.equal(await officer.locator('[data-qa="restricted-record"]', { hasText: 'Around this baby as: father' }).count(), 1);
    await expectNoAxeViolations(officer);

    const lead = await e2e.newPage();
    await signIn(lead, 'midwife@demo.example');
    await lead.goto('/cases/find');
    await lead.locator('#nhsNumber').fill('485 777 3481');
    await submit(lead, lead.getByRole('button', { name: 'Search' }));
    const row = lead.locator('[data-qa="record"]', { hasText: 'Around this baby as: father, by NHS number' });
    assert.equal(await row.getByRole('link', { name: 'Rosa Lindqvist' }).count(), 1);
    assert.equal(await row.getByRole('link', { name: 'Rosa Lindqvist' }).getAttribute('href'), `/cases/${babyId}`);
    await expectNoAxeViolations(lead);
  });
});

describe('recording a birth', () => {
  test('the lead professional records the birth of an unborn baby from the case page', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'midwife@demo.example');
    const ashworth = await demoCaseId(e2e, 'Ashworth');
    await page.goto(`/cases/${ashworth}`);
    await submit(page, page.getByRole('link', { name: 'Record the birth' }));
    await visit(page, `/cases/${ashworth}/birth`, { status: 200, heading: 'Record the birth' });
    const empty = await submit(page, page.getByRole('button', { name: 'Save birth details' }));
    assert.equal(empty.status(), 400);
    assert.equal(await page.locator('.govuk-error-summary').count(), 1);
    await expectNoAxeViolations(page);
    // The service's today is the test clock's day in London, never the wall clock's.
    const [year, month, day] = serviceToday(e2e.testApp.clock.now()).split('-');
    await page.locator('#dateOfBirth-day').fill(String(Number(day)));
    await page.locator('#dateOfBirth-month').fill(String(Number(month)));
    await page.locator('#dateOfBirth-year').fill(year!);
    await page.locator('input[name="multipleBirth"][value="no"]').check();
    await page.locator('input[name="independentlyMobile"][value="no"]').check();
    const saved = await submit(page, page.getByRole('button', { name: 'Save birth details' }));
    assert.equal(saved.status(), 200, saved.status() === 400 ? await page.locator('.govuk-error-summary').innerText() : '');
    assert.match(await page.locator('[data-qa="about-the-baby"]').innerText(), /Date of birth/);
  });
});
