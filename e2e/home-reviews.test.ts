// "My cases" with every kind of profile review in a real browser: each tag colour passes axe, on a
// wide screen and a narrow one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeCase, makeUser } from '../test/helpers/factories.ts';
import { screenshot, signIn, startE2e, type E2e } from './helpers/browser.ts';
import { visit } from './helpers/page-checks.ts';

let e2e: E2e;
let user: { email: string; password: string };

before(async () => {
  e2e = await startE2e();
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
  for (const [familyName, level, reviewedAt] of cases) {
    const { id } = await makeCase(ctx, { familyName, teamUserIds: [made.id] });
    await ctx.db
      .updateTable('cases')
      .set({ level, profile_reviewed_at: reviewedAt === null ? null : new Date(reviewedAt) })
      .where('id', '=', id)
      .execute();
  }
});

after(async () => {
  await e2e?.close();
});

describe('my cases with profile reviews', () => {
  test('every review state, the most pressing first', async () => {
    const page = await e2e.newPage();
    await signIn(page, user.email, user.password);
    await visit(page, '/', { status: 200, heading: 'My cases' });
    const reviews = await page.locator('[data-qa="profile-review"]').allInnerTexts();
    assert.deepEqual(
      reviews.map((text) => text.trim()),
      ['Overdue: was due 29 October 2026', 'Not yet reviewed', 'Review due 29 November 2026', 'Review due 31 January 2027'],
    );
    assert.equal((await page.locator('[data-qa="review-summary"]').innerText()).trim(), '1 profile review is overdue and 1 profile has not been reviewed yet.');
    await screenshot(page, 'home-profile-reviews');
  });

  test('on a narrow screen', async () => {
    const page = await e2e.newPage({ viewport: { width: 320, height: 800 } });
    await signIn(page, user.email, user.password);
    await visit(page, '/', { status: 200, heading: 'My cases' });
    await screenshot(page, 'home-profile-reviews-narrow');
  });
});
