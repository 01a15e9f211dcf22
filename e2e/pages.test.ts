// Every page of the service in a real browser: it has a meaningful h1 and no WCAG 2.2 AA failures
// that axe can find, including the states with errors, empty lists and refusals.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeUser } from '../test/helpers/factories.ts';
import { expectNoAxeViolations, pageHeading, screenshot, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const e2e = useE2e();

/** Follows every same-site link on these pages (with the page's cookies) and lists any that fail. */
async function brokenLinks(page: Page, urls: string[]): Promise<string[]> {
  const targets = new Map<string, string>();
  for (const url of urls) {
    await page.goto(url);
    const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const target = new URL(href);
      target.hash = '';
      if (target.origin === e2e.baseUrl && !targets.has(target.href)) targets.set(target.href, url);
    }
  }
  const broken: string[] = [];
  for (const [target, from] of targets) {
    const response = await page.context().request.get(target);
    if (response.status() >= 400) broken.push(`${response.status()} ${new URL(target).pathname} (linked from ${from})`);
  }
  return broken;
}

describe('signed-out pages', () => {
  // One browser context for the pages anyone can read: none of these tests signs in.
  let signedOut: Page;
  before(async () => {
    signedOut = await e2e.newPage();
  });

  test('sign in', async () => {
    const page = signedOut;
    await visit(page, '/sign-in', { status: 200, heading: 'Sign in' });
    assert.equal(await page.locator('.govuk-error-summary').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Sign in', exact: true }).count(), 1, 'the header offers Sign in');
  });

  test('sign in, submitted empty: error summary with the focus', async () => {
    const page = signedOut;
    await page.goto('/sign-in');
    const response = await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    assert.equal(response.status(), 400);
    assert.equal(await pageHeading(page), 'Sign in');
    await expectErrorSummary(page, [
      { text: 'Enter your email address', href: '#email' },
      { text: 'Enter your password', href: '#password' },
    ]);
    assert.equal((await page.locator('#email-error').textContent())?.replace(/\s+/g, ' ').trim(), 'Error: Enter your email address');
    await expectNoAxeViolations(page);
    await screenshot(page, 'sign-in-with-errors');
  });

  test('sign in, wrong password: one message against the email field', async () => {
    const page = signedOut;
    await page.goto('/sign-in');
    await page.locator('#email').fill('social-worker@demo.example');
    await page.locator('#password').fill('not-the-password');
    const response = await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    assert.equal(response.status(), 401);
    const summary = page.locator('.govuk-error-summary__list a');
    assert.equal(await summary.count(), 1);
    assert.equal(await summary.getAttribute('href'), '#email');
    assert.equal(await page.locator('#email').inputValue(), 'social-worker@demo.example', 'the email address is kept');
    assert.equal(await page.locator('#password').inputValue(), '', 'the password is not sent back');
    await expectNoAxeViolations(page);
  });

  test('signed out', async () => {
    const page = signedOut;
    await visit(page, '/signed-out', { status: 200, heading: 'You have signed out' });
  });

  test('accessibility statement', async () => {
    const page = signedOut;
    await visit(page, '/accessibility', { status: 200, heading: 'Accessibility statement for Infant Care Profile' });
  });

  test('cookies', async () => {
    const page = signedOut;
    await visit(page, '/cookies', { status: 200, heading: 'Cookies' });
    assert.equal(await page.getByRole('table').count(), 1);
  });

  test('privacy notice', async () => {
    const page = signedOut;
    await visit(page, '/privacy', { status: 200, heading: 'Privacy notice' });
  });

  test('guidance and glossary, at 375 px with JavaScript on and off: the contents lead to each publication, each term has its meaning', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await e2e.newPage({ viewport: { width: 375, height: 800 }, javaScriptEnabled });
      // axe runs in the page, so only with JavaScript on; without it, the same page and its links.
      const open = async (url: string, heading: string) => {
        if (javaScriptEnabled) return visit(page, url, { status: 200, heading });
        assert.equal((await page.goto(url))?.status(), 200, url);
        assert.equal(await pageHeading(page), heading);
      };
      await open('/guidance', 'Guidance behind the profile');
      await page.getByRole('link', { name: 'Child Safeguarding Practice Review: joint review of Infant 1 and Infant 2' }).click();
      assert.equal(new URL(page.url()).hash, '#derby-review');
      await open('/glossary', 'Glossary');
      assert.equal(await page.locator('#hidden-risk dt').innerText(), 'Hidden risk');
      if (javaScriptEnabled) {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        assert.equal(wide, false, 'no sideways scrolling at 375 px');
      }
      await page.close();
    }
  });

  test('page not found', async () => {
    const page = signedOut;
    await visit(page, '/no-such-page', { status: 404, heading: 'Page not found' });
  });

  test('API reference', async () => {
    const page = signedOut;
    await visit(page, '/api/docs', { status: 200, heading: 'API reference' });
    assert.ok((await page.locator('[data-qa="operation"]').count()) > 0, 'lists the API operations');
  });

  test('API reference lists only the API and the health checks, not the web pages and forms', async () => {
    const page = signedOut;
    await page.goto('/api/docs');
    const operations = await page.locator('[data-qa="operation"]').allInnerTexts();
    assert.ok(operations.includes('POST /api/v1/tokens'));
    // The health checks a load balancer or an operator calls are machine endpoints too, documented with the API.
    assert.deepEqual(operations.filter((operation) => !/^[A-Z]+ \/(api|health)\//.test(operation)), [], 'operations outside /api/ and /health/');
    assert.ok(operations.includes('GET /health/ready'), 'the readiness check is documented');
  });

  test('a page that needs signing in sends you to sign in, and back afterwards', async () => {
    const page = signedOut;
    await page.goto('/admin/accounts');
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(await page.locator('input[name="returnTo"]').inputValue(), '/admin/accounts');
  });
});

describe('practitioner pages', () => {
  let socialWorker: Page;
  before(async () => {
    socialWorker = await e2e.newPage();
    await signIn(socialWorker, 'social-worker@demo.example');
  });

  test('my cases, with cases', async () => {
    const page = socialWorker;
    await visit(page, '/', { status: 200, heading: 'My cases' });
    const rows = page.locator('[data-qa="my-cases"] tbody tr');
    assert.equal(await rows.count(), 3, 'the social worker is in three teams');
    const text = await page.locator('[data-qa="my-cases"]').innerText();
    for (const family of ['Ashworth', 'Nowak', 'Pearce']) assert.match(text, new RegExp(family));
    assert.match(text, /Lead professional/);
    assert.equal(await page.locator('[data-qa="signed-in-user"]').innerText(), "Tom Adeyemi, Northfield Children's Social Care");
    assert.equal(await page.getByRole('link', { name: 'Administration' }).count(), 0, 'a practitioner has no admin link');
    await screenshot(page, 'home-my-cases');
  });

  test('the layout: header, skip link and footer links', async () => {
    const page = socialWorker;
    await page.goto('/');
    const header = page.locator('header');
    assert.equal(await header.getByRole('link', { name: 'Infant Care Profile' }).getAttribute('href'), '/');
    assert.equal(await header.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My cases' }).getAttribute('href'), '/');
    assert.equal(await header.locator('[data-qa="signed-in-user"]').innerText(), "Tom Adeyemi, Northfield Children's Social Care");
    assert.equal(await header.getByRole('button', { name: 'Sign out' }).count(), 1);
    assert.equal(await page.getByRole('link', { name: 'Skip to main content' }).getAttribute('href'), '#main-content');
    assert.equal(await page.locator('main#main-content').count(), 1);

    const footerLinks = await page.locator('.govuk-footer .govuk-footer__inline-list a').evaluateAll((anchors) =>
      anchors.map((a) => `${(a.textContent ?? '').trim()} ${a.getAttribute('href') ?? ''}`),
    );
    assert.deepEqual(footerLinks, ['Accessibility statement /accessibility', 'Cookies /cookies', 'Privacy notice /privacy', 'Guidance /guidance', 'Glossary /glossary', 'API /api/docs']);
    assert.match(await page.locator('.govuk-footer').innerText(), /Infant Care Profile is open-source software/);
  });

  test('the layout: the header and footer are landmarks', async () => {
    const page = socialWorker;
    await page.goto('/');
    assert.equal(await page.getByRole('banner').count(), 1, 'one banner landmark (<header>)');
    assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
    // base.njk replaces the govuk template's whole footer block, <footer> element included.
    assert.equal(await page.getByRole('contentinfo').locator('.govuk-footer').count(), 1, 'the footer is inside a contentinfo landmark (<footer>)');
  });

  test('the layout: no GOV.UK branding (ADR 0002)', async () => {
    const page = socialWorker;
    await page.goto('/');
    // The service does not run on GOV.UK, so it may not carry the crown, the royal crest or Crown
    // copyright (docs/adr/0002). govuk-frontend's footer and template add them unless told not to.
    const branding = await page.evaluate(() => {
      const found: string[] = [];
      const checks: [string, string][] = [
        ['.govuk-footer__crown', 'the GOV.UK crown at the top of the footer'],
        ['.govuk-footer__licence-logo', 'the Open Government Licence logo beside the licence text'],
        ['.govuk-footer__copyright-logo', 'the royal coat of arms (Crown copyright) in the footer'],
        ['a[href*="crown-copyright"]', 'a link to the Crown copyright page'],
        ['link[rel~="icon"][href^="/assets/images/"]', 'the GOV.UK crown favicon'],
        ['link[rel="mask-icon"][href*="govuk"]', 'the GOV.UK mask icon'],
        ['link[rel="apple-touch-icon"][href*="govuk"]', 'the GOV.UK touch icon'],
      ];
      for (const [selector, what] of checks) {
        const count = document.querySelectorAll(selector).length;
        if (count > 0) found.push(`${what}: ${selector} (${count})`);
      }
      return found;
    });
    assert.deepEqual(branding, [], 'GOV.UK branding on a service that is not on GOV.UK');
  });

  test('no broken links on the pages a practitioner sees', async () => {
    assert.deepEqual(await brokenLinks(socialWorker, ['/', '/api/docs', '/accessibility', '/cookies', '/privacy', '/guidance', '/glossary']), []);
  });

  test('my cases, empty', async () => {
    const user = await makeUser(e2e.testApp.ctx, { name: 'Nadia Empty' });
    const page = await e2e.newPage();
    await signIn(page, user.email, user.password);
    await visit(page, '/', { status: 200, heading: 'My cases' });
    assert.equal(await page.locator('[data-qa="no-cases"]').count(), 1);
    assert.equal(await page.locator('[data-qa="my-cases"]').count(), 0);
  });

  test('403: a practitioner cannot see administration', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'gp@demo.example');
    await visit(page, '/admin', { status: 403, heading: 'You cannot see this page' });
    await visit(page, '/admin/users/new', { status: 403, heading: 'You cannot see this page' });
  });

  test('form expired: the CSRF cookie is gone when signing out', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'midwife@demo.example');
    await page.context().clearCookies({ name: '_csrf' });
    const response = await submit(page, page.getByRole('button', { name: 'Sign out' }));
    assert.equal(response.status(), 403);
    assert.equal(await pageHeading(page), 'This form has expired');
    await expectNoAxeViolations(page);
    // Nothing was done: the practitioner is still signed in.
    assert.equal(await page.locator('[data-qa="signed-in-user"]').count(), 1);
  });

  test('form expired: a tampered CSRF token on the sign-in form', async () => {
    const page = await e2e.newPage();
    await page.goto('/sign-in');
    await page.locator('input[name="_csrf"]').first().evaluate((input) => {
      (input as HTMLInputElement).value = 'tampered';
    });
    await page.locator('#email').fill('midwife@demo.example');
    await page.locator('#password').fill('demo-password');
    const response = await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    assert.equal(response.status(), 403);
    assert.equal(await pageHeading(page), 'This form has expired');
    assert.equal(await page.locator('[data-qa="signed-in-user"]').count(), 0, 'not signed in');
    await expectNoAxeViolations(page);
  });
});

