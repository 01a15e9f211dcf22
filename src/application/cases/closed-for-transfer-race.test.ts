import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { usingPostgres } from '../../../test/helpers/test-database.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

// Issue 21: a change queued behind the transaction that closes the case for transfer sees the
// closure once it has the lock (lock-cases-for-change.ts reads it from the case's own row, whose
// newest version PostgreSQL re-reads after the wait). Needs two connections: PostgreSQL only.
describe('a change waiting behind the closure of its case', { skip: usingPostgres ? false : 'needs DATABASE_URL: the embedded database has one connection' }, () => {
  let t: TestApp;
  let caseId: string;
  let token: string;

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'health-visiting', 'Southby Health Visiting');
    const lead = await makeUser(t.ctx, { organisationId: org.id, name: 'Lena Lead' });
    token = await apiTokenFor(t.ctx, lead.email);
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Mover', teamUserIds: [lead.id] }));
  });
  after(async () => t.close());

  const post = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${token}` }, payload });
  const waitingForLocks = async (count: number) => {
    for (let tries = 0; tries < 600; tries += 1) {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.ctx.db);
      if ((rows[0]?.n ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`fewer than ${count} statements waiting for a lock`);
  };

  it('is refused closed-for-transfer and audited, once the closing transaction commits', async () => {
    const today = serviceToday(t.clock.now());
    const entries = async () => (await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute()).length;
    const entriesBefore = await entries();
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    // Holds the closing transaction (T1) after it has locked the case and before it stores the transfer.
    const holding = t.ctx.db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE case_transfers IN SHARE MODE`.execute(trx);
      await released;
    });
    const closing = post('transfer', { toArea: 'Northshire County Council', contact: 'Rita Receiver, duty team' });
    await waitingForLocks(1);
    // T2: a change to the same case, queued behind T1's lock on the case.
    const change = post('events', { kind: 'home-visit', occurredAt: `${addDays(today, -1)}T10:00:00Z`, summary: 'Visited as the case closed', source: 'agency-record' });
    await waitingForLocks(2);
    release();
    await holding;
    const closed = await closing;
    assert.equal(closed.statusCode, 201, closed.body);
    const refused = await change;
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'closed-for-transfer');
    const denied = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('case_id', '=', caseId).where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied.map((row) => [row.action, (row.details as { reason?: string } | null)?.reason]), [['chronology.record', 'closed-for-transfer']]);
    assert.equal(await entries(), entriesBefore, 'nothing recorded');
  });
});
