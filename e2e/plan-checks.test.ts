// Every contact checks the plan, in a real browser with axe: the contact form lists the plan's check
// items due for the health visitor, refuses a concern without a note and a missing answer with the
// GOV.UK error summary (keeping what was typed), saves the answers, and the plan page shows each
// item's last check; and a phone call, which cannot check where the baby sleeps, records it as not checked.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { actorFor } from '../test/helpers/factories.ts';
import { updatePlan } from '../src/application/plan/update-plan.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { expectNoAxeViolations, pageHeading, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const ids = { sleep: '', drink: '' };
const demo = useE2eOnDemoCase('Okafor', async () => {
  const { ctx } = demo.e2e.testApp;
  const visitor = await ctx.db.selectFrom('users').select(['id', 'organisation_id as organisationId']).where('email', '=', 'health-visitor@demo.example').executeTakeFirstOrThrow();
  const grace = await ctx.db.selectFrom('people').select('id').where('case_id', '=', demo.caseId).where('given_name', '=', 'Grace').executeTakeFirstOrThrow();
  const plan = await updatePlan(ctx, actorFor({ ...visitor, role: 'practitioner' }), demo.caseId, {
    version: 0,
    plan: {
      level: 'child-in-need',
      outcomes: ['Ruby sleeps safely every night'],
      checkItems: [
        { text: 'Where Ruby sleeps', question: 'Ask to see the cot and where Ruby slept last night', factorId: 'unsafe-sleep', checkedBy: [], frequency: 'every-contact' },
        { text: 'Is Grace drinking', question: 'Any cans or bottles about, or a smell of alcohol?', factorId: 'alcohol-misuse', personId: grace.id, checkedBy: ['health-visiting'], frequency: 'every-contact' },
        { text: 'Who is staying at the flat', question: 'Ask who stayed last night', checkedBy: ['housing'], frequency: 'weekly' },
      ],
      actions: [],
    },
  });
  assert.ok(plan.ok, JSON.stringify(plan));
  [ids.sleep, ids.drink] = plan.value.checkItems.map((item) => item.id) as [string, string];
});

