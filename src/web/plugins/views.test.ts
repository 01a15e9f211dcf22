// reply.page (views.ts) settles only once the page has been sent: a handler returns it, and Fastify
// sends again whatever a handler's promise settles with while the reply is still going through its
// onSend hooks (the session is saved there). A second send is a warning naming the URL in the log and
// a reply written twice, or a page lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';

describe('reply.page (views.ts)', () => {
  let t: TestApp;
  const warnings: string[] = [];
  before(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'warn' }, logTo: { write: (line) => void warnings.push(line) } });
  });
  after(async () => t.close());

  it('sends a page once, its session untouched, and logs nothing', async () => {
    const response = await t.app.inject({ url: '/sign-in?returnTo=%2Fcases', headers: { cookie: 'another=cookie' } });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<\/html>\s*$/);
    assert.deepEqual(warnings, []);
  });

  it('sends a page once while its session is saved as it goes (the flash taken), the message shown', async () => {
    const user = await makeUser(t.ctx);
    const { id: userId } = await t.ctx.db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirstOrThrow();
    const { id: caseId } = await makeCase(t.ctx, { teamUserIds: [userId] });
    const web = await WebClient.signedIn(t.app, user);
    const saved = await web.post(`/cases/${caseId}/chronology/new`, { kind: 'case-note', 'occurred-day': '20', 'occurred-month': '10', 'occurred-year': '2026', summary: 'Seen at home', source: 'observed' });
    assert.equal(saved.statusCode, 303);
    const page = await web.get(String(saved.headers.location));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Entry added to the chronology/);
    assert.match(page.body, /<\/html>\s*$/);
    assert.deepEqual(warnings, []);
  });
});
