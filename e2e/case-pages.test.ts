// The case pages in a real browser with axe: the overview, people forms (with errors, the history
// check and a version conflict), relationships, the team, who has looked, refusal, and emergency access.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoCaseId, expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

let ashworth: string;
const demo = useE2eOnDemoCase('Okafor', async () => {
  ashworth = await demoCaseId(demo.e2e, 'Ashworth');
});

describe('case pages for the lead professional', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  test('case overview of a born baby, reached from My cases', async () => {
    await page.goto('/');
    await submit(page, page.getByRole('link', { name: 'Ruby Okafor' }));
    await visit(page, `/cases/${demo.caseId}`, { status: 200, heading: 'Ruby Okafor' });
    assert.match(await page.locator('[data-qa="about-the-baby"]').innerText(), /Corrected age/);
  });

  test('add a person: errors, then saved', async () => {
    await visit(page, `/cases/${demo.caseId}/people/new`, { status: 200, heading: 'Add a person around the baby' });
    await submit(page, page.getByRole('button', { name: 'Save' }));
    await expectErrorSummary(page, [
      { text: 'Select how this person is related to the baby', href: '#relationshipToInfant' },
      { text: 'Enter their first name or last name, or answer that you do not know who they are', href: '#givenName' },
      { text: 'Select whether they live with the baby', href: '#livesInHousehold' },
      { text: 'Select whether they care for the baby', href: '#caresForInfant' },
    ]);
    await expectNoAxeViolations(page);
    await page.goto(`/cases/${demo.caseId}/people/new`);
    await page.locator('#relationshipToInfant').selectOption('grandparent');
    await page.locator('#givenName').fill('Esther');
    await page.locator('#familyName').fill('Okafor');
    await page.locator('#livesInHousehold-2').check();
    await page.locator('#caresForInfant').check();
    await page.locator('#visitsRegularly').check();
    await page.locator('#parentalResponsibility-3').check();
    await page.getByLabel("Their history has been checked with police, children's social care and health records").check();
    const response = await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(response.status(), 200);
    const esther = page.locator('[data-qa="adults"] tr', { hasText: 'Esther Okafor' });
    assert.equal(await esther.count(), 1);
    assert.equal(await esther.locator('td').last().innerText(), 'Not known', 'parental responsibility: "Not known" is an answer, not "Not recorded"');
    assert.equal(await esther.locator('[data-qa="history-not-checked"]').count(), 0);
  });

  test('change a person, and the conflict page when someone else saved first', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    await submit(page, page.getByRole('link', { name: 'Change details of Daniel Mensah' }));
    assert.equal(await page.locator('h1').innerText(), 'Change details of Daniel Mensah');
    await demo.e2e.testApp.ctx.db.updateTable('people').set((eb) => ({ version: eb('version', '+', 1) })).where('given_name', '=', 'Daniel').execute();
    await page.locator('#familyName').fill('Mensah-Okafor');
    const response = await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(response.status(), 409);
    assert.equal(await page.locator('[data-qa="version-conflict"]').count(), 1);
    assert.equal(await page.locator('#familyName').inputValue(), 'Mensah-Okafor');
    await expectNoAxeViolations(page);
  });

  test('record a relationship', async () => {
    await visit(page, `/cases/${demo.caseId}/relationships/new`, { status: 200, heading: 'Record a relationship' });
  });

  test('the Infant Care Profile task list, a factor page and its errors', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    await submit(page, page.getByRole('link', { name: 'Open the Infant Care Profile' }));
    await visit(page, `/cases/${demo.caseId}/profile`, { status: 200, heading: 'Infant Care Profile' });
    const factorLink = page.locator('a[href$="/household/housing-instability"]');
    await submit(page, factorLink);
    assert.equal(await page.locator('h1').innerText(), 'Homeless, temporary housing or frequent moves');
    await expectNoAxeViolations(page);
    await page.locator('#status-2').check();
    const refused = await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'To exclude this, add the evidence that rules it out and where it comes from', href: '#evidenceNote' }]);
    await expectNoAxeViolations(page);
  });

  test('team and who has looked', async () => {
    await visit(page, `/cases/${demo.caseId}/team`, { status: 200, heading: 'Team around the family' });
    await submit(page, page.getByRole('button', { name: 'Add to the team' }));
    await expectErrorSummary(page, [{ text: 'Enter the practitioner’s work email address', href: '#email' }]);
    await visit(page, `/cases/${demo.caseId}/looks`, { status: 200, heading: 'Who has looked at this record' });
  });
});

describe('an unborn baby with an unknown adult', () => {
  test('shows the unknown adult as a warning', async () => {
    const page = await demo.signedInPage('midwife@demo.example');
    await visit(page, `/cases/${ashworth}`, { status: 200, heading: 'Unborn baby Ashworth' });
    assert.match(await page.locator('[data-qa="unknown-adult-warning"]').innerText(), /Mother's new partner, name unknown/);
    const partner = page.locator('[data-qa="adults"] tr', { hasText: "Mother's new partner, name unknown" });
    assert.equal(await partner.locator('[data-qa="history-not-checked"]').innerText(), 'History not checked');
  });
});

describe('refusal and emergency access', () => {
  test('a practitioner outside the team is told who to contact, then opens the record in an emergency', async () => {
    const page = await demo.signedInPage('police@demo.example');
    await visit(page, `/cases/${demo.caseId}`, { status: 403, heading: 'You are not in the team around this baby' });
    await submit(page, page.getByRole('link', { name: 'open the record in an emergency' }));
    await visit(page, `/cases/${demo.caseId}/emergency-access`, { status: 200, heading: 'Open a record in an emergency' });
    await submit(page, page.getByRole('button', { name: 'Open the record' }));
    await expectErrorSummary(page, [{ text: 'Enter why you need to open this record now', href: '#reason' }]);
    await page.locator('#reason').fill('Police called to the address tonight, baby present, lead not answering');
    const response = await submit(page, page.getByRole('button', { name: 'Open the record' }));
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('[data-qa="break-glass-banner"]').count(), 1);
    // The evidence behind the findings can be read, not changed.
    await visit(page, `/cases/${demo.caseId}/profile/household/housing-instability`, { status: 200, heading: 'Homeless, temporary housing or frequent moves' });
    assert.equal(await page.locator('[data-qa="read-only"]').count(), 1);
    assert.equal(await page.locator('[data-qa="save-factor"]').count(), 0);
    await expectNoAxeViolations(page);
  });

  test("the safeguarding lead's review queue", async () => {
    const page = await demo.signedInPage('health-safeguarding-lead@demo.example');
    await visit(page, '/emergency-access', { status: 200, heading: 'Emergency access to review' });
    assert.equal(await page.locator('[data-qa="review-item"]').count(), 1);
  });
});
