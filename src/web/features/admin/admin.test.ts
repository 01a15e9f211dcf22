import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemOperator } from '../../../application/actor.ts';
import { recordAuditAlone } from '../../../application/audit.ts';
import { inputValue } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const ADMIN_PAGES = ['/admin', '/admin/accounts', '/admin/audit', '/admin/settings', '/admin/organisations/new', '/admin/users/new'];

/** The links in the GOV.UK error summary: one per field with a problem, as "#field: message". */
function summaryErrors(html: string): string[] {
  return [...html.matchAll(/<a href="#([A-Za-z-]+)">([^<]*)<\/a>/g)].map((match) => `#${match[1]!}: ${match[2]!}`);
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function cellText(html: string): string {
  return decode(html.replace(/<br>/g, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
}

interface AuditRow {
  who: string;
  action: string;
  outcome: string;
  details: string;
}

/** The rows of the audit table (data-qa="audit-entries"), or [] when it is not shown. */
function auditTableRows(html: string): AuditRow[] {
  const table = /<table[^>]*data-qa="audit-entries"[^>]*>([\s\S]*?)<\/table>/.exec(html);
  if (!table) return [];
  return [...table[1]!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
    .map((row) => [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cellText(cell[1]!)))
    .filter((cells) => cells.length > 0)
    .map((cells) => ({ who: cells[1]!, action: cells[2]!.split(' ')[0]!, outcome: cells[3]!, details: cells[5]! }));
}

function paginationLink(html: string, rel: 'next' | 'prev'): string | null {
  const link = new RegExp(`<a [^>]*href="([^"]+)"[^>]*rel="${rel}"`).exec(html);
  return link ? decode(link[1]!) : null;
}

async function userCount(t: TestApp, email: string): Promise<number> {
  const rows = await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).execute();
  return rows.length;
}

describe('administration', () => {
  let t: TestApp;
  let admin: WebClient;
  let adminEmail: string;

  before(async () => {
    t = await createTestApp();
    const account = await makeUser(t.ctx, { role: 'admin', name: 'Ada Admin' });
    adminEmail = account.email;
    admin = new WebClient(t.app);
    await admin.signIn(account.email, account.password);
  });
  after(async () => {
    await t.close();
  });

  async function signedInPractitioner() {
    const user = await makeUser(t.ctx, { role: 'practitioner' });
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    return { user, client };
  }

  describe('access', () => {
    it('shows an administrator the administration, accounts and audit pages', async () => {
      for (const [url, heading] of [
        ['/admin', 'Administration'],
        ['/admin/accounts', 'Organisations and accounts'],
        ['/admin/audit', 'Audit trail'],
      ] as const) {
        const response = await admin.get(url);
        assert.equal(response.statusCode, 200, url);
        assert.match(response.body, new RegExp(`<h1[^>]*>${heading}</h1>`), url);
      }
    });

    it('lists organisations and accounts for an administrator', async () => {
      const organisation = await makeOrganisation(t.ctx, 'police', 'Listed Constabulary');
      await makeUser(t.ctx, { organisationId: organisation.id, email: 'listed@test.example', name: 'Listed Officer' });
      const response = await admin.get('/admin/accounts');
      assert.match(response.body, /data-qa="organisations"[\s\S]*Listed Constabulary[\s\S]*Police/);
      assert.match(response.body, /data-qa="accounts"[\s\S]*Listed Officer[\s\S]*listed@test\.example[\s\S]*Listed Constabulary/);
    });

    it('sends someone not signed in to sign in', async () => {
      const response = await new WebClient(t.app).get('/admin/accounts');
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/sign-in?returnTo=%2Fadmin%2Faccounts');
    });

    it('refuses every administration page to a practitioner', async () => {
      const { client } = await signedInPractitioner();
      for (const url of ADMIN_PAGES) {
        const response = await client.get(url);
        assert.equal(response.statusCode, 403, url);
        assert.match(response.body, /You cannot see this page/, url);
      }
    });

    it('audits each refusal of an administration page once, with the page asked for (the use case behind it is not reached), and none for an administrator', async () => {
      const { user, client } = await signedInPractitioner();
      const refusals = async (userId: string) =>
        t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).where('actor_user_id', '=', userId).where('outcome', '=', 'denied').orderBy('seq').execute();
      await client.get('/admin/settings');
      await client.post('/admin/users/00000000-0000-4000-8000-000000000000/unlock');
      assert.deepEqual(await refusals(user.id), [
        { action: 'administration.enter', outcome: 'denied', details: { method: 'GET', route: '/admin/settings' } },
        { action: 'administration.enter', outcome: 'denied', details: { method: 'POST', route: '/admin/users/:userId/unlock' } },
      ]);
      const adminId = (await t.ctx.db.selectFrom('users').select('id').where('email', '=', adminEmail).executeTakeFirstOrThrow()).id;
      await admin.get('/admin');
      assert.deepEqual(await refusals(adminId), []);
    });

    it('refuses to add an account for a practitioner and adds none', async () => {
      const { client } = await signedInPractitioner();
      const organisation = await makeOrganisation(t.ctx);
      await client.get('/');
      const email = 'sneaky-admin@test.example';
      const response = await client.post('/admin/users/new', {
        name: 'Sneaky Admin',
        email,
        organisationId: organisation.id,
        role: 'admin',
        password: 'a long enough password',
      });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /You cannot see this page/);
      assert.equal(await userCount(t, email), 0);
    });

    it('refuses to add an organisation for a practitioner and adds none', async () => {
      const { client } = await signedInPractitioner();
      await client.get('/');
      const response = await client.post('/admin/organisations/new', { name: 'Sneaky Org', kind: 'police' });
      assert.equal(response.statusCode, 403);
      const rows = await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'Sneaky Org').execute();
      assert.equal(rows.length, 0);
    });

    it('refuses to unlock an account for a practitioner and leaves it locked', async () => {
      const { client } = await signedInPractitioner();
      const locked = await makeUser(t.ctx);
      const lockedUntil = new Date(t.clock.now().getTime() + 15 * 60_000);
      await t.ctx.db.insertInto('sign_in_throttle').values({ email: locked.email, address: '203.0.113.9', failures: 0, blocked_until: lockedUntil, updated_at: t.clock.now() }).execute();
      await client.get('/');
      const response = await client.post(`/admin/users/${locked.id}/unlock`);
      assert.equal(response.statusCode, 403);
      const row = await t.ctx.db.selectFrom('sign_in_throttle').select('blocked_until').where('email', '=', locked.email).executeTakeFirstOrThrow();
      assert.deepEqual(row.blocked_until, lockedUntil);
    });
  });

  describe('organisations', () => {
    it('adds an organisation and lists it', async () => {
      await admin.get('/admin/organisations/new');
      const response = await admin.post('/admin/organisations/new', { name: 'Northshire Midwifery', kind: 'midwifery' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/admin/accounts');
      const row = await t.ctx.db.selectFrom('organisations').select(['id', 'kind']).where('name', '=', 'Northshire Midwifery').executeTakeFirst();
      assert.equal(row?.kind, 'midwifery');
      const accounts = await admin.get('/admin/accounts');
      assert.match(accounts.body, /data-qa="organisations"[\s\S]*Northshire Midwifery/);
      const audits = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'organisation.create').where('subject_id', '=', row.id).execute();
      assert.equal(audits.length, 1);
    });

    it('refuses a name already taken, whatever its letter case, and keeps what was typed', async () => {
      await makeOrganisation(t.ctx, 'housing', 'Eastvale Housing');
      await admin.get('/admin/organisations/new');
      const response = await admin.post('/admin/organisations/new', { name: 'EASTVALE housing', kind: 'housing' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /There is a problem/);
      assert.deepEqual(summaryErrors(response.body), ['#name: An organisation called &quot;EASTVALE housing&quot; already exists.']);
      assert.match(response.body, /value="EASTVALE housing"/);
      assert.match(response.body, /value="housing" checked/);
      const rows = await t.ctx.db.selectFrom('organisations').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', 'eastvale housing')).execute();
      assert.equal(rows.length, 1);
    });

    it('asks for a name and a kind when they are missing', async () => {
      await admin.get('/admin/organisations/new');
      const response = await admin.post('/admin/organisations/new', { name: '' });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#name: Enter the name of the organisation', '#kind: Select the kind of organisation']);
    });
  });

  describe('accounts', () => {
    it('asks for each missing field once', async () => {
      await admin.get('/admin/users/new');
      const response = await admin.post('/admin/users/new', { name: '', email: '', organisationId: '', password: '' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /There is a problem/);
      assert.deepEqual(summaryErrors(response.body), [
        '#name: Enter the practitioner’s full name',
        '#email: Enter their work email address',
        '#organisationId: Select their organisation',
        '#role: Select their role',
        '#password: Enter a first password for them',
      ]);
    });

    it('keeps what was typed, but not the password, when the form has errors', async () => {
      await admin.get('/admin/users/new');
      const password = 'a long enough secret passphrase';
      const response = await admin.post('/admin/users/new', { name: 'Grace Typed', email: 'grace.typed@test.example', organisationId: '', password });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#organisationId: Select their organisation', '#role: Select their role']);
      assert.match(response.body, /value="Grace Typed"/);
      assert.match(response.body, /value="grace\.typed@test\.example"/);
      assert.ok(!response.body.includes(password), 'the password is not sent back');
    });

    it('refuses a password shorter than 12 characters and adds no account', async () => {
      const organisation = await makeOrganisation(t.ctx);
      await admin.get('/admin/users/new');
      const email = 'short.password@test.example';
      const response = await admin.post('/admin/users/new', { name: 'Short Password', email, organisationId: organisation.id, role: 'manager', password: 'elevenchars' });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#password: Password must be at least 12 characters long']);
      assert.match(response.body, new RegExp(`value="${organisation.id}" selected`));
      assert.match(response.body, /value="manager" checked/);
      assert.ok(!response.body.includes('elevenchars'));
      assert.equal(await userCount(t, email), 0);
    });

    it('refuses an email address that already has an account', async () => {
      const existing = await makeUser(t.ctx);
      await admin.get('/admin/users/new');
      const response = await admin.post('/admin/users/new', {
        name: 'Duplicate',
        email: existing.email.toUpperCase(),
        organisationId: existing.organisationId,
        role: 'practitioner',
        password: 'a long enough password',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), [`#email: An account for ${existing.email} already exists.`]);
    });

    it('adds an account with an argon2id password hash that can then sign in', async () => {
      const organisation = await makeOrganisation(t.ctx, 'gp', 'Riverside Surgery');
      await admin.get('/admin/users/new');
      const password = 'a brand new passphrase';
      const response = await admin.post('/admin/users/new', {
        name: 'Henry Newcomer',
        email: 'Henry.Newcomer@Test.Example',
        organisationId: organisation.id,
        role: 'safeguarding-lead',
        password,
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/admin/accounts');

      const row = await t.ctx.db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'role', 'organisation_id', 'password_hash'])
        .where('email', '=', 'henry.newcomer@test.example')
        .executeTakeFirstOrThrow();
      assert.equal(row.email, 'henry.newcomer@test.example');
      assert.equal(row.name, 'Henry Newcomer');
      assert.equal(row.role, 'safeguarding-lead');
      assert.equal(row.organisation_id, organisation.id);
      const passwordHash = row.password_hash ?? '';
      assert.ok(passwordHash.startsWith('$argon2id$'), 'the password is hashed with argon2id');
      assert.ok(!passwordHash.includes(password));

      const audits = await t.ctx.db.selectFrom('audit_log').select('actor_user_id').where('action', '=', 'user.create').where('subject_id', '=', row.id).execute();
      assert.equal(audits.length, 1);

      const newcomer = new WebClient(t.app);
      const signIn = await newcomer.signIn('henry.newcomer@test.example', password);
      assert.equal(signIn.statusCode, 303);
      assert.match((await newcomer.get('/')).body, /data-qa="signed-in-user">Henry Newcomer, Riverside Surgery/);
    });

    it('unlocks a locked account so its user can sign in', async () => {
      const user = await makeUser(t.ctx, { name: 'Locked Out' });
      const client = new WebClient(t.app);
      for (let attempt = 0; attempt < t.ctx.config.signInMaxAttempts; attempt++) await client.signIn(user.email, 'wrong password guess');
      assert.match((await client.signIn(user.email, user.password)).body, /too many failed attempts/);

      const accounts = await admin.get('/admin/accounts');
      assert.ok(accounts.body.includes(`action="/admin/users/${user.id}/unlock"`), 'offers to unlock the account');
      const response = await admin.post(`/admin/users/${user.id}/unlock`);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/admin/accounts');
      assert.ok(!(await admin.get('/admin/accounts')).body.includes(`action="/admin/users/${user.id}/unlock"`));

      const signIn = await client.signIn(user.email, user.password);
      assert.equal(signIn.statusCode, 303);
      const audits = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'user.unlock').where('subject_id', '=', user.id).execute();
      assert.equal(audits.length, 1);
    });

    it('answers "Page not found" when unlocking an account that does not exist', async () => {
      await admin.get('/admin/accounts');
      const response = await admin.post('/admin/users/no-such-user/unlock');
      assert.equal(response.statusCode, 404);
      assert.match(response.body, /Page not found/);
    });
  });

  describe('audit trail', () => {
    it('filters by action', async () => {
      await admin.get('/admin/organisations/new');
      await admin.post('/admin/organisations/new', { name: 'Filtered Early Help', kind: 'early-help' });
      const response = await admin.get('/admin/audit?action=organisation.create');
      assert.equal(response.statusCode, 200);
      const rows = auditTableRows(response.body);
      const expected = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'organisation.create').execute();
      assert.ok(expected.length > 0);
      assert.equal(rows.length, expected.length);
      assert.ok(rows.every((row) => row.action === 'organisation.create'));
      assert.match(response.body, /value="organisation\.create"/);
    });

    it('filters by outcome', async () => {
      const user = await makeUser(t.ctx);
      await new WebClient(t.app).signIn(user.email, 'wrong password for filter');
      const response = await admin.get('/admin/audit?outcome=failure');
      const rows = auditTableRows(response.body);
      assert.ok(rows.length > 0);
      assert.ok(rows.every((row) => row.outcome === 'failure'));
      assert.ok(rows.some((row) => row.who.includes(user.email)));
    });

    it('filters by the email of who did it', async () => {
      const user = await makeUser(t.ctx, { name: 'Filtered Person' });
      const client = new WebClient(t.app);
      await client.signIn(user.email, user.password);
      await client.get('/');
      const response = await admin.get(`/admin/audit?actorEmail=${encodeURIComponent(user.email)}`);
      const rows = auditTableRows(response.body);
      assert.deepEqual(
        rows.map((row) => row.action),
        ['cases.list', 'sign-in'],
      );
      assert.ok(rows.every((row) => row.who === `Filtered Person ${user.email}`));
    });

    it('filters by date', async () => {
      const today = t.clock.now().toISOString().slice(0, 10);
      const onTheDay = auditTableRows((await admin.get(`/admin/audit?from=${today}&to=${today}`)).body);
      assert.ok(onTheDay.length > 0);
      const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
      const later = await admin.get(`/admin/audit?from=${nextYear}`);
      assert.equal(later.statusCode, 200);
      assert.deepEqual(auditTableRows(later.body), []);
      assert.match(later.body, /data-qa="no-audit-entries"/);
    });

    it('asks for the dates in day, month and year boxes, and filters by them, the page links keeping them', async () => {
      const today = t.clock.now().toISOString().slice(0, 10);
      const [year, month, day] = today.split('-').map((part) => String(Number(part))) as [string, string, string];
      const response = await admin.get(`/admin/audit?from-day=${day}&from-month=${month}&from-year=${year}&to-day=&to-month=&to-year=`);
      assert.equal(response.statusCode, 200);
      assert.ok(auditTableRows(response.body).length > 0);
      assert.deepEqual(['from-day', 'from-month', 'from-year', 'to-day'].map((name) => inputValue(response.body, name)), [day, month, year, '']);
    });

    it('explains a date it cannot read, naming the date and marking the box, and keeps what was typed', async () => {
      const cases: [string, string[]][] = [
        ['from-day=1&from-month=3&from-year=&to-day=x&to-month=3&to-year=2026', ['#from-year: The from date must include a year', '#to-day: The to date must be a real date']],
        ['from-day=31&from-month=2&from-year=2026&to-day=1&to-month=3&to-year=202', ['#from-day: The from date must be a real date', '#to-year: Year must include 4 numbers']],
        ['from=yesterday', ['#from-day: The from date must include a day and month']],
        ['from=2026-02-01&to=2026-02-31', ['#to-day: The to date must be a real date']],
      ];
      for (const [query, errors] of cases) {
        const response = await admin.get(`/admin/audit?action=sign-in&${query}`);
        assert.equal(response.statusCode, 400, query);
        assert.deepEqual(summaryErrors(response.body), errors, query);
        assert.match(response.body, /value="sign-in"/);
        assert.deepEqual(auditTableRows(response.body), []);
      }
      const kept = await admin.get('/admin/audit?from-day=1&from-month=3&from-year=&to-day=x&to-month=3&to-year=2026');
      assert.deepEqual(['from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'].map((name) => inputValue(kept.body, name)), ['1', '3', '', 'x', '3', '2026']);
    });

    it('refuses a day before 1900 in the words of every other date, keeps what was typed and audits the refusal', async () => {
      const response = await admin.get('/admin/audit?action=sign-in&from=1899-12-31&to=0226-03-31');
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#from-year: The from date must be in 1900 or later: check the year', '#to-year: The to date must be in 1900 or later: check the year']);
      assert.deepEqual(['from-year', 'to-year', 'action'].map((name) => inputValue(response.body, name)), ['1899', '0226', 'sign-in']);
      assert.deepEqual(auditTableRows(response.body), []);
      const refusal = await t.ctx.db
        .selectFrom('audit_log')
        .select(['outcome', 'details'])
        .where('action', '=', 'audit.list')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(refusal, { outcome: 'failure', details: { reason: 'invalid-days', problems: ['from-too-early', 'to-too-early'] } });
    });

    it('refuses a to date before the from date, on the to date', async () => {
      const response = await admin.get('/admin/audit?from-day=2&from-month=3&from-year=2026&to-day=1&to-month=3&to-year=2026');
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#to-day: The to date must be the same as or after the from date']);
      assert.deepEqual(['from-day', 'to-day'].map((name) => inputValue(response.body, name)), ['2', '1']);
    });

    it('takes 1 January 1900, a to date far ahead, and the same day as from and to', async () => {
      for (const query of ['from=1900-01-01', 'to=2099-12-31', 'from=1900-01-01&to=1900-01-01']) {
        const response = await admin.get(`/admin/audit?${query}`);
        assert.equal(response.statusCode, 200, query);
        assert.deepEqual(summaryErrors(response.body), [], query);
      }
    });

    it('shows the details in plain words, not JSON (the CSV export keeps the JSON)', async () => {
      await recordAuditAlone(t.ctx, systemOperator, { action: 'seed.reason', details: { reason: 'closed-for-transfer' } });
      const rows = auditTableRows((await admin.get('/admin/audit?action=seed.reason')).body);
      assert.equal(rows[0]!.details, 'Reason: closed for transfer');
    });

    it('shows 50 entries a page, newest first, with links to the next and previous pages', async () => {
      for (let n = 0; n < 60; n++) await recordAuditAlone(t.ctx, systemOperator, { action: 'seed.entry', details: { n } });

      const first = await admin.get('/admin/audit?action=seed.entry');
      const firstRows = auditTableRows(first.body);
      assert.equal(firstRows.length, 50);
      assert.equal(firstRows[0]!.details, 'N: 59', 'details in words, not JSON');
      assert.equal(firstRows[49]!.details, 'N: 10');
      assert.equal(paginationLink(first.body, 'prev'), null);
      const next = paginationLink(first.body, 'next');
      assert.equal(next, '/admin/audit?action=seed.entry&page=2');

      const second = await admin.get(next);
      const secondRows = auditTableRows(second.body);
      assert.equal(secondRows.length, 10);
      assert.equal(secondRows[0]!.details, 'N: 9');
      assert.equal(secondRows[9]!.details, 'N: 0');
      assert.equal(paginationLink(second.body, 'next'), null);
      assert.equal(paginationLink(second.body, 'prev'), '/admin/audit?action=seed.entry&page=1');
    });

    it('records each look at the audit trail, with the filters used', async () => {
      await admin.get('/admin/audit?outcome=denied');
      const row = await t.ctx.db
        .selectFrom('audit_log')
        .innerJoin('users', 'users.id', 'audit_log.actor_user_id')
        .select(['audit_log.details', 'users.email'])
        .where('audit_log.action', '=', 'audit.list')
        .orderBy('audit_log.seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(row.email, adminEmail);
      assert.deepEqual(row.details, { filters: { outcome: 'denied' }, page: 1 });
    });
  });
});
