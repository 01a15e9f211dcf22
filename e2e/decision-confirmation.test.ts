// H1 (ADR 0027): a decision below the level a critical finding suggests, in a real browser with axe:
// the decision form's errors in one pass, the safeguarding lead chosen by account, the decision shown
// not in force, and the lead's confirmation page, reached from the lead's home page (H7).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

describe('a decision awaiting a safeguarding lead', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  async function recordPresent(factorId: string, text: string) {
    await page.goto(`/cases/${demo.caseId}/profile/household/${factorId}`);
    await page.locator('input[name="status"][value="present"]').check();
    await page.locator('#detail').fill(text);
    const saved = await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(saved.status(), 200);
  }

  test('the practitioner chooses the lead; the lead confirms', async () => {
    await recordPresent('unsafe-sleep', 'Baby sleeps on the sofa with dad');
    await recordPresent('smoking-in-home', 'Both parents smoke indoors');
    await visit(page, `/cases/${demo.caseId}/profile/decision`, { status: 200, heading: 'Record an escalation decision' });
    await expectNoAxeViolations(page);
    await page.locator('input[name="decision"][value="no-further-action"]').check();
    await page.locator('input[name="leadConsulted"][value="yes"]').check();
    await page.locator('#reasoning').fill('Parents agreed to move the cot');
    const refused = await submit(page, page.getByRole('button', { name: 'Record decision' }));
    assert.equal(refused.status(), 400);
    const summary = await page.locator('.govuk-error-summary').innerText();
    assert.match(summary, /Enter the name of the safeguarding lead you consulted/);
    assert.match(summary, /Choose the safeguarding lead to confirm this decision/);
    assert.equal(await page.locator('#reasoning').inputValue(), 'Parents agreed to move the cot');
    await expectNoAxeViolations(page);
    await page.locator('#leadName').fill('x');
    await page.getByLabel(/Mark Ellis/).check();
    await submit(page, page.getByRole('button', { name: 'Record decision' }));
    assert.match(await page.locator('[data-qa="decision-standing"]').first().innerText(), /Not in force: awaiting confirmation by Mark Ellis/);
    await expectNoAxeViolations(page);

    const lead = await demo.signedInPage('health-safeguarding-lead@demo.example');
    // H7 (ADR 0027, amendment): the lead's home page lists the decision until it is answered, and the
    // alert offers no note to close it with, only the way to the confirmation page.
    const toConfirm = `/cases/${demo.caseId}/profile/decisions/`;
    await visit(lead, '/', { status: 200, heading: 'Your organisation’s cases' });
    const listed = lead.locator(`[data-qa="decision-awaiting"] a[href^="${toConfirm}"]`);
    assert.equal(await listed.count(), 1);
    await visit(lead, '/alerts', { status: 200, heading: 'Alerts' });
    const request = lead.locator('[data-qa="alert"]').filter({ has: lead.locator(`[data-qa="answer-decision"][href^="${toConfirm}"]`) });
    assert.equal(await request.count(), 1);
    assert.equal(await request.locator('[data-qa="acknowledge-form"]').count(), 0);
    await lead.goto('/');
    await lead.locator(`[data-qa="decision-awaiting"] a[href^="${toConfirm}"]`).click();
    await lead.waitForURL(/\/confirmation$/);
    assert.equal(await lead.locator('h1').innerText(), 'Confirm or overturn a decision');
    await expectNoAxeViolations(lead);
    await lead.locator('input[name="answer"][value="confirmed"]').check();
    await lead.locator('#reasoning').fill('Spoke to the family: the cot is moved, seen on a visit');
    await submit(lead, lead.getByRole('button', { name: 'Record my answer' }));
    assert.match(await lead.locator('[data-qa="decision-standing"]').first().innerText(), /^Confirmed: .*Mark Ellis/);
    await expectNoAxeViolations(lead);
    await lead.goto('/');
    assert.equal(await lead.locator(`[data-qa="decision-awaiting"] a[href^="${toConfirm}"]`).count(), 0, 'answered: off the list');
  });
});
