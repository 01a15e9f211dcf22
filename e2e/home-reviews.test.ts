// "My cases" with every kind of profile review in a real browser: each tag colour passes axe, on a
// wide screen and a narrow one; with each case's most pressing timescale (one overdue, one due
// soon), and the list ordered and filtered by them through the form, without JavaScript's help;
// what needs action first with the findings' tags; a safeguarding lead's home page listing their
// organisation's cases, at 375 px with JavaScript on and off.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import { actorFor, makeCase, makeUser } from '../test/helpers/factories.ts';
import { pageHeading, screenshot, signIn, useE2e } from './helpers/browser.ts';
import { visit } from './helpers/page-checks.ts';

let user: { email: string; password: string };
let overdueCaseId: string;
let lead: { email: string; password: string };

const e2e = useE2e(async () => {
  const { ctx } = e2e.testApp;
  const made = await makeUser(ctx, { name: 'Rhian Reviews' });
  user = made;
  // The test clock starts on 22 November 2026.
  const cases: [string, string, string | null][] = [
    ['Overdue', 'child-protection', '2026-10-01T10:00:00Z'],
    ['Never', 'universal', null],
    ['Soon', 'child-protection', '2026-11-01T10:00:00Z'],
    ['Later', 'universal', '2026-11-01T10:00:00Z'],
  ];
  const ids = new Map<string, string>();
  for (const [familyName, level, reviewedAt] of cases) {
    const { id } = await makeCase(ctx, { familyName, teamUserIds: [made.id] });
    ids.set(familyName, id);
    await ctx.db
      .updateTable('cases')
      .set({ level, profile_reviewed_at: reviewedAt === null ? null : new Date(reviewedAt) })
      .where('id', '=', id)
      .execute();
  }
  // Strategy discussions start the initial conference's clock (15 working days): on Monday 26
  // October it was due on 16 November, overdue by 4 working days on Sunday 22 November; on Monday
  // 2 November it is due on Monday 23 November, due soon.
  const strategy = async (familyName: string, occurredAt: string) =>
    assert.ok((await recordEntry(ctx, actorFor(made), ids.get(familyName)!, { kind: 'strategy-discussion', occurredAt, summary: 'Strategy discussion: section 47 enquiries', source: 'agency-record' })).ok);
  await strategy('Later', '2026-10-26');
  await strategy('Soon', '2026-11-02');
  overdueCaseId = ids.get('Later')!;
  // The latest version of 'Never' left a critical finding and a high one; of 'Overdue', two high.
  const storeFindings = async (familyName: string, severities: ('critical' | 'high')[]) => {
    const caseId = ids.get(familyName)!;
    const { profile_version } = await ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow();
    const findings = severities.map((severity, index) => ({ id: `finding-${index}`, severity, rationale: 'Set by the test' }));
    await ctx.db
      .insertInto('profile_versions')
      .values({ case_id: caseId, version: profile_version + 1, changed_at: ctx.clock.now(), changed_by: null, factor_id: null, subject_key: null, change: JSON.stringify({}), changed_by_name: null, why: null, findings: JSON.stringify(findings) })
      .execute();
    await ctx.db.updateTable('cases').set({ profile_version: profile_version + 1 }).where('id', '=', caseId).execute();
  };
  await storeFindings('Never', ['critical', 'high']);
  await storeFindings('Overdue', ['high', 'high']);
  // A safeguarding lead of Rhian's organisation oversees her four cases.
  lead = await makeUser(ctx, { organisationId: made.organisationId, role: 'safeguarding-lead', name: 'Sita Lead' });
});

