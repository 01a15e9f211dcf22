// Receiving a transfer pack from a page in a real browser with axe: a practitioner uploads the pack
// file another area sent (here made by this instance from a demo case, so the baby is already on the
// record), is told to choose a file when none was chosen (error summary linking to the field), sees
// what the pack holds before anything is stored, is shown the record here it may be on confirming, and
// receives it as a different baby; uploading it again into that record adds nothing and says so (its
// entries are there already); a later pack of the record adds its new entries to it as the same baby
// (what it will add shown first). No JavaScript needed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiTokenFor } from '../test/helpers/factories.ts';
import { expectNoAxeViolations, firstDemoLedCase, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

let page: Page;
let pack: string;
let receivedId: string;

/** The pack as a later pack of the same record would come, sent an hour later, whose entries are not here yet: each entry under a new id there (evidence and disputes following). */
function withNewEntryIds(file: string): string {
  const bundle = JSON.parse(file) as { entry: { resource: { resourceType: string; data?: string } }[] };
  const binary = bundle.entry.find((e) => e.resource.resourceType === 'Binary')!.resource;
  const record = JSON.parse(Buffer.from(binary.data!, 'base64').toString('utf8')) as { sentAt: string; entries: { id: string; corrects?: string }[]; assessments: { evidence: { entryId?: string }[] }[]; disputes: { entryId: string }[] };
  const ids = new Map(record.entries.map((entry) => [entry.id, randomUUID()]));
  const id = (old: string) => ids.get(old) ?? old;
  record.sentAt = new Date(new Date(record.sentAt).getTime() + 3_600_000).toISOString();
  record.entries = record.entries.map((entry) => ({ ...entry, id: id(entry.id), ...(entry.corrects === undefined ? {} : { corrects: id(entry.corrects) }) }));
  record.assessments = record.assessments.map((a) => ({ ...a, evidence: a.evidence.map((e) => (e.entryId === undefined ? e : { ...e, entryId: id(e.entryId) })) }));
  record.disputes = record.disputes.map((d) => ({ ...d, entryId: id(d.entryId) }));
  binary.data = Buffer.from(JSON.stringify(record)).toString('base64');
  return JSON.stringify(bundle);
}

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

  test('uploaded again into the record made from it, adds nothing and says so, keeping the upload', async () => {
    await page.goto('/transfers/import');
    await page.locator('#pack').setInputFiles({ name: 'transfer-pack.json', mimeType: 'application/json', buffer: Buffer.from(pack) });
    await submit(page, page.locator('[data-qa="check-pack"]'));
    const duplicate = await submit(page, page.locator('[data-qa="receive-transfer"]'));
    assert.equal(duplicate.status(), 409);
    await expectNoAxeViolations(page);
    const refused = await submit(page, page.locator(`form:has(input[name="mergeInto"][value="${receivedId}"]) [data-qa="merge-into"]`));
    assert.equal(refused.status(), 409);
    await expectErrorSummary(page, [{ text: 'This pack’s history is in this record already: every entry it holds was added to it before, from the same area. Nothing was added again.', href: '#pack-preview' }]);
    assert.ok(await page.locator('[data-qa="pack-preview"]').isVisible(), 'the upload kept');
    await expectNoAxeViolations(page);
  });

  test('a later pack of that record, its entries not here yet: what it will add first, then the merge', async () => {
    await page.goto('/transfers/import');
    await page.locator('#pack').setInputFiles({ name: 'transfer-pack.json', mimeType: 'application/json', buffer: Buffer.from(withNewEntryIds(pack)) });
    await submit(page, page.locator('[data-qa="check-pack"]'));
    const duplicate = await submit(page, page.locator('[data-qa="receive-transfer"]'));
    assert.equal(duplicate.status(), 409);
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
