// Single sign-on in a real browser with axe: the sign-in choice page, "Sign in with" a real OpenID
// provider (oidc-provider on 127.0.0.1) and back: the first time to a page saying an administrator
// must approve it, the administrator approving it on the accounts page, then signed in; and the page
// an unknown user gets.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { makeUser, TEST_PASSWORD } from '../test/helpers/factories.ts';
import { startTestProvider, type TestProvider } from '../test/helpers/oidc-test-provider.ts';
import { createTestApp, type TestApp } from '../test/helpers/test-app.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, expectNoAxeViolations, pageHeading, signIn, submit } from './helpers/browser.ts';

/** A free port on 127.0.0.1: the service's public address must be known before it is built. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let t: TestApp;
let provider: TestProvider;
let browser: Browser;
let baseUrl: string;

before(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${String(port)}`;
  provider = await startTestProvider(baseUrl);
  t = await createTestApp({ env: { OIDC_PROVIDERS: JSON.stringify([provider.settings('test', 'Test Identity')]), PUBLIC_URL: baseUrl } });
  await provider.alignClock(t.clock);
  await t.app.listen({ port, host: '127.0.0.1' });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await t?.close();
  await provider?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

describe('single sign-on', () => {
  test('the sign-in choice page, signing in through the provider and back, and the page for someone not registered', async () => {
    const user = await makeUser(t.ctx, { name: 'Browser Visitor' });
    const page = await newPage();
    await page.goto('/sign-in');
    assert.equal(await pageHeading(page), 'Sign in');
    const button = page.getByRole('button', { name: 'Sign in with Test Identity' });
    assert.equal(await button.count(), 1);
    await expectNoAxeViolations(page);

    provider.willSignIn({ email: user.email });
    const first = await submit(page, button);
    assert.equal(first.status(), 403);
    assert.match(await page.locator('[data-qa="oidc-refusal"]').innerText(), /An administrator must approve/);
    await expectNoAxeViolations(page);

    const admin = await makeUser(t.ctx, { role: 'admin', name: 'Browser Administrator' });
    const adminPage = await newPage();
    await signIn(adminPage, admin.email, TEST_PASSWORD);
    await adminPage.goto('/admin/accounts');
    const links = adminPage.locator('[data-qa="provider-links"]');
    assert.match(await links.innerText(), /Browser Visitor[\s\S]*Test Identity[\s\S]*Waiting for approval/);
    await expectNoAxeViolations(adminPage);
    await submit(adminPage, links.getByRole('button', { name: 'Approve Test Identity for Browser Visitor' }));
    assert.match(await adminPage.locator('[data-qa="success-banner"]').innerText(), /Single sign-on approved/);
    assert.match(await links.innerText(), /Linked since/);

    await page.goto('/sign-in');
    provider.willSignIn({ email: user.email });
    const response = await submit(page, page.getByRole('button', { name: 'Sign in with Test Identity' }));
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).origin, baseUrl, 'back at the service');
    assert.match(await page.locator('[data-qa="signed-in-user"]').innerText(), /Browser Visitor/);

    const stranger = await newPage();
    await stranger.goto('/sign-in');
    provider.willSignIn({ email: 'stranger@council.example' });
    const refused = await submit(stranger, stranger.getByRole('button', { name: 'Sign in with Test Identity' }));
    assert.equal(refused.status(), 403);
    assert.equal(await pageHeading(stranger), 'You have not been signed in');
    assert.match(await stranger.locator('[data-qa="oidc-refusal"]').innerText(), /An administrator must register you/);
    await expectNoAxeViolations(stranger);
  });
});
