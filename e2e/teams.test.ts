// Teams within an organisation in a real browser, with axe (issue 16, docs/adr/0019-teams.md): the
// demo's team manager follows the home page's link to the organisation's teams, adds one (an empty
// name first: the error summary links to the field), puts the social worker in it, renames it and
// archives it; each page passes axe. The same forms work with JavaScript off.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations, pageHeading, signIn, submit, useE2e } from './helpers/browser.ts';
import { expectErrorSummary } from './helpers/page-checks.ts';

const e2e = useE2e();

describe('teams within an organisation', () => {
  test('a manager adds a team, puts someone in it, renames and archives it, and every page passes axe', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'manager@demo.example');
    await submit(page, page.locator('[data-qa="teams-link"]'));
    assert.equal(await pageHeading(page), 'Teams');
    assert.match(await page.locator('[data-qa="teams-explained"]').innerText(), /counts in the new team from then on/);
    await expectNoAxeViolations(page);

    const refused = await submit(page, page.getByRole('button', { name: 'Add team' }));
    assert.equal(refused.status(), 400);
    await expectErrorSummary(page, [{ text: 'Enter the name of the team', href: '#name' }]);
    await expectNoAxeViolations(page);
    await page.getByLabel('Name of the team').fill('Family support');
    await submit(page, page.getByRole('button', { name: 'Add team' }));
    assert.match(await page.locator('[data-qa="success-banner"]').innerText(), /Team added: Family support/);

    await submit(page, page.getByRole('link', { name: 'Change team of Tom Adeyemi' }));
    assert.equal(await pageHeading(page), 'Which team is Tom Adeyemi in?');
    await expectNoAxeViolations(page);
    await page.getByLabel('Family support').check();
    await submit(page, page.getByRole('button', { name: 'Save team' }));
    assert.match(await page.locator('[data-qa="success-banner"]').innerText(), /Tom Adeyemi is now in Family support/);

    await submit(page, page.getByRole('link', { name: 'Rename Family support' }));
    assert.equal(await pageHeading(page), 'Rename Family support');
    await expectNoAxeViolations(page);
    await page.getByLabel('New name of the team').fill('Family support and early help');
    await submit(page, page.getByRole('button', { name: 'Rename team' }));
    assert.match(await page.locator('[data-qa="success-banner"]').innerText(), /Family support is now Family support and early help/);

    await submit(page, page.getByRole('button', { name: 'Archive Family support and early help' }));
    assert.match(await page.locator('[data-qa="success-banner"]').innerText(), /Team archived: Family support and early help \(the 1 person in it is now in no team\)/);
    assert.match(await page.locator('[data-qa="archived-teams"]').innerText(), /Family support and early help/);
    await expectNoAxeViolations(page);
  });

  test('the forms work with JavaScript off', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await signIn(page, 'manager@demo.example');
    await page.goto('/teams');
    assert.equal(await pageHeading(page), 'Teams');
    await page.getByLabel('Name of the team').fill('Without script');
    await submit(page, page.getByRole('button', { name: 'Add team' }));
    assert.match(await page.locator('[data-qa="teams"]').innerText(), /Without script/);
  });
});
