// The reports in a real browser with axe: the team manager opens Reports from the menu (the
// partnership's tables and their CSV links), the Children in Need census return for the census year
// so far, then asks in the day, month and year boxes for a period that ends before it starts, and for
// dates it cannot read (the error summary links to the box in error, what was typed kept); a practitioner
// is refused. Days from the test clock.
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
    const [year, month, day] = today.split('-').map((part) => String(Number(part)));
    assert.deepEqual(await Promise.all(['#to-day', '#to-month', '#to-year'].map((id) => page.locator(id).inputValue())), [day, month, year], 'the period in day, month and year boxes');
    assert.match((await page.locator('[data-qa="census-csv"]').getAttribute('href')) ?? '', /^\/reports\/cin-census\.csv\?from=\d{4}-04-01&to=/);
    await expectNoAxeViolations(page);
  });

  test('a period that ends before it starts: the error summary links to the end date, what was typed kept', async () => {
    const [year, month, day] = today.split('-').map((part) => String(Number(part))) as [string, string, string];
    const [yYear, yMonth, yDay] = addDays(today, -1).split('-').map((part) => String(Number(part))) as [string, string, string];
    for (const [id, value] of [['#from-day', day], ['#from-month', month], ['#from-year', year], ['#to-day', yDay], ['#to-month', yMonth], ['#to-year', yYear]] as const) await page.locator(id).fill(value);
    const refused = await submit(page, page.locator('[data-qa="show-return"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'The end date must be the same as or after the start date', href: '#to-day' }]);
    assert.equal(await page.locator('#from-day').inputValue(), day);
    await expectNoAxeViolations(page);
  });

  test('a date with no year and one not real: each named, the summary linking to the box in error', async () => {
    await page.goto('/reports');
    await page.locator('#from-year').fill('');
    await page.locator('#to-day').fill('31');
    await page.locator('#to-month').fill('2');
    const refused = await submit(page, page.locator('[data-qa="show-reports"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'The start date must include a year', href: '#from-year' },
      { text: 'The end date must be a real date', href: '#to-day' },
    ]);
    assert.equal(await page.locator('#to-day').inputValue(), '31');
    await expectNoAxeViolations(page);
  });

  test('a practitioner has no Reports in the menu and is refused the page', async () => {
    const other = await e2e.newPage();
    await signIn(other, 'health-visitor@demo.example');
    assert.equal(await other.getByRole('link', { name: 'Reports', exact: true }).count(), 0);
    await visit(other, '/reports', { status: 403, heading: 'You cannot see this page' });
  });
});
