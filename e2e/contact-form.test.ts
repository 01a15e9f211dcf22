// The contact form in a real browser with axe: the empty form, its error summary, a home visit
// saved by the health visitor, which reaches the chronology and the profile at once, and a phone call
// at 375 px without JavaScript.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, pageHeading, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

describe('recording a contact or home visit', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  const formUrl = () => `/cases/${demo.caseId}/contacts/new`;

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

    await visit(page, `/cases/${demo.caseId}`, { status: 200, heading: 'Ruby Okafor' });
    assert.equal(await page.locator('[data-qa="finding-unsafe-sleep-combination"]').count(), 1, 'unsafe sleep seen with a premature baby is critical at once');
  });

  test('at 375 px without JavaScript: a phone or video call with its time, recorded as not seeing the baby whatever was ticked, with what the call showed', async () => {
    const phone = await demo.signedInPage('health-visitor@demo.example', { viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    await phone.goto(formUrl());
    await phone.getByLabel('Phone or video call').check();
    await phone.locator('#occurredOn-day').fill('21');
    await phone.locator('#occurredOn-month').fill('11');
    await phone.locator('#occurredOn-year').fill('2026');
    await phone.locator('#time').fill('16.45');
    await phone.locator('#babySeen').check();
    await phone.locator('#interaction').fill('Grace held Ruby up to the camera, smiling');
    await phone.locator('#sleepingSeen-2').check();
    await phone.locator('#safeSleepAdvice-2').check();
    await phone.locator('#cryingAdvice-2').check();
    await phone.locator('#summary').fill('Video call about feeding');
    const response = await submit(phone, phone.getByRole('button', { name: 'Save contact' }));
    assert.equal(response.status(), 200);
    assert.equal(await pageHeading(phone), 'Contact recorded');
    const recorded = await phone.locator('[data-qa="contact-summary"]').innerText();
    assert.match(recorded, /21 November 2026 at 4:45pm/);
    assert.match(recorded, /No: a phone or video call never counts as seeing the baby/);
    assert.match(await phone.locator('[data-qa="lived-experience"]').innerText(), /Grace held Ruby up to the camera, smiling/);
    // axe needs JavaScript: the same page at 375 px with it on.
    const withScript = await demo.signedInPage('health-visitor@demo.example', { viewport: { width: 375, height: 800 } });
    await visit(withScript, phone.url(), { status: 200, heading: 'Contact recorded' });
    assert.ok((await withScript.evaluate(() => document.documentElement.scrollWidth)) <= 375, 'the page does not scroll sideways');
  });
});
