// The alerts page and the home page's open alerts in a real browser with axe: an open alert, the
// error summary for an acknowledgement without a note, then acknowledged (the banner shown once).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import type { Role } from '../src/domain/shared/roles.ts';
import { ESCALATION_UNREACHED } from '../src/domain/alerts/recipients.ts';
import { expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

let alertId: string;

const e2e = useE2e(async () => {
  const { db } = e2e.testApp.ctx;
  const caseId = (await db.selectFrom('cases').select('id').where('family_name', '=', 'Okafor').executeTakeFirstOrThrow()).id;
  const nurse = await db.selectFrom('users').select(['id', 'organisation_id', 'role']).where('email', '=', 'hospital@demo.example').executeTakeFirstOrThrow();
  const actor = { kind: 'user' as const, userId: nurse.id, organisationId: nurse.organisation_id, role: nurse.role as Role, channel: 'web' as const, ip: null };
  const recorded = await recordEntry(e2e.testApp.ctx, actor, caseId, { kind: 'hospital-discharge', occurredAt: '2026-11-22', summary: 'Home after eight days on the ward', source: 'agency-record' });
  assert.ok(recorded.ok && recorded.alerts.length === 1);
  alertId = recorded.alerts[0]!.id;
});

describe('alerts for the lead professional when the hospital records a discharge', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'health-visitor@demo.example');
  });

  test('the home page shows the open alert above My cases, and the header counts it', async () => {
    await visit(page, '/', { status: 200, heading: 'My cases' });
    const banner = page.locator('[data-qa="open-alerts"]');
    assert.match(await banner.innerText(), /You have 1 open alert\b/);
    // The message names the baby once and is the link to the record.
    const alert = page.locator('[data-qa="home-alert"]');
    assert.match(await alert.innerText(), /^High\s+Ruby Okafor was discharged from hospital today/);
    assert.equal((await alert.innerText()).split('Ruby Okafor').length, 2, 'the name said once');
    assert.match((await alert.getByRole('link').getAttribute('href')) ?? '', /^\/cases\//);
    await expectNoAxeViolations(page);
    const navigation = page.getByRole('navigation', { name: 'Menu' });
    assert.equal(await navigation.getByRole('link', { name: 'Alerts (1)' }).getAttribute('href'), '/alerts');
  });

  test('the alerts page lists it with its steps; acknowledging without a note shows the error summary', async () => {
    await visit(page, '/alerts', { status: 200, heading: 'Alerts' });
    const alert = page.locator('[data-qa="alert"]');
    assert.equal(await alert.count(), 1);
    assert.match(await alert.innerText(), /High\s+Discharged from hospital or a neonatal unit/);
    assert.match(await alert.locator('[data-qa="alert-steps"]').innerText(), /Agree who sees the baby at home first, and when\./);

    const refused = await submit(page, page.getByRole('button', { name: /^Acknowledge/ }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Enter a note saying what you have done or will do about this alert', href: `#note-${alertId}` }]);
    await expectNoAxeViolations(page);

    await page.locator(`#note-${alertId}`).fill('Rang the ward; first home visit tomorrow at 10am');
    const done = await submit(page, page.getByRole('button', { name: /^Acknowledge/ }));
    assert.equal(done.status(), 200);
    assert.match(await page.locator('[data-qa="acknowledged-banner"]').innerText(), /Alert acknowledged/);
    assert.match(await page.locator('[data-qa="no-alerts"]').innerText(), /You have no open alerts/);
    await expectNoAxeViolations(page);
    await page.reload();
    assert.equal(await page.locator('[data-qa="acknowledged-banner"]').count(), 0, 'the banner is shown once, not on reload');

    await visit(page, '/alerts?status=all', { status: 200, heading: 'Alerts' });
    assert.match(await page.locator('[data-qa="alert-facts"]').innerText(), /Rang the ward; first home visit tomorrow at 10am/);
    const navigation = page.getByRole('navigation', { name: 'Menu' });
    assert.equal(await navigation.getByRole('link', { name: 'Alerts', exact: true }).count(), 1);
  });

  test('an alert whose escalation found no safeguarding lead says so, with what to do', async () => {
    // As escalate-alerts.ts leaves it when no organisation in the team has a lead and none is designated for the partnership.
    const { db } = e2e.testApp.ctx;
    await db.updateTable('alerts').set({ escalated_at: e2e.testApp.clock.now(), escalation_unreached: ESCALATION_UNREACHED }).where('id', '=', alertId).execute();
    await visit(page, '/alerts?status=all', { status: 200, heading: 'Alerts' });
    const alert = page.locator(`#alert-${alertId}`);
    const warning = await alert.locator('[data-qa="escalation-unreached"]').innerText();
    assert.ok(warning.includes(`Escalation found no safeguarding lead to reach. ${ESCALATION_UNREACHED}`), warning);
    assert.match(await alert.locator('[data-qa="escalation-unreached-what-to-do"]').innerText(), /^Ask an administrator to give a safeguarding lead the partnership view, or to give one of the organisations in the team around the family a safeguarding lead\./);
    assert.match(await alert.locator('[data-qa="alert-facts"]').innerText(), /nobody had acknowledged it, but there was no safeguarding lead to send it to/);
    await expectNoAxeViolations(page);
  });
});
