import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

/** The value of the input named `name` on the page. */
function fieldValue(html: string, name: string): string | undefined {
  const input = new RegExp(`<input[^>]*name="${name.replaceAll('.', '\\.')}"[^>]*>`).exec(html)?.[0];
  return input === undefined ? undefined : (/value="([^"]*)"/.exec(input)?.[1] ?? '');
}

/** The links in the GOV.UK error summary, as "#id: message". */
function summaryErrors(html: string): string[] {
  const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((match) => `#${match[1]!}: ${match[2]!.replace(/&#39;|&quot;/g, '"')}`);
}

describe('the settings page', () => {
  let t: TestApp;
  let admin: WebClient;
  before(async () => {
    t = await createTestApp();
    const account = await makeUser(t.ctx, { role: 'admin', name: 'Ada Admin' });
    admin = new WebClient(t.app);
    await admin.signIn(account.email, account.password);
  });
  after(async () => t.close());

  it('shows every setting by group with its value in force and its default', async () => {
    const response = await admin.get('/admin/settings');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1[^>]*>The area’s settings<\/h1>/);
    for (const heading of ['The profile', 'Patterns in the chronology', 'Clocks (timescales)']) assert.match(response.body, new RegExp(`<h2[^>]*>${heading.replace(/[()]/g, '\\$&')}</h2>`));
    assert.equal(fieldValue(response.body, 'profile.preBirthMilestoneWeeks'), '28');
    assert.equal(fieldValue(response.body, 'chronology.unseenBands'), '6:28, 12:56');
    assert.match(response.body, /Default: 45\./);
  });

  it('saves a change, says so, and shows who made it', async () => {
    await admin.get('/admin/settings');
    const saved = await admin.post('/admin/settings', { 'profile.preBirthMilestoneWeeks': '30', 'timescales.preBirth.conferenceByWeek': '' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/admin/settings');
    const page = await admin.get('/admin/settings');
    assert.equal(textOf(qaElement(page.body, 'success-banner')), 'Success Settings saved.');
    assert.equal(qaElement((await admin.get('/admin/settings')).body, 'success-banner'), null, 'the banner is shown once');
    assert.equal(qaElement((await admin.get('/admin/settings?saved=2')).body, 'success-banner'), null, 'nor by an old bookmark');
    assert.equal(fieldValue(page.body, 'profile.preBirthMilestoneWeeks'), '30');
    assert.equal(fieldValue(page.body, 'timescales.preBirth.conferenceByWeek'), '');
    assert.match(page.body, /Last changed by Ada Admin/);
    const rows = await t.ctx.db.selectFrom('service_settings').select(['key', 'value']).orderBy('key').execute();
    assert.deepEqual(rows, [
      { key: 'profile.preBirthMilestoneWeeks', value: 30 },
      { key: 'timescales.preBirth.conferenceByWeek', value: null },
    ]);
  });

  it('says when a save changed nothing', async () => {
    const current = fieldValue((await admin.get('/admin/settings')).body, 'profile.preBirthMilestoneWeeks');
    assert.equal((await admin.post('/admin/settings', { 'profile.preBirthMilestoneWeeks': current ?? '' })).statusCode, 303);
    assert.equal(textOf(qaElement((await admin.get('/admin/settings')).body, 'success-banner')), 'Success Nothing changed: every setting was already as you saved it.');
  });

  it('keeps what was typed on an error, links each problem to its field, and stores nothing', async () => {
    await admin.get('/admin/settings');
    const response = await admin.post('/admin/settings', { 'profile.preBirthMilestoneWeeks': '30', 'timescales.assessmentWorkingDays': '46', 'chronology.unseenBands': '12:56, 6:28' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<title>Error: /);
    assert.deepEqual(summaryErrors(response.body), [
      '#chronology-unseenBands: Longest a baby may go unseen by a professional, by age: put the bands youngest first, each older than the one before ("6:28")',
      '#timescales-assessmentWorkingDays: Assessment after a referral: must be 1 to 45',
    ]);
    assert.equal(fieldValue(response.body, 'timescales.assessmentWorkingDays'), '46');
    assert.equal(fieldValue(response.body, 'chronology.unseenBands'), '12:56, 6:28');
    assert.match(response.body, /id="timescales-assessmentWorkingDays"/);
    const stored = await t.ctx.db.selectFrom('service_settings').select('key').where('key', 'in', ['timescales.assessmentWorkingDays', 'chronology.unseenBands']).execute();
    assert.deepEqual(stored, []);
  });

  it('gives back a long value exactly as typed, never cut', async () => {
    await admin.get('/admin/settings');
    const typed = `${'4'.repeat(700)}x`;
    const response = await admin.post('/admin/settings', { 'timescales.assessmentWorkingDays': typed });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#timescales-assessmentWorkingDays: Assessment after a referral: enter a whole number, 1 to 45']);
    assert.equal(fieldValue(response.body, 'timescales.assessmentWorkingDays'), typed);
  });

  it('refuses a practitioner, page and form, and changes nothing', async () => {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    assert.equal((await client.get('/admin/settings')).statusCode, 403);
    await client.get('/');
    const response = await client.post('/admin/settings', { 'profile.lateBookingAfterWeeks': '20' });
    assert.equal(response.statusCode, 403);
    const stored = await t.ctx.db.selectFrom('service_settings').select('key').where('key', '=', 'profile.lateBookingAfterWeeks').execute();
    assert.deepEqual(stored, []);
  });
});
