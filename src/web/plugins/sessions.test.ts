import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';

describe('the signed-in user on every page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('ends the session of an account disabled while it was signed in, on its next page', async () => {
    const user = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, user);
    assert.equal((await client.get('/')).statusCode, 200);
    await t.ctx.db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', user.id).execute();
    const response = await client.get('/');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2F');
    assert.equal((await client.get('/account')).statusCode, 303, 'the session is gone, not only that page');
  });

  it('keeps no copy of the account in the stored session when the session is saved again', async () => {
    const user = await makeUser(t.ctx, { name: 'Noor Visitor' });
    const client = await WebClient.signedIn(t.app, user);
    t.clock.advanceMinutes(2);
    assert.equal((await client.get('/')).statusCode, 200);
    const rows = await t.ctx.db.selectFrom('sessions').select('data').where('user_id', '=', user.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.data['lastSeenAt'], t.clock.now().getTime(), 'the visit was noted, so the session was saved');
    assert.doesNotMatch(JSON.stringify(rows[0]!.data), /Noor Visitor/);
  });

  it('saves nothing and sets no cookie for a page seen within a minute of the last, the account read with it notwithstanding', async () => {
    const user = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, user);
    const stored = () => t.ctx.db.selectFrom('sessions').select(['data', 'expires_at']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const before = await stored();
    t.clock.advanceMinutes(0.5);
    const response = await client.get('/');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['set-cookie'], undefined);
    assert.deepEqual(await stored(), before);
  });
});
