// The API reference on a phone: long paths and schemas wrap, so the page never scrolls sideways
// (WCAG 1.4.10), and it passes axe.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useE2e } from './helpers/browser.ts';
import { visit } from './helpers/page-checks.ts';

const e2e = useE2e();

describe('the API reference', () => {
  test('fits a phone 390 px wide, with every schema opened', async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 800 } });
    await visit(page, '/api/docs', { status: 200, heading: 'API reference' });
    await page.locator('details').evaluateAll((all) => all.forEach((details) => (details as HTMLDetailsElement).open = true));
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > 390).slice(0, 3).map((element) => `${element.tagName}.${element.className}: ${(element.textContent ?? '').slice(0, 60)}`),
    );
    assert.deepEqual(wide, [], 'nothing wider than the screen');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
    await page.close();
  });
});
