// A form post refused for its form token is audited as the signed-in user's refusal
// (docs/adr/0024-refused-requests-audited.md): one entry, outcome failure, the method, the route
// template and why, never the address as sent nor anything typed. With nobody signed in there is no
// caller to name: nothing is audited. The plugin: plugins/security.ts, checkFormToken.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';

describe('a form post refused for its form token', () => {
  let t: TestApp;
  let caseId: string;
  let visitor: Awaited<ReturnType<typeof makeUser>>;
  let colleague: Awaited<ReturnType<typeof makeUser>>;
  before(async () => {
    t = await createTestApp();
    visitor = await makeUser(t.ctx, { name: 'Hana Visitor' });
    colleague = await makeUser(t.ctx, { name: 'Col League' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Tokenfamily', teamUserIds: [visitor.id, colleague.id] }));
  });
  after(async () => t.close());

  const entryUrl = () => `/cases/${caseId}/chronology/new`;
  const entryFields = (summary: string) => {
    const [year, month, day] = serviceToday(t.clock.now()).split('-');
    return { kind: 'case-note', 'occurred-day': day!, 'occurred-month': month!, 'occurred-year': year!, summary, source: 'observed', babySeen: 'not-recorded' };
  };
  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const refusalsSince = (seq: string | number | bigint) =>
    t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'outcome', 'channel', 'case_id', 'subject_type', 'subject_id', 'details']).where('action', '=', 'form-token.refused').where('seq', '>', String(seq)).orderBy('seq').execute();
  const formToken = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;

  it('audits a token that is not good (forged, expired) as the signed-in user’s, once, with the route template and nothing typed', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    await client.get(entryUrl());
    const seq = await lastSeq();
    const response = await client.post(entryUrl(), { ...entryFields('Typed with a forged token'), _csrf: `${visitor.id}.forged-token-value` });
    // A kept form page's form is kept ("Your form had expired"), not saved: still a refusal.
    assert.equal(response.statusCode, 303);
    assert.equal((await t.ctx.db.selectFrom('chronology_entries').select('id').where('summary', '=', 'Typed with a forged token').execute()).length, 0);
    const entries = await refusalsSince(seq);
    assert.deepEqual(entries, [
      { actor_user_id: visitor.id, outcome: 'failure', channel: 'web', case_id: null, subject_type: 'user', subject_id: visitor.id, details: { method: 'POST', route: '/cases/:caseId/chronology/new', reason: 'bad-token' } },
    ]);
    assert.ok(!JSON.stringify(entries).includes(caseId) && !JSON.stringify(entries).includes('Typed with'), 'neither the address as sent nor anything typed');
  });

  it('audits a missing token too', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    const seq = await lastSeq();
    const response = await t.app.inject({ method: 'POST', url: '/sign-out', headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    assert.equal(response.statusCode, 403);
    assert.deepEqual((await refusalsSince(seq)).map((entry) => [entry.actor_user_id, entry.details]), [[visitor.id, { method: 'POST', route: '/sign-out', reason: 'bad-token' }]]);
  });

  it('audits a good token made for another user than the one signed in as the signed-in user’s, reason another-user', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    const visitorsTab = await client.get(entryUrl());
    await client.post('/sign-out');
    await client.signIn(colleague.email, colleague.password);
    const seq = await lastSeq();
    const response = await client.post(entryUrl(), { ...entryFields('Typed by the visitor'), _csrf: formToken(visitorsTab.body) });
    assert.equal(response.statusCode, 403);
    const entries = await refusalsSince(seq);
    assert.deepEqual(entries.map((entry) => [entry.actor_user_id, entry.outcome, entry.details]), [[colleague.id, 'failure', { method: 'POST', route: '/cases/:caseId/chronology/new', reason: 'another-user' }]]);
  });

  it('does not audit a good token for the one signed in, nor a refusal with nobody signed in (no caller to name)', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    await client.get(entryUrl());
    let seq = await lastSeq();
    const saved = await client.post(entryUrl(), entryFields('Saved with a good token'));
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await refusalsSince(seq), []);

    const stranger = new WebClient(t.app);
    await stranger.get('/sign-in');
    seq = await lastSeq();
    const refused = await stranger.post('/sign-in', { email: visitor.email, password: visitor.password, _csrf: 'nobody.forged-token-value' });
    assert.equal(refused.statusCode, 403);
    assert.deepEqual(await refusalsSince(seq), []);
  });
});
