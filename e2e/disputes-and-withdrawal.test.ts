// Disputes and records made in error in a real browser with axe: a dispute of a chronology entry
// refused for what is missing (error summary, what was typed kept), then recorded and shown beside the
// entry; the withdrawal page reached from the case page, a proposal with no reason refused with the
// error summary. No JavaScript needed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import type { Role } from '../src/domain/shared/roles.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { demoCaseId, type E2e, expectNoAxeViolations, signIn, startE2e, submit } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

let e2e: E2e;
let caseId: string;

before(async () => {
  e2e = await startE2e();
  caseId = await demoCaseId(e2e, 'Okafor');
});

after(async () => {
  await e2e?.close();
});

describe('disputes and withdrawal', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'health-visitor@demo.example');
  });

  test('a dispute of an entry: refused for what is missing, then shown beside the entry, each page passing axe', async () => {
    // An entry of the health visitor's own on the case, to dispute.
    const { ctx } = e2e.testApp;
    const user = await ctx.db.selectFrom('users').select(['id', 'organisation_id', 'role']).where('email', '=', 'health-visitor@demo.example').executeTakeFirstOrThrow();
    const actor = { kind: 'user' as const, userId: user.id, organisationId: user.organisation_id, role: user.role as Role, channel: 'web' as const, ip: null };
    const recorded = await recordEntry(ctx, actor, caseId, { kind: 'case-note', occurredAt: serviceToday(e2e.testApp.clock.now()), summary: 'Mother said she has stopped drinking', source: 'carer-account' });
    assert.ok(recorded.ok, JSON.stringify(recorded));
    await page.goto(`/cases/${caseId}/chronology/${recorded.entry.id}`);
    await submit(page, page.locator('[data-qa="dispute-entry"]'));
    assert.equal(await page.locator('h1').innerText(), 'Record a dispute of an entry');
    await expectNoAxeViolations(page);
    await page.locator('#disputedBy').fill('the mother');
    const refused = await submit(page, page.locator('[data-qa="record-dispute"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Enter what they say is wrong, in their words', href: '#text' }]);
    assert.equal(await page.locator('#disputedBy').inputValue(), 'the mother');
    await expectNoAxeViolations(page);
    await page.locator('#text').fill('That is not what I said');
    await submit(page, page.locator('[data-qa="record-dispute"]'));
    assert.match(await page.locator('[data-qa="dispute"]').first().innerText(), /That is not what I said/);
    assert.equal(await page.locator('[data-qa="disputed"]').count(), 1);
    await expectNoAxeViolations(page);
  });

  test('the withdrawal page, from the case page, passes axe, and a proposal without a reason is refused', async () => {
    await page.goto(`/cases/${caseId}`);
    await submit(page, page.locator('[data-qa="open-withdrawal"]'));
    assert.equal(await page.locator('h1').innerText(), 'Withdraw a record made in error');
    await expectNoAxeViolations(page);
    if ((await page.locator('[data-qa="propose-withdrawal"]').count()) === 1) {
      const refused = await submit(page, page.locator('[data-qa="propose-withdrawal"]'));
      assert.equal(refused.status(), 400);
      await expectErrorSummary(page, [{ text: 'Enter why the record was made in error', href: '#reason' }]);
      await expectNoAxeViolations(page);
    } else {
      assert.equal(await page.locator('[data-qa="ask-lead"]').count(), 1);
    }
  });
});
