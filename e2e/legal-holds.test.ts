// Legal holds in a real browser with axe: a safeguarding lead with oversight of a demo case opens
// "Keeping this record" from the case page (its disposal date and why), is refused a hold with no
// reason (error summary linking to the field), sets one, sees the record held, and lifts it; an
// administrator holds every case with an organisation in the team on the rule page. No JavaScript needed.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

describe('legal holds on a case', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-safeguarding-lead@demo.example');
  });

  test('the holds page, reached from the case page, says when the record may be disposed of and why, and passes axe', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    assert.match(await page.locator('[data-qa="disposal-date"]').innerText(), /^This record may be disposed of from \d+ \w+ \d{4}\. Records about a child/);
    await submit(page, page.locator('[data-qa="open-holds"]'));
    assert.equal(await page.locator('h1').innerText(), 'Keeping this record: disposal and legal holds');
    assert.equal(await page.locator('[data-qa="no-holds"]').innerText(), 'No legal hold has been set on this record.');
    await expectNoAxeViolations(page);
  });

  test('refuses a hold without a reason, then sets one and shows the record held', async () => {
    const refused = await submit(page, page.getByRole('button', { name: 'Set the legal hold' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Enter why the records are held, such as the review, inquiry or claim and who asked', href: '#reason' }]);
    await expectNoAxeViolations(page);
    await page.locator('#reason').fill('Child safeguarding practice review: the partnership asked for the records');
    await submit(page, page.getByRole('button', { name: 'Set the legal hold' }));
    assert.match(await page.locator('[data-qa="hold"]').innerText(), /Standing: Child safeguarding practice review/);
    assert.match(await page.locator('[data-qa="held"]').innerText(), /Disposal is suspended: a legal hold stands on this record/);
    await expectNoAxeViolations(page);
  });

  test('lifts it, keeping it as lifted', async () => {
    await submit(page, page.locator('[data-qa="lift-hold"]'));
    assert.match(await page.locator('[data-qa="hold"]').innerText(), /^Lifted: /);
    assert.equal(await page.locator('[data-qa="held"]').count(), 0);
  });
});

describe('legal holds by rule', () => {
  test('an administrator sets a hold on every case with an organisation in the team, on a page that passes axe', async () => {
    const page = await demo.signedInPage('admin@demo.example');
    await page.goto('/admin');
    await submit(page, page.getByRole('link', { name: 'Legal holds by rule' }));
    assert.equal(await page.locator('h1').innerText(), 'Legal holds by rule');
    await expectNoAxeViolations(page);
    await page.locator('#reason').fill('Inquiry into the health visiting service');
    const refused = await submit(page, page.getByRole('button', { name: 'Set the legal hold' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Choose an organisation, or give dates of birth, or both: a rule must say which records it holds', href: '#organisationId' }]);
    assert.equal(await page.locator('#reason').inputValue(), 'Inquiry into the health visiting service');
    await expectNoAxeViolations(page);
    await page.locator('#organisationId').selectOption({ index: 1 });
    await submit(page, page.getByRole('button', { name: 'Set the legal hold' }));
    assert.match(await page.locator('[data-qa="rule-hold"]').first().innerText(), /Standing: Inquiry into the health visiting service.*Every case with .* in the team/s);
  });
});
