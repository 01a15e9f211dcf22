// Disputes and records made in error in a real browser with axe: a dispute of a chronology entry
// refused for what is missing (error summary, what was typed kept), then recorded and shown beside the
// entry; the withdrawal page reached from the case page, a proposal with no reason refused with the
// error summary; the confirm step, by a second person, after which the record is gone; a person added
// to the wrong family withdrawn the same way from their details. No JavaScript needed.
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

  test('the confirm step: the lead professional proposes, a manager who oversees the case confirms on a page that passes axe, and the record is gone', async () => {
    const { ctx } = e2e.testApp;
    const manager = await ctx.db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'manager@demo.example').executeTakeFirstOrThrow();
    // A demo case other than Okafor's (the tests above use it), with someone of the manager's organisation in its team, and its lead professional.
    const chosen = await ctx.db
      .selectFrom('case_team as lead')
      .innerJoin('users as u', 'u.id', 'lead.user_id')
      .innerJoin('cases as c', 'c.id', 'lead.case_id')
      .select(['lead.case_id', 'u.email'])
      .where('lead.role', '=', 'lead-professional')
      .where('u.email', 'like', '%@demo.example')
      .where('u.id', '<>', manager.id)
      .where('c.id', '<>', caseId)
      .where((eb) => eb.exists(eb.selectFrom('case_team as t').innerJoin('users as m', 'm.id', 't.user_id').select('t.user_id').whereRef('t.case_id', '=', 'lead.case_id').where('m.organisation_id', '=', manager.organisation_id)))
      .orderBy('lead.case_id')
      .executeTakeFirstOrThrow();
    const url = `/cases/${chosen.case_id}/withdrawal`;
    const lead = await e2e.newPage();
    await signIn(lead, chosen.email);
    await lead.goto(url);
    await lead.locator('#reason').fill('Created for the wrong baby: the twin has the right record');
    await submit(lead, lead.locator('[data-qa="propose-withdrawal"]'));
    assert.equal(await lead.locator('[data-qa="awaiting-confirmation"]').count(), 1);
    await expectNoAxeViolations(lead);

    const confirming = await e2e.newPage();
    await signIn(confirming, 'manager@demo.example');
    await confirming.goto(url);
    assert.match(await confirming.locator('[data-qa="withdrawal-proposal"]').innerText(), /the twin has the right record/);
    assert.match(await confirming.locator('.govuk-warning-text').innerText(), /cannot be undone/);
    await expectNoAxeViolations(confirming);
    const confirmed = await submit(confirming, confirming.locator('[data-qa="confirm-withdrawal"]'));
    assert.equal(new URL(confirmed.url()).pathname, '/');
    assert.match(await confirming.locator('.govuk-notification-banner').innerText(), /The record made in error has been withdrawn and removed/);
    await expectNoAxeViolations(confirming);
    assert.equal((await confirming.goto(`/cases/${chosen.case_id}`))?.status(), 404);
  });

  test('withdrawing a person added to the wrong family: from their details, a proposal without a reason refused, then proposed and confirmed by a second person, each page passing axe', async () => {
    const { ctx } = e2e.testApp;
    const manager = await ctx.db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'manager@demo.example').executeTakeFirstOrThrow();
    // A demo case still on the record with someone of the manager's organisation in its team, its lead professional, and a person around the baby.
    const chosen = await ctx.db
      .selectFrom('case_team as lead')
      .innerJoin('users as u', 'u.id', 'lead.user_id')
      .innerJoin('people as p', 'p.case_id', 'lead.case_id')
      .select(['lead.case_id', 'u.email', 'p.id as person_id'])
      .where('lead.role', '=', 'lead-professional')
      .where('u.email', 'like', '%@demo.example')
      .where('u.id', '<>', manager.id)
      .where((eb) => eb.exists(eb.selectFrom('case_team as t').innerJoin('users as m', 'm.id', 't.user_id').select('t.user_id').whereRef('t.case_id', '=', 'lead.case_id').where('m.organisation_id', '=', manager.organisation_id)))
      .orderBy('lead.case_id')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const url = `/cases/${chosen.case_id}/people/${chosen.person_id}/withdrawal`;
    const lead = await e2e.newPage();
    await signIn(lead, chosen.email);
    await lead.goto(`/cases/${chosen.case_id}/people/${chosen.person_id}`);
    await submit(lead, lead.locator('[data-qa="open-person-withdrawal"]'));
    assert.equal(await lead.locator('h1').innerText(), 'Withdraw a person added to the wrong family');
    await expectNoAxeViolations(lead);
    const refused = await submit(lead, lead.locator('[data-qa="propose-withdrawal"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(lead, [{ text: 'Enter why the person was added to the wrong family', href: '#reason' }]);
    await expectNoAxeViolations(lead);
    await lead.locator('#reason').fill('The neighbour’s partner, added to this family by mistake');
    await submit(lead, lead.locator('[data-qa="propose-withdrawal"]'));
    assert.equal(await lead.locator('[data-qa="awaiting-confirmation"]').count(), 1);

    const confirming = await e2e.newPage();
    await signIn(confirming, 'manager@demo.example');
    await confirming.goto(url);
    assert.match(await confirming.locator('[data-qa="withdrawal-proposal"]').innerText(), /added to this family by mistake/);
    await expectNoAxeViolations(confirming);
    const confirmed = await submit(confirming, confirming.locator('[data-qa="confirm-withdrawal"]'));
    assert.equal(new URL(confirmed.url()).pathname, `/cases/${chosen.case_id}`);
    assert.match(await confirming.locator('.govuk-notification-banner').innerText(), /The person added to the wrong family has been withdrawn and removed/);
    await expectNoAxeViolations(confirming);
    assert.equal((await confirming.goto(`/cases/${chosen.case_id}/people/${chosen.person_id}`))?.status(), 404);
  });
});
