// The case page's clocks in a real browser with axe (issue 13), one in each state: an unborn baby
// referred to children's social care, with a strategy discussion the same day. The decision on the
// referral and the pre-birth strategy discussion are met; the assessment (45 working days from the
// referral) is due soon; the initial conference (15 working days from the strategy discussion) is
// overdue; the pre-birth conference (by 28 weeks, or at least 10 weeks before the due date) is due.
// Days come from the test clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import { addDays, dayInWords } from '../src/domain/shared/calendar-date.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { addWorkingDays } from '../src/domain/timescales/working-days.ts';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../test/helpers/factories.ts';
import { screenshot, signIn, useE2e } from './helpers/browser.ts';
import { visit } from './helpers/page-checks.ts';

let user: { email: string; password: string };
let caseId: string;
let referredOn: string;

const e2e = useE2e(async () => {
  const { ctx, clock } = e2e.testApp;
  const today = serviceToday(clock.now());
  const socialCare = await makeOrganisation(ctx, 'childrens-social-care', 'Eastvale Children’s Social Care');
  const worker = await makeUser(ctx, { organisationId: socialCare.id, name: 'Sol Worker' });
  user = worker;
  caseId = (await makeCase(ctx, { familyName: 'Clockwell', teamUserIds: [worker.id] })).id;
  // 20 weeks of pregnancy today: the referral, some weeks ago, came during the pregnancy.
  await ctx.db.updateTable('cases').set({ status: 'unborn', given_name: null, date_of_birth: null, expected_delivery_date: addDays(today, 20 * 7) }).where('id', '=', caseId).execute();
  // The assessment falls due 2 working days from today: due soon.
  referredOn = addWorkingDays(addWorkingDays(today, 2), -45);
  for (const [kind, summary] of [
    ['referral', 'Referral from the midwife: domestic abuse disclosed at booking'],
    ['strategy-discussion', 'Strategy discussion: section 47 enquiries to start'],
  ] as const) {
    const recorded = await recordEntry(ctx, actorFor(worker), caseId, { kind, occurredAt: referredOn, summary, source: 'agency-record' });
    assert.ok(recorded.ok, JSON.stringify(recorded));
  }
});

describe('the case page’s clocks', () => {
  test('every state: met, due soon, overdue and due, each with its tag', async () => {
    const page = await e2e.newPage();
    await signIn(page, user.email, user.password);
    await visit(page, `/cases/${caseId}`, { status: 200, heading: 'Unborn baby Clockwell' });
    const status = async (id: string) => (await page.locator(`[data-qa="clock-${id}"] td`).nth(3).innerText()).trim();
    assert.equal(await status('referral-decision'), `Met\nMet on ${dayInWords(referredOn)}`);
    assert.equal(await status('pre-birth-strategy-discussion'), `Met\nMet on ${dayInWords(referredOn)}`);
    assert.equal(await status('assessment'), 'Due soon');
    assert.equal(await status('initial-conference'), 'Overdue');
    assert.equal(await status('pre-birth-conference'), 'Due');
    const due = (await page.locator('[data-qa="clock-initial-conference"] td').nth(2).innerText()).trim();
    assert.equal(due, dayInWords(addWorkingDays(referredOn, 15)));
    await screenshot(page, 'case-clocks');
  });

  test('on a narrow screen', async () => {
    const page = await e2e.newPage({ viewport: { width: 320, height: 800 } });
    await signIn(page, user.email, user.password);
    await visit(page, `/cases/${caseId}`, { status: 200, heading: 'Unborn baby Clockwell' });
    await screenshot(page, 'case-clocks-narrow');
  });
});
