// "Who has looked at this record" in a real browser: the emergency access and the refused attempt
// first, tagged, under a warning, grouped by person; axe on a wide screen and at 375 px; the filters
// work through the form with JavaScript off and stay in the address.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openInEmergency } from '../src/application/cases/emergency-access.ts';
import { viewCase } from '../src/application/cases/view-case.ts';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../test/helpers/factories.ts';
import { pageHeading, screenshot, signIn, useE2e } from './helpers/browser.ts';
import { visit } from './helpers/page-checks.ts';

let lead: { id: string; email: string; password: string };
let caseId: string;

const e2e = useE2e(async () => {
  const { ctx } = e2e.testApp;
  const police = await makeOrganisation(ctx, 'police', 'Eastfield Police');
  lead = await makeUser(ctx, { name: 'Lena Lead' });
  const member = await makeUser(ctx, { name: 'Max Member' });
  const officer = await makeUser(ctx, { organisationId: police.id, name: 'Otto Officer' });
  ({ id: caseId } = await makeCase(ctx, { familyName: 'Looked', teamUserIds: [lead.id, member.id] }));
  assert.ok((await viewCase(ctx, actorFor(member), caseId)).ok);
  assert.equal((await viewCase(ctx, actorFor(officer), caseId)).ok, false);
  assert.ok((await openInEmergency(ctx, actorFor(officer), caseId, 'Police at the door at night, a baby crying and nobody answering')).ok);
});

describe('who has looked at this record', () => {
  test('emergency access and refused attempts first, on a wide screen and at 375 px', async () => {
    const page = await e2e.newPage();
    await signIn(page, lead.email, lead.password);
    await visit(page, `/cases/${caseId}/looks`, { status: 200, heading: 'Who has looked at this record' });
    assert.match(await page.locator('[data-qa="looks-warning"]').innerText(), /1 emergency access and 1 refused attempt in this period/);
    const rows = await page.locator('[data-qa="look"]').allInnerTexts();
    assert.match(rows[0]!, /Otto Officer[\s\S]*Emergency access[\s\S]*Opened the record in an emergency/);
    assert.match(rows[1]!, /Otto Officer[\s\S]*Refused[\s\S]*Opened the record/);
    assert.doesNotMatch(await page.locator('main').innerText(), /case\.view|break-glass/);
    await screenshot(page, 'looks');

    const narrow = await e2e.newPage({ viewport: { width: 375, height: 800 } });
    await signIn(narrow, lead.email, lead.password);
    await visit(narrow, `/cases/${caseId}/looks`, { status: 200, heading: 'Who has looked at this record' });
    await screenshot(narrow, 'looks-narrow');
  });

  test('filters by kind and period through the form without JavaScript', async () => {
    const page = await e2e.newPage({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    await signIn(page, lead.email, lead.password);
    await page.goto(`/cases/${caseId}/looks`);
    await page.getByLabel('Refused attempts').check();
    await page.getByLabel('Last 7 days').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/kind=refused/);
    assert.match(page.url(), /period=week/);
    assert.equal(await pageHeading(page), 'Who has looked at this record');
    const rows = await page.locator('[data-qa="look"]').allInnerTexts();
    assert.equal(rows.length, 1);
    assert.match(rows[0]!, /Otto Officer[\s\S]*Refused/);
    assert.equal(await page.getByLabel('Refused attempts').isChecked(), true);
  });
});
