import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { KyselyPlugin } from 'kysely';
import { makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { storedSessionKey } from '../../infrastructure/security/session-store.ts';
import { accountReadWithSession, openSessionStore } from './session-storage.ts';

const HOUR = 3_600_000;

/** Counts the statements sent (a result came back), not the queries built. */
class Sent implements KyselyPlugin {
  count = 0;
  transformQuery: KyselyPlugin['transformQuery'] = (args) => args.node;
  transformResult: KyselyPlugin['transformResult'] = (args) => {
    this.count++;
    return Promise.resolve(args.result);
  };
}

describe('a session is read with its account', () => {
  let t: TestApp;
  const sent = new Sent();
  let store: ReturnType<typeof openSessionStore>;
  before(async () => {
    t = await createTestApp();
    store = openSessionStore({ ...t.ctx, db: t.ctx.db.withPlugin(sent) }, HOUR, (error) => assert.fail(String(error)));
  });
  after(async () => t.close());

  const save = (id: string, data: Record<string, unknown>) => promisify(store.set.bind(store))(id, data);
  const load = async (id: string) => (await promisify(store.get.bind(store))(id)) as Record<string, unknown> | null;
  const storedData = async (id: string) => (await t.ctx.db.selectFrom('sessions').select('data').where('id', '=', storedSessionKey(id)).executeTakeFirstOrThrow()).data;

  it('reads the session, its account with the organisation and the open alerts in one statement', async () => {
    const user = await makeUser(t.ctx, { name: 'Ada Visitor' });
    await save('one-statement', { userId: user.id, signedInAt: 1 });
    sent.count = 0;
    const session = await load('one-statement');
    assert.equal(sent.count, 1);
    assert.equal(session?.['signedInAt'], 1);
    const account = accountReadWithSession(session, user.id);
    assert.equal(account?.user.name, 'Ada Visitor');
    assert.equal(account?.user.organisationId, user.organisationId);
    assert.equal(account?.openAlerts, 0);
  });

  it('reads a disabled account as none, so that the session ends', async () => {
    const user = await makeUser(t.ctx);
    await t.ctx.db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', user.id).execute();
    await save('disabled', { userId: user.id });
    assert.equal(accountReadWithSession((await load('disabled'))!, user.id), null);
  });

  it('reads no account with a session half signed in (two-factor step still to come) or anonymous', async () => {
    const user = await makeUser(t.ctx);
    await save('half-signed', { secondFactorWait: { userId: user.id, step: 'code', since: 1 } });
    assert.equal(accountReadWithSession((await load('half-signed'))!, user.id), undefined);
  });

  it('gives the account only for the user the session names', async () => {
    const user = await makeUser(t.ctx);
    await save('named', { userId: user.id });
    assert.equal(accountReadWithSession((await load('named'))!, 'someone-else'), undefined);
  });

  it('never saves the account it read with a session', async () => {
    const user = await makeUser(t.ctx);
    await save('saved-again', { userId: user.id, lastSeenAt: 1 });
    const session = (await load('saved-again'))!;
    await save('saved-again', { ...session, lastSeenAt: 2 });
    assert.deepEqual(await storedData('saved-again'), { userId: user.id, lastSeenAt: 2 });
  });

  it('reads nothing for a session past its lifetime', async () => {
    const user = await makeUser(t.ctx);
    await save('expired', { userId: user.id });
    t.clock.advanceMinutes(61);
    assert.equal(await load('expired'), null);
  });
});
