// A factor assessment received in a transfer, in a real browser with axe: the profile page marks it
// as the sending area's, not yet confirmed here, and says what to do; the factor's page says who
// assessed it; saving it here makes it this area's own. The pack is made by this instance from a demo
// case and received by another practitioner as a different baby.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiTokenFor } from '../test/helpers/factories.ts';
import { expectNoAxeViolations, firstDemoLedCase, signIn, submit, useE2e } from './helpers/browser.ts';

let page: Page;
let caseId: string;
let factorUrl: string;

const e2e = useE2e(async () => {
  const { ctx, app } = e2e.testApp;
  const lead = await firstDemoLedCase(e2e, 'social-worker@demo.example');
  const leadToken = await apiTokenFor(ctx, lead.email);
  const send = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
    app.inject({ method, url: `/api/v1/cases/${lead.caseId}/${path}`, headers: { authorization: `Bearer ${leadToken}`, accept: 'application/json' }, ...(payload ? { payload } : {}) });
  const { factors } = (await send('GET', 'profile')).json<{ factors: { factorId: string; subject: string; version: number }[] }>();
  const housing = factors.find((f) => f.factorId === 'housing-instability' && f.subject === 'household')!;
  const assessed = await send('PUT', 'profile/factors/housing-instability', { status: 'excluded', evidence: [{ source: 'observed', note: 'Settled flat, seen on the visit' }], version: housing.version });
  assert.equal(assessed.statusCode, 200, assessed.body);
  const sent = await send('POST', 'transfer', { toArea: 'Northshire County Council', contact: 'Rita Receiver' });
  assert.equal(sent.statusCode, 201, sent.body);
  const reason = encodeURIComponent('Checked with the GP: not this baby');
  const received = await app.inject({
    method: 'POST',
    url: `/api/v1/transfers?confirmedNoDuplicate=true&checkedCaseIds=${lead.caseId}&differentBabyReason=${reason}`,
    headers: { authorization: `Bearer ${await apiTokenFor(ctx, 'social-worker@demo.example')}`, 'content-type': 'application/fhir+json' },
    payload: sent.body,
  });
  assert.equal(received.statusCode, 201, received.body);
  caseId = received.json<{ caseId: string }>().caseId;
  factorUrl = `/cases/${caseId}/profile/household/housing-instability`;
  page = await e2e.newPage();
  await signIn(page, 'social-worker@demo.example');
});

describe('a received factor assessment, not yet confirmed here', () => {
  test('the profile page marks it and says what to do, and the factor page says who assessed it, both passing axe; saved here, it is no longer marked', async () => {
    await page.goto(`/cases/${caseId}/profile`);
    assert.match(await page.locator('[data-qa="received-unconfirmed"]').innerText(), /made by another area.*\n*.*confirm it on what you have seen, with your evidence, or re-assess it/);
    assert.match(await page.locator('#subject-household ~ .govuk-task-list .govuk-task-list__hint').filter({ hasText: 'not yet confirmed here' }).first().innerText(), /Assessed by .+, received \d{1,2} \w+ \d{4}: not yet confirmed here/);
    await expectNoAxeViolations(page);
    await page.goto(factorUrl);
    assert.match(await page.locator('[data-qa="received"]').innerText(), /Not yet confirmed here\s+Assessed by .+ and received in a transfer on \d{1,2} \w+ \d{4}/);
    await expectNoAxeViolations(page);

    // Saved here with what was seen, it is this area's own and no longer marked.
    await page.locator('#evidenceNote').fill('Seen at our first visit');
    await page.locator('#evidenceSource').check();
    await submit(page, page.locator('[data-qa="save-factor"]'));
    assert.match(page.url(), /\/profile#subject-/);
    await page.goto(factorUrl);
    assert.equal(await page.locator('[data-qa="received"]').count(), 0);
  });
});
