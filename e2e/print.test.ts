// The printable profile and case summary in a real browser (issue 14, Feedback and print): reached
// from the case page, passing axe with JavaScript on and off and at 375 px, printed by Chromium to A4
// with OFFICIAL-SENSITIVE on every sheet, and the PDF the server makes from the same page, A4 with the
// marking on every page (read back by test/helpers/pdf-text.ts), and the 503 page of a server without one.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { makeCase, makeUser, TEST_PASSWORD } from '../test/helpers/factories.ts';
import { pdfPages, type PdfPageText } from '../test/helpers/pdf-text.ts';
import { createTestApp } from '../test/helpers/test-app.ts';
import { expectNoAxeViolations, pageHeading, screenshot, signIn, submit, useE2eOnDemoCase } from './helpers/browser.ts';

const demo = useE2eOnDemoCase('Okafor');

/** Every page A4 portrait (595.28 by 841.89 points, to within a point), each with the marking at its head and its foot. */
function assertA4WithMarkingOnEveryPage(pages: readonly PdfPageText[], name: string): void {
  assert.ok(pages.length > 1, `${name}: more than one page, so that the marking is seen to repeat (${String(pages.length)})`);
  pages.forEach((page, index) => {
    assert.ok(Math.abs(page.width - 595.28) < 1 && Math.abs(page.height - 841.89) < 1, `${name} page ${String(index + 1)} is A4 portrait (${String(page.width)} by ${String(page.height)})`);
    const lines = page.text.split('\n');
    assert.ok(lines.filter((line) => line.trim() === 'OFFICIAL-SENSITIVE').length >= 2, `${name} page ${String(index + 1)} carries OFFICIAL-SENSITIVE at its head and foot`);
    assert.match(page.text, new RegExp(`Page\\s*${String(index + 1)}\\s*of\\s*${String(pages.length)}`), `${name} page ${String(index + 1)} is numbered`);
  });
}

describe('printing for a conference or court', () => {
  let page: Page;
  before(async () => {
    page = await demo.signedInPage('health-visitor@demo.example');
  });

  test('the case page leads to the printable summary and profile, each passing axe, marked at the top and the bottom, with the PDF offered', async () => {
    await page.goto(`/cases/${demo.caseId}`);
    const summary = await submit(page, page.locator('[data-qa="print-links"] a', { hasText: 'the case summary' }));
    assert.equal(summary.status(), 200);
    assert.equal(await pageHeading(page), 'Ruby Okafor');
    assert.deepEqual(await page.locator('[data-qa="marking"]').allInnerTexts(), ['OFFICIAL-SENSITIVE', 'OFFICIAL-SENSITIVE']);
    assert.equal(await page.locator('[data-qa="pdf-link"]').getAttribute('href'), `/cases/${demo.caseId}/print/summary.pdf`);
    await expectNoAxeViolations(page);
    await page.goto(`/cases/${demo.caseId}`);
    await submit(page, page.locator('[data-qa="print-links"] a', { hasText: 'the whole profile' }));
    assert.match(await page.locator('[data-qa="printed-by"]').innerText(), /^Printed by Claire Dobson, Northfield Health Visiting Team, on /);
    await expectNoAxeViolations(page);
  });

  test("the browser's own print of the profile is A4 portrait, several sheets, OFFICIAL-SENSITIVE at the head and foot of each and without the service's menus", async () => {
    await page.goto(`/cases/${demo.caseId}/print/profile`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.govuk-template__header').isVisible(), false, 'no menus on paper');
    assert.equal(await page.locator('[data-qa="how-to-print"]').isVisible(), false, 'no instructions on paper');
    await screenshot(page, 'print-profile-as-printed');
    await page.emulateMedia({ media: 'screen' });
    assertA4WithMarkingOnEveryPage(pdfPages(await page.pdf({ format: 'A4' })), 'the printed profile');
  });

  test('the PDF made on the server from the same page is A4 with the marking on every page', async (t) => {
    if (!demo.e2e.testApp.ctx.config.chromiumPath) return t.skip('no Chromium for the server to make PDFs with');
    for (const kind of ['profile', 'summary']) {
      const response = await page.request.get(`/cases/${demo.caseId}/print/${kind}.pdf`);
      assert.equal(response.status(), 200, kind);
      assert.equal(response.headers()['content-type'], 'application/pdf');
      assert.match(response.headers()['content-disposition'] ?? '', new RegExp(`^attachment; filename="${kind === 'profile' ? 'infant-care-profile' : 'case-summary'}-ruby-okafor-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`));
      const pages = pdfPages(await response.body());
      assertA4WithMarkingOnEveryPage(pages, `the ${kind} PDF`);
      assert.match(pages[0]!.text, /Ruby Okafor/);
      assert.match(pages.at(-1)!.text, /Printed by Claire Dobson, Northfield Health Visiting Team, on /);
      assert.doesNotMatch(pages.map((p) => p.text).join('\n'), /Sign out|download it as a PDF/, 'only what is printed');
    }
  });
});

describe('the printable pages without JavaScript, on a phone', () => {
  test('the profile and the summary pass axe at 375 px, and work with JavaScript off', async () => {
    const narrow = await demo.signedInPage('health-visitor@demo.example', { viewport: { width: 375, height: 800 } });
    for (const kind of ['summary', 'profile']) {
      const response = await narrow.goto(`/cases/${demo.caseId}/print/${kind}`);
      assert.equal(response?.status(), 200);
      await expectNoAxeViolations(narrow);
    }
    const noScript = await demo.signedInPage('health-visitor@demo.example', { javaScriptEnabled: false });
    const response = await noScript.goto(`/cases/${demo.caseId}/print/summary`);
    assert.equal(response?.status(), 200);
    assert.equal(await pageHeading(noScript), 'Ruby Okafor');
    assert.equal(await noScript.locator('[data-qa="marking"]').count(), 2);
  });
});

describe('a server without a browser to make PDFs', () => {
  test('the PDF address answers 503 with a page, passing axe, that leads back to the printable page', async () => {
    const bare = await createTestApp({ env: { CHROMIUM_PATH: 'none' } });
    try {
      await bare.app.listen({ port: 0, host: '127.0.0.1' });
      const user = await makeUser(bare.ctx);
      const { id } = await makeCase(bare.ctx, { familyName: 'Papers', teamUserIds: [user.id] });
      const context = await demo.e2e.browser.newContext({ baseURL: `http://127.0.0.1:${String((bare.app.server.address() as AddressInfo).port)}` });
      try {
        const page = await context.newPage();
        await signIn(page, user.email, TEST_PASSWORD);
        const response = await page.goto(`/cases/${id}/print/summary.pdf`);
        assert.equal(response?.status(), 503);
        assert.equal(await pageHeading(page), 'Print to PDF from your browser');
        await expectNoAxeViolations(page);
        await submit(page, page.getByRole('link', { name: 'printable page' }));
        assert.equal(new URL(page.url()).pathname, `/cases/${id}/print/summary`);
        assert.equal(await page.locator('[data-qa="pdf-link"]').count(), 0);
      } finally {
        await context.close();
      }
    } finally {
      await bare.close();
    }
  });
});
