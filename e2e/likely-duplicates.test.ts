// A new record warns of a likely duplicate, on the mother's NHS number too (likely duplicates, under
// docs/domain.md, "Who is in the record"), in a real browser with axe: a health visitor making a record for a baby whose mother
// already has a midwife's record is shown it only as a record held by the midwifery service, with why
// and whom to ask; going on needs the tick and a reason, and every problem is listed at once.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

const e2e = useE2e();
const MOTHER = '485 777 3457';

async function fillDue(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.locator('#expectedDeliveryDate-day').fill(String(Number(day)));
  await page.locator('#expectedDeliveryDate-month').fill(String(Number(month)));
  await page.locator('#expectedDeliveryDate-year').fill(year!);
}

describe("likely duplicates, on the mother's NHS number too", () => {
  const today = () => serviceToday(e2e.testApp.clock.now());

  test('a record of the same mother is shown before another is made, only as who holds it; going on needs a reason', async () => {
    const midwife = await e2e.newPage();
    await signIn(midwife, 'midwife@demo.example');
    await midwife.goto('/cases/new/details?status=unborn');
    await midwife.locator('#familyName').fill('Quillfeather');
    await fillDue(midwife, addDays(today(), 100));
    await midwife.locator('#motherNhsNumber').fill(MOTHER);
    const made = await submit(midwife, midwife.getByRole('button', { name: 'Create record' }));
    assert.equal(made.status(), 200);

    const visitor = await e2e.newPage();
    await signIn(visitor, 'health-visitor@demo.example');
    await visitor.goto('/cases/new/details?status=unborn');
    await fillDue(visitor, addDays(today(), 160));
    await visitor.locator('#motherNhsNumber').fill(MOTHER.replaceAll(' ', ''));
    const shown = await submit(visitor, visitor.getByRole('button', { name: 'Create record' }));
    assert.equal(shown.status(), 200);
    const row = visitor.locator('[data-qa="possible-matches"] [data-qa="restricted-record"]', { hasText: "Same mother's NHS number" });
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /A record held by .+\. To ask for access, contact /);
    const main = await visitor.locator('main').innerText();
    assert.ok(!main.includes('Quillfeather'), 'nothing of the record itself');
    await expectNoAxeViolations(visitor);

    // The tick without a reason, and a due date that is not a date: both said at once, what was typed kept.
    await visitor.getByLabel('I have checked them: none of these records is for this baby').check();
    await visitor.locator('#expectedDeliveryDate-month').fill('13');
    const refused = await submit(visitor, visitor.getByRole('button', { name: 'Create record' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(visitor, [
      { text: 'Due date must be a real date', href: '#expectedDeliveryDate-day' },
      { text: 'Say why none of these records is this baby, such as "Different mother and due date; checked with the GP"', href: '#differentBabyReason' },
    ]);
    assert.equal(await visitor.locator('#motherNhsNumber').inputValue(), MOTHER.replaceAll(' ', ''));
    assert.ok(await visitor.getByLabel('I have checked them: none of these records is for this baby').isChecked());
    await expectNoAxeViolations(visitor);

    await fillDue(visitor, addDays(today(), 160));
    await visitor.locator('#differentBabyReason').fill('Checked with the midwife: the mother is expecting once, this is her record');
    const again = await submit(visitor, visitor.getByRole('button', { name: 'Create record' }));
    assert.equal(again.status(), 200);
    assert.match(new URL(visitor.url()).pathname, /^\/cases\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(visitor);
  });
});
