// Whole journeys in a real browser: signing in and out, the same without JavaScript, a Content
// Security Policy that blocks nothing the pages need, and an administrator adding an account.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { pageHeading, submit, useE2e } from './helpers/browser.ts';

const e2e = useE2e();

/** Signs in from wherever the page is (it must be showing the sign-in form), as a person would. */
async function fillInSignIn(page: Page, email: string, password: string): Promise<void> {
  assert.equal(await pageHeading(page), 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const response = await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
  assert.equal(response.status(), 200, 'signed in and shown the page asked for');
}

async function expectSignedOutHeader(page: Page): Promise<void> {
  assert.equal(await page.locator('[data-qa="signed-in-user"]').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
  assert.equal(await page.locator('header').getByRole('link', { name: 'Sign in', exact: true }).count(), 1, 'the header offers Sign in');
}

/** The practitioner journey both with and without JavaScript. */
async function signInSeeCasesSignOut(page: Page): Promise<void> {
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/sign-in', 'the cases need signing in');
  await expectSignedOutHeader(page);

  await fillInSignIn(page, 'health-visitor@demo.example', 'demo-password');
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await pageHeading(page), 'My cases');
  assert.equal(await page.locator('[data-qa="signed-in-user"]').innerText(), 'Claire Dobson, Northfield Health Visiting Team');
  const cases = await page.locator('[data-qa="my-cases"] tbody tr').allInnerTexts();
  assert.equal(cases.length, 3, 'the health visitor is in three teams');
  for (const family of ['Hartley', 'Nowak', 'Okafor']) assert.ok(cases.some((row) => row.includes(family)), `a case for ${family}`);
  assert.equal(await page.getByRole('link', { name: 'My cases' }).getAttribute('aria-current'), 'page');

  await submit(page, page.locator('header').getByRole('button', { name: 'Sign out' }));
  assert.equal(new URL(page.url()).pathname, '/signed-out');
  assert.equal(await pageHeading(page), 'You have signed out');
  await expectSignedOutHeader(page);

  // The session is really over: the cases need signing in again.
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/sign-in');
}

describe('a practitioner signs in, sees their cases and signs out', () => {
  test('with JavaScript', async () => {
    const page = await e2e.newPage();
    await signInSeeCasesSignOut(page);
  });

  test('without JavaScript', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await page.goto('/sign-in');
    const bodyClass = (await page.locator('body').getAttribute('class')) ?? '';
    assert.doesNotMatch(bodyClass, /js-enabled/, 'JavaScript really is off');
    assert.equal(await page.locator('.govuk-js-password-input-toggle').isVisible(), false, 'the password toggle needs JavaScript');

    // Errors still show, without the focus being moved.
    const response = await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    assert.equal(response.status(), 400);
    assert.equal(await page.locator('.govuk-error-summary__list a').count(), 2);
    // (axe needs JavaScript, so it runs on these pages in pages.test.ts rather than here.)

    await signInSeeCasesSignOut(page);
  });
});

describe('the Content Security Policy blocks nothing the pages need', () => {
  test('sign-in and home pages load every asset and start govuk-frontend', async () => {
    const page = await e2e.newPage();
    const cspMessages: string[] = [];
    const pageErrors: string[] = [];
    const failedAssets: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text())) cspMessages.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && new URL(response.url()).pathname.startsWith('/assets/')) failedAssets.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failedAssets.push(`failed ${request.url()}: ${request.failure()?.errorText ?? ''}`));
    // The browser reports each blocked load or script as an event too; collect those from the start.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { e2eCspViolations: string[] }).e2eCspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const violations = async () => page.evaluate(() => (window as unknown as { e2eCspViolations: string[] }).e2eCspViolations);

    const signInResponse = await page.goto('/sign-in');
    assert.match(signInResponse?.headers()['content-security-policy'] ?? '', /script-src 'self' 'sha256-/, 'the page is served with the CSP');
    // The template's inline script (allowed by its hash) and init.mjs (from 'self') both ran.
    await page.locator('body.js-enabled.govuk-frontend-supported').waitFor();
    await page.locator('[data-module="govuk-password-input"][data-govuk-password-input-init]').waitFor();
    assert.equal(await page.locator('.govuk-js-password-input-toggle').isVisible(), true);
    assert.deepEqual(await violations(), []);

    await page.getByLabel('Email address').fill('midwife@demo.example');
    await page.getByLabel('Password', { exact: true }).fill('demo-password');
    await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    assert.equal(await pageHeading(page), 'My cases');
    await page.locator('body.js-enabled.govuk-frontend-supported').waitFor();
    await page.locator('[data-module="govuk-service-navigation"][data-govuk-service-navigation-init]').waitFor();
    // The stylesheet applied: GOV.UK's font stack, with Arial in place of GDS Transport.
    const headingFont = await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily);
    assert.match(headingFont, /arial/i);
    assert.doesNotMatch(headingFont, /GDS Transport/);
    assert.deepEqual(await violations(), []);

    assert.deepEqual(cspMessages, [], 'no Content Security Policy errors in the console');
    assert.deepEqual(pageErrors, [], 'no script errors');
    assert.deepEqual(failedAssets, [], 'every asset loaded');
  });
});

