// The profile's history, comparison, review and escalation decision pages in a real browser with axe.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

describe('profile history, review and decisions for the lead professional', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  async function recordHousing(status: 'excluded' | 'present', text: string) {
    await page.goto(`/cases/${demo.caseId}/profile/household/housing-instability`);
    await page.locator(`input[name="status"][value="${status}"]`).check();
    if (status === 'present') await page.locator('#detail').fill(text);
    else {
      await page.locator('#evidenceNote').fill(text);
      await page.locator('input[name="evidenceSource"][value="observed"]').check();
    }
    const saved = await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(saved.status(), 200);
  }

  test('history lists the changes and compares two versions', async () => {
    await recordHousing('excluded', 'Settled council tenancy seen');
    await recordHousing('present', 'Eviction notice served last week');
    await page.goto(`/cases/${demo.caseId}/profile`);
    await submit(page, page.getByRole('link', { name: 'Profile history' }));
    await visit(page, `/cases/${demo.caseId}/profile/history`, { status: 200, heading: 'Profile history' });
    assert.match(await page.locator('[data-qa="versions"]').innerText(), /Excluded to Present/);
    await submit(page, page.getByRole('button', { name: 'Compare' }));
    assert.match(await page.locator('h1').innerText(), /^Version \d+ compared with version \d+$/);
    assert.match(await page.locator('[data-qa="factor-changes"]').innerText(), /Eviction notice served last week/);
    await expectNoAxeViolations(page);
    await page.goto(`/cases/${demo.caseId}/profile/history/compare?from=1&to=1`);
    await expectErrorSummary(page, [{ text: 'Choose two different versions to compare', href: '#to' }]);
    await expectNoAxeViolations(page);
  });

  test('a decision: errors, then recorded; the level; marked reviewed', async () => {
    await visit(page, `/cases/${demo.caseId}/profile/review`, { status: 200, heading: 'Review and decisions' });
    await submit(page, page.getByRole('link', { name: 'Record a decision' }));
    assert.equal(await page.locator('h1').innerText(), 'Record an escalation decision');
    await expectNoAxeViolations(page);
    const refused = await submit(page, page.getByRole('button', { name: 'Record decision' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Select the decision the profile supports', href: '#decision' },
      { text: 'Enter your reasoning: what in the profile led to this decision', href: '#reasoning' },
      { text: 'Select whether you consulted the safeguarding lead', href: '#leadConsulted' },
    ]);
    await expectNoAxeViolations(page);
    await page.locator('input[name="decision"][value="universal-plus"]').check();
    await page.locator('#reasoning').fill('Housing at risk: extra health visiting while the family is rehoused.');
    await page.locator('input[name="leadConsulted"][value="no"]').check();
    await submit(page, page.getByRole('button', { name: 'Record decision' }));
    assert.match(await page.locator('[data-qa="decision"]').first().innerText(), /Universal plus/);

    await submit(page, page.getByRole('link', { name: /Change\s+the level of support/ }));
    await visit(page, `/cases/${demo.caseId}/profile/level`, { status: 200, heading: 'Change the level of support' });
    await page.locator('input[name="level"][value="early-help"]').check();
    await page.locator('#why').fill('Early help assessment agreed with the family.');
    await submit(page, page.getByRole('button', { name: 'Change level' }));
    assert.match(await page.locator('[data-qa="review-summary"]').innerText(), /Early help/);

    await submit(page, page.getByRole('button', { name: 'Mark reviewed' }));
    assert.ok(await page.locator('[data-qa="reviewed-banner"]').isVisible());
    await expectNoAxeViolations(page);
    await page.reload();
    assert.equal(await page.locator('[data-qa="reviewed-banner"]').count(), 0, 'the banner is shown once, not on reload');
  });
});
