// Find or create a record in a real browser with axe: search (results, restricted hits, errors),
// the two-step create with its duplicate warning, and recording the birth of an unborn baby.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoCaseId, type E2e, expectNoAxeViolations, signIn, startE2e, submit } from './helpers/browser.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { visit } from './helpers/page-checks.ts';

let e2e: E2e;
before(async () => {
  e2e = await startE2e();
});
after(async () => {
  await e2e?.close();
});

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
