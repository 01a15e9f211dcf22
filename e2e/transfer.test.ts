// Transfer to another area in a real browser with axe: the lead professional of a demo case opens
// "Transfer to another area" from the case page, is refused with the area left empty (error summary
// linking to the field, the contact kept), closes the case for transfer and sees what was sent, to
// whom and the task to confirm receipt, then records the receipt; the closed case then looks closed
// (its page's banner, a change form's page, the home list). No JavaScript needed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, firstDemoLedCase, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

let page: Page;
let caseId: string;

const e2e = useE2e(async () => {
  const lead = await firstDemoLedCase(e2e);
  caseId = lead.caseId;
  page = await e2e.newPage();
  await signIn(page, lead.email);
});

describe('transfer to another area', () => {
  test('the close-for-transfer page, from the case page, passes axe, and an empty area is refused with what was typed kept', async () => {
    await page.goto(`/cases/${caseId}`);
    await submit(page, page.locator('[data-qa="open-transfer"]'));
    assert.equal(await page.locator('h1').innerText(), 'Transfer to another area');
    await expectNoAxeViolations(page);
    await page.locator('#contact').fill('Rita Receiver, duty team, 01234 567890');
    const refused = await submit(page, page.locator('[data-qa="close-for-transfer"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Enter the area the family has moved to', href: '#toArea' }]);
    assert.equal(await page.locator('#contact').inputValue(), 'Rita Receiver, duty team, 01234 567890');
    await expectNoAxeViolations(page);
  });

  test('closes the case for transfer, shows what was sent and the task, and records the receipt', async () => {
    await page.locator('#toArea').fill('Northshire County Council');
    await submit(page, page.locator('[data-qa="close-for-transfer"]'));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /closed for transfer to Northshire County Council/);
    const sent = await page.locator('[data-qa="transfer-sent"]').innerText();
    assert.match(sent, /Northshire County Council/);
    assert.match(sent, /Due/);
    await expectNoAxeViolations(page);
    await page.locator('#note').fill('Rita Receiver confirmed by phone');
    await submit(page, page.locator('[data-qa="record-receipt"]'));
    assert.match(await page.locator('[data-qa="transfer-sent"]').innerText(), /Received/);
    await expectNoAxeViolations(page);
  });

  test('the closed case looks closed: a banner on the case page, no change offered, a change form says why, the home list marks it', async () => {
    const overview = await page.goto(`/cases/${caseId}`);
    assert.equal(overview?.status(), 200);
    const banner = await page.locator('[data-qa="closed-for-transfer"]').innerText();
    assert.match(banner, /because the family moved to Northshire County Council/);
    assert.match(banner, /read-only here/);
    assert.match(banner, /Rita Receiver, duty team, 01234 567890/);
    assert.equal(await page.locator('[data-qa="record-contact"]').count(), 0);
    assert.match(await page.locator('[data-qa="open-transfer"]').innerText(), /See the transfer/);
    await expectNoAxeViolations(page);
    const form = await page.goto(`/cases/${caseId}/plan/edit`);
    assert.equal(form?.status(), 409);
    assert.equal(await page.locator('h1').innerText(), 'This case was closed for transfer');
    assert.equal(await page.locator('main form[method="post"]').count(), 0);
    await expectNoAxeViolations(page);
    await page.goto('/');
    assert.match(await page.locator('[data-qa="my-cases"] [data-qa="closed-for-transfer"]').innerText(), /Closed for transfer to Northshire County Council/);
    await expectNoAxeViolations(page);
  });
});
