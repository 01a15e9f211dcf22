// The discharge plan page in a real browser with axe (docs/domain.md, "Discharge plan"): the
// neonatal nurse on Ruby Okafor's team (born at 34 weeks, 2,100 g: a fragile baby) opens the page,
// adds a follow-up row without saving (no JavaScript needed), is refused a plan without feeding and
// handling advice or an answer about the social worker, with the error summary linking to the fields
// and everything typed kept, then an appointment's date missing its day (linked by its day, only it
// marked), then records it and sees it with what is still missing. Days from the
// test clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectDateInError } from './helpers/date-checks.ts';
import { expectErrorSummary, fillDate, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

describe('a discharge plan for a fragile baby', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('hospital@demo.example');
  });

  test('the case page links to the discharge plans, and the page and its form pass axe', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    await submit(page, page.locator('[data-qa="open-discharge-plans"]'));
    assert.equal(new URL(page.url()).pathname, `/cases/${demo.caseId}/discharge-plan`);
    await visit(page, `/cases/${demo.caseId}/discharge-plan`, { status: 200, heading: 'Discharge plans' });
    assert.match(await page.locator('[data-qa="no-discharge-plans"]').innerText(), /No discharge plan has been recorded/);
    assert.match(await page.locator('[data-qa="fragile"]').innerText(), /This baby is fragile \(born before 37 weeks and born weighing under 2,500 g\)/);
  });

  test('adds a follow-up row without saving, then refuses a plan with no advice and no answer about the social worker', async () => {
    const rows = await page.locator('[data-qa="follow-up-row"]').count();
    await page.locator('#stay').check();
    await fillDate(page, 'dischargeOn', addDays(demo.today, 1));
    await page.locator('#firstVisit-agency').selectOption('health-visiting');
    await page.locator('#firstVisit-name').fill('Claire Dobson, health visitor');
    await fillDate(page, 'firstVisit-by', addDays(demo.today, 2));
    await page.locator('#followUp-0-what').fill('Neonatal outpatients');
    await submit(page, page.locator('[data-qa="add-follow-up"]'));
    assert.equal(await page.locator('[data-qa="follow-up-row"]').count(), rows + 1);
    assert.equal(await page.locator('#firstVisit-name').inputValue(), 'Claire Dobson, health visitor');
    assert.equal(await page.locator('#followUp-0-what').inputValue(), 'Neonatal outpatients');

    await page.locator('#followUp-0-where').fill('Northfield General, clinic 4');
    await fillDate(page, 'followUp-0-on', addDays(demo.today, 14));
    await page.locator('#gp-2').check();
    const refused = await submit(page, page.locator('[data-qa="save-discharge-plan"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Enter the feeding and handling advice agreed: this baby is fragile (born before 37 weeks, under 2,500 g or after a neonatal stay).', href: '#feedingAndHandling' },
      { text: 'Say when the social worker was told of the discharge, or that there is no social worker on the team.', href: '#socialWorker' },
    ]);
    await expectNoAxeViolations(page);
    assert.equal(await page.locator('#followUp-0-where').inputValue(), 'Northfield General, clinic 4');
    assert.ok(await page.locator('#stay').isChecked());
  });

  test('an appointment’s date missing its day: the summary goes to the day, only it is marked, the rest kept', async () => {
    await page.locator('#feedingAndHandling').fill('Tube feeds every three hours. Lift and hold with the head and ribs supported.');
    await page.locator('#socialWorker-2').check();
    await page.locator('#followUp-0-on-day').fill('');
    const refused = await submit(page, page.locator('[data-qa="save-discharge-plan"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'The date of appointment 1 (“Neonatal outpatients”) must include a day.', href: '#followUp-0-on-day' }]);
    await expectNoAxeViolations(page);
    await expectDateInError(page, 'followUp-0-on', ['day']);
    const [year, month] = addDays(demo.today, 14).split('-');
    assert.equal(await page.locator('#followUp-0-on-month').inputValue(), String(Number(month)));
    assert.equal(await page.locator('#followUp-0-on-year').inputValue(), year);
    assert.equal(await page.locator('#feedingAndHandling').inputValue(), 'Tube feeds every three hours. Lift and hold with the head and ribs supported.');
  });

  test('records the plan, and shows it with what is still missing', async () => {
    await fillDate(page, 'followUp-0-on', addDays(demo.today, 14));
    await submit(page, page.locator('[data-qa="save-discharge-plan"]'));
    assert.match(await page.locator('[data-qa="discharge-plan-saved"]').innerText(), /The discharge plan is recorded in the chronology/);
    const card = page.locator('[data-qa="discharge-plan"]');
    assert.equal(await card.count(), 1);
    assert.match(await card.innerText(), /Leaving a neonatal unit on/);
    assert.match(await card.innerText(), /Neonatal outpatients, Northfield General, clinic 4/);
    assert.match(await card.locator('[data-qa="discharge-note"]').innerText(), /The GP has not been told of the discharge yet/);
    await expectNoAxeViolations(page);
    assert.equal(new URL(page.url()).search, '', 'the address says nothing about a save');
    await page.reload();
    assert.equal(await page.locator('[data-qa="discharge-plan-saved"]').count(), 0, 'the banner is shown once, not on a reload');
  });
});
