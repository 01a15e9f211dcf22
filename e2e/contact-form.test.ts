// The contact form in a real browser with axe: the empty form, its error summary, and a home visit
// saved by the health visitor, which reaches the chronology and the profile at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoCaseId, type E2e, expectNoAxeViolations, pageHeading, signIn, startE2e, submit } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

let e2e: E2e;
let okafor: string;

before(async () => {
  e2e = await startE2e();
  okafor = await demoCaseId(e2e, 'Okafor');
});

after(async () => {
  await e2e?.close();
});

describe('recording a contact or home visit', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'health-visitor@demo.example');
  });

  const formUrl = () => `/cases/${okafor}/contacts/new`;

  test('the empty form', async () => {
    await visit(page, formUrl(), { status: 200, heading: 'Record a contact or home visit' });
  });

  test('the error summary links to each unanswered question and keeps what was typed', async () => {
    await page.goto(formUrl());
    await page.locator('#interaction').fill('Grace sang to Ruby');
    const response = await submit(page, page.getByRole('button', { name: 'Save contact' }));
    assert.equal(response.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Select what kind of contact this was', href: '#kind' },
      { text: 'Enter the date of the contact', href: '#occurredOn-day' },
      { text: 'Select whether you saw the baby', href: '#babySeen' },
      { text: 'Select whether you saw where the baby sleeps', href: '#sleepingSeen' },
      { text: 'Select whether you gave safe sleep advice', href: '#safeSleepAdvice' },
      { text: 'Select whether you gave coping with crying (ICON) advice', href: '#cryingAdvice' },
      { text: 'Enter a summary of the contact', href: '#summary' },
    ]);
    assert.equal(await page.locator('#interaction').inputValue(), 'Grace sang to Ruby');
    await expectNoAxeViolations(page);
  });

  test('a home visit with unsafe sleep and an adult not known: saved, confirmed, and in the profile', async () => {
    await page.goto(formUrl());
    await page.getByLabel('Home visit').check();
    await page.locator('#occurredOn-day').fill('20');
    await page.locator('#occurredOn-month').fill('11');
    await page.locator('#occurredOn-year').fill('2026');
    await page.locator('#babySeen').check();
    await page.locator('#awakeOrAsleep').check();
    await page.locator('#interaction').fill('Grace held Ruby and talked to her; Ruby settled');
    await page.locator('#dressed').fill('Clean sleepsuit');
    await page.locator('#demeanour').fill('Alert and content');
    await page.locator('#whereKept').fill('On the sofa between cushions');
    await page.getByLabel('Grace Okafor').check();
    await page.getByLabel('An adult I did not know').check();
    await page.locator('#unknownAdultDescription').fill('Man in his 30s who left when I arrived');
    await page.locator('#sleepingSeen').check();
    await page.getByLabel('Unsafe', { exact: true }).check();
    await page.locator('#unsafeSleepSeen').fill('Ruby sleeps on the sofa at night');
    await page.locator('#safeSleepAdvice').check();
    await page.locator('#safeSleepUnderstood-2').check();
    await page.locator('#cryingAdvice-2').check();
    await page.locator('#summary').fill('Six-week visit; sleeping arrangements discussed');
    const response = await submit(page, page.getByRole('button', { name: 'Save contact' }));
    assert.equal(response.status(), 200);
    assert.equal(await pageHeading(page), 'Contact recorded');
    assert.match(await page.locator('[data-qa="unsafe-sleep-seen"]').innerText(), /Unsafe sleeping was seen/);
    assert.match(await page.locator('[data-qa="unknown-adult"]').innerText(), /Man in his 30s who left when I arrived/);
    await expectNoAxeViolations(page);

    await submit(page, page.getByRole('link', { name: 'Add them to the record as a person around the baby' }));
    assert.equal(await pageHeading(page), 'Add a person around the baby');

    await visit(page, `/cases/${okafor}`, { status: 200, heading: 'Ruby Okafor' });
    assert.equal(await page.locator('[data-qa="finding-unsafe-sleep-combination"]').count(), 1, 'unsafe sleep seen with a premature baby is critical at once');
  });
});
