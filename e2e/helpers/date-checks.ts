// Checks of a refused date input (find-record/macros.njk's dateField) in a real browser: the error
// summary's link to it puts the cursor in the first part in error, only the parts in error are marked,
// and its fieldset is described by its error.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export async function expectDateInError(page: Page, prefix: string, marked: readonly ('day' | 'month' | 'year')[]): Promise<void> {
  await page.locator(`.govuk-error-summary__list a[href="#${prefix}-${marked[0]!}"]`).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), `${prefix}-${marked[0]!}`, 'the link puts the cursor in the first part in error');
  const markedIds = await page.locator(`#${prefix} .govuk-input--error`).evaluateAll((inputs) => inputs.map((input) => input.id));
  assert.deepEqual(markedIds, marked.map((part) => `${prefix}-${part}`));
  assert.match((await page.locator(`#${prefix}`).locator('xpath=..').getAttribute('aria-describedby')) ?? '', new RegExp(`(^| )${prefix}-error$`), 'the fieldset of the date');
}
