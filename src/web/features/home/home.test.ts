import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement } from '../../../../test/helpers/html.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

function caseLinks(html: string): string[] {
  return [...html.matchAll(/href="\/cases\/([^"]+)"/g)].map((match) => match[1]!);
}

describe('home page: my cases', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  async function signedIn() {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    return { user, client };
  }

  it('sends someone not signed in to sign in, to come back afterwards', async () => {
    const response = await new WebClient(t.app).get('/');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2F');
  });

  it('tells a practitioner in no team that they have no cases yet', async () => {
    const { client } = await signedIn();
    const response = await client.get('/');
    assert.equal(response.statusCode, 200);
    assert.ok(qaElement(response.body, 'no-cases'), 'shows the empty state');
    assert.equal(qaElement(response.body, 'my-cases'), null);
  });

  it('lists exactly the cases whose team the practitioner is in', async () => {
    const { user, client } = await signedIn();
    const colleague = await makeUser(t.ctx);
    const first = await makeCase(t.ctx, { familyName: 'Ashworth', teamUserIds: [user.id, colleague.id] });
    const second = await makeCase(t.ctx, { familyName: 'Bramley', teamUserIds: [colleague.id, user.id] });
    const notMine = await makeCase(t.ctx, { familyName: 'Calloway', teamUserIds: [colleague.id] });

    const response = await client.get('/');
    assert.equal(response.statusCode, 200);
    const table = qaElement(response.body, 'my-cases');
    assert.ok(table, 'shows the list of cases');
    assert.equal(qaElement(response.body, 'no-cases'), null);
    assert.deepEqual(caseLinks(table), [first.id, second.id]);
    assert.match(table, /Test Ashworth/);
    assert.match(table, /Test Bramley/);
    assert.ok(!response.body.includes(notMine.id));
    assert.doesNotMatch(response.body, /Calloway/);
  });

  it('shows the practitioner’s role in each team', async () => {
    const { user, client } = await signedIn();
    const colleague = await makeUser(t.ctx);
    await makeCase(t.ctx, { familyName: 'Lead', teamUserIds: [user.id] });
    await makeCase(t.ctx, { familyName: 'Member', teamUserIds: [colleague.id, user.id] });
    const table = qaElement((await client.get('/')).body, 'my-cases')!;
    assert.match(table, /Test Lead<\/a>[\s\S]*Lead professional[\s\S]*Test Member<\/a>[\s\S]*Team member/);
  });

  it('records in the audit trail that the practitioner saw the list, with the case ids', async () => {
    const { user, client } = await signedIn();
    const first = await makeCase(t.ctx, { familyName: 'Dunmore', teamUserIds: [user.id] });
    const second = await makeCase(t.ctx, { familyName: 'Ellery', teamUserIds: [user.id] });
    await makeCase(t.ctx, { familyName: 'Fairfax' });

    await client.get('/');
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'channel', 'details'])
      .where('action', '=', 'cases.list')
      .where('actor_user_id', '=', user.id)
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.outcome, 'success');
    assert.equal(rows[0]!.channel, 'web');
    assert.deepEqual(rows[0]!.details, { caseIds: [first.id, second.id] });
  });

  it('records an empty list of case ids for a practitioner in no team', async () => {
    const { user, client } = await signedIn();
    await client.get('/');
    const rows = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'cases.list').where('actor_user_id', '=', user.id).execute();
    assert.deepEqual(
      rows.map((row) => row.details),
      [{ caseIds: [] }],
    );
  });
});
