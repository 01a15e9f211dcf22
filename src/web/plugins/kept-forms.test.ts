import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fieldsToKeep, MAX_KEPT_FORM_BYTES } from '../../application/auth/kept-forms.ts';
import { recordEntry } from '../../application/chronology/record-entry.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { actorFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import { KEPT_FORM_PAGES } from './kept-forms.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('what a kept form may hold', () => {
  it('keeps text fields and ticked boxes, never the form token or a password', () => {
    assert.deepEqual(fieldsToKeep({ _csrf: 'token', summary: 'Seen at home', present: ['mum', 'dad'], password: 'x', newPassword: 'y', count: 3 }), {
      summary: 'Seen at home',
      present: ['mum', 'dad'],
    });
  });

  it('keeps nothing when nothing is left, or when it is too much to keep', () => {
    assert.equal(fieldsToKeep({ _csrf: 'token' }), null);
    assert.equal(fieldsToKeep(null), null);
    assert.equal(fieldsToKeep({ summary: 'x'.repeat(MAX_KEPT_FORM_BYTES) }), null);
    assert.ok(fieldsToKeep({ summary: 'x'.repeat(MAX_KEPT_FORM_BYTES - 100) }));
  });
});

describe('kept forms and the success banner', () => {
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

  const contactUrl = () => `/cases/${caseId}/contacts/new`;
  const restoreUrl = (path: string) => `${path}?restore=1`;

  async function audits(action: string) {
    return t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'outcome', 'subject_id', 'details']).where('action', '=', action).orderBy('seq').execute();
  }
  const keptRows = () => t.ctx.db.selectFrom('kept_forms').selectAll().execute();

  /** Opens the form signed in, lets the session go idle, then posts what was typed. */
  async function typeThenGoIdle(user: User, url: string, fields: Record<string, string>) {
    const client = await WebClient.signedIn(t.app, user);
    await client.get(url);
    t.clock.advanceMinutes(31);
    return { client, response: await client.post(url, fields) };
  }

  it('keeps a contact form posted after the session went idle, and gives it back after the same user signs in', async () => {
    const typed = `Baby asleep in the cot, mum tired ${visitor.id.slice(0, 6)}`;
    const { client, response } = await typeThenGoIdle(visitor, contactUrl(), { kind: 'home-visit', summary: typed, present: 'nobody-listed' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl(contactUrl()), reason: 'idle' }).toString()}`);
    const cookie = client.cookie('icp_kept')!;
    assert.ok(cookie, 'the browser holds the kept form’s id');
    assert.ok(!decodeURIComponent(cookie).includes('asleep'), 'what was typed is not in the cookie');

    const rows = await keptRows();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.user_id, visitor.id);
    assert.equal(rows[0]!.fields['summary'], typed);
    assert.equal(rows[0]!.fields['_csrf'], undefined, 'the form token is not kept');
    assert.notEqual(rows[0]!.id, decodeURIComponent(cookie).split('.')[0], 'stored under a hash of the id, not the id');

    const signInPage = await client.get(response.headers.location);
    assert.match(signInPage.body, /data-qa="form-kept-banner"/);
    assert.match(signInPage.body, /You were signed out\. Sign in again to finish saving: what you typed has been kept\./);

    const signedIn = await client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl(contactUrl()) });
    assert.equal(signedIn.headers.location, restoreUrl(contactUrl()));
    const form = await client.get(signedIn.headers.location);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes(typed), 'the form shows what was typed');
    assert.match(form.body, /data-qa="kept-form-banner"/);
    assert.equal((await keptRows()).length, 0, 'given back once, then deleted');

    const again = await client.get(restoreUrl(contactUrl()));
    assert.ok(!again.body.includes(typed), 'not given a second time');
    const kept = (await audits('form.keep')).at(-1)!;
    assert.equal(kept.actor_user_id, visitor.id);
    assert.deepEqual(kept.details, { path: contactUrl(), reason: 'signed-out', fields: 3 });
    const restored = (await audits('form.restore')).at(-1)!;
    assert.equal(restored.actor_user_id, visitor.id);
    assert.equal(restored.outcome, 'success');
  });

  it('never shows a kept form to another user signing in on that browser: it is deleted and the refusal audited', async () => {
    const typed = `Only for the visitor ${colleague.id.slice(0, 6)}`;
    const { client } = await typeThenGoIdle(visitor, contactUrl(), { summary: typed });
    await client.get('/sign-in');
    const signedIn = await client.post('/sign-in', { email: colleague.email, password: colleague.password, returnTo: restoreUrl(contactUrl()) });
    const form = await client.get(signedIn.headers.location!);
    assert.equal(form.statusCode, 200);
    assert.ok(!form.body.includes(typed));
    assert.doesNotMatch(form.body, /data-qa="kept-form-banner"/);
    assert.equal((await keptRows()).length, 0);
    const refusal = (await audits('form.restore')).at(-1)!;
    assert.equal(refusal.outcome, 'failure');
    assert.equal(refusal.actor_user_id, colleague.id);
    assert.equal(refusal.subject_id, visitor.id);
    assert.equal(refusal.details['reason'], 'other-user');
  });

  it('forgets a kept form two hours after it was kept', async () => {
    const typed = `Too late to come back for ${visitor.id.slice(0, 5)}`;
    const { client } = await typeThenGoIdle(visitor, contactUrl(), { summary: typed });
    t.clock.advanceMinutes(121);
    await client.get('/sign-in');
    const signedIn = await client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl(contactUrl()) });
    const form = await client.get(signedIn.headers.location!);
    assert.ok(!form.body.includes(typed));
    const { forgetExpiredKeptForms } = await import('../../application/auth/kept-forms.ts');
    assert.equal(await forgetExpiredKeptForms(t.ctx), 1);
    assert.equal((await keptRows()).length, 0);
  });

  it('keeps a form posted after the session was ended from elsewhere, for the user who last signed in on that browser', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    await client.get(contactUrl());
    await t.ctx.db.deleteFrom('sessions').where('user_id', '=', visitor.id).execute();
    const typed = `Typed while signed out elsewhere ${visitor.id.slice(0, 4)}`;
    const response = await client.post(contactUrl(), { summary: typed });
    assert.equal(response.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl(contactUrl()) }).toString()}`);
    await client.get('/sign-in');
    await client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl(contactUrl()) });
    assert.ok((await client.get(restoreUrl(contactUrl()))).body.includes(typed));
  });

  it('keeps nothing when nobody has signed in on that browser', async () => {
    const client = new WebClient(t.app);
    await client.get('/sign-in');
    const response = await client.post(contactUrl(), { summary: 'From nobody' });
    assert.equal(response.statusCode, 303);
    assert.match(response.headers.location!, /^\/sign-in\?returnTo=/);
    assert.equal(client.cookie('icp_kept'), undefined);
    assert.equal((await keptRows()).length, 0);
  });

  it('keeps nothing a browser says came from another site, nor a form on a page that does not give forms back', async () => {
    const client = new WebClient(t.app, { headers: { 'sec-fetch-site': 'cross-site' } });
    await client.signIn(visitor.email, visitor.password);
    await client.get(contactUrl());
    t.clock.advanceMinutes(31);
    assert.match((await client.post(contactUrl(), { summary: 'Sent from elsewhere' })).headers.location!, /^\/sign-in\?/);
    const team = await typeThenGoIdle(visitor, `/cases/${caseId}/team`, { email: 'someone@test.example', role: 'member' });
    assert.match(team.response.headers.location!, /^\/sign-in\?/);
    assert.equal(team.client.cookie('icp_kept'), undefined);
    assert.equal((await keptRows()).length, 0);
  });

  it('gives back the factor form, the chronology entry form and the plan’s form the same way', async () => {
    const factorUrl = `/cases/${caseId}/profile/household/housing-instability`;
    const factor = await typeThenGoIdle(visitor, factorUrl, { version: '0', status: 'excluded', detail: 'Tenancy agreement seen, rent paid up' });
    await factor.client.get(factor.response.headers.location!);
    await factor.client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl(factorUrl) });
    const factorPage = await factor.client.get(restoreUrl(factorUrl));
    assert.ok(factorPage.body.includes('Tenancy agreement seen, rent paid up'));

    const entryUrl = `/cases/${caseId}/chronology/new`;
    const entry = await typeThenGoIdle(visitor, entryUrl, { kind: 'police-domestic-incident', summary: 'Neighbour called police about shouting' });
    await entry.client.get(entry.response.headers.location!);
    await entry.client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl(entryUrl) });
    const entryPage = await entry.client.get(restoreUrl(entryUrl));
    assert.ok(entryPage.body.includes('Neighbour called police about shouting'));

    const planUrl = `/cases/${caseId}/plan/edit`;
    const plan = await typeThenGoIdle(visitor, planUrl, { version: '0', 'outcome-0': 'Ruby sleeps safely in her own cot every night' });
    await plan.client.get(plan.response.headers.location!);
    await plan.client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl(planUrl) });
    const planPage = await plan.client.get(restoreUrl(planUrl));
    assert.ok(planPage.body.includes('Ruby sleeps safely in her own cot every night'));
  });

  it('gives back the correction of an entry and the dispute of one, typed as the session ended', async () => {
    const { id: ownCase } = await makeCase(t.ctx, { teamUserIds: [visitor.id] });
    const recorded = await recordEntry(t.ctx, actorFor(visitor), ownCase, { kind: 'home-visit', occurredAt: serviceToday(t.clock.now()), summary: 'Visit as first written', source: 'observed' });
    assert.ok(recorded.ok);
    const entryUrl = `/cases/${ownCase}/chronology/${recorded.entry.id}`;
    for (const [url, fields] of [
      [`${entryUrl}/correct`, { correctionReason: 'Wrong day written at first', summary: 'Visit as it really went, mum tearful' }],
      [`${entryUrl}/dispute`, { disputedBy: 'Grace, the mother', text: 'Says she was not tearful that day' }],
    ] as const) {
      const typed = await typeThenGoIdle(visitor, url, fields);
      assert.equal(typed.response.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl(url), reason: 'idle' }).toString()}`, url);
      await typed.client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl(url) });
      const page = await typed.client.get(restoreUrl(url));
      for (const text of Object.values(fields)) assert.ok(page.body.includes(text), `${url}: ${text}`);
    }
  });

  it('gives back the profile’s review note, escalation decision, change of level and proposal of one, typed as the session ended', async () => {
    const { id: ownCase } = await makeCase(t.ctx, { teamUserIds: [visitor.id] });
    const profileUrl = `/cases/${ownCase}/profile`;
    for (const [url, fields] of [
      [`${profileUrl}/review`, { note: 'Reviewed with the family at home', profileVersion: '0' }],
      [`${profileUrl}/decision`, { decision: 'early-help-assessment', reasoning: 'Nothing in the profile calls for more yet', leadConsulted: 'yes', leadName: 'Sam Lead', profileVersion: '0' }],
      [`${profileUrl}/level`, { level: 'early-help', why: 'Agreed at the strategy discussion' }],
      [`${profileUrl}/level/propose`, { level: 'child-in-need', reason: 'Dad now lives elsewhere and visits are calm' }],
    ] as const) {
      const typed = await typeThenGoIdle(visitor, url, fields);
      assert.equal(typed.response.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl(url), reason: 'idle' }).toString()}`, url);
      await typed.client.post('/sign-in', { email: visitor.email, password: visitor.password, returnTo: restoreUrl(url) });
      const page = await typed.client.get(restoreUrl(url));
      assert.equal(page.statusCode, 200, url);
      for (const [name, text] of Object.entries(fields)) {
        if (name === 'profileVersion') continue;
        const shown = ['level', 'decision', 'leadConsulted'].includes(name) ? new RegExp(`name="${name}" type="radio" value="${text}" checked`).test(page.body) : page.body.includes(text);
        assert.ok(shown, `${url}: ${name} ${text}`);
      }
    }
  });

  it('gives back the reason for opening a record in an emergency, typed as the session ended, to someone outside its team', async () => {
    const outsider = await makeUser(t.ctx, { name: 'Out Sider' });
    const url = `/cases/${caseId}/emergency-access`;
    const reason = 'Police at the door at night, baby said to be hurt';
    const typed = await typeThenGoIdle(outsider, url, { reason });
    assert.equal(typed.response.headers.location, `/sign-in?${new URLSearchParams({ returnTo: restoreUrl(url), reason: 'idle' }).toString()}`);
    await typed.client.post('/sign-in', { email: outsider.email, password: outsider.password, returnTo: restoreUrl(url) });
    const page = await typed.client.get(restoreUrl(url));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(reason));
  });

  it('shows the form again with what was typed when its token had expired, instead of a bare 403', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    await client.get(contactUrl());
    const typed = `Typed on a form left open overnight ${visitor.id.slice(0, 3)}`;
    const response = await client.post(contactUrl(), { _csrf: 'expired-token', summary: typed });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, restoreUrl(contactUrl()));
    const form = await client.get(response.headers.location);
    assert.ok(form.body.includes(typed));
    assert.match(form.body, /Your form had expired\. Check your answers and save again\./);
    assert.equal((await audits('form.keep')).at(-1)!.details['reason'], 'form-expired');
    const entries = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute();
    assert.equal(entries.length, 0, 'nothing was saved from it');
  });

  it('still refuses, with the expired-form page, a post with a bad token to a form that is not kept', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    const response = await client.post(`/cases/${caseId}/team`, { _csrf: 'expired-token', email: 'someone@test.example', role: 'member' });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /This form has expired/);
  });

  it('keeps only forms whose pages give them back: each is a page with a form on the same address', () => {
    for (const url of KEPT_FORM_PAGES) {
      assert.ok(t.app.hasRoute({ method: 'GET', url }), `GET ${url}`);
      assert.ok(t.app.hasRoute({ method: 'POST', url }), `POST ${url}`);
    }
  });

  it('shows a success banner once, on the page after a save', async () => {
    const newcomer = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, visitor);
    await client.get(`/cases/${caseId}/team`);
    const saved = await client.post(`/cases/${caseId}/team`, { email: newcomer.email, role: 'member' });
    assert.equal(saved.statusCode, 303);
    const next = await client.get(saved.headers.location!);
    assert.match(next.body, /govuk-notification-banner--success[^>]*role="alert"[^>]*data-qa="success-banner"|data-qa="success-banner"[^>]*role="alert"|role="alert"[^>]*data-qa="success-banner"/);
    assert.match(next.body, /Added to the team/);
    const after = await client.get(saved.headers.location!);
    assert.doesNotMatch(after.body, /data-qa="success-banner"/);
  });

  it('tells the page how long the session has left, asks without counting as use, and stays signed in on request', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    const page = await client.get('/');
    assert.match(page.body, /data-seconds-left="1800"/);
    assert.match(page.body, /data-warn-seconds="120"/);
    assert.match(page.body, /<script type="module" src="\/assets\/app\/timeout-warning\.mjs">/);

    t.clock.advanceMinutes(10);
    const asked = await client.get('/session/time-left');
    assert.deepEqual(JSON.parse(asked.body), { secondsLeft: 1200, endsBy: 'idle' });
    t.clock.advanceMinutes(10);
    assert.deepEqual(JSON.parse((await client.get('/session/time-left')).body), { secondsLeft: 600, endsBy: 'idle' }, 'asking did not count as use');

    const refused = await t.app.inject({ method: 'POST', url: '/session/keep-alive', headers: { cookie: client.cookieHeader } });
    assert.equal(refused.statusCode, 403, 'staying signed in needs the page’s form token');
    const stayed = await t.app.inject({ method: 'POST', url: '/session/keep-alive', headers: { cookie: client.cookieHeader, 'csrf-token': /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! } });
    assert.deepEqual(JSON.parse(stayed.body), { secondsLeft: 1800, endsBy: 'idle' });
    t.clock.advanceMinutes(29);
    assert.equal((await client.get('/')).statusCode, 200, 'still signed in 29 minutes after staying');
  });

  it('answers the warning’s check with nothing left once the session has ended, and draws no warning for someone signed out', async () => {
    const client = await WebClient.signedIn(t.app, visitor);
    t.clock.advanceMinutes(31);
    const asked = await client.get('/session/time-left');
    assert.equal(asked.statusCode, 401);
    assert.deepEqual(JSON.parse(asked.body), { secondsLeft: 0, endsBy: null });
    const signInPage = await client.get('/sign-in');
    assert.doesNotMatch(signInPage.body, /timeout-warning/);
  });
});
