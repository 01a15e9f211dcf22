// The pages and the API while no writable database can be reached (a failover under way): 503 with
// Retry-After and what to do, never a 500, and everything works again once the database takes writes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../app.ts';
import { createContext } from '../../application/context.ts';
import { openPostgres, type Database } from '../../infrastructure/db/connect.ts';
import { apiTokenFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { TEST_SESSION_SECRET, testConfig } from '../../../test/helpers/test-app.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../test/helpers/test-database.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';

describe('No writable database for a moment', { skip: usingPostgres ? false : 'needs DATABASE_URL: a standby is a server set read-only' }, () => {
  let testDatabase: TestDatabase;
  let database: Database;
  let app: FastifyInstance;
  let admin: pg.Client;
  let name: string;
  let client: WebClient;
  let token: string;
  let caseId: string;
  const clock = new TestClock();

  /** Every new connection read-only, as a standby's are, and those open cut: as just after the primary died. */
  async function serverReadOnly(readOnly: boolean): Promise<void> {
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = ${readOnly ? 'on' : 'off'}`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
  }

  before(async () => {
    testDatabase = await createTestDatabase();
    const url = new URL(testDatabase.url!);
    name = url.pathname.slice(1);
    database = openPostgres(`postgres://${url.username}@${url.host}/${name}?target_session_attrs=read-write`, 4, () => undefined);
    const ctx = createContext(database.db, testConfig(), clock);
    app = await buildApp({ ctx, sessionSecret: TEST_SESSION_SECRET, checkReplies: true });
    await app.ready();
    const user = await makeUser(ctx);
    caseId = (await makeCase(ctx, { teamUserIds: [user.id] })).id;
    token = await apiTokenFor(ctx, user.email);
    client = await WebClient.signedIn(app, user);
    admin = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    await serverReadOnly(true);
  });
  after(async () => {
    await serverReadOnly(false);
    await admin.end();
    await app.close();
    await database.close();
    await testDatabase.close();
  });

  const event = () => ({ kind: 'case-note', occurredAt: serviceToday(clock.now()), summary: 'Visited; baby seen.', source: 'observed', externalId: 'visit-1' });

  it('answers an API write 503 database-unavailable with Retry-After, saying to send it again with the same externalId', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: { authorization: `Bearer ${token}` }, payload: event() });
      assert.equal(response.statusCode, 503, response.body);
      assert.equal(response.headers['retry-after'], '5');
      const body = response.json<{ error: { code: string; message: string } }>();
      assert.equal(body.error.code, 'database-unavailable');
      assert.match(body.error.message, /may or may not have been saved: send the same request again in 5 seconds \(an event with the same externalId is stored once\)/);
    }
  });

  it('shows a page that says the service is unavailable for a moment and what to do, not the 500 page', async () => {
    const response = await client.get('/');
    assert.equal(response.statusCode, 503);
    assert.equal(response.headers['retry-after'], '5');
    assert.match(response.body, /Sorry, the service is unavailable for a moment/);
    assert.match(response.body, /back button to return to what you typed/);
    assert.doesNotMatch(response.body, /there is a problem with the service/);
  });

  it('takes the write once the database accepts writes again, and the retry with the same externalId stores it once', async () => {
    await serverReadOnly(false);
    const send = () => app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: { authorization: `Bearer ${token}` }, payload: event() });
    assert.equal((await send()).statusCode, 201);
    assert.equal((await send()).statusCode, 200);
    assert.equal((await client.get('/')).statusCode, 200);
  });
});
