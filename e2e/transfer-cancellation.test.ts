// Cancelling a transfer in a real browser with axe (issue 21): the lead professional of a demo case
// closes it for transfer, then cancels: a reason too long is refused with the error summary linking
// to the field and what was typed kept; with a reason, the page says the transfer is cancelled, by
// whom and why, and the case is open again; its pack is no longer offered to print, and its address
// says so. No JavaScript needed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CANCEL_REASON_LIMIT } from '../src/domain/transfer/cancel-transfer.ts';
import { expectNoAxeViolations, firstDemoLedCase, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

let page: Page;
let caseId: string;

const e2e = useE2e(async () => {
  const lead = await firstDemoLedCase(e2e);
  caseId = lead.caseId;
  page = await e2e.newPage();
  await signIn(page, lead.email);
  await page.goto(`/cases/${caseId}/transfer`);
  await page.locator('#toArea').fill('Northshire County Council');
  await page.locator('#contact').fill('Rita Receiver, duty team');
  await submit(page, page.locator('[data-qa="close-for-transfer"]'));
});

describe('cancelling a transfer to another area', () => {
  test('the cancel form passes axe, and a reason too long is refused with what was typed kept', async () => {
    await expectNoAxeViolations(page);
    const long = `Refused ${'x'.repeat(CANCEL_REASON_LIMIT)}`;
    await page.locator('#reason').fill(long);
    const refused = await submit(page, page.locator('[data-qa="cancel-transfer"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: `Why the transfer is cancelled must be ${CANCEL_REASON_LIMIT.toLocaleString('en-GB')} characters or fewer: you have ${long.length.toLocaleString('en-GB')}.`, href: '#reason' }]);
    assert.equal(await page.locator('#reason').inputValue(), long);
    await expectNoAxeViolations(page);
  });

  test('cancels the transfer: who, when and why shown, and the case open again', async () => {
    await page.locator('#reason').fill('Northshire refused it: the family did not move');
    await submit(page, page.locator('[data-qa="cancel-transfer"]'));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /transfer to Northshire County Council is cancelled/);
    assert.match(await page.locator('[data-qa="transfer-sent"]').innerText(), /Cancelled[\s\S]*Northshire refused it: the family did not move/);
    assert.match(await page.locator('[data-qa="open-again"]').innerText(), /open here again/);
    assert.equal(await page.locator('[data-qa="pack-print"]').count(), 0, 'no link to print a cancelled transfer’s pack');
    await expectNoAxeViolations(page);
  });

  test('the cancelled transfer’s pack is not printed: its address says why and links back to the transfer', async () => {
    const refused = await page.goto(`/cases/${caseId}/print/transfer`);
    assert.equal(refused?.status(), 409);
    assert.match(await page.locator('h1').innerText(), /no transfer pack to print/);
    await expectNoAxeViolations(page);
    await page.locator(`a[href="/cases/${caseId}/transfer"]`).first().click();
    assert.match(await page.locator('h1').innerText(), /Transfer to another area/);
  });
});
