// The area's settings page in a real browser, with axe: an administrator changes a timescale, types
// a bad one and sees it linked from the error summary with what they typed kept, then puts it right
// (the success banner shown once).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations, pageHeading, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

const e2e = useE2e();

describe('the area’s settings', () => {
  test('an administrator changes them, an error keeps what was typed, and the page passes axe', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'admin@demo.example');
    await page.goto('/admin');
    await submit(page, page.getByRole('link', { name: 'The area’s settings' }));
    assert.equal(await pageHeading(page), 'The area’s settings');
    await expectNoAxeViolations(page);

    const assessment = page.getByLabel('Assessment after a referral');
    assert.equal(await assessment.inputValue(), '45');
    await assessment.fill('50');
    await page.getByLabel('Pre-birth strategy discussion or assessment by').fill('26');
    const refused = await submit(page, page.getByRole('button', { name: 'Save settings' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Assessment after a referral: must be 1 to 45', href: '#timescales-assessmentWorkingDays' }]);
    assert.equal(await assessment.inputValue(), '50', 'what was typed is kept');
    assert.equal(await page.getByLabel('Pre-birth strategy discussion or assessment by').inputValue(), '26');
    await expectNoAxeViolations(page);

    await assessment.fill('40');
    const saved = await submit(page, page.getByRole('button', { name: 'Save settings' }));
    assert.equal(saved.status(), 200);
    assert.match(await page.locator('[data-qa="success-banner"]').innerText(), /Settings saved\./);
    assert.equal(await page.getByLabel('Assessment after a referral').inputValue(), '40');
    assert.equal(await page.getByLabel('Pre-birth strategy discussion or assessment by').inputValue(), '26');
    await expectNoAxeViolations(page);
    await page.reload();
    assert.equal(await page.locator('[data-qa="success-banner"]').count(), 0, 'the banner is shown once, not on reload');
  });
});
