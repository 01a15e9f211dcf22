// Meetings about the baby and the clocks in a real browser with axe: the meetings page, the form
// with "add another" working without JavaScript's help, a meeting dated in the future refused with
// the error summary linking to the field, a year of 2 digits refused on the year alone, then a strategy discussion and an initial conference 16
// working days later, and the clocks showing the conference met late. Days from the test clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { addWorkingDays } from '../src/domain/timescales/working-days.ts';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectDateInError } from './helpers/date-checks.ts';
import { expectErrorSummary, fillDate, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

describe('meetings and timescales for the team', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  test('the meetings page and the form pass axe', async () => {
    await visit(page, `/cases/${demo.caseId}/meetings`, { status: 200, heading: 'Meetings and timescales' });
    assert.equal(await page.locator('h2#meetings').innerText(), 'Meetings', 'conferences and core groups are not "professionals\' meetings"');
    await submit(page, page.locator('[data-qa="record-meeting"]'));
    assert.equal(await page.locator('h1').innerText(), 'Record a meeting');
    await expectNoAxeViolations(page);
  });

  test('adds another attendee row without saving, then refuses a meeting dated in the future', async () => {
    const rows = await page.locator('[data-qa="attendee-row"]').count();
    await page.locator('#kind').check();
    await page.locator('#chair').fill('Sam Chair, team manager');
    await page.locator('#attendee-0-name').fill('PC Lane');
    await page.locator('#attendee-0-agency').selectOption('police');
    await submit(page, page.locator('[data-qa="add-attendee"]'));
    assert.equal(await page.locator('[data-qa="attendee-row"]').count(), rows + 1);
    assert.equal(await page.locator('#chair').inputValue(), 'Sam Chair, team manager');
    assert.equal(await page.locator('#attendee-0-name').inputValue(), 'PC Lane');

    await fillDate(page, 'heldOn', addDays(demo.today, 2));
    await page.locator('#parentsPresent-2').check();
    await page.locator('#decision-0').fill('Start enquiries under section 47');
    const refused = await submit(page, page.locator('[data-qa="save-meeting"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'A meeting dated in the future cannot be recorded as held: enter the date it was held.', href: '#heldOn-day' }]);
    await expectNoAxeViolations(page);
    assert.equal(await page.locator('#decision-0').inputValue(), 'Start enquiries under section 47');
  });

  test('a year of 2 digits: the summary goes to the year, only it is marked, the day and month kept', async () => {
    await page.locator('#heldOn-year').fill('26');
    const refused = await submit(page, page.locator('[data-qa="save-meeting"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Year must include 4 numbers.', href: '#heldOn-year' }]);
    await expectNoAxeViolations(page);
    await expectDateInError(page, 'heldOn', ['year']);
    const [, month, day] = addDays(demo.today, 2).split('-');
    assert.equal(await page.locator('#heldOn-day').inputValue(), String(Number(day)));
    assert.equal(await page.locator('#heldOn-month').inputValue(), String(Number(month)));
    assert.equal(await page.locator('#heldOn-year').inputValue(), '26');
  });

  test('records a strategy discussion and a conference 16 working days later, and the clock shows it met late', async () => {
    const strategyOn = addDays(demo.today, -40);
    await fillDate(page, 'heldOn', strategyOn);
    await page.locator('#section47').check();
    await submit(page, page.locator('[data-qa="save-meeting"]'));
    assert.match(await page.locator('[data-qa="meeting-saved"]').innerText(), /The meeting is recorded/);
    assert.match(await page.locator('[data-qa="clock-initial-conference"]').innerText(), /Overdue/);
    assert.equal(new URL(page.url()).search, '', 'the address says nothing about a save');
    await page.reload();
    assert.equal(await page.locator('[data-qa="meeting-saved"]').count(), 0, 'the banner is shown once, not on a reload');

    await submit(page, page.locator('[data-qa="record-meeting"]'));
    await page.locator('#kind-2').check();
    await fillDate(page, 'heldOn', addWorkingDays(strategyOn, 16));
    await page.locator('#chair').fill('Ivy Independent');
    await page.locator('#chairIndependent').check();
    await page.locator('#parentsPresent').check();
    await page.locator('#protectionPlan').check();
    await page.locator('#attendee-0-name').fill('Hana Visitor');
    await page.locator('#attendee-0-agency').selectOption('health-visiting');
    await page.locator('#absent-0-name').fill('Dr Ray');
    await page.locator('#absent-0-agency').selectOption('gp');
    await page.locator('#decision-0').fill('A child protection plan');
    await submit(page, page.locator('[data-qa="save-meeting"]'));
    assert.match(await page.locator('[data-qa="clock-initial-conference"]').innerText(), /Met late/);
    assert.match(await page.locator('[data-qa="meeting"]').first().innerText(), /The GP was invited but did not attend/);
    assert.equal(await page.locator('[data-qa="meeting"]').count(), 2);
    await expectNoAxeViolations(page);
  });
});
