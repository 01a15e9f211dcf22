// Quality assurance audits in a real browser with axe: the health visiting safeguarding lead starts
// an audit (a slip first: the error summary links to the field and what was typed is kept), then a
// random sample of two cases; opens a case with what the record says beside each question, sends it
// with a no and no note (the error is kept on the question), answers it, and reads the results; the
// team manager reads the demo's finished audit of children's social care cases with its themes.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoOversight } from '../src/application/demo/seed-demo-oversight.ts';
import { expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';


const e2e = useE2e(async () => {
  // The browser tests' demo has no story histories; the manager's supervisions and finished audit are added here.
  await seedDemoOversight(e2e.testApp.ctx);
});

describe('quality assurance audits', () => {
  let page: Page;
  let auditUrl: string;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'health-safeguarding-lead@demo.example');
  });

  test('starts a sample audit; a slip keeps what was typed', async () => {
    await visit(page, '/quality-audits', { status: 200, heading: 'Quality assurance audits' });
    await expectNoAxeViolations(page);
    await page.locator('[data-qa="start-audit"]').click();
    await page.locator('#scope-2').check();
    await page.locator('#sampleSize').fill('two');
    const refused = await submit(page, page.locator('[data-qa="save-audit"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'The number of cases to sample must be a whole number, like 20.', href: '#sampleSize' }]);
    assert.equal(await page.locator('#sampleSize').inputValue(), 'two');
    await expectNoAxeViolations(page);
    await page.locator('#sampleSize').fill('2');
    await submit(page, page.locator('[data-qa="save-audit"]'));
    auditUrl = new URL(page.url()).pathname;
    assert.match(await page.locator('[data-qa="audit-started"]').innerText(), /Audit started with 2 cases/);
    assert.match(await page.locator('[data-qa="audit-summary"]').innerText(), /A random sample of 2 of \d+ open cases \(seed \d+\)/);
    await expectNoAxeViolations(page);
  });

  test('answers a case beside what the record says, and reads the results', async () => {
    await submit(page, page.locator('[data-qa="next-case"]'));
    assert.match(await page.locator('[data-qa="says-supervision"]').innerText(), /supervis/);
    await expectNoAxeViolations(page);
    for (const id of ['profile-current', 'father-assessed', 'seen-awake', 'plan-checked']) await page.locator(`#answer-${id}`).check();
    await page.locator('#answer-supervision-2').check();
    const refused = await submit(page, page.locator('[data-qa="save-answers"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Say what is missing or wrong: the report lists it under the themes.', href: '#note-supervision' }]);
    assert.ok(await page.locator('#answer-supervision-2').isChecked(), 'the answer is kept');
    await expectNoAxeViolations(page);
    await page.locator('#note-supervision').fill('No supervision since the birth.');
    await submit(page, page.locator('[data-qa="save-answers"]'));
    const report = await page.goto(`${e2e.baseUrl}${auditUrl}/report`);
    assert.equal(report?.status(), 200);
    assert.match(await page.locator('h1').innerText(), /^Results: Audit started on /);
    assert.match(await page.locator('[data-qa="result-supervision"]').innerText(), /0\s+1\s+0\s+1\s+0%\s+100%/);
    assert.match(await page.locator('[data-qa="themes"]').innerText(), /No supervision since the birth\./);
    await expectNoAxeViolations(page);
  });

  test("the team manager reads the demo's finished audit and its themes", async () => {
    const manager = await e2e.newPage();
    await signIn(manager, 'manager@demo.example');
    await visit(manager, '/quality-audits', { status: 200, heading: 'Quality assurance audits' });
    assert.match(await manager.locator('[data-qa="audits"]').innerText(), /Finished: all 3 cases answered/);
    await manager.locator('[data-qa="audits"] a').first().click();
    await manager.locator('[data-qa="report-link"]').click();
    assert.match(await manager.locator('[data-qa="themes"]').innerText(), /Unborn baby Ashworth/);
    await expectNoAxeViolations(manager);
  });
});
