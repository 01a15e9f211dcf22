import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeUser } from '../../../test/helpers/factories.ts';
import { testConfig } from '../../../test/helpers/test-app.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { createContext } from '../context.ts';
import { signIn } from './sign-in.ts';

describe('the time a blocked sign-in may try again', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  /** Fails to sign in until blocked, on a clock at `now`, and gives the message. */
  async function blockedMessage(now: string): Promise<string> {
    const ctx = createContext(database.db, testConfig({ SIGN_IN_MAX_ATTEMPTS: '2', SIGN_IN_LOCKOUT_MINUTES: '15' }), new TestClock(now));
    const user = await makeUser(ctx);
    const attempt = () => signIn(ctx, { email: user.email, password: 'wrong password', channel: 'web', ip: '192.0.2.1' });
    assert.equal((await attempt()).ok, false);
    const blocked = await attempt();
    assert.ok(!blocked.ok && blocked.code === 'throttled');
    return blocked.message;
  }

  it('is said in London time, past midnight in summer', async () => {
    assert.match(await blockedMessage('2026-06-30T22:50:00Z'), /Try again after 00:05,/);
  });

  it('is said in London time, which is UTC in winter', async () => {
    assert.match(await blockedMessage('2026-11-22T09:00:00Z'), /Try again after 09:15,/);
  });
});
