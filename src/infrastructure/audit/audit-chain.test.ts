import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type RawBuilder } from 'kysely';
import { createTestDatabase, usingPostgres } from '../../../test/helpers/test-database.ts';
import type { Database } from '../db/connect.ts';
import type { Db } from '../db/schema.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { anchorAuditHead, readAuditAnchors } from './audit-anchors.ts';
import { appendAudit } from './audit-log.ts';
import { auditEntryHash, GENESIS_HASH } from './audit-hash.ts';
import { keyringOf } from './audit-keys.ts';
import { sealAuditTrail } from './audit-seal.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const OLD_KEY = { id: 'k-old', secret: 'the-old-secret-of-at-least-thirty-two-chars' };
const KEY = { id: 'k-now', secret: 'the-current-secret-of-at-least-thirty-two-chars' };
const keys = keyringOf([OLD_KEY, KEY], 'test');

async function appendUnsealed(db: Db, count: number, from = 1, key = KEY): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, key, { channel: 'web', action: 'case.view', actorUserId: 'u1', caseId: `case-${i}`, details: { n: i, nested: { b: 2, a: 1 } } }, `entry-${i}`, new Date(Date.UTC(2026, 10, 22, 9, i))),
    );
  }
}

/** Appends entries and seals them into the chain, as the server does every second. */
async function appendEntries(db: Db, count: number, from = 1, key = KEY): Promise<void> {
  await appendUnsealed(db, count, from, key);
  await sealAuditTrail(db, keys, { wait: true });
}

/**
 * What someone with database write access but not the key would do: delete an entry, then hash again
 * (without a key) the entries after it, or with `everything` the whole chain from the start.
 */
async function deleteAndRehash(db: Db, id: string, everything = false): Promise<void> {
  const deleted = await db.selectFrom('audit_log').select('seq').where('id', '=', id).executeTakeFirstOrThrow();
  await tamper(db, sql`DELETE FROM audit_log WHERE id = ${id}`);
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('chain_seq').execute();
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (!everything && BigInt(row.seq) < BigInt(deleted.seq)) {
      prev = row.hash!;
      continue;
    }
    const hash = auditEntryHash({ id: row.id, occurredAt: row.occurred_at, actorUserId: row.actor_user_id, actorOrganisationId: row.actor_organisation_id, channel: row.channel, action: row.action, outcome: row.outcome, subjectType: row.subject_type, subjectId: row.subject_id, caseId: row.case_id, ip: row.ip, details: row.details }, prev, null);
    await tamper(db, sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash}, key_id = NULL, entry_hash = NULL WHERE seq = ${row.seq}`);
    prev = hash;
  }
}

const anchorFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'icp-anchor-')), 'anchors.jsonl');

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
    const rows = await database.db.selectFrom('audit_log').select(['prev_hash', 'hash', 'chain_seq']).orderBy('seq').execute();
    assert.equal(rows[0]!.prev_hash, GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash);
    assert.deepEqual(rows.map((row) => Number(row.chain_seq)), [1, 2, 3, 4, 5]);
    const report = await verifyAuditChain(database.db, keys);
    assert.deepEqual(report, { intact: true, entries: 5, unsealed: 0, headHash: rows[4]!.hash, anchorsChecked: 0 });
  });

  it('refuses updates and deletions through the append-only guard', async () => {
    await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(database.db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_log`.execute(database.db), /append-only/);
    await assert.rejects(sql`UPDATE audit_log SET chain_seq = chain_seq + 100, hash = hash WHERE id = 'entry-5'`.execute(database.db), /append-only/, 'a sealed entry is not sealed again');
  });

  it('lets sealing change only an unsealed entry\'s place and chain hashes, nothing it says', async () => {
    await appendUnsealed(database.db, 1, 6);
    await assert.rejects(sql`UPDATE audit_log SET chain_seq = 99, prev_hash = 'p', hash = 'h', details = '{"n": 0}' WHERE id = 'entry-6'`.execute(database.db), /append-only/);
    await assert.rejects(sql`UPDATE audit_log SET action = 'x' WHERE id = 'entry-6'`.execute(database.db), /append-only/);
    assert.deepEqual(await sealAuditTrail(database.db, keys), { sealed: 1, ran: true });
    assert.equal((await verifyAuditChain(database.db, keys)).intact, true);
  });
});

