// Consent and information sharing in a real browser with axe: the page with no record of the GP being
// told, a consent refused for its problems with the error summary linking to the fields and what was
// typed kept, then its date missing a year (linked by the year, only it marked), then a consent given, information shared without consent with its lawful basis and who
// decided, and the GP told, each shown on the page. No JavaScript needed. Days from the test clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectDateInError } from './helpers/date-checks.ts';
import { expectErrorSummary, fillDate, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Okafor');

describe('consent and information sharing for the team', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  test('the page, reached from the case page, passes axe', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    await submit(page, page.locator('[data-qa="open-consent"]'));
    assert.equal(await page.locator('h1').innerText(), 'Consent and information sharing');
    assert.match(await page.locator('[data-qa="gp-last-told"]').innerText(), /No record of the GP being told|GP last told/);
    await expectNoAxeViolations(page);
    await visit(page, `/cases/${demo.caseId}/consent`, { status: 200, heading: 'Consent and information sharing' });
  });

  test('refuses a consent with no one asked, no date and no answer, keeping what was typed', async () => {
    await page.locator('#purpose').fill('To share the concerns with the GP');
    const refused = await submit(page, page.locator('[data-qa="save-consent"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [
      { text: 'Say who was asked: choose a person on the case or enter a name.', href: '#askedPersonId' },
      { text: 'Enter the date.', href: '#soughtOn-day' },
      { text: 'Say whether consent was given or refused.', href: '#answer' },
    ]);
    assert.equal(await page.locator('#purpose').inputValue(), 'To share the concerns with the GP');
    await expectNoAxeViolations(page);
  });

  test('a date missing its year: the summary goes to the year, only it is marked, the rest kept', async () => {
    await page.locator('#askedPersonId').selectOption({ index: 1 });
    await page.locator('#answer').check();
    await page.locator('#soughtOn-day').fill('3');
    await page.locator('#soughtOn-month').fill('11');
    const refused = await submit(page, page.locator('[data-qa="save-consent"]'));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'The date must include a year.', href: '#soughtOn-year' }]);
    await expectNoAxeViolations(page);
    await expectDateInError(page, 'soughtOn', ['year']);
    assert.equal(await page.locator('#soughtOn-day').inputValue(), '3');
    assert.equal(await page.locator('#soughtOn-month').inputValue(), '11');
    assert.equal(await page.locator('#purpose').inputValue(), 'To share the concerns with the GP');
  });

  test('records the consent given, information shared without consent and the GP told', async () => {
    await fillDate(page, 'soughtOn', addDays(demo.today, -2));
    await submit(page, page.locator('[data-qa="save-consent"]'));
    assert.match(await page.locator('[data-qa="consent-saved"]').innerText(), /The consent is recorded/);
    assert.match(await page.locator('[data-qa="consent-line"]').first().innerText(), /Consent given by .* for To share the concerns with the GP/);

    await page.locator('#sharedWhat').fill('The police call-out log');
    await page.locator('#sharedWith').fill('Midwifery');
    await fillDate(page, 'sharedOn', addDays(demo.today, -1));
    await page.locator('#basis').check();
    await page.locator('#decidedBy').selectOption({ index: 1 });
    await page.locator('#reason').fill('Asking the father would put the baby at greater risk');
    await submit(page, page.locator('[data-qa="save-sharing"]'));
    assert.match(await page.locator('[data-qa="consent-saved"]').innerText(), /shared without consent is recorded/);
    assert.match(await page.locator('[data-qa="consent-line"]').first().innerText(), /Shared without consent on .* with Midwifery: Safeguarding a child at risk of significant harm/);

    await fillDate(page, 'toldOn', demo.today);
    await page.locator('#gpShared').fill('The concerns about drinking and the call-out');
    await submit(page, page.locator('[data-qa="save-gp-told"]'));
    assert.match(await page.locator('[data-qa="gp-last-told"]').innerText(), /^GP last told: .*, by .*What was shared: The concerns about drinking and the call-out$/s);
    assert.match(await page.locator('[data-qa="consent-saved"]').innerText(), /That the GP was told is recorded in the chronology/);
    await expectNoAxeViolations(page);
    assert.equal(new URL(page.url()).search, '', 'the address says nothing about a save');
    await page.reload();
    assert.equal(await page.locator('[data-qa="consent-saved"]').count(), 0, 'the banner is shown once, not on a reload');
  });
});