describe('every contact checks the plan', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  test('the form lists the items due for the health visitor, in plain words with the question', async () => {
    await visit(page, `/cases/${demo.caseId}/contacts/new`, { status: 200, heading: 'Record a contact or home visit' });
    const checks = page.locator('[data-qa="plan-check"]');
    assert.equal(await checks.count(), 2);
    assert.match(await checks.nth(0).innerText(), /Where Ruby sleeps[\s\S]*Ask to see the cot/);
    assert.match(await checks.nth(1).innerText(), /Is Grace drinking[\s\S]*Any cans or bottles/);
    assert.equal(await page.getByText('Who is staying at the flat').count(), 0, 'a housing check is not asked of a health visitor');
  });

  test('a concern without a note and an item not answered: the error summary, with what was typed kept', async () => {
    const [year, month, day] = serviceToday(demo.e2e.testApp.clock.now()).split('-');
    await page.getByLabel('Home visit').check();
    await page.locator('#occurredOn-day').fill(String(Number(day)));
    await page.locator('#occurredOn-month').fill(String(Number(month)));
    await page.locator('#occurredOn-year').fill(year!);
    await page.locator('#babySeen').check();
    await page.locator('#awakeOrAsleep').check();
    await page.locator('#interaction').fill('Grace held Ruby and talked to her');
    await page.locator('#dressed').fill('Clean sleepsuit');
    await page.locator('#demeanour').fill('Alert and content');
    await page.locator('#whereKept').fill('In a bouncer');
    await page.locator('#sleepingSeen-2').check();
    await page.locator('#safeSleepAdvice-2').check();
    await page.locator('#cryingAdvice-2').check();
    await page.locator('#summary').fill('Visit to check the plan');
    await page.locator(`[name="check-outcome-${ids.sleep}"][value="concern"]`).check();
    const refused = await submit(page, page.getByRole('button', { name: 'Save contact' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Say what you saw or heard about “Where Ruby sleeps” that is a concern.', href: `#check-note-${ids.sleep}` },
      { text: 'Select whether you checked “Is Grace drinking” and found no concern, found a concern, or could not check it.', href: `#check-outcome-${ids.drink}` },
    ]);
    assert.equal(await page.locator(`[name="check-outcome-${ids.sleep}"][value="concern"]`).isChecked(), true);
    assert.equal(await page.locator('#summary').inputValue(), 'Visit to check the plan');
    await expectNoAxeViolations(page);
  });

  test('saved with the answers, and the plan page shows each item’s last check', async () => {
    await page.locator(`#check-note-${ids.sleep}`).fill('Travel cot full of laundry; Ruby slept in the big bed');
    await page.locator(`[name="check-outcome-${ids.drink}"][value="not-checked"]`).check();
    await page.locator(`#check-note-${ids.drink}`).fill('Grace was out; her sister had Ruby');
    const saved = await submit(page, page.getByRole('button', { name: 'Save contact' }));
    assert.equal(saved.status(), 200);
    assert.equal(await pageHeading(page), 'Contact recorded');
    assert.match(await page.locator('[data-qa="plan-checks-recorded"]').innerText(), /Where Ruby sleeps: Checked, concern/);
    await expectNoAxeViolations(page);
    await visit(page, `/cases/${demo.caseId}/plan`, { status: 200, heading: 'Plan' });
    const last = page.locator('[data-qa="last-check"]');
    assert.match(await last.nth(0).innerText(), /Checked, concern[\s\S]*Travel cot full of laundry/);
    assert.match(await last.nth(1).innerText(), /Could not check[\s\S]*Grace was out/);
    assert.match(await last.nth(2).innerText(), /Not checked yet/);
    await expectNoAxeViolations(page);
  });

  test('a phone call cannot check where Ruby sleeps and find no concern: the form says so and refuses it; a concern heard on the call is kept as a concern', async () => {
    await visit(page, `/cases/${demo.caseId}/contacts/new`, { status: 200, heading: 'Record a contact or home visit' });
    const checks = page.locator('[data-qa="plan-check"]');
    assert.equal(await checks.nth(0).locator('[data-qa="needs-a-visit"]').innerText(), 'Not possible on a call: needs a visit to see the home. On a phone or video call, choose “Checked, concern” for a concern you saw or heard, or “Could not check”.');
    assert.equal(await checks.nth(1).locator('[data-qa="needs-a-visit"]').count(), 0, 'whether Grace is drinking can be asked on a call');
    await expectNoAxeViolations(page);
    const [year, month, day] = serviceToday(demo.e2e.testApp.clock.now()).split('-');
    await page.getByLabel('Phone or video call').check();
    await page.locator('#occurredOn-day').fill(String(Number(day)));
    await page.locator('#occurredOn-month').fill(String(Number(month)));
    await page.locator('#occurredOn-year').fill(year!);
    await page.locator('#safeSleepAdvice-2').check();
    await page.locator('#cryingAdvice-2').check();
    await page.locator('#summary').fill('Call to Grace about the cot');
    await page.locator(`[name="check-outcome-${ids.sleep}"][value="no-concern"]`).check();
    await page.locator(`[name="check-outcome-${ids.drink}"][value="no-concern"]`).check();
    const refused = await submit(page, page.getByRole('button', { name: 'Save contact' }));
    assert.equal(refused.status(), 400);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /A phone or video call cannot check “Where Ruby sleeps” and find no concern[\s\S]*choose “Checked, concern” and say what/);
    assert.ok(await page.locator(`[name="check-outcome-${ids.sleep}"][value="no-concern"]`).isChecked(), 'the answer is given back as typed');
    await expectNoAxeViolations(page);
    await page.locator(`[name="check-outcome-${ids.sleep}"][value="concern"]`).check();
    await page.locator(`[name="check-note-${ids.sleep}"]`).fill('Grace says Ruby sleeps on the sofa with her');
    const saved = await submit(page, page.getByRole('button', { name: 'Save contact' }));
    assert.equal(saved.status(), 200);
    assert.equal(await pageHeading(page), 'Contact recorded');
    const recorded = await page.locator('[data-qa="plan-checks-recorded"]').innerText();
    assert.match(recorded, /Where Ruby sleeps: Checked, concern\. Grace says Ruby sleeps on the sofa with her/);
    assert.match(recorded, /Is Grace drinking: Checked, no concern/);
    await expectNoAxeViolations(page);
  });
});
