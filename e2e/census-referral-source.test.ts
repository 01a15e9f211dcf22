// Who referred, and the census return, in a real browser with axe (issue 16): the social worker
// records a referral on a demo case, choosing the census source on the entry form (which passes axe),
// and the entry's page and the list of the case's referrals show it; after an assessment is completed the team manager's census return
// shows the row with that source. Days from the test clock.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { apiTokenFor } from '../test/helpers/factories.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { expectNoAxeViolations, signIn, submit, useE2e } from './helpers/browser.ts';

let today: string;
let caseId: string;

const e2e = useE2e(async () => {
  const { ctx } = e2e.testApp;
  today = serviceToday(e2e.testApp.clock.now());
  const social = await ctx.db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select('case_team.case_id')
    .where('users.email', '=', 'social-worker@demo.example')
    .orderBy('case_team.case_id')
    .executeTakeFirstOrThrow();
  caseId = social.case_id;
});

describe('the referral source and the census return', () => {
  let page: Page;
  before(async () => {
    page = await e2e.newPage();
    await signIn(page, 'social-worker@demo.example');
  });

  test('the entry form offers the census list, passes axe, and the referral’s page shows the source chosen', async () => {
    await page.goto(`/cases/${caseId}/chronology/new`);
    assert.equal(await page.locator('#referralSource').inputValue(), '', 'children’s social care starts at not recorded');
    await page.locator('#kind').selectOption('referral');
    const [year, month, day] = today.split('-');
    await page.locator('#occurred-day').fill(String(Number(day)));
    await page.locator('#occurred-month').fill(String(Number(month)));
    await page.locator('#occurred-year').fill(year!);
    await page.locator('#summary').fill('The GP referred: the mother told her she cannot cope');
    await page.locator('input[name="source"][value="agency-record"]').check();
    await page.locator('#referralSource').selectOption('3A');
    await expectNoAxeViolations(page);
    await submit(page, page.locator('[data-qa="save-entry"]'));
    assert.match(await page.locator('[data-qa="entry-detail"]').innerText(), /Who referred \(census\)\s+3A Health services: GP/);
    await expectNoAxeViolations(page);
    await page.goto(`/cases/${caseId}/chronology?kind=referral`);
    assert.ok((await page.locator('[data-qa="referral-source"]').allInnerTexts()).includes('Who referred (census): 3A Health services: GP'));
    await expectNoAxeViolations(page);
  });

  test('the census return shows the row with its source and passes axe', async () => {
    const { app, ctx } = e2e.testApp;
    const completed = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/events`,
      headers: { authorization: `Bearer ${await apiTokenFor(ctx, 'social-worker@demo.example')}` },
      payload: { kind: 'assessment-completed', occurredAt: today, summary: 'Assessment completed', source: 'professional-judgement' },
    });
    assert.equal(completed.statusCode, 201, completed.body);
    const manager = await e2e.newPage();
    await signIn(manager, 'manager@demo.example');
    await manager.goto(`/reports/cin-census?from=${today}&to=${today}`);
    const sources = await manager.locator('[data-qa="census-row"] [data-qa="census-source"]').allInnerTexts();
    assert.ok(sources.includes('3A Health services: GP'), sources.join(' | '));
    await expectNoAxeViolations(manager);
  });
});
