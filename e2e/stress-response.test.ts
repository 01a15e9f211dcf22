// Stress and response in a real browser with axe: the page for a demo family, recording how a
// carer responds to stress (an error kept, then saved), and the finding that follows.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Hartley');

describe('stress and response for the lead professional', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  const stressUrl = () => `/cases/${demo.caseId}/profile/stress`;

  test('the page shows the toddler at home as a stressor and each carer, not yet assessed', async () => {
    await visit(page, stressUrl(), { status: 200, heading: 'Stress and response' });
    assert.match(await page.locator('[data-qa="stressors"]').innerText(), /under two/);
    assert.match(await page.locator('[data-qa^="carer-"]', { hasText: 'Sarah Hartley' }).innerText(), /Not yet assessed/);
    assert.equal(await page.locator('[data-qa="no-finding"]').count(), 1);
  });

  test('record how the mother responds to stress: an error keeps the ticks, then it is saved', async () => {
    await page.goto(stressUrl());
    await submit(page, page.getByRole('link', { name: 'Record how Sarah Hartley responds to stress' }));
    assert.match(page.url(), /\/harmful-stress-response$/);
    await expectNoAxeViolations(page);

    await page.getByLabel('Anger or aggression').check();
    await page.getByLabel('Asks for help from family, friends or services').check();
    await page.locator('input[name="status"][value="excluded"]').check();
    await page.locator('#evidenceNote').fill('No police record held');
    await page.locator('input[name="evidenceSource"][value="agency-record"]').check();
    const refused = await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'You cannot exclude this while a harmful response is ticked: untick it, or record it as present', href: '#responses' }]);
    assert.equal(await page.getByLabel('Anger or aggression').isChecked(), true);
    assert.equal(await page.getByLabel('Asks for help from family, friends or services').isChecked(), true);
    await expectNoAxeViolations(page);

    await page.locator('input[name="status"][value="present"]').check();
    await page.locator('#evidenceNote').fill('Her sister says she shouts and throws things when the baby cries');
    await page.locator('input[name="evidenceSource"][value="third-party"]').check();
    const saved = await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(saved.status(), 200);
  });

  test('the page then shows her responses and the finding naming them', async () => {
    await visit(page, stressUrl(), { status: 200, heading: 'Stress and response' });
    const mother = await page.locator('[data-qa^="carer-"]', { hasText: 'Sarah Hartley' }).innerText();
    assert.match(mother, /Present/);
    assert.match(mother, /Anger or aggression/);
    assert.match(mother, /Asks for help from family, friends or services/);
    const finding = await page.locator('[data-qa="finding-stress-response"]').innerText();
    assert.match(finding, /Sarah Hartley is known to respond to stress with anger or aggression, and the home is under pressure from/);
    assert.doesNotMatch(finding, /asking for help/);
  });
});

describe('stress and response outside the team', () => {
  test('a practitioner outside the team is refused', async () => {
    const page = await demo.signedInPage('police@demo.example');
    const response = await page.goto(`/cases/${demo.caseId}/profile/stress`);
    assert.equal(response?.status(), 403);
    await expectNoAxeViolations(page);
  });
});