describe('audit entries written without waiting for each other (ADR 10)', () => {
  it('appends without reading or locking the chain, and the sealing step chains entries in the order they committed', async () => {
    const database = await createTestDatabase();
    try {
      await appendUnsealed(database.db, 3);
      const unsealed = await database.db.selectFrom('audit_log').select(['chain_seq', 'prev_hash', 'hash', 'entry_hash']).execute();
      assert.ok(unsealed.every((row) => row.chain_seq === null && row.hash === null && row.entry_hash !== null));
      const before = await verifyAuditChain(database.db, keys);
      assert.deepEqual(before, { intact: true, entries: 0, unsealed: 3, headHash: GENESIS_HASH, anchorsChecked: 0 });
      assert.equal((await sealAuditTrail(database.db, keys)).sealed, 3);
      assert.equal((await sealAuditTrail(database.db, keys)).sealed, 0, 'nothing is sealed twice');
      await appendEntries(database.db, 2, 4);
      const report = await verifyAuditChain(database.db, keys);
      assert.equal(report.intact && report.entries, 5);
    } finally {
      await database.close();
    }
  });

  it('seals an entry that committed after later-numbered ones were sealed at the end of the chain', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database.db, 2);
      // Entry 3 takes its number first but commits last, as a long transaction would.
      await appendUnsealed(database.db, 1, 3);
      await appendEntries(database.db, 2, 4);
      const moved = await database.db.selectFrom('audit_log').select(['id', 'chain_seq']).orderBy('chain_seq').execute();
      assert.deepEqual(moved.map((row) => row.id), ['entry-1', 'entry-2', 'entry-3', 'entry-4', 'entry-5'], 'all sealed together in number order when committed before the round');
      if (usingPostgres) {
        // With real concurrency: a transaction holds its entry uncommitted while another commits and is sealed.
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let written!: () => void;
        const writtenSignal = new Promise<void>((resolve) => (written = resolve));
        const slow = database.db.transaction().execute(async (trx) => {
          await appendAudit(trx, KEY, { channel: 'web', action: 'case.view', details: {} }, 'slow', new Date(Date.UTC(2026, 10, 22, 10)));
          written();
          await held;
        });
        await writtenSignal;
        await appendEntries(database.db, 1, 6);
        release();
        await slow;
        await sealAuditTrail(database.db, keys, { wait: true });
        const order = await database.db.selectFrom('audit_log').select('id').orderBy('chain_seq').execute();
        assert.deepEqual(order.slice(-2).map((row) => row.id), ['entry-6', 'slow'], 'the slow entry is chained after the one that committed first');
        const slowSeq = await database.db.selectFrom('audit_log').select('seq').where('id', '=', 'slow').executeTakeFirstOrThrow();
        const sixSeq = await database.db.selectFrom('audit_log').select('seq').where('id', '=', 'entry-6').executeTakeFirstOrThrow();
        assert.ok(BigInt(slowSeq.seq) < BigInt(sixSeq.seq), 'yet it took its number first');
      }
      assert.equal((await verifyAuditChain(database.db, keys)).intact, true);
    } finally {
      await database.close();
    }
  });

  it('names an entry edited before it was sealed, by its own hash', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database.db, 2);
      await appendUnsealed(database.db, 2, 3);
      await tamper(database.db, sql`UPDATE audit_log SET details = '{"n": 99}' WHERE id = 'entry-4'`);
      const report = await verifyAuditChain(database.db, keys);
      assert.deepEqual(report.intact ? null : [report.brokenAt.id, report.reason], ['entry-4', 'edited']);
    } finally {
      await database.close();
    }
  });

  it('names an entry moved to another place in the chain', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database.db, 5);
      await tamper(database.db, sql.raw(`UPDATE audit_log SET chain_seq = chain_seq + 100 WHERE id = 'entry-2'`));
      const report = await verifyAuditChain(database.db, keys);
      assert.deepEqual(report.intact ? null : [report.brokenAt.id, report.reason], ['entry-3', 'chain-broken']);
    } finally {
      await database.close();
    }
  });

  it('does not seal past an entry signed with a key this process does not hold, and seals it once the key is there', async () => {
    const database = await createTestDatabase();
    try {
      await appendUnsealed(database.db, 1, 1, KEY);
      const elsewhere = { id: 'k-elsewhere', secret: 'a-key-only-another-process-holds-so-far' };
      await appendUnsealed(database.db, 1, 2, elsewhere);
      await appendUnsealed(database.db, 1, 3, KEY);
      const report = await sealAuditTrail(database.db, keys);
      assert.equal(report.sealed, 1);
      assert.equal(report.stoppedAt?.keyId, 'k-elsewhere');
      const all = keyringOf([OLD_KEY, KEY, elsewhere], 'test');
      assert.equal((await sealAuditTrail(database.db, all)).sealed, 2);
      assert.equal((await verifyAuditChain(database.db, all)).intact, true);
    } finally {
      await database.close();
    }
  });
});