describe('an administrator adds an account, and its owner signs in', () => {
  test('through the admin forms', async () => {
    const admin = await e2e.newPage();
    await admin.goto('/sign-in');
    await fillInSignIn(admin, 'admin@demo.example', 'demo-password');
    await submit(admin, admin.getByRole('link', { name: 'Administration' }));
    assert.equal(await pageHeading(admin), 'Administration');
    await submit(admin, admin.getByRole('link', { name: 'Organisations and accounts' }));
    assert.equal(await pageHeading(admin), 'Organisations and accounts');
    await submit(admin, admin.getByRole('button', { name: 'Add an account' }));
    assert.equal(await pageHeading(admin), 'Add an account');

    await admin.getByLabel('Full name').fill('Rosa Quinn');
    await admin.getByLabel('Work email address').fill('Rosa.Quinn@Demo.Example');
    await admin.getByLabel('Organisation').selectOption({ label: 'Northfield Housing Options' });
    await admin.getByRole('radio', { name: 'Practitioner' }).check();
    await admin.getByLabel('First password', { exact: true }).fill('a long first passphrase');
    const response = await submit(admin, admin.getByRole('button', { name: 'Add account' }));
    assert.equal(response.status(), 200);
    assert.equal(new URL(admin.url()).pathname, '/admin/accounts');
    const row = admin.locator('[data-qa="accounts"] tbody tr').filter({ hasText: 'rosa.quinn@demo.example' });
    assert.equal(await row.count(), 1, 'the new account is listed, its email in lower case');
    const cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.trim());
    assert.deepEqual(cells, ['Rosa Quinn', 'rosa.quinn@demo.example', 'Northfield Housing Options', 'Practitioner', 'Active', 'Off'], 'a new account has no two-factor sign-in yet');

    // Adding the same email again is refused with a message against the email field.
    await admin.goto('/admin/users/new');
    await admin.getByLabel('Full name').fill('Rosa Quinn');
    await admin.getByLabel('Work email address').fill('rosa.quinn@demo.example');
    await admin.getByLabel('Organisation').selectOption({ label: 'Northfield Housing Options' });
    await admin.getByRole('radio', { name: 'Practitioner' }).check();
    await admin.getByLabel('First password', { exact: true }).fill('a long first passphrase');
    const clash = await submit(admin, admin.getByRole('button', { name: 'Add account' }));
    assert.equal(clash.status(), 400);
    assert.equal(await admin.locator('.govuk-error-summary__list a[href="#email"]').innerText(), 'An account for rosa.quinn@demo.example already exists.');
    assert.equal(await admin.getByLabel('First password', { exact: true }).inputValue(), '', 'the password is not sent back');

    const rosa = await e2e.newPage();
    await rosa.goto('/');
    await fillInSignIn(rosa, 'rosa.quinn@demo.example', 'a long first passphrase');
    assert.equal(await pageHeading(rosa), 'My cases');
    assert.equal(await rosa.locator('[data-qa="signed-in-user"]').innerText(), 'Rosa Quinn, Northfield Housing Options');
    assert.equal(await rosa.locator('[data-qa="no-cases"]').count(), 1, 'a new account is in no team yet');
    assert.equal(await rosa.getByRole('link', { name: 'Administration' }).count(), 0);
  });
});