describe('my cases with profile reviews', () => {
  test('every review state, the most pressing first', async () => {
    const page = await e2e.newPage();
    await signIn(page, user.email, user.password);
    await visit(page, '/?order=review', { status: 200, heading: 'My cases' });
    const reviews = await page.locator('[data-qa="profile-review"]').allInnerTexts();
    assert.deepEqual(
      reviews.map((text) => text.trim()),
      ['Overdue: was due 29 October 2026', 'Not yet reviewed', 'Review due 29 November 2026', 'Review due 31 January 2027'],
    );
    assert.equal((await page.locator('[data-qa="review-summary"]').innerText()).trim(), '1 profile review is overdue and 1 profile has not been reviewed yet.');
    const clocks = await page.locator('[data-qa="clock"]').allInnerTexts();
    assert.deepEqual(
      clocks.map((text) => text.trim()),
      ['No timescale running', 'No timescale running', 'Initial child protection conference due in 1 working day', 'Initial child protection conference overdue by 4 working days'],
    );
    assert.equal((await page.locator('[data-qa="clock-summary"]').innerText()).trim(), '1 case has a timescale overdue.');
    await screenshot(page, 'home-profile-reviews');
  });

  test('what needs action first: critical, then high, then the overdue timescale, then the soonest due', async () => {
    const page = await e2e.newPage();
    await signIn(page, user.email, user.password);
    await visit(page, '/', { status: 200, heading: 'My cases' });
    const babies = await page.locator('[data-qa="my-cases"] tbody tr td:first-child').allInnerTexts();
    assert.deepEqual(babies.map((text) => text.trim()), ['Test Never', 'Test Overdue', 'Test Later', 'Test Soon']);
    const findings = await page.locator('[data-qa="findings"]').allInnerTexts();
    assert.match(findings[0]!, /1 critical finding\s+2 findings in all/);
    assert.equal(findings[1]!.trim(), '2 high findings');
    assert.equal((await page.locator('[data-qa="findings-summary"]').innerText()).trim(), '1 case has a critical finding and 1 case has a high finding.');
    await screenshot(page, 'home-action-first');
  });

  test('overdue timescales first, then only the cases with one overdue, through the form', async () => {
    const page = await e2e.newPage();
    await signIn(page, user.email, user.password);
    await visit(page, '/', { status: 200, heading: 'My cases' });
    await page.getByLabel('Overdue timescales first').check();
    await page.getByRole('button', { name: 'Show cases' }).click();
    await page.waitForURL(/order=clocks/);
    const first = page.locator('[data-qa="my-cases"] tbody tr').first();
    assert.match(await first.innerText(), /overdue by 4 working days/);
    await page.getByLabel('Only cases with a timescale overdue').check();
    await page.getByRole('button', { name: 'Show cases' }).click();
    await visit(page, page.url(), { status: 200, heading: 'My cases' });
    const links = await page.locator('[data-qa="my-cases"] a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, [`/cases/${overdueCaseId}`]);
    await screenshot(page, 'home-overdue-timescales');
  });

  test('a safeguarding lead sees their organisation’s cases, at 375 px with JavaScript on and off', async () => {
    const page = await e2e.newPage({ viewport: { width: 375, height: 800 } });
    await signIn(page, lead.email, lead.password);
    await visit(page, '/', { status: 200, heading: 'Your organisation’s cases' });
    const who = await page.locator('[data-qa="role"]').allInnerTexts();
    assert.deepEqual(who.map((text) => text.trim()), ['Rhian Reviews (lead professional)', 'Rhian Reviews (lead professional)', 'Rhian Reviews (lead professional)', 'Rhian Reviews (lead professional)']);
    await screenshot(page, 'home-organisation-narrow');

    const noScript = await e2e.newPage({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    await signIn(noScript, lead.email, lead.password);
    await noScript.getByLabel('Most pressing profile review first').check();
    await noScript.getByRole('button', { name: 'Show cases' }).click();
    await noScript.waitForURL(/order=review/);
    assert.equal(await pageHeading(noScript), 'Your organisation’s cases');
    const first = await noScript.locator('[data-qa="profile-review"]').first().innerText();
    assert.equal(first.trim(), 'Overdue: was due 29 October 2026');
  });

  test('on a narrow screen', async () => {
    const page = await e2e.newPage({ viewport: { width: 320, height: 800 } });
    await signIn(page, user.email, user.password);
    await visit(page, '/', { status: 200, heading: 'My cases' });
    await screenshot(page, 'home-profile-reviews-narrow');
  });
});