describe('administration pages', () => {
  let page: Page;

  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'admin@demo.example');
  });

  test('administration', async () => {
    await visit(page, '/admin', { status: 200, heading: 'Administration' });
    assert.equal(await page.getByRole('link', { name: 'Administration' }).getAttribute('aria-current'), 'page');
  });

  test('organisations and accounts', async () => {
    await visit(page, '/admin/accounts', { status: 200, heading: 'Organisations and accounts' });
    // Other tests in this file add accounts, so look for the demo partnership's rather than count.
    assert.ok((await page.locator('[data-qa="organisations"] tbody tr').count()) >= 9);
    assert.ok((await page.locator('[data-qa="accounts"] tbody tr').count()) >= 13);
    const accounts = page.locator('[data-qa="accounts"]');
    assert.equal(await accounts.getByRole('row').filter({ hasText: 'admin@demo.example' }).count(), 1);
    assert.equal(await page.locator('[data-qa="organisations"]').getByRole('row').filter({ hasText: 'Northfield Midwifery Service' }).count(), 1);
  });

  test('organisations and accounts, with a locked account to unlock', async () => {
    const { ctx, clock } = e2e.testApp;
    const user = await makeUser(ctx, { name: 'Lockie Locked' });
    await ctx.db.insertInto('sign_in_throttle').values({ email: user.email, address: '203.0.113.9', failures: 0, blocked_until: new Date(clock.now().getTime() + 15 * 60_000), updated_at: clock.now() }).execute();
    await visit(page, '/admin/accounts', { status: 200, heading: 'Organisations and accounts' });
    const row = page.locator('[data-qa="accounts"] tbody tr').filter({ hasText: user.email });
    assert.equal(await row.locator('.govuk-tag').innerText(), 'Locked');
    const response = await submit(page, row.getByRole('button', { name: 'Unlock Lockie Locked' }));
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/admin/accounts');
    assert.equal(await page.locator('[data-qa="accounts"] tbody tr').filter({ hasText: user.email }).locator('.govuk-tag').innerText(), 'Active');
  });

  test('add an organisation', async () => {
    await visit(page, '/admin/organisations/new', { status: 200, heading: 'Add an organisation' });
  });

  test('add an organisation, submitted empty', async () => {
    await page.goto('/admin/organisations/new');
    const response = await submit(page, page.getByRole('button', { name: 'Add organisation' }));
    assert.equal(response.status(), 400);
    assert.equal(await pageHeading(page), 'Add an organisation');
    await expectErrorSummary(page, [
      { text: 'Enter the name of the organisation', href: '#name' },
      { text: 'Select the kind of organisation', href: '#kind' },
    ]);
    await expectNoAxeViolations(page);
  });

  test('add an account', async () => {
    await visit(page, '/admin/users/new', { status: 200, heading: 'Add an account' });
  });

  test('add an account, submitted empty', async () => {
    await page.goto('/admin/users/new');
    const response = await submit(page, page.getByRole('button', { name: 'Add account' }));
    assert.equal(response.status(), 400);
    assert.equal(await pageHeading(page), 'Add an account');
    await expectErrorSummary(page, [
      { text: 'Enter the practitioner’s full name', href: '#name' },
      { text: 'Enter their work email address', href: '#email' },
      { text: 'Select their organisation', href: '#organisationId' },
      { text: 'Select their role', href: '#role' },
      { text: 'Enter a first password for them', href: '#password' },
    ]);
    await expectNoAxeViolations(page);
  });

  test('no broken links on the administration pages', async () => {
    assert.deepEqual(await brokenLinks(page, ['/admin', '/admin/accounts', '/admin/audit']), []);
  });

  test('audit trail', async () => {
    await visit(page, '/admin/audit', { status: 200, heading: 'Audit trail' });
    assert.ok((await page.locator('[data-qa="audit-entries"] tbody tr').count()) > 0, 'the sign-ins are in the trail');
  });
});
