// Two servers against one PostgreSQL database, as several processes or machines run the service:
// each its own app, context and connection pool, sharing only the database and the settings. A
// session made on one is valid on the other (and its form token too), a lock-out counts failures
// made on either, so does the sign-in rate limit, and the background work run on both at once sends each email once, escalates
// each alert once and re-evaluates each queued case once. (src/server.cluster.test.ts starts the real server with WEB_PROCESSES=2.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/application/context.ts';
import { countWaiting, deliverOutbox } from '../src/application/mail/deliver-outbox.ts';
import { escalateOverdueAlerts } from '../src/application/alerts/escalate-alerts.ts';
import { runQueuedReevaluations } from '../src/application/profile/reevaluate-profiles.ts';
import { changeAreaSettings } from '../src/application/settings/area-settings.ts';
import { discharge, makeFamily, makePartnership, outboxFor, record, type Partnership } from '../src/application/alerts/alerts.test-support.ts';
import { openPostgres } from '../src/infrastructure/db/connect.ts';
import { createMailTransport } from '../src/infrastructure/mail/smtp-transport.ts';
import { actorFor, makeUser } from './helpers/factories.ts';
import { MailSink } from './helpers/mail-sink.ts';
import { createTestApp, TEST_SESSION_SECRET, testConfig, type TestApp } from './helpers/test-app.ts';
import { usingPostgres, type TestDatabase } from './helpers/test-database.ts';
import { WebClient } from './helpers/web-client.ts';

const ENV = { SIGN_IN_MAX_ATTEMPTS: '3' };

