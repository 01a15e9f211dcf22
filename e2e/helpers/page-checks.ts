// Checks shared by the page tests: status, heading and axe for a page; the GOV.UK error summary; filling a GOV.UK date input.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, pageHeading } from './browser.ts';

/** Opens a page as whoever the page's context is signed in as, checks its status and h1, and runs axe. */
export async function visit(page: Page, url: string, expected: { status: number; heading: string }): Promise<void> {
  const response = await page.goto(url);
  assert.equal(response?.status(), expected.status, `GET ${url}`);
  assert.equal(await pageHeading(page), expected.heading);
  await expectNoAxeViolations(page);
}

/** The error summary lists exactly these messages, each linking to its field, and has the focus. */
export async function expectErrorSummary(page: Page, errors: { text: string; href: string }[]): Promise<void> {
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  assert.equal(await summary.getByRole('heading').innerText(), 'There is a problem');
  const links = summary.locator('.govuk-error-summary__list a');
  const found = await links.evaluateAll((anchors) => anchors.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })));
  assert.deepEqual(found, errors);
  for (const { href } of errors) assert.equal(await page.locator(href).count(), 1, `the error link ${href} should point at a field`);
  assert.match(await page.title(), /^Error: /);
  // govuk-frontend's ErrorSummary moves the focus to the summary when the page loads.
  const focused = await page
    .waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') === true, undefined, { timeout: 5_000 })
    .then(() => true, () => false);
  if (!focused) {
    const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
    assert.fail(`the error summary should have the focus; it is on ${active}`);
  }
}


/** Fills the GOV.UK date input whose fields are #{prefix}-day, -month and -year with a YYYY-MM-DD day. */
export async function fillDate(page: Page, prefix: string, day: string): Promise<void> {
  const [year, month, dayOfMonth] = day.split('-');
  await page.locator(`#${prefix}-day`).fill(String(Number(dayOfMonth)));
  await page.locator(`#${prefix}-month`).fill(String(Number(month)));
  await page.locator(`#${prefix}-year`).fill(year!);
}
