// The settings page's period for released subject access disclosures (docs/adr/0014): shown in
// "Keeping records" with its default and where the default comes from (marked unconfirmed); a period
// under a year refused in the error summary with what was typed kept; a longer one saved.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeUser } from '../../../../test/helpers/factories.ts';
import { summaryErrors } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const KEY = 'retention.releasedDisclosureKeepYears';

describe('the settings page: how long a released disclosure is kept', () => {
  let t: TestApp;
  let admin: WebClient;
  before(async () => {
    t = await createTestApp();
    admin = await WebClient.signedIn(t.app, await makeUser(t.ctx, { role: 'admin' }));
  });
  after(async () => t.close());

  const valueOn = (html: string) => /value="([^"]*)"/.exec(new RegExp(`<input[^>]*name="${KEY.replaceAll('.', '\\.')}"[^>]*>`).exec(html)?.[0] ?? '')?.[1];

  it('shows it with its default and source, refuses less than a year keeping what was typed, and saves a longer period', async () => {
    const page = await admin.get('/admin/settings');
    assert.equal(page.statusCode, 200);
    assert.equal(valueOn(page.body), '3');
    assert.match(page.body, /Released subject access disclosures: keep for/);
    assert.match(page.body, /Records Management Code of Practice 2021 \(NHS\), retention schedule, subject access requests: 3 years after the request is closed[^<]*not confirmed against the code’s own schedule/);
    const refused = await admin.post('/admin/settings', { [KEY]: '0' });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body).map((error) => error.replace(/^#[^:]+: /, '')), ['Released subject access disclosures: keep for: must be 1 to 20']);
    assert.equal(valueOn(refused.body), '0');
    assert.equal((await admin.post('/admin/settings', { [KEY]: '6' })).statusCode, 303);
    assert.equal(valueOn((await admin.get('/admin/settings')).body), '6');
  });
});
