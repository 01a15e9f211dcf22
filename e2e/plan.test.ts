// The plan around the baby in a real browser with axe: from the case page to a first plan made from
// the suggested checks, "add another" without JavaScript's help, errors on the row they are about
// (a due date's on the part in error, as every date input says it), then the saved plan with its
// actions, and a visiting commitment that is not kept: a week and a day on the test clock with no
// visit that saw the baby, it shows overdue on the plan and the case page.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, dayInWords } from '../src/domain/shared/calendar-date.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { expectNoAxeViolations, signIn, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

describe('the plan for the lead professional', () => {
  let page: Page;
  // An action due in a month and a half, typed as a person would: a due day is at most 12 months ahead.
  const due = () => addDays(demo.today, 45).split('-').map((part) => String(Number(part))) as [year: string, month: string, day: string];
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  test('the case page leads to a plan made from the checks the profile suggests', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    assert.match(await page.locator('[data-qa="no-plan"]').innerText(), /There is no multi-agency plan for this baby yet/);
    await submit(page, page.locator('[data-qa="open-plan"]'));
    assert.equal(await page.locator('h1').innerText(), 'Plan');
    await expectNoAxeViolations(page);
    await submit(page, page.locator('[data-qa="edit-plan"]'));
    await visit(page, `/cases/${demo.caseId}/plan/edit`, { status: 200, heading: 'Make a plan' });
    assert.ok((await page.locator('[data-qa="item-row"]').count()) >= 2, 'the suggested checks and a blank row');
  });

  test('"add another" without JavaScript lands on the row added, focused, as with it', async () => {
    const noScript = await demo.signedInPage('health-visitor@demo.example', { javaScriptEnabled: false });
    await noScript.goto(`/cases/${demo.caseId}/plan/edit`);
    await noScript.locator('#outcome-0').fill('Typed before adding a visit');
    await submit(noScript, noScript.locator('[data-qa="add-visit"]'));
    assert.match(noScript.url(), /\/plan\/edit#new-visits$/);
    assert.equal(await noScript.locator('#new-visits:focus').count(), 1, 'the visit row added has focus');
    assert.equal(await noScript.locator('#outcome-0').inputValue(), 'Typed before adding a visit');
    await noScript.keyboard.press('Tab');
    assert.equal(await noScript.locator('#visit-0-agencyKind:focus').count(), 1, 'Tab goes on to its first field');
    await noScript.context().close();
  });

  test('adds another action row without saving, then shows each problem on its row', async () => {
    const rows = await page.locator('[data-qa="action-row"]').count();
    await page.locator('#outcome-0').fill('The baby sleeps in a cot, on her back, every night');
    await submit(page, page.locator('[data-qa="add-action"]'));
    assert.equal(await page.locator('[data-qa="action-row"]').count(), rows + 1);
    // The page comes back on the first blank action row, not at the top: focused, then Tab to its first field.
    assert.match(page.url(), /\/plan\/edit#new-actions$/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-actions');
    assert.ok(await page.locator('#new-actions').isVisible());
    assert.ok(await page.locator('#new-actions').evaluate((row) => row.getBoundingClientRect().top < window.innerHeight && row.getBoundingClientRect().bottom > 0), 'in view');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'action-0-text');
    assert.equal(await page.locator('#outcome-0').inputValue(), 'The baby sleeps in a cot, on her back, every night');
    await page.locator('#action-0-text').fill('Safe sleep talk with both parents');
    const refused = await submit(page, page.locator('[data-qa="save-plan"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Action 1: Say who owns the action: someone with an account, or the name of someone outside the service.', href: '#action-0-ownerUserId' },
      { text: 'Action 1: Give the date the action is due.', href: '#action-0-dueOn-day' },
    ]);
    await expectNoAxeViolations(page);
    assert.equal(await page.locator('#action-0-text').inputValue(), 'Safe sleep talk with both parents');
  });

  test('a due date missing its month: the summary goes to the month, only it is marked, the rest kept', async () => {
    await page.locator('#action-0-ownerName').fill('Family nurse, children’s centre');
    const [year, , day] = due();
    await page.locator('#action-0-dueOn-day').fill(day);
    await page.locator('#action-0-dueOn-year').fill(year);
    const refused = await submit(page, page.locator('[data-qa="save-plan"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Action 1: The due date must include a month.', href: '#action-0-dueOn-month' }]);
    await expectNoAxeViolations(page);
    await page.locator('.govuk-error-summary__list a').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'action-0-dueOn-month', 'the link puts the cursor in the month');
    const marked = await page.locator('[id^="action-0-dueOn-"].govuk-input--error').evaluateAll((inputs) => inputs.map((input) => input.id));
    assert.deepEqual(marked, ['action-0-dueOn-month']);
    assert.equal(await page.locator('#action-0-dueOn').locator('xpath=..').getAttribute('aria-describedby'), 'action-0-dueOn-hint action-0-dueOn-error', 'the fieldset of the date');
    assert.equal(await page.locator('#action-0-dueOn-day').inputValue(), day);
    assert.equal(await page.locator('#action-0-dueOn-year').inputValue(), year);
    assert.equal(await page.locator('#action-0-ownerName').inputValue(), 'Family nurse, children’s centre');
  });

  test('saves the plan and shows it, and the case page sums it up', async () => {
    await page.locator('#action-0-dueOn-month').fill(due()[1]);
    await submit(page, page.locator('[data-qa="save-plan"]'));
    assert.match(await page.locator('[data-qa="plan-saved"]').innerText(), /The plan is saved/);
    assert.match(await page.locator('[data-qa="actions"]').innerText(), /Safe sleep talk with both parents/);
    assert.match(await page.locator('[data-qa="outcomes"]').innerText(), /sleeps in a cot/);
    await expectNoAxeViolations(page);
    assert.equal(new URL(page.url()).search, '', 'the address says nothing about a save');
    await page.reload();
    assert.equal(await page.locator('[data-qa="plan-saved"]').count(), 0, 'the banner is shown once, not on a reload');
    await page.goto(`/cases/${demo.caseId}`);
    assert.match(await page.locator('[data-qa="plan-summary"]').innerText(), /1 open action/);
  });

  test('a visiting commitment: errors on its row, then saved, then shown overdue once a week and a day pass without a visit', async () => {
    await page.goto(`/cases/${demo.caseId}/plan/edit`);
    await page.locator('#visit-0-agencyKind').selectOption('health-visiting');
    await page.locator('#visit-0-who').fill('Health visitor, Riverside team');
    await page.locator('#visit-0-everyDays').fill('weekly');
    const refused = await submit(page, page.locator('[data-qa="save-plan"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Visit 1: Say how often in whole days, from 1 to 90: 7 is every week, 14 every 2 weeks.', href: '#visit-0-everyDays' },
      { text: 'Visit 1: Say whether the baby must be seen at each visit.', href: '#visit-0-babySeen' },
    ]);
    await expectNoAxeViolations(page);
    assert.equal(await page.locator('#visit-0-who').inputValue(), 'Health visitor, Riverside team');
    await page.locator('#visit-0-everyDays').fill('7');
    await page.locator('#visit-0-babySeen').check();
    await submit(page, page.locator('[data-qa="save-plan"]'));
    assert.match(await page.locator('[data-qa="plan-saved"]').innerText(), /The plan is saved/);
    assert.match(await page.locator('[data-qa="visit-state"]').innerText(), /^Kept/);

    const { clock } = demo.e2e.testApp;
    const since = serviceToday(clock.now());
    clock.advanceMinutes(8 * 24 * 60);
    // Sessions run on the same clock: sign in again a week and a day later.
    await signIn(page, 'health-visitor@demo.example');
    await page.goto(`/cases/${demo.caseId}/plan`);
    const row = page.locator('[data-qa="visit"]');
    assert.match(await row.innerText(), /Health visiting\s+Health visitor, Riverside team\s+Every week\s+Yes, the baby must be seen\s+None yet/);
    assert.match(await row.innerText(), new RegExp(dayInWords(addDays(since, 7))));
    const state = page.locator('[data-qa="visit-state"] .govuk-tag');
    assert.equal((await state.innerText()).trim(), 'Overdue by 1 day');
    assert.match((await state.getAttribute('class')) ?? '', /govuk-tag--red/);
    await expectNoAxeViolations(page);
    await page.goto(`/cases/${demo.caseId}`);
    assert.match(await page.locator('[data-qa="overdue-visits"]').innerText(), /1 visit overdue/);
    await expectNoAxeViolations(page);
  });
});
