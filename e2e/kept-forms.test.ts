// Nothing typed is lost, in a real browser: the contact form, the subject page, the meeting form, the
// sharing form, a new person and the record's details (never a restricted address) typed into, the session lost, signed in again and the text found there (JavaScript on and off); the timeout warning
// before the idle sign-out, with axe, Escape staying signed in, and its words once the session has ended.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { DEMO_PASSWORD } from '../src/application/demo/demo-partnership.ts';

const demo = useE2eOnDemoCase('Okafor');

const formUrl = () => `/cases/${demo.caseId}/contacts/new`;

/** Types into the contact form, lets the session go idle on the server, and saves. */
async function typeAndLoseTheSession(page: Page, typed: string) {
  await page.goto(formUrl());
  await page.locator('#interaction').fill(typed);
  await page.locator('#summary').fill(`Summary: ${typed}`);
  demo.e2e.testApp.clock.advanceMinutes(31);
  await submit(page, page.getByRole('button', { name: 'Save contact' }));
}

async function signInAgain(page: Page) {
  await page.locator('#email').fill('health-visitor@demo.example');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
}

for (const javaScriptEnabled of [true, false]) {
  describe(`a contact typed after the session ended, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('is kept while the user signs in again, then found on the form', async () => {
      const page = await demo.signedInPage('health-visitor@demo.example', { javaScriptEnabled, viewport: { width: 375, height: 800 } });
      const typed = `Ruby lay on the sofa between cushions (${javaScriptEnabled ? 'on' : 'off'})`;
      await typeAndLoseTheSession(page, typed);

      assert.equal(new URL(page.url()).pathname, '/sign-in');
      assert.equal(await page.locator('[data-qa="form-kept-banner"]').innerText().then((text) => text.includes('what you typed has been kept')), true);
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await signInAgain(page);
      assert.equal(new URL(page.url()).pathname, formUrl());
      assert.equal(await page.locator('#interaction').inputValue(), typed);
      assert.equal(await page.locator('#summary').inputValue(), `Summary: ${typed}`);
      assert.match(await page.locator('[data-qa="kept-form-banner"]').innerText(), /What you typed has been put back/);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    });
  });
}

for (const javaScriptEnabled of [true, false]) {
  describe(`the subject page (every factor) saved after the session ended, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    // axe on this page is checked in subject-assessment.test.ts, with GOV.UK's known aria-expanded exception.
    test('is kept while the user signs in again, then found on the page with the answer chosen', async () => {
      const subjectUrl = `/cases/${demo.caseId}/profile/household/all-factors`;
      const page = await demo.signedInPage('health-visitor@demo.example', { javaScriptEnabled, viewport: { width: 375, height: 800 } });
      await page.goto(subjectUrl);
      const typed = `Damp in the baby's room, mould on the wall by the cot (${javaScriptEnabled ? 'on' : 'off'})`;
      await page.locator('input[name="status-poor-home-conditions"][value="present"]').check();
      await page.locator('#detail-poor-home-conditions').fill(typed);
      demo.e2e.testApp.clock.advanceMinutes(31);
      await submit(page, page.getByRole('button', { name: 'Save all answers' }));
      assert.equal(new URL(page.url()).pathname, '/sign-in');

      await signInAgain(page);
      assert.equal(new URL(page.url()).pathname, subjectUrl);
      assert.equal(await page.locator('input[name="status-poor-home-conditions"][value="present"]').isChecked(), true);
      assert.equal(await page.locator('#detail-poor-home-conditions').inputValue(), typed);
      assert.match(await page.locator('[data-qa="kept-form-banner"]').innerText(), /What you typed has been put back/);
    });
  });
}

describe('a meeting typed after the session ended', () => {
  test('is kept while the user signs in again, then found on the meeting form, which passes axe', async () => {
    const meetingUrl = `/cases/${demo.caseId}/meetings/new`;
    const page = await demo.signedInPage('health-visitor@demo.example');
    await page.goto(meetingUrl);
    await page.locator('#chair').fill('Dee Chair, independent reviewing officer');
    await page.locator('#decision-0').fill('Ruby stays on a child protection plan');
    demo.e2e.testApp.clock.advanceMinutes(31);
    await submit(page, page.locator('[data-qa="save-meeting"]'));
    assert.equal(new URL(page.url()).pathname, '/sign-in');

    await signInAgain(page);
    assert.equal(new URL(page.url()).pathname, meetingUrl);
    assert.equal(await page.locator('#chair').inputValue(), 'Dee Chair, independent reviewing officer');
    assert.equal(await page.locator('#decision-0').inputValue(), 'Ruby stays on a child protection plan');
    assert.match(await page.locator('[data-qa="kept-form-banner"]').innerText(), /What you typed has been put back/);
    await expectNoAxeViolations(page);
  });
});