describe('audit chain verification', () => {
  const cases: { name: string; change: RawBuilder<unknown>; brokenId: string; reason: 'edited' | 'chain-broken' | 'unknown-key' }[] = [
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
    { name: 'names an entry moved to a key the keyring does not hold', change: sql`UPDATE audit_log SET key_id = 'k-stolen' WHERE id = 'entry-4'`, brokenId: 'entry-4', reason: 'unknown-key' },
    { name: 'names an entry moved to another key it holds', change: sql`UPDATE audit_log SET key_id = 'k-old' WHERE id = 'entry-4'`, brokenId: 'entry-4', reason: 'edited' },
  ];

  for (const scenario of cases) {
    it(scenario.name, async () => {
      const database = await createTestDatabase();
      try {
        await appendEntries(database.db, 5);
        await tamper(database.db, scenario.change);
        const report = await verifyAuditChain(database.db, keys);
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
      assert.deepEqual(await verifyAuditChain(database.db, keys), { intact: true, entries: 0, unsealed: 0, headHash: GENESIS_HASH, anchorsChecked: 0 });
    } finally {
      await database.close();
    }
  });

  it('names a deletion hashed again by someone without the key: the entries after it are unsigned', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database.db, 5);
      await deleteAndRehash(database.db, 'entry-3');
      const report = await verifyAuditChain(database.db, keys);
      assert.deepEqual(report.intact ? null : [report.brokenAt.id, report.reason], ['entry-4', 'unsigned-after-signed']);
    } finally {
      await database.close();
    }
  });

  it('checks entries signed with an earlier key after the key is rotated', async () => {
    const database = await createTestDatabase();
    try {
      await appendEntries(database.db, 2, 1, OLD_KEY);
      await appendEntries(database.db, 2, 3, KEY);
      const report = await verifyAuditChain(database.db, keys);
      assert.equal(report.intact, true);
      const withoutOld = await verifyAuditChain(database.db, keyringOf([KEY], 'test'));
      assert.deepEqual(withoutOld.intact ? null : [withoutOld.brokenAt.id, withoutOld.reason], ['entry-1', 'unknown-key']);
    } finally {
      await database.close();
    }
  });

  it('catches the last entries cut off, and a chain rewritten wholly, against the anchored heads', async () => {
    const file = anchorFile();
    const database = await createTestDatabase();
    try {
      await appendEntries(database.db, 3);
      const first = await anchorAuditHead(database.db, file, new Date(Date.UTC(2026, 10, 22, 10)));
      assert.deepEqual(await anchorAuditHead(database.db, file, new Date(Date.UTC(2026, 10, 22, 11))), first, 'an unchanged head is not written twice');
      await appendEntries(database.db, 3, 4);
      await anchorAuditHead(database.db, file, new Date(Date.UTC(2026, 10, 22, 12)));
      assert.equal(readAuditAnchors(file).length, 2);
      assert.deepEqual((await verifyAuditChain(database.db, keys, readAuditAnchors(file))).intact, true);

      await tamper(database.db, sql`DELETE FROM audit_log WHERE id IN ('entry-5', 'entry-6')`);
      assert.equal((await verifyAuditChain(database.db, keys)).intact, true, 'without the anchors a cut tail looks whole');
      const cut = await verifyAuditChain(database.db, keys, readAuditAnchors(file));
      assert.deepEqual(cut.intact ? null : cut.reason, 'cut-tail');

      await deleteAndRehash(database.db, 'entry-2', true);
      assert.equal((await verifyAuditChain(database.db, keys)).intact, true, 'a chain rewritten wholly unsigned chains correctly on its own');
      const rewritten = await verifyAuditChain(database.db, keys, readAuditAnchors(file));
      assert.deepEqual(rewritten.intact ? null : [rewritten.brokenAt.id, rewritten.reason], ['entry-3', 'anchor-mismatch']);
    } finally {
      await database.close();
    }
  });
});
