// Supervision of a case in a real browser with axe: the health visitor opens the case's supervision
// page and the form with the prompts, sends it half filled (the error summary links to each field
// and what was typed is kept; a date missing its month is linked by its month, only it marked), then records it with the health visiting safeguarding lead as
// supervisor and an action that joins the plan; the lead reads the notes, the cases due supervision
// page passes axe, and the GP in the same team is refused the notes. Days from the test clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectDateInError } from './helpers/date-checks.ts';
import { expectErrorSummary, fillDate, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');
let supervisionUrl: string;
let supervisionHeading: string;

describe('supervision of a case', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  test('the case’s supervision page and the form with the prompts pass axe', async () => {
    await visit(page, `/cases/${demo.caseId}/supervision`, { status: 200, heading: 'Supervision' });
    await expectNoAxeViolations(page);
    await submit(page, page.locator('[data-qa="new-supervision"]'));
    assert.equal(await page.locator('h1').innerText(), 'Record a supervision');
    assert.match(await page.locator('label[for="answer-missing-voices"]').innerText(), /Whose voice is missing\?/);
    await expectNoAxeViolations(page);
  });

  test('keeps what was typed and links each problem to its field', async () => {
    await page.locator('#answer-script').fill('Grace says the father no longer visits.');
    await page.locator('#action-0-text').fill('Ask the GP whether the father is registered at the address');
    await submit(page, page.locator('[data-qa="add-action"]'));
    assert.equal(await page.locator('[data-qa="action-row"]').count(), 3);
    const refused = await submit(page, page.locator('[data-qa="save-supervision"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Choose the supervisor.', href: '#supervisorId' },
      { text: 'Answer “Whose voice is missing?”, even if only to say why it cannot be answered yet.', href: '#answer-missing-voices' },
      { text: 'Answer “What would have to be true for this baby to be harmed?”, even if only to say why it cannot be answered yet.', href: '#answer-unthinkable' },
      { text: 'Answer “What has changed since the last supervision?”, even if only to say why it cannot be answered yet.', href: '#answer-changed' },
      { text: 'Say whether the case is stuck.', href: '#stuck' },
      { text: 'Answer “Say what is stuck, or what is moving”, even if only to say why it cannot be answered yet.', href: '#answer-stuck' },
      { text: 'Write the analysis: what the discussion concluded about the risks to the baby.', href: '#analysis' },
      { text: 'Write the decisions made.', href: '#decisions' },
      { text: 'Action 1: enter who will do it.', href: '#action-0-owner' },
      { text: 'Action 1: enter the date it is due.', href: '#action-0-dueOn-day' },
    ]);
    assert.equal(await page.locator('#answer-script').inputValue(), 'Grace says the father no longer visits.');
    await expectNoAxeViolations(page);
  });

  test('a date missing its month: the summary goes to the month, only it is marked, the rest kept', async () => {
    const [year, , day] = demo.today.split('-');
    await page.locator('#heldOn-month').fill('');
    const refused = await submit(page, page.locator('[data-qa="save-supervision"]'));
    assert.equal(refused.status(), 400);
    assert.equal(await page.locator('.govuk-error-summary__list a').first().innerText(), 'The date of the supervision must include a month.');
    await expectNoAxeViolations(page);
    await expectDateInError(page, 'heldOn', ['month']);
    assert.equal(await page.locator('#heldOn-day').inputValue(), String(Number(day)));
    assert.equal(await page.locator('#heldOn-year').inputValue(), year);
    await fillDate(page, 'heldOn', demo.today);
  });

  test('records it with the safeguarding lead as supervisor; the action joins the plan', async () => {
    await page.locator('#supervisorId').selectOption({ label: 'Mark Ellis (Safeguarding lead)' });
    await page.locator('#answer-missing-voices').fill('The father and the maternal grandmother.');
    await page.locator('#answer-unthinkable').fill('That the father visits when nobody is told.');
    await page.locator('#answer-changed').fill('First supervision.');
    await page.locator('#stuck-2').check();
    await page.locator('#answer-stuck').fill('Moving: the baby is seen weekly.');
    await page.locator('#analysis').fill('The account that the father no longer visits is untested.');
    await page.locator('#decisions').fill('Test the account with the GP and the neighbours.');
    await page.locator('#action-0-owner').fill('Claire Dobson, health visitor');
    await fillDate(page, 'action-0-dueOn', addDays(demo.today, 7));
    await submit(page, page.locator('[data-qa="save-supervision"]'));
    supervisionUrl = new URL(page.url()).pathname;
    supervisionHeading = await page.locator('h1').innerText();
    assert.match(supervisionHeading, /^Supervision on /);
    assert.match(supervisionUrl, new RegExp(`/cases/${demo.caseId}/supervision/[0-9a-f-]+$`));
    assert.match(await page.locator('[data-qa="supervision-summary"]').innerText(), /Mark Ellis/);
    assert.match(await page.locator('[data-qa="actions"]').innerText(), /Ask the GP whether the father is registered/);
    await expectNoAxeViolations(page);
    await visit(page, `/cases/${demo.caseId}/plan`, { status: 200, heading: 'Plan' });
    assert.match(await page.locator('main').innerText(), /Ask the GP whether the father is registered at the address/);
  });

  test('the supervisor reads the notes and the cases due supervision page passes axe; the GP in the team is refused', async () => {
    const lead = await demo.signedInPage('health-safeguarding-lead@demo.example');
    await visit(lead, supervisionUrl, { status: 200, heading: supervisionHeading });
    assert.match(await lead.locator('[data-qa="analysis"]').innerText(), /untested/);
    await visit(lead, '/supervision', { status: 200, heading: 'Cases due supervision' });
    await expectNoAxeViolations(lead);
    const gp = await demo.signedInPage('gp@demo.example');
    const refused = await gp.goto(supervisionUrl);
    assert.equal(refused?.status(), 403);
    assert.doesNotMatch(await gp.locator('main').innerText(), /untested/);
  });
});
