// The reports in a real browser with axe: the team manager opens Reports from the menu (the
// partnership's tables and their CSV links), the Children in Need census return for the census year
// so far, then asks for a period that ends before it starts (the error summary links to the last day,
// what was typed kept); a practitioner is refused. Days from the test clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

let today: string;

const e2e = useE2e(async () => {
  today = serviceToday(e2e.testApp.clock.now());
});

describe('the reports', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'manager@demo.example');
  });

  test('the reports page, reached from the menu, shows each report with its CSV link and passes axe', async () => {
    await submit(page, page.getByRole('link', { name: 'Reports', exact: true }));
    assert.equal(await page.locator('h1').innerText(), 'Reports');
    for (const name of ['seen-within-limits', 'pre-birth-assessments', 'was-not-brought', 'trigger-to-review', 'discharges-notified']) {
      assert.equal(await page.locator(`[data-qa="report-${name}"]`).count(), 1, name);
      assert.match((await page.locator(`[data-qa="report-${name}"] a[download]`).getAttribute('href')) ?? '', new RegExp(`^/reports/${name}\\.csv\\?from=`));
    }
    await expectNoAxeViolations(page);
  });

  test('the census return for the census year so far passes axe', async () => {
    await submit(page, page.locator('[data-qa="census-link"]'));
    assert.equal(await page.locator('h1').innerText(), 'Children in Need census return');
    assert.equal(await page.locator('#to').inputValue(), today);
    assert.match((await page.locator('[data-qa="census-csv"]').getAttribute('href')) ?? '', /^\/reports\/cin-census\.csv\?from=\d{4}-04-01&to=/);
    await expectNoAxeViolations(page);
  });

  test('a period that ends before it starts: the error summary links to the last day, what was typed kept', async () => {
    await page.locator('#from').fill(today);
    await page.locator('#to').fill(addDays(today, -1));
    const refused = await submit(page, page.locator('[data-qa="show-return"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'The period ends before it starts: enter a last day on or after the first day.', href: '#to' }]);
    assert.equal(await page.locator('#from').inputValue(), today);
    await expectNoAxeViolations(page);
  });

  test('a practitioner has no Reports in the menu and is refused the page', async () => {
    const other = await e2e.newPage();
    await signIn(other, 'health-visitor@demo.example');
    assert.equal(await other.getByRole('link', { name: 'Reports', exact: true }).count(), 0);
    await visit(other, '/reports', { status: 403, heading: 'You cannot see this page' });
  });
});
