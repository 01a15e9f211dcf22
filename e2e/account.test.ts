// Your account in a real browser with axe: the sessions list, creating a token (its errors, then the
// token shown once) and revoking it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const e2e = useE2e();

describe('your account', () => {
  test('sessions, and a token created, shown once and revoked', async () => {
    const other = await e2e.newPage();
    await signIn(other, 'health-visitor@demo.example');
    const page = await e2e.newPage();
    await signIn(page, 'health-visitor@demo.example');
    await submit(page, page.locator('[data-qa="signed-in-user"]'));
    await visit(page, '/account', { status: 200, heading: 'Your account' });
    assert.equal(await page.locator('[data-qa="current-session"]').count(), 1);
    assert.ok((await page.locator('[data-qa="other-session"]').count()) >= 1);

    await submit(page, page.getByRole('button', { name: 'Create token' }));
    await expectErrorSummary(page, [
      { text: 'Enter what the token is for, such as the name of the system that will use it', href: '#name' },
      { text: 'Select what the token may do', href: '#scopes' },
    ]);
    await expectNoAxeViolations(page);
    await page.locator('#name').fill('Clinic system');
    await page.locator('input[name="scopes"][value="read"]').check();
    await submit(page, page.getByRole('button', { name: 'Create token' }));
    assert.match(await page.locator('[data-qa="new-token"]').innerText(), /^icp_/);
    await expectNoAxeViolations(page);
    await page.reload();
    assert.equal(await page.locator('[data-qa="new-token"]').count(), 0, 'shown once; a reload posts nothing again');
    assert.equal(await page.getByRole('button', { name: 'Revoke Clinic system' }).count(), 1, 'one token, not another made by the reload');

    await page.goto('/account');
    await submit(page, page.getByRole('button', { name: 'Revoke Clinic system' }));
    assert.equal(await page.locator('[data-qa="token-revoked"]').count(), 1);
    await submit(page, page.getByRole('button', { name: 'Sign out of all other sessions' }));
    assert.equal(await page.locator('[data-qa="sessions-ended"]').count(), 1);
    await expectNoAxeViolations(page);
    await page.reload();
    assert.equal(await page.locator('[data-qa="sessions-ended"]').count(), 0, 'the banner is shown once, not on reload');
    await other.goto('/');
    assert.match(new URL(other.url()).pathname, /^\/sign-in/);
  });
});
