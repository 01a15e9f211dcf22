// The audit trail's from and to dates in a real browser with axe: GOV.UK day, month and year boxes.
// The administrator types a from date with no year and a to date that is not real: the error summary
// names each date and links to the first box in error, what was typed kept; then filters on the day.
// No JavaScript needed: the form is a GET form. Days from the test clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

let today: string;

const e2e = useE2e(async () => {
  today = serviceToday(e2e.testApp.clock.now());
});

describe('the audit trail’s dates', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'admin@demo.example');
  });

  test('a date it cannot read: the summary links to the box in error, what was typed kept', async () => {
    await page.goto('/admin/audit');
    await page.locator('#from-day').fill('1');
    await page.locator('#from-month').fill('3');
    await page.locator('#to-day').fill('31');
    await page.locator('#to-month').fill('2');
    await page.locator('#to-year').fill('2026');
    const response = await submit(page, page.getByRole('button', { name: 'Filter' }));
    assert.equal(response.status(), 400);
    await expectErrorSummary(page, [
      { text: 'The from date must include a year', href: '#from-year' },
      { text: 'The to date must be a real date', href: '#to-day' },
    ]);
    assert.deepEqual(await Promise.all(['#from-day', '#from-month', '#from-year', '#to-day'].map((id) => page.locator(id).inputValue())), ['1', '3', '', '31']);
    await expectNoAxeViolations(page);
  });

  test('filters on the day typed, and the boxes keep it', async () => {
    const [year, month, day] = today.split('-').map((part) => String(Number(part))) as [string, string, string];
    for (const [id, value] of [['#from-day', day], ['#from-month', month], ['#from-year', year], ['#to-day', day], ['#to-month', month], ['#to-year', year]] as const) await page.locator(id).fill(value);
    const response = await submit(page, page.getByRole('button', { name: 'Filter' }));
    assert.equal(response.status(), 200);
    assert.ok((await page.locator('[data-qa="audit-entries"] tbody tr').count()) > 0, 'today’s sign-ins');
    assert.equal(await page.locator('#to-year').inputValue(), year);
    await expectNoAxeViolations(page);
  });
});
