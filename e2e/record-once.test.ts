// A form posted twice records once with JavaScript off (ADR 0026): Chromium without JavaScript, so no
// govuk-frontend Button to ignore a second press. The chronology's form posted by "Save entry", then
// the very same post (as the browser sent it) sent again, as a second press or a browser on a flaky
// connection would: one entry, and the second post goes to it with the same success message; and the
// form reached again by Back is rendered again, with a new id (pages are no-store). (A
// double click by Playwright with JavaScript off was tried: the requests it reported could not show
// that two posts were sent, so it proved nothing and is not here.) The new record form, which belongs
// to no case, the same way: posted again, it makes no second record of the baby.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { submit, useE2eOnDemoCase } from './helpers/browser.ts';

const demo = useE2eOnDemoCase('Hartley');

describe('a chronology entry posted twice without JavaScript', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example', { javaScriptEnabled: false });
  });

  const newEntry = () => `/cases/${demo.caseId}/chronology/new`;
  const entriesSaying = async (summary: string) =>
    (await demo.e2e.testApp.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', demo.caseId).where('summary', '=', summary).execute()).length;

  async function fillEntry(summary: string) {
    await page.goto(newEntry());
    await page.locator('#kind').selectOption('information-from-family');
    await page.locator('#occurred-day').fill('3');
    await page.locator('#occurred-month').fill('11');
    await page.locator('#occurred-year').fill('2026');
    await page.locator('#summary').fill(summary);
    await page.locator('input[name="source"][value="observed"]').check();
    await page.locator('input[name="babySeen"][value="yes"]').check();
  }

  test('the same post sent again records nothing and goes to the first one\'s entry, with the same message', async () => {
    const summary = 'Seen at home; the same post sent twice';
    await fillEntry(summary);
    let posted: string | null = null;
    await page.route(`**${newEntry()}`, async (route) => {
      if (route.request().method() === 'POST') posted = route.request().postData();
      await route.continue();
    });
    const first = await submit(page, page.getByRole('button', { name: 'Save entry' }));
    await page.unroute(`**${newEntry()}`);
    assert.equal(first.status(), 200);
    const entryPage = new URL(page.url()).pathname;
    assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /Entry added to the chronology/);
    assert.ok(posted, 'the form was posted');

    const again = await page.request.post(newEntry(), { data: posted, headers: { 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
    assert.equal(again.status(), 303);
    assert.equal(again.headers()['location'], entryPage);
    await page.goto(entryPage);
    assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /Entry added to the chronology/);
    assert.equal(await entriesSaying(summary), 1);
  });

  test('going back to the form after saving it gives it a new id, so filling it in again records again', async () => {
    await fillEntry('Seen at home; before going back');
    const shown = await page.locator('input[name="submissionId"]').inputValue();
    await submit(page, page.getByRole('button', { name: 'Save entry' }));
    await page.goBack();
    assert.equal(new URL(page.url()).pathname, newEntry());
    assert.notEqual(await page.locator('input[name="submissionId"]').inputValue(), shown);
  });
});

describe('a new record posted twice without JavaScript', () => {
  test('the same post sent again makes no second record and goes to the first one', async () => {
    const page = await demo.signedInPage('health-visitor@demo.example', { javaScriptEnabled: false });
    const familyName = 'Twicesent';
    const records = async () => (await demo.e2e.testApp.ctx.db.selectFrom('cases').select('id').where('family_name', '=', familyName).execute()).length;
    await page.goto('/cases/new/details?status=unborn');
    const [year, month, day] = addDays(demo.today, 150).split('-');
    await page.locator('#givenName').fill('Quillon');
    await page.locator('#familyName').fill(familyName);
    await page.locator('#expectedDeliveryDate-day').fill(String(Number(day)));
    await page.locator('#expectedDeliveryDate-month').fill(String(Number(month)));
    await page.locator('#expectedDeliveryDate-year').fill(year!);
    let posted: string | null = null;
    await page.route('**/cases/new', async (route) => {
      if (route.request().method() === 'POST') posted = route.request().postData();
      await route.continue();
    });
    const first = await submit(page, page.getByRole('button', { name: 'Create record' }));
    await page.unroute('**/cases/new');
    assert.equal(first.status(), 200);
    const casePage = new URL(page.url()).pathname;
    assert.match(casePage, /^\/cases\/[0-9a-f-]{36}$/);
    assert.ok(posted, 'the form was posted');

    const again = await page.request.post('/cases/new', { data: posted, headers: { 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
    assert.equal(again.status(), 303);
    assert.equal(again.headers()['location'], casePage);
    assert.equal(await records(), 1);
  });
});
