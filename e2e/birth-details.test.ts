// Correcting the birth details, in a real browser with axe: the health visitor leading Ruby Okafor's
// record goes from the record to "Correct the birth details", sees the details filled in, is refused
// a gestation like "34+9" with no reason (every problem at once, what was typed kept), then corrects
// the gestation to 34+3 with a reason and is taken back to the record, whose success banner says what changed. No JavaScript needed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

let page: Page;

const demo = useE2eOnDemoCase('Okafor', async () => {
  page = await demo.signedInPage('health-visitor@demo.example');
});

describe('correct the birth details', () => {
  test('the record links to the page, which passes axe with the details filled in', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    await page.locator('[data-qa="correct-birth-details"]').click();
    assert.equal(await page.locator('h1').innerText(), 'Correct the birth details');
    assert.equal(await page.locator('input[name="gestationAtBirth"]').inputValue(), '34');
    await expectNoAxeViolations(page);
  });

  test('gives every problem at once, keeping what was typed', async () => {
    await page.locator('input[name="gestationAtBirth"]').fill('34+9');
    const refused = await submit(page, page.locator('[data-qa="save-birth-details"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Enter gestation at birth as completed weeks from 22 to 44, with any days after a plus from 0 to 6, like 38 or 38+4', href: '#gestationAtBirth' },
      { text: 'Say why the birth details are being corrected, and where the right ones come from', href: '#reason' },
    ]);
    assert.equal(await page.locator('input[name="gestationAtBirth"]').inputValue(), '34+9');
    await expectNoAxeViolations(page);
  });

  test('saves the gestation with its days and the reason, and goes back to the record', async () => {
    await page.locator('input[name="gestationAtBirth"]').fill('34+3');
    await page.locator('textarea[name="reason"]').fill('The neonatal discharge summary gives 34+3');
    await submit(page, page.locator('[data-qa="save-birth-details"]'));
    assert.match(new URL(page.url()).pathname, new RegExp(`/cases/${demo.caseId}$`));
    const row = await demo.e2e.testApp.ctx.db.selectFrom('cases').select(['gestation_at_birth_weeks', 'gestation_at_birth_days']).where('id', '=', demo.caseId).executeTakeFirstOrThrow();
    assert.deepEqual([row.gestation_at_birth_weeks, row.gestation_at_birth_days], [34, 3]);
    const banner = page.locator('.govuk-notification-banner--success');
    assert.equal(await banner.locator('.govuk-notification-banner__heading').innerText(), 'Birth details corrected: gestation at birth from 34 weeks to 34 weeks 3 days.');
    await expectNoAxeViolations(page);
  });
});