describe('the record’s details typed after the session ended, with a restricted address', () => {
  test('give back the GP practice typed, never the address typed: the saved one stands in, and the page says so', async () => {
    const detailsUrl = `/cases/${demo.caseId}/details`;
    await demo.e2e.testApp.ctx.db.updateTable('cases').set({ address: 'Flat 3, 9 Quiet Row\nDerby', postcode: 'DE1 2AB', address_restricted: true }).where('id', '=', demo.caseId).execute();
    const page = await demo.signedInPage('health-visitor@demo.example');
    await page.goto(detailsUrl);
    await page.locator('#address').fill('7 Hidden Lane, typed');
    await page.locator('#postcode').fill('DE22 1XY');
    await page.locator('#gpPracticeName').fill('Typed Surgery');
    demo.e2e.testApp.clock.advanceMinutes(31);
    await submit(page, page.locator('[data-qa="save"]'));
    assert.equal(new URL(page.url()).pathname, '/sign-in');

    await signInAgain(page);
    assert.equal(new URL(page.url()).pathname, detailsUrl);
    assert.equal(await page.locator('#gpPracticeName').inputValue(), 'Typed Surgery');
    assert.equal(await page.locator('#address').inputValue(), 'Flat 3, 9 Quiet Row\nDerby');
    assert.equal(await page.locator('#postcode').inputValue(), 'DE1 2AB');
    assert.equal(await page.locator('[data-qa="address-not-kept"]').innerText(), 'The address you typed was not kept, because it is restricted: type it again. The address shown is the one saved on the record.');
    const kept = await demo.e2e.testApp.ctx.db.selectFrom('kept_forms').select('fields').execute();
    assert.ok(!JSON.stringify(kept).includes('Hidden Lane'), 'never kept in the database');
    await expectNoAxeViolations(page);
  });
});

describe('information shared without consent, typed after the session ended', () => {
  test('is given back on the sharing form once the same user signs in again', async () => {
    const page = await demo.signedInPage('health-visitor@demo.example');
    await page.goto(`/cases/${demo.caseId}/consent`);
    await page.locator('#sharedWhat').fill('The police log of last night, kept');
    await page.locator('#sharedWith').fill('Kept midwife');
    await page.locator('#reason').fill('Asking would have put the baby at greater risk, kept');
    demo.e2e.testApp.clock.advanceMinutes(31);
    await submit(page, page.locator('[data-qa="save-sharing"]'));
    assert.equal(new URL(page.url()).pathname, '/sign-in');

    await signInAgain(page);
    assert.equal(new URL(page.url()).pathname, `/cases/${demo.caseId}/consent/sharing`);
    assert.equal(await page.locator('#sharedWhat').inputValue(), 'The police log of last night, kept');
    assert.equal(await page.locator('#sharedWith').inputValue(), 'Kept midwife');
    assert.equal(await page.locator('#reason').inputValue(), 'Asking would have put the baby at greater risk, kept');
    assert.match(await page.locator('[data-qa="kept-form-banner"]').innerText(), /What you typed has been put back/);
    await expectNoAxeViolations(page);
  });
});

describe('a person typed after the session ended', () => {
  test('is given back on the form to add a person once the same user signs in again', async () => {
    const personUrl = `/cases/${demo.caseId}/people/new`;
    const page = await demo.signedInPage('health-visitor@demo.example');
    await page.goto(personUrl);
    await page.locator('#relationshipToInfant').selectOption('grandparent');
    await page.locator('#givenName').fill('Esther, kept');
    await page.locator('#familyName').fill('Okafor');
    demo.e2e.testApp.clock.advanceMinutes(31);
    await submit(page, page.getByRole('button', { name: 'Save' }));
    assert.equal(new URL(page.url()).pathname, '/sign-in');

    await signInAgain(page);
    assert.equal(new URL(page.url()).pathname, personUrl);
    assert.equal(await page.locator('#relationshipToInfant').inputValue(), 'grandparent');
    assert.equal(await page.locator('#givenName').inputValue(), 'Esther, kept');
    assert.equal(await page.locator('#familyName').inputValue(), 'Okafor');
    assert.match(await page.locator('[data-qa="kept-form-banner"]').innerText(), /What you typed has been put back/);
    await expectNoAxeViolations(page);
  });
});

describe('the timeout warning', () => {
  test('opens before the idle sign-out with the focus in it, passes axe, and Escape stays signed in', async () => {
    const page = await demo.signedInPage('health-visitor@demo.example');
    await page.clock.install();
    await page.goto(formUrl());
    await page.locator('#summary').fill('Half written when the warning came');
    const dialog = page.locator('[data-qa="timeout-warning"]');
    assert.equal(await dialog.isVisible(), false, 'no warning yet');

    // 29 minutes on, on the server and in the page: the warning's check hears a minute is left.
    demo.e2e.testApp.clock.advanceMinutes(29);
    await page.clock.fastForward('29:00');
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'timeout-warning', 'the focus moves into the dialog');
    assert.equal(await page.getByRole('dialog', { name: 'You’re about to be signed out' }).count(), 1);
    assert.match(await dialog.innerText(), /we will sign you out in 1 minute/);
    await expectNoAxeViolations(page);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    demo.e2e.testApp.clock.advanceMinutes(20);
    // Still signed in 49 minutes after the page loaded: Escape counted as use.
    const [response] = await Promise.all([page.waitForResponse('**/session/time-left'), page.clock.fastForward('28:00')]);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('#summary').inputValue(), 'Half written when the warning came');
  });

  test('says the user has been signed out when the time runs out, and leaves what was typed', async () => {
    const page = await demo.signedInPage('health-visitor@demo.example');
    await page.clock.install();
    await page.goto(formUrl());
    await page.locator('#summary').fill('Still here after the sign-out');
    demo.e2e.testApp.clock.advanceMinutes(31);
    await page.clock.fastForward('31:00');
    const dialog = page.locator('[data-qa="timeout-warning"]');
    await dialog.getByRole('heading', { name: 'You have been signed out' }).waitFor();
    assert.match(await dialog.innerText(), /What you have typed on this page is still here/);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Back to the form' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#summary').inputValue(), 'Still here after the sign-out');
  });
});
