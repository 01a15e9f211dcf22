// Growth in a real browser with axe: the page reached from the case page, the birth weight on the
// record shown as the first weight (on the chart and first in the table), a measurement refused for
// its problems with the error summary linking to the fields and what was typed kept, then weights
// added and drawn on the chart (an image with a title and a description, the same numbers in the
// table beside it), faltering growth with the weights it rests on, and the chart printed. The Okafor
// demo baby was born at 34 weeks, so the weights are read at corrected age. Days from the test clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

async function addMeasurement(page: Page, kind: string, value: string, day: string) {
  const [year, month, d] = day.split('-');
  await page.locator(`input[name="kind"][value="${kind}"]`).check();
  await page.locator('#value').fill(value);
  await page.locator('#measuredOn-day').fill(String(Number(d)));
  await page.locator('#measuredOn-month').fill(String(Number(month)));
  await page.locator('#measuredOn-year').fill(year!);
  return submit(page, page.locator('[data-qa="save-measurement"]'));
}

describe('growth for the team', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  test('the page, reached from the case page, passes axe', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    await submit(page, page.locator('[data-qa="open-growth"]'));
    assert.equal(await page.locator('h1').innerText(), 'Growth');
    assert.match(await page.locator('[data-qa="birth-weight"]').innerText(), /^The first weight is the birth weight on the record, 2,100 g/);
    assert.equal(await page.locator('[data-qa="chart-weight"] svg circle').count(), 1, 'the birth weight is the first point');
    assert.match(await page.locator('[data-qa="table-weight"] [data-qa="measurement-row"]').first().innerText(), /2,100 g\s*\(birth weight, from the record\)/);
    await expectNoAxeViolations(page);
  });

  test('refuses a measurement with no kind and a date in the future, keeping what was typed', async () => {
    await page.locator('#value').fill('4100');
    const [year, month, d] = addDays(demo.today, 1).split('-');
    await page.locator('#measuredOn-day').fill(String(Number(d)));
    await page.locator('#measuredOn-month').fill(String(Number(month)));
    await page.locator('#measuredOn-year').fill(year!);
    const refused = await submit(page, page.locator('[data-qa="save-measurement"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Select what was measured', href: '#kind' },
      { text: 'The date measured must be today or in the past', href: '#measuredOn-day' },
    ]);
    assert.equal(await page.locator('#value').inputValue(), '4100');
    await expectNoAxeViolations(page);
  });

  test('draws the weights on the chart, with the same numbers in the table, and shows faltering growth', async () => {
    assert.equal((await addMeasurement(page, 'weight', '2600', addDays(demo.today, -21))).status(), 200);
    assert.match(await page.locator('[data-qa="growth-saved"]').innerText(), /The measurement is recorded/);
    await addMeasurement(page, 'weight', '2700', demo.today);
    await addMeasurement(page, 'head-circumference', '33.5', demo.today);
    const chart = page.locator('[data-qa="chart-weight"] svg');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.match(await page.locator('#growth-weight-title').textContent() ?? '', /Weight of .* against the UK-WHO centiles for girls/);
    assert.equal(await chart.locator('circle').count(), 3, 'the birth weight and the two weights measured');
    assert.equal(await page.locator('[data-qa="table-weight"] [data-qa="measurement-row"]').count(), 3);
    assert.equal(await page.locator('[data-qa="chart-head-circumference"] svg circle').count(), 1);
    assert.match(await page.locator('[data-qa="table-weight"]').innerText(), /corrected/);
    assert.equal(await page.locator('[data-qa="faltering-status"]').innerText(), 'Faltering growth');
    assert.match(await page.locator('[data-qa="faltering-weights"]').innerText(), /2,700 g/);
    await expectNoAxeViolations(page);
  });

  test('prints the chart within the page', async () => {
    await page.emulateMedia({ media: 'print' });
    const box = await page.locator('[data-qa="chart-weight"] svg').boundingBox();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    assert.ok(box && box.width > 0 && box.width <= width, `chart ${box?.width} within ${width}`);
    await page.emulateMedia({ media: 'screen' });
  });
});
