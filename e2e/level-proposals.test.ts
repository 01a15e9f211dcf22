// Proposing a change of level and answering it, in a real browser with axe: the GP (who may not
// change the level) is refused and proposes instead; the health visitor, lead professional, answers
// on the case page (docs/domain.md, Levels of support).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, submit, useE2eOnDemoCase } from './helpers/browser.ts';
import { expectErrorSummary, visit } from './helpers/page-checks.ts';

const demo = useE2eOnDemoCase('Hartley');

describe('a proposal to change the level, and its answer', () => {
  let gp: Page;
  let lead: Page;
  before(async () => {
    gp = await demo.signedInPage('gp@demo.example');
    lead = await demo.signedInPage('health-visitor@demo.example');
  });

  test('the GP is refused the level, proposes instead, and the form keeps what was typed', async () => {
    await visit(gp, `/cases/${demo.caseId}/profile/level`, { status: 200, heading: 'Change the level of support' });
    await gp.locator('input[name="level"][value="early-help"]').check();
    await gp.locator('#why').fill('Dad is drinking again, mum is struggling');
    const refused = await submit(gp, gp.getByRole('button', { name: 'Change level' }));
    assert.equal(refused.status(), 403);
    await expectErrorSummary(gp, [{ text: 'Only the lead professional, or a safeguarding lead or manager of an organisation in the team, can change the level between universal and early help. Propose the change instead, for the lead professional or a safeguarding lead to answer.', href: '#level' }]);
    assert.equal(await gp.locator('#why').inputValue(), 'Dad is drinking again, mum is struggling');
    await expectNoAxeViolations(gp);

    await submit(gp, gp.getByRole('link', { name: 'Propose this change instead' }));
    assert.equal(await gp.locator('h1').innerText(), 'Propose a change of level');
    await expectNoAxeViolations(gp);
    await gp.locator('#reason').fill('Dad is drinking again, mum is struggling');
    const empty = await submit(gp, gp.getByRole('button', { name: 'Send the proposal' }));
    assert.equal(empty.status(), 400);
    await expectErrorSummary(gp, [{ text: 'Select the level you propose', href: '#level' }]);
    assert.equal(await gp.locator('#reason').inputValue(), 'Dad is drinking again, mum is struggling');
    await expectNoAxeViolations(gp);
    await gp.locator('input[name="level"][value="early-help"]').check();
    await submit(gp, gp.getByRole('button', { name: 'Send the proposal' }));
    assert.equal(await gp.locator('h1').innerText(), 'Review and decisions');
    assert.match(await gp.locator('[data-qa="proposal-open"]').innerText(), /From universal to early help[\s\S]*Dad is drinking again[\s\S]*Waiting for the lead professional/);
    await expectNoAxeViolations(gp);
  });

  test('the lead professional answers on the case page: a decline needs a reason; accepted, the level changes and the GP sees it', async () => {
    await visit(lead, `/cases/${demo.caseId}`, { status: 200, heading: 'Leo Hartley' });
    const section = lead.locator('[data-qa="case-level-proposal"]');
    assert.match(await section.innerText(), /From universal to early help/);
    await expectNoAxeViolations(lead);
    await section.locator('input[name="answer"][value="decline"]').check();
    const noReason = await submit(lead, section.getByRole('button', { name: 'Save the answer' }));
    assert.equal(noReason.status(), 409);
    await expectErrorSummary(lead, [{ text: 'Say why you are declining the proposal: the person who proposed it will see it.', href: '#reason' }]);
    assert.ok(await lead.locator('input[name="answer"][value="decline"]').isChecked());
    await expectNoAxeViolations(lead);
    await lead.locator('input[name="answer"][value="accept"]').check();
    await lead.locator('#reason').fill('Agreed: early help assessment with the family');
    await submit(lead, lead.getByRole('button', { name: 'Save the answer' }));
    assert.equal(await lead.locator('h1').innerText(), 'Review and decisions');
    assert.match(await lead.locator('[data-qa="review-summary"]').innerText(), /Early help/);

    await gp.goto(`/cases/${demo.caseId}/profile/review`);
    assert.match(await gp.locator('[data-qa="proposal-accepted"]').innerText(), /Accepted[\s\S]*Claire Dobson: Agreed: early help assessment/);
    await expectNoAxeViolations(gp);
  });
});
