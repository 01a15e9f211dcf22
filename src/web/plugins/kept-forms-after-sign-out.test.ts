// A chronology entry typed and posted after the session ended, however it ended: signed out in another
// tab, gone idle, or its row deleted from elsewhere. Each is kept for the user who typed it, never
// saved from that post and never given to anyone else; a second tab saved after signing in again in the
// first is saved. Kept forms: plugins/kept-forms.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { keepForm, MAX_KEPT_FORMS_A_BROWSER, takeKeptForm } from '../../application/auth/kept-forms.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { actorFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('a chronology entry posted after the session ended', () => {
  let t: TestApp;
  let caseId: string;
  let visitor: User;
  let colleague: User;
  before(async () => {
    t = await createTestApp();
    visitor = await makeUser(t.ctx, { name: 'Hana Visitor' });
    colleague = await makeUser(t.ctx, { name: 'Col League' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [visitor.id, colleague.id] }));
  });
  after(async () => t.close());

  const entryUrl = () => `/cases/${caseId}/chronology/new`;
  const restoreUrl = () => `${entryUrl()}?restore=1`;
  const entryFields = (summary: string) => {
    const [year, month, day] = serviceToday(t.clock.now()).split('-');
    return { kind: 'case-note', 'occurred-day': day!, 'occurred-month': month!, 'occurred-year': year!, summary, source: 'observed', babySeen: 'not-recorded' };
  };
  const entriesSaying = (summary: string) => t.ctx.db.selectFrom('chronology_entries').select(['recorded_by']).where('case_id', '=', caseId).where('summary', '=', summary).execute();
  const lastAudit = (action: string) => t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'outcome', 'subject_id', 'details']).where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  const formToken = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;

  /** Ways a session ends while its form is open in a tab; the sign-in page's `reason` when the server saw it end. */
  const endings: { name: string; reason?: string; end: (client: WebClient, user: User) => Promise<unknown> }[] = [
    { name: 'signed out in another tab', end: (client) => client.post('/sign-out') },
    { name: 'gone idle', reason: 'idle', end: async () => t.clock.advanceMinutes(31) },
    { name: 'ended from another device (its row deleted)', end: (_client, user) => t.ctx.db.deleteFrom('sessions').where('user_id', '=', user.id).execute() },
  ];

  /** Opens the entry form signed in, ends the session, then saves the form as that tab would. */
  async function typeEndThenSave(user: User, ending: (typeof endings)[number], summary: string, token?: string) {
    const client = await WebClient.signedIn(t.app, user);
    const form = await client.get(entryUrl());
    await ending.end(client, user);
    const response = await client.post(entryUrl(), { ...entryFields(summary), _csrf: token ?? formToken(form.body) });
    return { client, response };
  }

  for (const ending of endings) {
    it(`keeps it when the session was ${ending.name}, saves nothing, and gives it back to the same user after signing in`, async () => {
      const summary = `Mum rang about the cot, ${ending.name}`;
      const { client, response } = await typeEndThenSave(visitor, ending, summary);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl(), ...(ending.reason ? { reason: ending.reason } : {}) }).toString()}`);
      assert.deepEqual(await entriesSaying(summary), [], 'nothing saved from a post without a session');
      assert.deepEqual((await lastAudit('form.keep')).details, { path: entryUrl(), reason: 'signed-out', fields: 7 });

      const signInPage = await client.get(response.headers.location);
      assert.match(signInPage.body, /You were signed out\. Sign in again to finish saving: what you typed has been kept\./);
      const signedIn = await client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl() });
      assert.equal(signedIn.headers.location, restoreUrl());
      const page = await client.get(restoreUrl());
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(summary), 'the form shows what was typed');
      assert.match(page.body, /data-qa="kept-form-banner"/);
      assert.match(page.body, /You were signed out before this form was saved\. What you typed has been put back: check your answers and save again\./);
      assert.deepEqual(await entriesSaying(summary), [], 'given back to save again, not saved by itself');
    });
  }

  it('keeps it, never saves it, when the post after signing out carries no good form token', async () => {
    const summary = 'Typed, signed out, token lost';
    const { response } = await typeEndThenSave(visitor, endings[0]!, summary, 'not-a-token');
    assert.equal(response.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl() }).toString()}`);
    assert.deepEqual(await entriesSaying(summary), []);
    assert.equal((await lastAudit('form.keep')).actor_user_id, visitor.id);
  });

  it('leaves the browser knowing who signed out, until that cookie’s own end: signing out sets no new one', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    await client.get('/');
    const out = await client.post('/sign-out');
    assert.equal(out.headers.location, '/signed-out');
    assert.ok(!out.cookies.some((cookie) => cookie.name === 'icp_owner'), 'neither cleared nor made to last longer');
    assert.ok(client.cookie('icp_owner'));
  });

  for (const ending of [endings[0]!, endings[1]!]) {
    it(`never gives it to another user who signs in on that browser after the first was ${ending.name}`, async () => {
      const summary = `Only for the visitor, ${ending.name}`;
      const { client } = await typeEndThenSave(visitor, ending, summary);
      await client.get('/sign-in');
      const signedIn = await client.post('/sign-in', { email: colleague.email, password: colleague.password, returnTo: restoreUrl() });
      assert.equal(signedIn.headers.location, restoreUrl());
      const page = await client.get(restoreUrl());
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes(summary));
      assert.doesNotMatch(page.body, /data-qa="kept-form-banner"/);
      const keptRows = await t.ctx.db.selectFrom('kept_forms').select('fields').execute();
      assert.ok(!keptRows.some((row) => row.fields['summary'] === summary), 'deleted');
      const refusal = await lastAudit('form.restore');
      assert.deepEqual([refusal.outcome, refusal.actor_user_id, refusal.subject_id, refusal.details['reason']], ['failure', colleague.id, visitor.id, 'other-user']);

      await client.post('/sign-out');
      await client.get('/sign-in');
      await client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl() });
      assert.ok(!(await client.get(restoreUrl())).body.includes(summary), 'gone for the visitor too: never kept past a refusal');
    });
  }

  it('refuses a form shown to one user and saved after another signed in on that browser, keeping it for the first', async () => {
    const summary = 'Typed by the visitor, saved after the colleague signed in';
    const client = await WebClient.signedIn(t.app, visitor);
    const visitorsTab = await client.get(entryUrl());
    await client.post('/sign-out');
    await client.signIn(colleague.email, colleague.password);
    const response = await client.post(entryUrl(), { ...entryFields(summary), _csrf: formToken(visitorsTab.body) });
    assert.equal(response.statusCode, 403, 'refused as a bad form token');
    assert.deepEqual(await entriesSaying(summary), [], 'never saved as the colleague’s');
    const kept = await lastAudit('form.keep');
    assert.deepEqual([kept.actor_user_id, kept.details['reason']], [visitor.id, 'signed-out']);
    assert.ok(!(await client.get(entryUrl())).body.includes(summary), 'not shown to the colleague (asking for it by the restore marker is refused: see above)');

    await client.post('/sign-out');
    await client.signIn(visitor.email, visitor.password);
    assert.ok((await client.get(restoreUrl())).body.includes(summary), 'given back to the visitor');
  });

  it('keeps a form from each tab posted after signing out, and gives each back on its own page', async () => {
    const contactUrl = `/cases/${caseId}/contacts/new`;
    const client = await WebClient.signedIn(t.app, visitor);
    const contactTab = await client.get(contactUrl);
    const entryTab = await client.get(entryUrl());
    await client.post('/sign-out');
    const contact = await client.post(contactUrl, { _csrf: formToken(contactTab.body), kind: 'home-visit', summary: 'Typed in the contact tab' });
    const entry = await client.post(entryUrl(), { ...entryFields('Typed in the entry tab'), _csrf: formToken(entryTab.body) });
    assert.equal(entry.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl() }).toString()}`);

    await client.get('/sign-in');
    await client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl() });
    assert.ok((await client.get(restoreUrl())).body.includes('Typed in the entry tab'));
    const contactSignIn = await client.get(contact.headers.location!);
    assert.equal(contactSignIn.headers.location, `${contactUrl}?restore=1`, 'the contact tab, signed in already, goes on to its form');
    const contactPage = await client.get(contactSignIn.headers.location);
    assert.ok(contactPage.body.includes('Typed in the contact tab'), 'the first tab’s form was not lost to the second');
    assert.match(contactPage.body, /data-qa="kept-form-banner"/);
  });

  it('holds five kept forms a browser: one a page, a sixth page letting the oldest go', async () => {
    const keep = (previousTokens: string[], path: string) => keepForm(t.ctx, actorFor(visitor), { previousTokens, path, fields: { summary: `typed on ${path}` }, reason: 'signed-out' });
    let tokens: string[] = [];
    for (const page of ['a', 'b', 'c', 'd', 'e']) tokens = await keep(tokens, `/limit/${page}`);
    assert.equal(tokens.length, MAX_KEPT_FORMS_A_BROWSER);
    const replaced = await keep(tokens, '/limit/c');
    assert.deepEqual(replaced.slice(0, -1), [tokens[0], tokens[1], tokens[3], tokens[4]], 'the same page’s form replaces its own');
    const sixth = await keep(replaced, '/limit/f');
    assert.deepEqual(sixth.slice(0, -1), replaced.slice(1), 'the oldest let go');
    const rows = await t.ctx.db.selectFrom('kept_forms').select('path').where('path', 'like', '/limit/%').orderBy('path').execute();
    assert.deepEqual(rows.map((row) => row.path), ['/limit/b', '/limit/c', '/limit/d', '/limit/e', '/limit/f']);
    const { taken, left } = await takeKeptForm(t.ctx, actorFor(visitor), sixth, '/limit/d');
    assert.deepEqual(taken, { ok: true, fields: { summary: 'typed on /limit/d' }, reason: 'signed-out' });
    assert.deepEqual(left, sixth.filter((_, index) => index !== 1), 'the others wait for their pages');
  });

  describe('a second tab still open on the form after the session timed out', () => {
    it('is saved, as the same user, when they signed in again in the first tab before saving it', async () => {
      const client = await WebClient.signedIn(t.app, visitor);
      const secondTab = await client.get(entryUrl());
      t.clock.advanceMinutes(31);
      assert.match((await client.get(entryUrl())).headers.location!, /^\/sign-in\?/, 'the first tab is sent to sign in');
      await client.signIn(visitor.email, visitor.password);
      const summary = 'Saved from the second tab after signing in in the first';
      const saved = await client.post(entryUrl(), { ...entryFields(summary), _csrf: formToken(secondTab.body) });
      assert.equal(saved.statusCode, 303);
      assert.match(saved.headers.location!, new RegExp(`^/cases/${caseId}/chronology/`));
      assert.deepEqual(await entriesSaying(summary), [{ recorded_by: visitor.id }]);
    });

    it('is kept, and given back after signing in, when it is saved while the first tab waits to sign in', async () => {
      const client = await WebClient.signedIn(t.app, visitor);
      const secondTab = await client.get(entryUrl());
      t.clock.advanceMinutes(31);
      await client.get(entryUrl());
      const summary = 'Saved from the second tab before signing in again';
      const kept = await client.post(entryUrl(), { ...entryFields(summary), _csrf: formToken(secondTab.body) });
      assert.equal(kept.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl() }).toString()}`);
      assert.deepEqual(await entriesSaying(summary), []);
      await client.get('/sign-in');
      await client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl() });
      assert.ok((await client.get(restoreUrl())).body.includes(summary));
    });
  });
});
