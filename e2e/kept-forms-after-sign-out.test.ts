// A chronology entry typed in one tab, the user signed out in another, then saved in the first: the
// sign-in page says it was kept, and after signing in again the form is back with what was typed,
// saved by nothing (JavaScript on, with axe, and off). Kept forms: src/web/plugins/kept-forms.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { DEMO_PASSWORD } from '../src/application/demo/demo-partnership.ts';

const demo = useE2eOnDemoCase('Okafor');

for (const javaScriptEnabled of [true, false]) {
  describe(`a chronology entry saved after signing out in another tab, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test('is kept while the user signs in again, then found on the form to check and save', async () => {
      const entryUrl = `/cases/${demo.caseId}/chronology/new`;
      const page = await demo.signedInPage('health-visitor@demo.example', { javaScriptEnabled });
      await page.goto(entryUrl);
      const summary = `Mum rang: the cot mattress is damp (${javaScriptEnabled ? 'on' : 'off'})`;
      await page.locator('#kind').selectOption('information-from-family');
      await page.locator('#summary').fill(summary);

      const otherTab = await page.context().newPage();
      await otherTab.goto('/');
      await submit(otherTab, otherTab.locator('[data-qa="sign-out"]'));
      assert.equal(new URL(otherTab.url()).pathname, '/signed-out');
      await otherTab.close();

      await submit(page, page.getByRole('button', { name: 'Save entry' }));
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      assert.match(await page.locator('[data-qa="form-kept-banner"]').innerText(), /what you typed has been kept/);
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await page.locator('#email').fill('health-visitor@demo.example');
      await page.locator('#password').fill(DEMO_PASSWORD);
      await submit(page, page.getByRole('button', { name: 'Sign in', exact: true }));
      assert.equal(new URL(page.url()).pathname, entryUrl);
      assert.equal(await page.locator('#kind').inputValue(), 'information-from-family');
      assert.equal(await page.locator('#summary').inputValue(), summary);
      assert.match(await page.locator('[data-qa="kept-form-banner"]').innerText(), /You were signed out before this form was saved\. What you typed has been put back/);
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      const saved = await demo.e2e.testApp.ctx.db.selectFrom('chronology_entries').select('id').where('summary', '=', summary).execute();
      assert.equal(saved.length, 0, 'nothing saved until the user saves again');
    });
  });
}
