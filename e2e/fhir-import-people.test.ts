// The people a FHIR import proposes, in a real browser with axe: reached from the case page, a
// decision with nothing chosen refused (error summary linking to the question), a relationship
// chosen kept, then the person added and their details opened to complete. No JavaScript needed.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoCaseId, expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

let caseId: string;

const e2e = useE2e(async () => {
  caseId = await demoCaseId(e2e, 'Okafor');
});

describe('people a FHIR import proposes', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'health-visitor@demo.example');
    // What an import from City Hospital keeps for the record (application/fhir/store-proposed-people.ts).
    const { ctx, clock } = e2e.testApp;
    const user = await ctx.db.selectFrom('users').select('organisation_id').where('email', '=', 'health-visitor@demo.example').executeTakeFirstOrThrow();
    await ctx.db.insertInto('fhir_proposed_people').values({
      case_id: caseId, id: 'e2e-joy', organisation_id: user.organisation_id, agency: 'City Hospital', resource: 'RelatedPerson/e2e-joy',
      given_name: 'Joy', family_name: 'Proposed', relationship_to_infant: 'unknown', relationship_as_sent: 'grandmother', sex: 'female', date_of_birth: '1968-02-11', nhs_number: null, received_at: clock.now(),
    }).execute();
  });

  test('from the case page: refused with nothing chosen, then added as a new person, each page passing axe', async () => {
    await page.goto(`/cases/${caseId}`);
    await submit(page, page.locator('[data-qa="proposed-people"]'));
    assert.equal(await page.locator('h1').innerText(), 'People another agency named around the baby');
    assert.match(await page.locator('[data-qa="proposal-e2e-joy"]').innerText(), /grandmother/);
    await expectNoAxeViolations(page);

    const refused = await submit(page, page.locator('[data-qa="decide-e2e-joy"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Select whether to add this person, who they are on the record, or that they are not part of this family', href: '#decision-e2e-joy' }]);
    await expectNoAxeViolations(page);

    await page.locator('#decision-e2e-joy').check();
    await page.locator('#relationship-e2e-joy').selectOption('grandparent');
    await submit(page, page.locator('[data-qa="decide-e2e-joy"]'));
    assert.match(await page.locator('h1').innerText(), /Change details of Joy Proposed/);
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Joy Proposed added to the record/);
    await expectNoAxeViolations(page);
  });
});
