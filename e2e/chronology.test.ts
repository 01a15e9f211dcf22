// The chronology in a real browser with axe, for a demo family whose chronology starts empty: entries
// added through the form (its error summary first), each entry's own page, the list newest first and
// turned round, a filtered list (with a date error), a correction, the printable page (printed to an
// A4 PDF: the marking on every sheet) and the CSV file; the list at 375 px with JavaScript on and off;
// and a refusal outside the team.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { recordBatch } from '../src/application/chronology/record-batch.ts';
import { actorFor } from '../test/helpers/factories.ts';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';
import { pdfPageSizes, pdfPageTexts } from './helpers/pdf-text.ts';

const demo = useE2eOnDemoCase('Hartley');

describe('the chronology for the lead professional', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  const chronology = () => `/cases/${demo.caseId}/chronology`;

  async function fillEntry(entry: { kind: string; day: string; time?: string; summary: string; source: string; about: string[]; present?: string[] }) {
    await page.locator('#kind').selectOption(entry.kind);
    await page.locator('#occurred-day').fill(entry.day);
    await page.locator('#occurred-month').fill('11');
    await page.locator('#occurred-year').fill('2026');
    if (entry.time) await page.locator('#time').fill(entry.time);
    await page.locator('#summary').fill(entry.summary);
    await page.locator(`input[name="source"][value="${entry.source}"]`).check();
    for (const name of entry.about) await page.getByRole('group', { name: 'Who is it about?' }).getByLabel(name).check();
    for (const name of entry.present ?? []) await page.getByRole('group', { name: 'Who was present?' }).getByLabel(name).check();
  }

  test('the empty chronology says so, and the case page links to it', async () => {
    await visit(page, chronology(), { status: 200, heading: 'Chronology' });
    assert.match(await page.locator('[data-qa="no-entries"]').innerText(), /Nothing has been recorded/);
    await page.goto(`/cases/${demo.caseId}`);
    await submit(page, page.locator('[data-qa="open-chronology"]'));
    assert.equal(new URL(page.url()).pathname, chronology());
  });

  test('add an entry: the error summary, then saved with what was typed', async () => {
    await page.goto(chronology());
    await submit(page, page.getByRole('link', { name: 'Add an entry' }));
    assert.equal(await page.locator('h1').innerText(), 'Add an entry to the chronology');
    await expectNoAxeViolations(page);

    await page.locator('#summary').fill('Visited at home');
    await page.locator('#occurred-day').fill('31');
    await page.locator('#occurred-month').fill('2');
    await page.locator('#occurred-year').fill('2026');
    const refused = await submit(page, page.getByRole('button', { name: 'Save entry' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Choose what kind of entry this is from the list', href: '#kind' },
      { text: 'The date it happened must be a real date', href: '#occurred-day' },
      { text: 'Choose where the information comes from', href: '#source' },
    ]);
    assert.equal(await page.locator('#summary').inputValue(), 'Visited at home');
    await expectNoAxeViolations(page);

    await fillEntry({ kind: 'case-note', day: '3', time: '10:30', summary: 'Leo seen awake in his cot; settled, well dressed', source: 'observed', about: ['Sarah Hartley'], present: ['Sarah Hartley', 'Mia Hartley'] });
    await page.locator('input[name="babySeen"][value="yes"]').check();
    const saved = await submit(page, page.getByRole('button', { name: 'Save entry' }));
    assert.equal(saved.status(), 200);
    // The saved entry's own page.
    assert.equal(await page.locator('h1').innerText(), 'Case note');
    const entry = await page.locator('[data-qa="entry-detail"]').innerText();
    assert.match(entry, /When\s+3 November 2026 at 10:30am/);
    assert.match(entry, /About\s+Sarah Hartley\s+Present\s+(Sarah Hartley, Mia Hartley|Mia Hartley, Sarah Hartley)\s/);
    await expectNoAxeViolations(page);

    await page.goto(`${chronology()}/new`);
    await fillEntry({ kind: 'information-from-family', day: '12', summary: 'Grandmother says Dad has been drinking again', source: 'third-party', about: ['James Hartley'] });
    await page.getByLabel('Mark this entry as significant').check();
    assert.equal((await submit(page, page.getByRole('button', { name: 'Save entry' }))).status(), 200);
  });

  test('the list newest first, turned round, then filtered through the form, then a date that cannot be used', async () => {
    await visit(page, chronology(), { status: 200, heading: 'Chronology' });
    const dates = () => page.locator('[data-qa="open-entry"]').allInnerTexts();
    assert.deepEqual((await dates()).map((text) => text.split('\n')[0]), ['12 November 2026', '3 November 2026 at 10:30am']);
    assert.equal(await page.locator('[data-qa="entry"] [data-qa="significant"]').count(), 1);
    await submit(page, page.getByRole('link', { name: 'Show oldest first' }));
    assert.deepEqual((await dates()).map((text) => text.split('\n')[0]), ['3 November 2026 at 10:30am', '12 November 2026']);
    await expectNoAxeViolations(page);

    // The filters are folded away until opened; the order is kept when they are applied.
    await page.getByText('Filter the entries').click();
    await page.locator('#significant').check();
    await submit(page, page.getByRole('button', { name: 'Apply filters' }));
    assert.equal(await page.locator('[data-qa="entry"]').count(), 1);
    assert.match(await page.locator('[data-qa="entry-count"]').innerText(), /Showing 1 of 2 entries, oldest first/);
    assert.equal(new URL(page.url()).searchParams.get('order'), 'oldest');
    await expectNoAxeViolations(page);

    await page.locator('#significant').uncheck();
    await page.locator('#from-day').fill('1');
    await page.locator('#from-month').fill('13');
    await page.locator('#from-year').fill('2026');
    const refused = await submit(page, page.getByRole('button', { name: 'Apply filters' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Start date must be a real date', href: '#from-day' }]);
    assert.equal(await page.locator('#from-month').inputValue(), '13');
    await expectNoAxeViolations(page);
  });

  test('correct an entry from its own page: the form prefilled, then both versions shown', async () => {
    await page.goto(chronology());
    await submit(page, page.getByRole('link', { name: /Case note/ }));
    await submit(page, page.getByRole('link', { name: 'Correct this entry' }));
    assert.equal(await page.locator('h1').innerText(), 'Correct an entry');
    assert.equal(await page.locator('#time').inputValue(), '10:30');
    await expectNoAxeViolations(page);

    await page.locator('#occurred-day').fill('4');
    await page.locator('#correctionReason').fill('The visit was on the 4th; the 3rd was when it was booked');
    const saved = await submit(page, page.getByRole('button', { name: 'Save correction' }));
    assert.equal(saved.status(), 200);
    assert.match(await page.locator('[data-qa="correction-note"]').innerText(), /the 3rd was when it was booked/);
    await expectNoAxeViolations(page);
    await page.goto(chronology());
    assert.equal(await page.locator('[data-qa="corrected"]').count(), 1);
    assert.equal(await page.locator('[data-qa="correction"]').count(), 1);
  });

  test('the printable page and the CSV file', async () => {
    await page.goto(chronology());
    await submit(page, page.getByRole('link', { name: 'Printable version' }));
    assert.equal(await page.locator('h1').innerText(), 'Chronology for Leo Hartley');
    assert.match(await page.locator('[data-qa="printed-by"]').innerText(), /^Printed by Claire Dobson on .*: OFFICIAL-SENSITIVE$/);
    assert.equal(await page.locator('[data-qa="print-row"]').count(), 3);
    await expectNoAxeViolations(page);

    const csv = await page.request.get(`${chronology()}.csv`);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-disposition'] ?? '', /^attachment; filename="chronology-leo-hartley-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.match(await csv.text(), /Source of information/);
  });

  test('printed on A4 over several sheets: upright, the marking at the head and foot of each, every entry there', async () => {
    const { db } = demo.e2e.testApp.ctx;
    const visitor = await db.selectFrom('users').select(['id', 'organisation_id', 'role']).where('email', '=', 'health-visitor@demo.example').executeTakeFirstOrThrow();
    const notes = Array.from({ length: 60 }, (_, i) => ({
      index: i,
      caseId: demo.caseId,
      entry: {
        kind: 'case-note' as const,
        occurredAt: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`,
        summary: `Printed note ${String(i + 1)}: the family were seen at home and the plan was talked through with both parents, who said the baby had been feeding well.`,
        source: 'observed' as const,
      },
    }));
    const outcome = await recordBatch(demo.e2e.testApp.ctx, actorFor({ id: visitor.id, organisationId: visitor.organisation_id, role: visitor.role as 'practitioner' }), notes);
    assert.equal(outcome.stored.length, 60, JSON.stringify(outcome.rejected));

    await page.goto(`${chronology()}/print`);
    assert.equal(await page.locator('[data-qa="print-row"]').count(), 63);
    const sheets = pdfPageTexts(await page.pdf({ format: 'A4' }));
    assert.ok(sheets.length >= 3 && sheets.length <= 15, `${String(sheets.length)} sheets`);
    for (const [index, sheet] of sheets.entries()) {
      const lines = sheet.split('\n');
      assert.equal(lines.filter((line) => line.startsWith('OFFICIAL-SENSITIVE')).length, 2, `sheet ${String(index + 1)}: ${sheet.slice(0, 300)}`);
      if (index > 0) assert.ok(lines.includes('What happened'), `sheet ${String(index + 1)} repeats the table's headers`);
    }
    const printed = sheets.join('\n');
    for (let n = 1; n <= 60; n += 1) assert.ok(printed.includes(`Printed note ${String(n)}:`), `note ${String(n)} is printed`);
    assert.match(sheets[0]!, /Chronology for Leo Hartley/);
    // The page's own size, as the print CSS asks for it: A4 upright on every sheet.
    const sizes = pdfPageSizes(await page.pdf({ preferCSSPageSize: true }));
    assert.equal(sizes.length, sheets.length);
    for (const { width, height } of sizes) assert.ok(Math.abs(width - 595) < 2 && Math.abs(height - 842) < 2, `${String(width)} by ${String(height)}`);
  });
});

describe('the chronology on a phone', () => {
  test('at 375 px the table reflows, each entry opens, with JavaScript on and off', async () => {
    const page = await demo.signedInPage('health-visitor@demo.example', { viewport: { width: 375, height: 800 } });
    await visit(page, `/cases/${demo.caseId}/chronology`, { status: 200, heading: 'Chronology' });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375, 'nothing wider than the screen');
    assert.equal(await page.locator('.app-chronology-table__label').first().isVisible(), true, 'each cell says what it is');
    await submit(page, page.locator('[data-qa="open-entry"]').first());
    await expectNoAxeViolations(page);

    const noScript = await demo.signedInPage('health-visitor@demo.example', { viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    await noScript.goto(`/cases/${demo.caseId}/chronology`);
    await submit(noScript, noScript.getByRole('link', { name: 'Show oldest first' }));
    await noScript.getByText('Filter the entries').click();
    await noScript.locator('#significant').check();
    await submit(noScript, noScript.getByRole('button', { name: 'Apply filters' }));
    assert.match(await noScript.locator('[data-qa="entry-count"]').innerText(), /oldest first/);
    await submit(noScript, noScript.locator('[data-qa="open-entry"]').first());
    const back = await noScript.locator('.govuk-back-link').getAttribute('href');
    assert.match(back ?? '', /\?significant=yes&order=oldest#entry-/);
  });
});

describe('the chronology outside the team', () => {
  test('a practitioner outside the team is refused', async () => {
    const page = await demo.signedInPage('police@demo.example');
    const response = await page.goto(`/cases/${demo.caseId}/chronology`);
    assert.equal(response?.status(), 403);
    await expectNoAxeViolations(page);
  });
});
