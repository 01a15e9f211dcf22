// Receiving a transfer pack from a page in a real browser with axe: a practitioner uploads the pack
// file another area sent (here made by this instance from a demo case, so the baby is already on the
// record), is told to choose a file when none was chosen (error summary linking to the field), sees
// what the pack holds before anything is stored, is shown the record here it may be on confirming, and
// receives it as a different baby; then, uploading it again, adds it to that record as the same baby
// (what it will add shown first). No JavaScript needed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiTokenFor } from '../test/helpers/factories.ts';
import { expectNoAxeViolations, firstDemoLedCase, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

let page: Page;
let pack: string;
let receivedId: string;

const e2e = useE2e(async () => {
  const { ctx, app } = e2e.testApp;
  const lead = await firstDemoLedCase(e2e);
  const token = await apiTokenFor(ctx, lead.email);
  const sent = await app.inject({ method: 'POST', url: `/api/v1/cases/${lead.caseId}/transfer`, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, payload: { toArea: 'Northshire County Council', contact: 'Rita Receiver' } });
  assert.equal(sent.statusCode, 201, sent.body);
  pack = sent.body;
  page = await e2e.newPage();
  await signIn(page, 'social-worker@demo.example');
});

describe('receiving a transfer pack from a page', () => {
  test('the upload page passes axe, and sending it with no file keeps the user on it with the error summary', async () => {
    await page.goto('/transfers/import');
    assert.equal(await page.locator('h1').innerText(), 'Receive a transfer from another area');
    await expectNoAxeViolations(page);
    const refused = await submit(page, page.locator('[data-qa="check-pack"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Choose the transfer pack file the other area sent', href: '#pack' }]);
    await expectNoAxeViolations(page);
  });

  test('shows what the pack holds, then the record here it may be, and receives it as a different baby', async () => {
    await page.locator('#pack').setInputFiles({ name: 'transfer-pack.json', mimeType: 'application/json', buffer: Buffer.from(pack) });
    await submit(page, page.locator('[data-qa="check-pack"]'));
    const preview = await page.locator('[data-qa="pack-preview"]').innerText();
    assert.match(preview, /What it holds/);
    await expectNoAxeViolations(page);
    const duplicate = await submit(page, page.locator('[data-qa="receive-transfer"]'));
    assert.equal(duplicate.status(), 409);
    assert.ok((await page.locator('[data-qa="possible-matches"] li').count()) >= 1);
    await expectNoAxeViolations(page);
    await submit(page, page.locator('[data-qa="receive-different-baby"]'));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /The transfer is received/);
    assert.match(page.url(), /\/cases\/[^/]+$/);
    receivedId = page.url().split('/').pop()!;
  });

  test('uploaded again, adds it to the record received as the same baby: what it will add first, then the merge', async () => {
    await page.goto('/transfers/import');
    await page.locator('#pack').setInputFiles({ name: 'transfer-pack.json', mimeType: 'application/json', buffer: Buffer.from(pack) });
    await submit(page, page.locator('[data-qa="check-pack"]'));
    const duplicate = await submit(page, page.locator('[data-qa="receive-transfer"]'));
    assert.equal(duplicate.status(), 409);
    await expectNoAxeViolations(page);
    const shown = await submit(page, page.locator(`form:has(input[name="mergeInto"][value="${receivedId}"]) [data-qa="merge-into"]`));
    assert.equal(shown.status(), 200);
    const merge = await page.locator('[data-qa="merge-preview"]').innerText();
    assert.match(merge, /Will add/);
    assert.match(merge, /People to decide about/);
    await expectNoAxeViolations(page);
    await submit(page, page.locator('[data-qa="confirm-merge"]'));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /history is added to this record/);
    assert.equal(page.url().split('/').pop(), receivedId);
    await expectNoAxeViolations(page);
  });
});
