import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { changeAreaSettings } from '../../../application/settings/area-settings.ts';
import { resetTwoFactor } from '../../../application/accounts/reset-two-factor.ts';
import { cliOperator } from '../../../application/actor.ts';
import { SECOND_FACTOR_WAIT_MINUTES } from '../../../domain/shared/two-factor.ts';
import { totpCodeAt } from '../../../infrastructure/security/totp.ts';
import { actorFor, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { enrolTwoFactor, type EnrolledApp } from '../../../../test/helpers/two-factor.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('two-factor sign-in on the web', () => {
  let t: TestApp;
  let organisationId: string;
  let address = 10;
  /** Each client its own address, so that one test's failures never block another's. */
  const client = () => new WebClient(t.app, { remoteAddress: `192.0.2.${String(address++)}` });
  const audits = (userId: string, action: string) =>
    t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('subject_id', '=', userId).where('action', '=', action).orderBy('seq').execute();

  before(async () => {
    t = await createTestApp({ env: { TWO_FACTOR_REQUIRED: 'true' } });
    organisationId = (await makeOrganisation(t.ctx)).id;
  });
  after(async () => t.close());

  async function enrolled(role: 'practitioner' | 'admin' = 'practitioner') {
    const user = await makeUser(t.ctx, { role, organisationId });
    const app: EnrolledApp = await enrolTwoFactor(t.ctx, user);
    t.clock.advanceMinutes(0.5);
    return { user, app };
  }

  it('asks an account with an app for its code after the password, and signs it in only with a right one', async () => {
    const { user, app } = await enrolled();
    const web = client();
    await web.get('/sign-in?returnTo=/account');
    const password = await web.post('/sign-in', { email: user.email, password: user.password, returnTo: '/account' });
    assert.equal(password.statusCode, 303);
    assert.equal(password.headers.location, '/sign-in/two-factor');

    // Half signed in: no page but the code page.
    for (const url of ['/', '/account', '/account/two-factor', '/admin/settings']) {
      const page = await web.get(url);
      assert.equal(page.statusCode, 303, url);
      assert.match(String(page.headers.location), /^\/sign-in\?returnTo=/, url);
    }
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: web.cookieHeader } });
    assert.equal(api.statusCode, 401);

    const page = await web.get('/sign-in/two-factor');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /autocomplete="one-time-code"/);

    const empty = await web.post('/sign-in/two-factor', { code: ' ' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryErrors(empty.body), ['#code: Enter the code from your authenticator app, or one of your recovery codes']);

    const wrong = await web.post('/sign-in/two-factor', { code: app.codeAt(new Date(t.clock.now().getTime() - 120_000)) });
    assert.equal(wrong.statusCode, 401);
    assert.match(summaryErrors(wrong.body)[0]!, /^#code: The code is not right/);
    assert.match(wrong.body, /name="code"/, 'the page is shown again to try once more');
    assert.equal((await web.get('/account')).statusCode, 303, 'a wrong code signs nobody in');

    const right = await web.post('/sign-in/two-factor', { code: app.codeAt() });
    assert.equal(right.statusCode, 303);
    assert.equal(right.headers.location, '/account');
    const account = await web.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(textOf(qaElement(account.body, 'two-factor-status')), /^On since .*You have 10 recovery codes left\.$/);

    const trail = await audits(user.id, 'sign-in');
    assert.deepEqual(trail.map((row) => [row.outcome, row.details['reason'] ?? row.details['secondFactor']]), [['failure', 'wrong-code'], ['success', 'totp']]);
    assert.equal((await audits(user.id, 'sign-in.password')).length, 1, 'the password step is audited apart');
  });

  it('refuses a code used once already, even within its window, and takes the next one', async () => {
    const { user, app } = await enrolled();
    const first = client();
    await first.signIn(user.email, user.password);
    const code = app.codeAt();
    assert.equal((await first.post('/sign-in/two-factor', { code })).statusCode, 303);

    const second = client();
    await second.signIn(user.email, user.password);
    const reused = await second.post('/sign-in/two-factor', { code });
    assert.equal(reused.statusCode, 401);
    assert.deepEqual(summaryErrors(reused.body), ['#code: That code has already been used. Wait for your authenticator app to show a new code, then enter that one.']);
    const earlier = await second.post('/sign-in/two-factor', { code: app.codeAt(new Date(t.clock.now().getTime() - 30_000)) });
    assert.equal(earlier.statusCode, 401, 'nor the code before it, still within one step');
    assert.equal((await second.get('/account')).statusCode, 303);

    t.clock.advanceMinutes(0.5);
    assert.equal((await second.post('/sign-in/two-factor', { code: app.codeAt() })).statusCode, 303);
    assert.equal((await second.get('/account')).statusCode, 200);
    const reasons = (await audits(user.id, 'sign-in')).filter((row) => row.outcome === 'failure').map((row) => row.details['reason']);
    assert.deepEqual(reasons, ['reused-code', 'reused-code']);
  });

  it('takes a recovery code once, typed in any case with or without its dash, and refuses it after', async () => {
    const { user, app } = await enrolled();
    const recovery = app.recoveryCodes[3]!;
    const first = client();
    await first.signIn(user.email, user.password);
    assert.equal((await first.post('/sign-in/two-factor', { code: ` ${recovery.replace('-', '').toUpperCase()} ` })).statusCode, 303);
    assert.match(textOf(qaElement((await first.get('/account')).body, 'two-factor-status')), /You have 9 recovery codes left/);

    const second = client();
    await second.signIn(user.email, user.password);
    const again = await second.post('/sign-in/two-factor', { code: recovery });
    assert.equal(again.statusCode, 401);
    assert.deepEqual(summaryErrors(again.body), ['#code: That recovery code has already been used: each works once. Enter another recovery code, or the code from your authenticator app.']);
    assert.equal((await second.get('/account')).statusCode, 303);
    const trail = (await audits(user.id, 'sign-in')).map((row) => [row.outcome, row.details['reason'] ?? row.details['secondFactor']]);
    assert.deepEqual(trail, [['success', 'recovery-code'], ['failure', 'recovery-code-used']]);
  });

  it('locks out after as many wrong codes as wrong passwords, then refuses even the right code', async () => {
    const { user, app } = await enrolled();
    const web = client();
    await web.signIn(user.email, user.password);
    const answers: number[] = [];
    for (let i = 0; i < t.ctx.config.signInMaxAttempts; i++) answers.push((await web.post('/sign-in/two-factor', { code: '000000' })).statusCode);
    assert.deepEqual(answers, [401, 401, 401, 401, 401]);
    const right = await web.post('/sign-in/two-factor', { code: app.codeAt() });
    assert.equal(right.statusCode, 401);
    assert.match(summaryErrors(right.body)[0]!, /^#code: There have been too many failed attempts to sign in to this account from here\. Try again after \d\d:\d\d/);
    assert.equal((await web.get('/account')).statusCode, 303);
    const reasons = (await audits(user.id, 'sign-in')).map((row) => row.details['reason']);
    assert.equal(reasons.at(-1), 'throttled');
    assert.ok(reasons.at(-2) === 'wrong-code' && (await audits(user.id, 'sign-in')).at(-2)!.details['blockedUntil'], 'the fifth wrong code blocks, and says until when');
  });

  it('ends the wait for a code after a few minutes: the password is asked again', async () => {
    const { user } = await enrolled();
    const web = client();
    await web.signIn(user.email, user.password);
    t.clock.advanceMinutes(SECOND_FACTOR_WAIT_MINUTES);
    const page = await web.get('/sign-in/two-factor');
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/sign-in');
    assert.equal((await new WebClient(t.app).get('/sign-in/two-factor')).headers.location, '/sign-in', 'nor is the page there without a password first');
  });

  it('takes an administrator without an app to set one up right after the password, then shows the recovery codes once', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin', organisationId });
    const web = client();
    await web.get('/sign-in');
    const password = await web.post('/sign-in', { email: admin.email, password: admin.password, returnTo: '/admin' });
    assert.equal(password.headers.location, '/sign-in/two-factor/set-up');
    assert.equal((await web.get('/admin')).statusCode, 303, 'not signed in until it is set up');

    const page = await web.get('/sign-in/two-factor/set-up');
    assert.equal(page.statusCode, 200);
    assert.ok(qaElement(page.body, 'must-set-up'));
    assert.match(qaElement(page.body, 'qr-code') ?? '', /^<svg width="200" height="200" role="img" aria-label="QR code for your authenticator app to scan"/);
    const secret = textOf(qaElement(page.body, 'totp-secret')).replaceAll(' ', '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(textOf(qaElement((await web.get('/sign-in/two-factor/set-up')).body, 'totp-secret')).replaceAll(' ', ''), secret, 'the same key until it is confirmed');
    const stored = await t.ctx.db.selectFrom('user_two_factor').select('pending_secret').where('user_id', '=', admin.id).executeTakeFirstOrThrow();
    assert.ok(stored.pending_secret && !stored.pending_secret.includes(secret), 'the key is stored sealed, never in clear');

    const wrong = await web.post('/sign-in/two-factor/set-up', { code: '123456' === totpCodeAt(secret, t.clock.now()) ? '654321' : '123456' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(summaryErrors(wrong.body), ['#code: The code is not right. Enter the 6-digit code your authenticator app shows now for this account.']);
    assert.equal(textOf(qaElement(wrong.body, 'totp-secret')).replaceAll(' ', ''), secret);

    const done = await web.post('/sign-in/two-factor/set-up', { code: totpCodeAt(secret, t.clock.now()) });
    assert.equal(done.statusCode, 200);
    const codes = qaElements(done.body, 'recovery-codes').length ? textOf(qaElement(done.body, 'recovery-codes')).split(/\s+/) : [];
    assert.equal(codes.length, 10);
    assert.ok(codes.every((code) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(code)), codes.join(' '));
    assert.match(done.body, /href="\/admin"/, 'Continue goes where the sign-in was going');
    assert.equal((await web.get('/admin')).statusCode, 200, 'signed in once set up');
    const hashes = await t.ctx.db.selectFrom('user_recovery_codes').select('code_hash').where('user_id', '=', admin.id).execute();
    assert.equal(hashes.length, 10);
    assert.ok(hashes.every((row) => !codes.some((code) => row.code_hash.includes(code.replace('-', '')))), 'only hashes are stored');
    assert.deepEqual((await audits(admin.id, 'two-factor.set-up')).map((row) => [row.outcome, row.details['reason'] ?? null]), [['failure', 'wrong-code'], ['success', null]]);
  });

  it('sets up an app from the account page, and a new one replaces it', async () => {
    const user = await makeUser(t.ctx, { organisationId });
    const web = client();
    await web.signIn(user.email, user.password);
    const account = await web.get('/account');
    assert.equal(textOf(qaElement(account.body, 'two-factor-status')), 'Off: your password alone signs you in.');
    const page = await web.get('/account/two-factor');
    assert.equal(page.statusCode, 200);
    const secret = textOf(qaElement(page.body, 'totp-secret')).replaceAll(' ', '');
    const empty = await web.post('/account/two-factor', { code: '' });
    assert.deepEqual(summaryErrors(empty.body), ['#code: Enter the 6-digit code your authenticator app shows for this account']);
    const done = await web.post('/account/two-factor', { code: totpCodeAt(secret, t.clock.now()) });
    assert.equal(done.statusCode, 200);
    assert.ok(qaElement(done.body, 'two-factor-on'));
    assert.match(done.body, /href="\/account#two-factor"/);

    const again = await web.get('/account/two-factor');
    assert.equal(textOf(qaElement(again.body, 'totp-secret')).replaceAll(' ', '') === secret, false, 'a new key for a new app');
    assert.match(again.body, /Setting up a new app replaces the old one/);
  });

  it('gives new recovery codes for the same app after a current code from it, voiding the old ones; refusals audited', async () => {
    const { user, app } = await enrolled();
    const web = client();
    await web.signIn(user.email, user.password);
    const signInCode = app.codeAt();
    assert.equal((await web.post('/sign-in/two-factor', { code: signInCode })).statusCode, 303);
    assert.match((await web.get('/account')).body, /href="\/account\/two-factor\/recovery-codes" data-qa="new-recovery-codes">Get new recovery codes/);
    const page = await web.get('/account/two-factor/recovery-codes');
    assert.equal(page.statusCode, 200);
    assert.equal(textOf(qaElement(page.body, 'recovery-codes-left')), 'You have 10 recovery codes left. You can get ten new ones for the authenticator app you use now.');
    assert.match(page.body, /Your old recovery codes stop working as soon as you get new ones/);

    const refusals: [string, string][] = [
      [' ', 'Enter the 6-digit code your authenticator app shows for this account'],
      [app.recoveryCodes[0]!, 'The code is not right. Enter the 6-digit code your authenticator app shows now (a recovery code cannot be used here).'],
      [signInCode, 'That code has already been used. Wait for your authenticator app to show a new code, then enter that one.'],
    ];
    for (const [code, message] of refusals) {
      const refused = await web.post('/account/two-factor/recovery-codes', { code });
      assert.equal(refused.statusCode, 400, code);
      assert.deepEqual(summaryErrors(refused.body), [`#code: ${message}`]);
    }

    t.clock.advanceMinutes(0.5);
    const done = await web.post('/account/two-factor/recovery-codes', { code: app.codeAt() });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /You have new recovery codes/);
    const codes = textOf(qaElement(done.body, 'recovery-codes')).split(/\s+/);
    assert.equal(codes.length, 10);
    assert.equal(codes.some((code) => app.recoveryCodes.includes(code)), false);
    assert.match((await web.get('/account')).body, /You have 10 recovery codes left/);

    const withOld = client();
    await withOld.signIn(user.email, user.password);
    assert.equal((await withOld.post('/sign-in/two-factor', { code: app.recoveryCodes[1]! })).statusCode, 401, 'an old code no longer works');
    assert.equal((await withOld.post('/sign-in/two-factor', { code: codes[0]! })).statusCode, 303, 'a new one does');

    const trail = (await audits(user.id, 'two-factor.recovery-codes')).map((row) => [row.outcome, row.details['reason'] ?? row.details['unusedVoided']]);
    assert.deepEqual(trail, [['failure', 'wrong-code'], ['failure', 'reused-code'], ['success', 10]]);
  });

  it('sends an account without an app from the new recovery codes page to its account page, and the signed-out to sign in', async () => {
    const user = await makeUser(t.ctx, { organisationId });
    const web = client();
    await web.signIn(user.email, user.password);
    assert.doesNotMatch((await web.get('/account')).body, /data-qa="new-recovery-codes"/);
    for (const response of [await web.get('/account/two-factor/recovery-codes'), await web.post('/account/two-factor/recovery-codes', { code: '123456' })]) {
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/account#two-factor');
    }
    assert.deepEqual((await audits(user.id, 'two-factor.recovery-codes')).map((row) => row.details['reason']), ['not-enrolled']);
    const signedOut = await client().get('/account/two-factor/recovery-codes');
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/sign-in\?returnTo=/);
  });

  it('asks everyone for a second factor when the area says so', async () => {
    const practitioner = await makeUser(t.ctx, { organisationId });
    const before = await client().signIn(practitioner.email, practitioner.password);
    assert.equal(before.headers.location, '/');
    const changed = await changeAreaSettings(t.ctx, cliOperator, { 'signIn.twoFactorForEveryone': 'yes' });
    assert.ok(changed.ok);
    try {
      const web = client();
      assert.equal((await web.signIn(practitioner.email, practitioner.password)).headers.location, '/sign-in/two-factor/set-up');
      assert.equal((await web.get('/')).statusCode, 303);
    } finally {
      await changeAreaSettings(t.ctx, cliOperator, { 'signIn.twoFactorForEveryone': 'no' });
    }
  });

  it('lets an administrator reset the two-factor sign-in of someone who lost their phone and codes; nobody else, audited', async () => {
    const { user } = await enrolled();
    const practitioner = await makeUser(t.ctx, { organisationId });
    const refused = await resetTwoFactor(t.ctx, actorFor(practitioner), user.id);
    assert.deepEqual(refused, { ok: false, code: 'forbidden', message: 'Only an administrator can reset two-factor sign-in.' });
    const { user: admin, app: adminApp } = await enrolled('admin');
    const web = client();
    await web.signIn(admin.email, admin.password);
    await web.post('/sign-in/two-factor', { code: adminApp.codeAt() });
    const accounts = await web.get('/admin/accounts');
    assert.match(accounts.body, new RegExp(`action="/admin/users/${user.id}/reset-two-factor"`));
    const reset = await web.post(`/admin/users/${user.id}/reset-two-factor`);
    assert.equal(reset.statusCode, 303);
    assert.match(textOf(qaElement((await web.get('/admin/accounts')).body, 'success-banner')), /Two-factor sign-in reset/);
    assert.equal((await client().signIn(user.email, user.password)).headers.location, '/', 'the password alone signs in a practitioner again');
    assert.equal((await t.ctx.db.selectFrom('user_recovery_codes').select('id').where('user_id', '=', user.id).execute()).length, 0);
    assert.deepEqual((await audits(user.id, 'two-factor.reset')).map((row) => row.outcome), ['denied', 'success']);
    assert.equal((await web.post('/admin/users/no-such-user/reset-two-factor')).statusCode, 404);
  });
});
