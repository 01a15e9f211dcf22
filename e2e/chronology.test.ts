// The chronology in a real browser with axe, for a demo family whose chronology starts empty: entries
// added through the form (its error summary first), the list and a filtered list (with a date error),
// a correction, the printable page and the CSV file; and a refusal outside the team.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoCaseId, type E2e, expectNoAxeViolations, signIn, startE2e, submit } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

let e2e: E2e;
let hartley: string;

before(async () => {
  e2e = await startE2e();
  hartley = await demoCaseId(e2e, 'Hartley');
});

after(async () => {
  await e2e?.close();
});

describe('the chronology for the lead professional', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'health-visitor@demo.example');
  });

  const chronology = () => `/cases/${hartley}/chronology`;

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
    await page.goto(`/cases/${hartley}`);
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

    await fillEntry({ kind: 'home-visit', day: '3', time: '10:30', summary: 'Leo seen awake in his cot; settled, well dressed', source: 'observed', about: ['Sarah Hartley'], present: ['Sarah Hartley', 'Mia Hartley'] });
    await page.locator('input[name="babySeen"][value="yes"]').check();
    const saved = await submit(page, page.getByRole('button', { name: 'Save entry' }));
    assert.equal(saved.status(), 200);
    const entry = page.locator('[data-qa="entry"]');
    assert.equal(await entry.count(), 1);
    assert.match(await entry.innerText(), /3 November 2026 at 10:30am: Home visit/);
    assert.match(await entry.innerText(), /About\tSarah Hartley\nPresent\t(Sarah Hartley, Mia Hartley|Mia Hartley, Sarah Hartley)\n/);

    await page.goto(`${chronology()}/new`);
    await fillEntry({ kind: 'information-from-family', day: '12', summary: 'Grandmother says Dad has been drinking again', source: 'third-party', about: ['James Hartley'] });
    await page.getByLabel('Mark this entry as significant').check();
    assert.equal((await submit(page, page.getByRole('button', { name: 'Save entry' }))).status(), 200);
  });

  test('the list, then filtered through the form, then a date that cannot be used', async () => {
    await visit(page, chronology(), { status: 200, heading: 'Chronology' });
    assert.equal(await page.locator('[data-qa="entry"]').count(), 2);
    assert.equal(await page.locator('[data-qa="entry"] [data-qa="significant"]').count(), 1);

    await page.locator('#significant').check();
    await submit(page, page.getByRole('button', { name: 'Apply filters' }));
    assert.equal(await page.locator('[data-qa="entry"]').count(), 1);
    assert.match(await page.locator('[data-qa="entry-count"]').innerText(), /Showing 1 of 2 entries/);
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

  test('correct an entry: the form prefilled, then both versions shown', async () => {
    await page.goto(chronology());
    await submit(page, page.getByRole('link', { name: /^Correct this entry\W+Home visit/ }));
    assert.equal(await page.locator('h1').innerText(), 'Correct an entry');
    assert.equal(await page.locator('#time').inputValue(), '10:30');
    await expectNoAxeViolations(page);

    await page.locator('#occurred-day').fill('4');
    await page.locator('#correctionReason').fill('The visit was on the 4th; the 3rd was when it was booked');
    const saved = await submit(page, page.getByRole('button', { name: 'Save correction' }));
    assert.equal(saved.status(), 200);
    assert.equal(await page.locator('[data-qa="corrected"]').count(), 1);
    assert.match(await page.locator('[data-qa="correction-note"]').innerText(), /the 3rd was when it was booked/);
    await expectNoAxeViolations(page);
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
});

describe('the chronology outside the team', () => {
  test('a practitioner outside the team is refused', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'police@demo.example');
    const response = await page.goto(`/cases/${hartley}/chronology`);
    assert.equal(response?.status(), 403);
    await expectNoAxeViolations(page);
  });
});