describe('two servers against one database', { skip: usingPostgres ? false : 'PostgreSQL only: the embedded database is one process' }, () => {
  let one: TestApp;
  let two: TestApp;
  let p: Partnership;

  /** Another server on the first one's database and clock. */
  async function anotherServer(env: Record<string, string>): Promise<TestApp> {
    const database = openPostgres((one.database as TestDatabase).url!, 5, () => undefined);
    const ctx = createContext(database.db, testConfig(env), one.clock);
    const app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET, checkReplies: true });
    await app.ready();
    return { app, ctx, clock: one.clock, database, close: async () => (await app.close(), await database.close()) };
  }

  before(async () => {
    one = await createTestApp({ env: ENV });
    two = await anotherServer(ENV);
    p = await makePartnership(one);
  });
  after(async () => {
    await two?.close();
    await one?.close();
  });

  it("takes a session made on one server on the other, with its form token, and ends it on both", async () => {
    const user = await makeUser(one.ctx, { name: 'Roaming Visitor' });
    const onOne = await WebClient.signedIn(one.app, user);
    const account = await onOne.get('/account');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)?.[1];
    assert.ok(csrf);

    const onTwo = await two.app.inject({ method: 'GET', url: '/', headers: { cookie: onOne.cookieHeader } });
    assert.equal(onTwo.statusCode, 200);
    assert.match(onTwo.body, /data-qa="signed-in-user">Roaming Visitor,/);

    const signOut = await two.app.inject({ method: 'POST', url: '/sign-out', payload: `_csrf=${encodeURIComponent(csrf)}`, headers: { cookie: onOne.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(signOut.statusCode, 303, 'the form token from the first server is good on the second');
    for (const server of [one, two]) {
      const home = await server.app.inject({ method: 'GET', url: '/', headers: { cookie: onOne.cookieHeader } });
      assert.equal(home.statusCode, 303, 'signed out everywhere');
    }
  });

  it('locks an account out after wrong passwords sent to either server, counted together', async () => {
    const user = await makeUser(one.ctx);
    for (const server of [one, two, one]) assert.equal((await new WebClient(server.app).signIn(user.email, 'not the password')).statusCode, 401);
    const locked = await new WebClient(two.app).signIn(user.email, user.password);
    assert.equal(locked.statusCode, 401);
    assert.match(locked.body, /too many failed attempts to sign in to this account from here/, 'the right password is refused on the other server too');
  });

  it('holds the sign-in rate limit across both servers: the attempts from one address are counted together', async () => {
    const limited = { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' };
    const servers = [await anotherServer(limited), await anotherServer(limited)] as const;
    try {
      const attempt = (server: TestApp, remoteAddress: string) =>
        server.app.inject({ method: 'POST', url: '/sign-in', remoteAddress, payload: 'email=nobody%40test.example&password=wrong', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const answers: number[] = [];
      for (const server of [servers[0], servers[1], servers[0], servers[1]]) answers.push((await attempt(server, '192.0.2.44')).statusCode);
      assert.equal(answers[3], 429, `the fourth attempt, the second on this server, is refused (${answers.join(', ')})`);
      assert.ok(answers.slice(0, 3).every((status) => status !== 429), 'the first three are not');
      assert.notEqual((await attempt(servers[0], '192.0.2.45')).statusCode, 429, 'another address has its own count');
    } finally {
      for (const server of servers) await server.close();
    }
  });

  it('escalates each overdue alert once when both servers run the escalation at the same moment', async () => {
    const alertIds: string[] = [];
    for (const family of ['Ashdown', 'Brook', 'Cole', 'Dale', 'Eyre', 'Frome']) alertIds.push((await record(one, p.nurse, await makeFamily(one, p, family), discharge)).alerts[0]!.id);
    one.clock.advanceMinutes(5 * 60);
    const rounds = await Promise.all([escalateOverdueAlerts(one.ctx), escalateOverdueAlerts(two.ctx)]);
    const escalated = rounds.flatMap((round) => round.escalated.map((e) => e.alertId));
    assert.deepEqual([...escalated].sort(), [...alertIds].sort(), 'each alert escalated by exactly one server');
    for (const alertId of alertIds) {
      const audits = await one.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'alert.escalate').where('subject_id', '=', alertId).execute();
      assert.equal(audits.length, 1, alertId);
      const toLeads = (await outboxFor(one, alertId)).filter((mail) => mail.to_address === p.socialCareLead.email);
      assert.equal(toLeads.length, 1, 'one email to the lead');
    }
  });

  it('re-evaluates each case queued by a change of settings on one server once, both servers taking the queue at once', async () => {
    const admin = await makeUser(one.ctx, { role: 'admin' });
    const versions = async () => {
      const rows = await one.ctx.db.selectFrom('profile_versions').select(['case_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('case_id').execute();
      return new Map(rows.map((row) => [row.case_id, Number(row.n)]));
    };
    const before = await versions();
    assert.ok((await changeAreaSettings(one.ctx, actorFor(admin), { 'profile.preBirthMilestoneWeeks': '25', 'profile.preBirthNoticeWeeks': '2' })).ok);
    const queued = (await one.ctx.db.selectFrom('profile_reevaluation_queue').select('case_id').execute()).length;
    assert.ok(queued >= 6, `the families above are queued (${String(queued)})`);
    const runs = await Promise.all([runQueuedReevaluations(one.ctx, { chunkSize: 1 }), runQueuedReevaluations(two.ctx, { chunkSize: 1 })]);
    assert.equal(runs[0].profiles + runs[1].profiles, queued, 'every queued case taken by exactly one server');
    for (const [caseId, count] of await versions()) assert.ok(count - (before.get(caseId) ?? 0) <= 1, `at most one new version of ${caseId}`);
    assert.equal((await one.ctx.db.selectFrom('profile_reevaluation_queue').select('case_id').execute()).length, 0);
  });

  it('sends each email once when both servers deliver the outbox at the same moment', async () => {
    const sink = await MailSink.start();
    try {
      const transport = createMailTransport({ smtpUrl: sink.url, mailFrom: 'Infant Care Profile <no-reply@test.example>' })!;
      const waiting = await countWaiting(one.ctx.db);
      assert.ok(waiting >= 12, `the escalations' emails and more wait (${String(waiting)})`);
      const runs = await Promise.all([deliverOutbox(one.ctx, transport, { limit: 100 }), deliverOutbox(two.ctx, transport, { limit: 100 })]);
      assert.equal(runs[0].sent + runs[1].sent, waiting);
      assert.equal(sink.received.length, waiting, 'no email sent twice');
      assert.equal(await countWaiting(one.ctx.db), 0, 'every email sent');
    } finally {
      await sink.stop();
    }
  });
});
