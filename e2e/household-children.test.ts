// Other children who live with the baby, in a real browser with axe: the lead professional of a demo
// case opens the form, is refused without an answer (error summary linking to the field, the source
// kept), then records that the children at home are all on the record, on what was seen, and is
// taken to the profile. The form shows the answer recorded. No JavaScript needed.
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

describe('other children who live with the baby', () => {
  test('the form passes axe, and a form without an answer is refused with the source kept', async () => {
    await page.goto(`/cases/${caseId}/household-children`);
    assert.equal(await page.locator('h1').innerText(), 'Other children who live with the baby');
    await expectNoAxeViolations(page);
    await page.locator('input[name="source"][value="observed"]').check();
    const refused = await submit(page, page.locator('[data-qa="save-household-children"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Select who the other children living with the baby are', href: '#answer' }]);
    assert.equal(await page.locator('input[name="source"][value="observed"]').isChecked(), true);
    await expectNoAxeViolations(page);
  });

  test('records the answer, goes to the profile, and the form shows what was recorded', async () => {
    await page.locator('input[name="answer"][value="recorded"]').check();
    await submit(page, page.locator('[data-qa="save-household-children"]'));
    assert.match(new URL(page.url()).pathname, new RegExp(`/cases/${caseId}/profile$`));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Other children at home recorded/);
    await expectNoAxeViolations(page);
    await page.goto(`/cases/${caseId}/household-children`);
    assert.match(await page.locator('[data-qa="household-children-current"]').innerText(), /They are all recorded in the people on this record/);
    await expectNoAxeViolations(page);
  });
});
