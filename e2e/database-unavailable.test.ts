// The page a user sees while no database takes writes (a failover under way: 503 with Retry-After,
// docs/adr/0013-database-failover.md) in a real browser: what it says to do, without JavaScript, with
// axe, and the service back as it was once the database takes writes again. The embedded database
// stands in for the failover: every new connection to it is refused as the writable-host pool refuses
// when no server accepts writes.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DatabaseUnavailableError } from '../src/infrastructure/db/connection-errors.ts';
import type { TestApp } from '../test/helpers/test-app.ts';
import { expectNoAxeViolations, pageHeading, signIn, submit, useE2e } from './helpers/browser.ts';

const e2e = useE2e();

/** From now on every connection the app asks for fails as during a failover; returns the way back. */
function databaseTakesNoWrites(testApp: TestApp): () => void {
  const pool = testApp.database.pool!;
  Object.assign(pool, { connect: () => Promise.reject(new DatabaseUnavailableError('No server accepting writes among 127.0.0.1:5432, 127.0.0.1:5433 (a failover under way)')) });
  return () => {
    Reflect.deleteProperty(pool, 'connect');
  };
}

const TITLE = 'Sorry, the service is unavailable for a moment';
const WHAT_TO_DO = [
  'The database is changing over to its standby, which takes a few seconds. What you just sent may not have been saved.',
  "Use your browser's back button to return to what you typed, wait a few seconds and send it again. Check the record first if you are not sure it was saved.",
];

async function expectUnavailablePage(page: Page, status: number | undefined, retryAfter: string | null): Promise<void> {
  assert.equal(status, 503);
  assert.equal(retryAfter, '5');
  assert.equal(await pageHeading(page), TITLE);
  const paragraphs = (await page.locator('main p.govuk-body').allInnerTexts()).map((text) => text.trim());
  for (const words of WHAT_TO_DO) assert.ok(paragraphs.includes(words), `the page should say: ${words}\nit says: ${paragraphs.join(' | ')}`);
  assert.equal(await page.getByRole('link', { name: 'Go to your cases' }).count(), 1);
}

describe('the page while the database takes no writes', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  test('a form sent and a page asked for without JavaScript answer 503 with what to do; all works again once the database takes writes', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await signIn(page, 'health-visitor@demo.example');
    restore = databaseTakesNoWrites(e2e.testApp);

    const sent = await submit(page, page.locator('[data-qa="sign-out"]'));
    await expectUnavailablePage(page, sent.status(), await sent.headerValue('retry-after'));
    const shown = await page.goto('/');
    await expectUnavailablePage(page, shown?.status(), (await shown?.headerValue('retry-after')) ?? null);

    restore();
    restore = undefined;
    const back = await page.goto('/');
    assert.equal(back?.status(), 200);
    await page.locator('[data-qa="signed-in-user"]').waitFor({ state: 'attached' });
  });

  test('passes axe', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'health-visitor@demo.example');
    restore = databaseTakesNoWrites(e2e.testApp);
    const shown = await page.goto('/');
    await expectUnavailablePage(page, shown?.status(), (await shown?.headerValue('retry-after')) ?? null);
    await expectNoAxeViolations(page);
  });
});
