import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type RawBuilder } from 'kysely';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Database } from '../db/connect.ts';
import type { Db } from '../db/schema.ts';
import { appendAudit } from './audit-log.ts';
import { GENESIS_HASH } from './audit-hash.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

async function appendEntries(db: Db, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, { channel: 'web', action: 'case.view', actorUserId: 'u1', caseId: `case-${i}`, details: { n: i, nested: { b: 2, a: 1 } } }, `entry-${i}`, new Date(Date.UTC(2026, 10, 22, 9, i))),
    );
  }
}

/** Tampering as someone with direct database access would: the append-only guard switched off. */
async function tamper(db: Db, statement: RawBuilder<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(trx);
  });
}

describe('audit chain', () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  it('starts from the genesis hash and chains each entry onto the one before', async () => {
    await appendEntries(database.db, 5);
    const rows = await database.db.selectFrom('audit_log').select(['prev_hash', 'hash']).orderBy('seq').execute();
    assert.equal(rows[0]!.prev_hash, GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash);
    const report = await verifyAuditChain(database.db);
    assert.deepEqual(report, { intact: true, entries: 5, headHash: rows[4]!.hash });
  });

  it('refuses updates and deletions through the append-only guard', async () => {
    await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(database.db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_log`.execute(database.db), /append-only/);
  });
});

describe('audit chain verification', () => {
  const cases: { name: string; change: RawBuilder<unknown>; brokenId: string; reason: 'edited' | 'chain-broken' }[] = [
    { name: 'names an edited entry', change: sql`UPDATE audit_log SET details = '{"n": 99}' WHERE id = 'entry-3'`, brokenId: 'entry-3', reason: 'edited' },
    { name: 'names an entry whose actor was changed', change: sql`UPDATE audit_log SET actor_user_id = 'someone-else' WHERE id = 'entry-2'`, brokenId: 'entry-2', reason: 'edited' },
    { name: 'names the entry after a deleted one', change: sql`DELETE FROM audit_log WHERE id = 'entry-3'`, brokenId: 'entry-4', reason: 'chain-broken' },
    {
      name: 'names the first of two reordered entries',
      // Swap every column but seq between two rows, as someone with full database access could.
      change: sql.raw(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_id_key;
        UPDATE audit_log AS a SET id = b.id, occurred_at = b.occurred_at, case_id = b.case_id, details = b.details, prev_hash = b.prev_hash, hash = b.hash
        FROM audit_log AS b WHERE (a.id, b.id) IN (('entry-2', 'entry-3'), ('entry-3', 'entry-2'))`),
      brokenId: 'entry-3',
      reason: 'chain-broken',
    },
    {
      name: 'names an edited entry even when its own hash was recomputed',
      change: sql`UPDATE audit_log SET hash = repeat('a', 64) WHERE id = 'entry-2'`,
      brokenId: 'entry-2',
      reason: 'edited',
    },
  ];

  for (const scenario of cases) {
    it(scenario.name, async () => {
      const database = await createTestDatabase();
      try {
        await appendEntries(database.db, 5);
        await tamper(database.db, scenario.change);
        const report = await verifyAuditChain(database.db);
        assert.equal(report.intact, false);
        if (!report.intact) {
          assert.equal(report.brokenAt.id, scenario.brokenId);
          assert.equal(report.reason, scenario.reason);
        }
      } finally {
        await database.close();
      }
    });
  }

  it('reports an empty trail as intact', async () => {
    const database = await createTestDatabase();
    try {
      assert.deepEqual(await verifyAuditChain(database.db), { intact: true, entries: 0, headHash: GENESIS_HASH });
    } finally {
      await database.close();
    }
  });
});
