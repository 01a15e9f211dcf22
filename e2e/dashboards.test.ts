// The dashboards in a real browser with axe (issue 16): the team manager follows the home page's
// link to the organisation's dashboard (charts as images, the numbers in tables), opens the list
// behind a number and finds its CSV link; an administrator grants the manager the partnership view
// (a mistyped address first: the error summary links to the field, the typing kept), and the
// partnership's dashboard passes axe too; a practitioner asking for a dashboard is told why not; a list
// longer than a page shows GOV.UK pagination, and its pages pass axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type E2e, expectNoAxeViolations, signIn, startE2e, submit } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';
import { makeCase } from '../test/helpers/factories.ts';

let e2e: E2e;

before(async () => {
  e2e = await startE2e();
});

after(async () => {
  await e2e?.close();
});

describe('the dashboards', () => {
  let manager: Page;
  before(async () => {
    manager = await e2e.newPage();
    await signIn(manager, 'manager@demo.example');
  });

  test('the organisation’s dashboard and a list behind a number pass axe', async () => {
    await submit(manager, manager.locator('[data-qa="dashboards-link"]'));
    assert.equal(await manager.locator('h1').innerText(), 'Your organisation’s dashboard');
    assert.equal(await manager.locator('svg[role="img"]').count(), 4);
    await expectNoAxeViolations(manager);
    await submit(manager, manager.locator('[data-qa="measure-never-reviewed"] a'));
    assert.match(await manager.locator('h1').innerText(), /Profile never reviewed/);
    assert.match((await manager.locator('[data-qa="csv-link"]').getAttribute('href')) ?? '', /^\/dashboards\/organisation\/cases\.csv\?measure=never-reviewed$/);
    await expectNoAxeViolations(manager);
  });

  test('an administrator grants the partnership view; the partnership’s dashboard passes axe', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, 'admin@demo.example');
    await visit(admin, '/admin/partnership-view', { status: 200, heading: 'The partnership view' });
    await admin.locator('#email').fill('manager@demo');
    const refused = await submit(admin, admin.getByRole('button', { name: 'Grant the partnership view' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(admin, [{ text: 'Enter an email address in the correct format, like name@example.org', href: '#email' }]);
    assert.equal(await admin.locator('#email').inputValue(), 'manager@demo');
    await expectNoAxeViolations(admin);
    await admin.locator('#email').fill('manager@demo.example');
    await submit(admin, admin.getByRole('button', { name: 'Grant the partnership view' }));
    assert.equal(await admin.locator('[data-qa="partnership-view-grants"] tbody tr').count(), 1);
    await expectNoAxeViolations(admin);

    await visit(manager, '/dashboards/partnership', { status: 200, heading: 'The partnership’s dashboard' });
  });

  test('a list longer than a page is shown a page at a time with GOV.UK pagination, each page passing axe', async () => {
    const { ctx } = e2e.testApp;
    const worker = await ctx.db.selectFrom('users').select('id').where('email', '=', 'social-worker@demo.example').executeTakeFirstOrThrow();
    for (let i = 0; i < 101; i++) await makeCase(ctx, { familyName: `Paged${String(i).padStart(3, '0')}`, teamUserIds: [worker.id] });
    await visit(manager, '/dashboards/organisation/cases?measure=never-reviewed', { status: 200, heading: 'Profile never reviewed' });
    assert.equal(await manager.locator('[data-qa="dashboard-case"]').count(), 100);
    assert.match(await manager.locator('[data-qa="list-range"]').innerText(), /^Showing cases 1 to 100 of \d+\.$/);
    await submit(manager, manager.locator('.govuk-pagination__next a'));
    assert.match(manager.url(), /page=2$/);
    assert.match(await manager.locator('[data-qa="list-range"]').innerText(), /^Showing cases 101 to \d+ of \d+\.$/);
    await expectNoAxeViolations(manager);
  });

  test('a list address with a filter the dashboard does not know shows the list without it, saying so, passing axe', async () => {
    await visit(manager, '/dashboards/organisation/cases?measure=never-reviewed&level=bogus', { status: 200, heading: 'Profile never reviewed' });
    assert.match(await manager.locator('[data-qa="unknown-filters"]').innerText(), /the level “bogus”, which this dashboard does not know: it is left out/);
    await expectNoAxeViolations(manager);
  });

  test('a practitioner is told the dashboards are not for them', async () => {
    const practitioner = await e2e.newPage();
    await signIn(practitioner, 'health-visitor@demo.example');
    await visit(practitioner, '/dashboards', { status: 403, heading: 'You cannot see this dashboard' });
  });
});
