// Two-factor sign-in in a real browser with axe: set up from the account page (the QR code, the key
// to type, a wrong code's error, the recovery codes), then the code page at the next sign-in (a
// reused code's error, then the next code), then new recovery codes from the account page (a reused
// code's error, then the next code and the ten new codes).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { totpCodeAt } from '../src/infrastructure/security/totp.ts';
import { expectNoAxeViolations, pageHeading, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const e2e = useE2e();

describe('two-factor sign-in', () => {
  test('set up with the QR code, recovery codes shown once, then the code page at the next sign-in', async () => {
    const clock = e2e.testApp.clock;
    const page = await e2e.newPage();
    await signIn(page, 'manager@demo.example');
    await page.goto('/account');
    await submit(page, page.locator('[data-qa="set-up-two-factor"]'));
    assert.equal(await pageHeading(page), 'Set up two-factor sign-in');
    assert.equal(await page.getByRole('img', { name: 'QR code for your authenticator app to scan' }).count(), 1);
    const secret = (await page.locator('[data-qa="totp-secret"]').innerText()).replaceAll(' ', '');
    await expectNoAxeViolations(page);

    await page.locator('#code').fill('12345');
    await submit(page, page.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    await expectErrorSummary(page, [{ text: 'The code is not right. Enter the 6-digit code your authenticator app shows now for this account.', href: '#code' }]);
    await expectNoAxeViolations(page);
    await page.locator('#code').fill(totpCodeAt(secret, clock.now()));
    await submit(page, page.getByRole('button', { name: 'Turn on two-factor sign-in' }));
    assert.equal(await page.locator('[data-qa="recovery-codes"] li').count(), 10);
    await expectNoAxeViolations(page);
    await submit(page, page.locator('[data-qa="two-factor-done"]'));
    assert.match(await page.locator('[data-qa="two-factor-status"]').innerText(), /^On since/);

    clock.advanceMinutes(0.5);
    const next = await e2e.newPage();
    await next.goto('/sign-in');
    await next.locator('#email').fill('manager@demo.example');
    await next.locator('#password').fill('demo-password');
    await submit(next, next.getByRole('button', { name: 'Sign in', exact: true }));
    assert.equal(new URL(next.url()).pathname, '/sign-in/two-factor');
    assert.equal(await pageHeading(next), 'Enter the code from your authenticator app');
    await expectNoAxeViolations(next);
    await next.goto('/');
    assert.equal(new URL(next.url()).pathname, '/sign-in', 'no page before the code');
    await visit(next, '/sign-in/two-factor', { status: 200, heading: 'Enter the code from your authenticator app' });

    await next.locator('#code').fill(totpCodeAt(secret, new Date(clock.now().getTime() - 30_000)));
    await submit(next, next.getByRole('button', { name: 'Continue' }));
    await expectErrorSummary(next, [{ text: 'That code has already been used. Wait for your authenticator app to show a new code, then enter that one.', href: '#code' }]);
    await expectNoAxeViolations(next);
    await next.locator('#code').fill(totpCodeAt(secret, clock.now()));
    await submit(next, next.getByRole('button', { name: 'Continue' }));
    await next.locator('[data-qa="signed-in-user"]').waitFor({ state: 'attached' });
    assert.equal(new URL(next.url()).pathname, '/');

    // New recovery codes for the same app, after a current code from it.
    await next.goto('/account');
    await submit(next, next.locator('[data-qa="new-recovery-codes"]'));
    assert.equal(await pageHeading(next), 'Get new recovery codes');
    await expectNoAxeViolations(next);
    await next.locator('#code').fill(totpCodeAt(secret, clock.now()));
    await submit(next, next.getByRole('button', { name: 'Get new recovery codes' }));
    await expectErrorSummary(next, [{ text: 'That code has already been used. Wait for your authenticator app to show a new code, then enter that one.', href: '#code' }]);
    await expectNoAxeViolations(next);
    clock.advanceMinutes(0.5);
    await next.locator('#code').fill(totpCodeAt(secret, clock.now()));
    await submit(next, next.getByRole('button', { name: 'Get new recovery codes' }));
    assert.equal(await pageHeading(next), 'You have new recovery codes');
    assert.equal(await next.locator('[data-qa="recovery-codes"] li').count(), 10);
    await expectNoAxeViolations(next);
  });
});
