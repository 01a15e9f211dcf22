import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Database } from '../db/connect.ts';
import type { Db } from '../db/schema.ts';
import { appendAudit } from './audit-log.ts';
import { keyringOf } from './audit-keys.ts';
import { sealAuditTrail } from './audit-seal.ts';
import { appendTombstone, REDACTED_DETAILS } from './audit-tombstone.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const KEY = { id: 'k-now', secret: 'the-current-secret-of-at-least-thirty-two-chars' };
const keys = keyringOf([KEY], 'test');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute));

async function append(db: Db, id: string, caseId: string | null, details: Record<string, unknown>, minute: number): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, KEY, { channel: 'web', action: caseId ? 'case.view' : 'cases.search', caseId, details }, id, at(minute)));
}

async function tombstone(db: Db, id: string, caseId: string, mentions: string[], minute: number) {
  return db.transaction().execute((trx) =>
    appendTombstone(trx, KEY, { entry: { channel: 'cli', action: 'retention.dispose', caseId, subjectType: 'case', subjectId: caseId, details: { rule: 'child-record' } }, id, occurredAt: at(minute) }, { caseId, mentions }),
  );
}

/** Changes a row as someone with direct database access would: the append-only guard switched off. */
async function tamper(db: Db, statement: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(trx);
    await sql.raw(statement).execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(trx);
  });
}

describe('a tombstone in the audit chain', () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
    await append(database.db, 'view-1', 'case-a', { basis: 'team' }, 1);
    await append(database.db, 'search-1', null, { criteria: { name: 'Zephyrine Quill', nhsNumber: null }, caseIds: [] }, 2);
    await append(database.db, 'search-2', null, { criteria: { name: null, nhsNumber: '9434765919' }, caseIds: ['case-a'] }, 3);
    await append(database.db, 'other-case', 'case-b', { note: 'Quill is mentioned on another case' }, 4);
    await append(database.db, 'other-search', null, { criteria: { name: 'Someone Else' }, caseIds: ['case-b'] }, 5);
    await sealAuditTrail(database.db, keys, { wait: true });
    // Written but not yet sealed when the tombstone is made.
    await append(database.db, 'view-2', 'case-a', { basis: 'oversight' }, 6);
  });
  after(async () => database.close());

  it('redacts the entries about the case, naming it or its people, and the chain still verifies', async () => {
    const redaction = await tombstone(database.db, 'stone-a', 'case-a', ['Quill', '9434765919'], 7);
    assert.equal(redaction.entries, 4);
    const rows = await database.db.selectFrom('audit_log').select(['id', 'details', 'redacted_by']).orderBy('seq').execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ['view-1', 'search-1', 'search-2', 'view-2']) assert.deepEqual(byId.get(id), { id, details: REDACTED_DETAILS, redacted_by: 'stone-a' });
    assert.deepEqual(byId.get('other-case')!.details, { note: 'Quill is mentioned on another case' }, 'an entry about another case keeps its details');
    assert.equal(byId.get('other-search')!.redacted_by, null);
    assert.deepEqual(byId.get('stone-a')!.details, { rule: 'child-record', redaction: { entries: 4, digest: redaction.digest } });
    await sealAuditTrail(database.db, keys, { wait: true });
    const report = await verifyAuditChain(database.db, keys);
    assert.equal(report.intact, true, JSON.stringify(report));
    assert.equal(report.intact && report.entries, 7);
  });

  it('lets only a redaction naming a tombstone through the append-only guard, once', async () => {
    await assert.rejects(sql`UPDATE audit_log SET details = '{"redacted": true}' WHERE id = 'other-case'`.execute(database.db), /append-only/, 'not without naming the tombstone');
    await assert.rejects(sql`UPDATE audit_log SET details = '{"n": 1}', redacted_by = 'x' WHERE id = 'other-case'`.execute(database.db), /append-only/, 'details other than the redaction');
    await assert.rejects(sql`UPDATE audit_log SET redacted_by = 'x' WHERE id = 'view-1'`.execute(database.db), /append-only/, 'a redacted entry is not redacted again');
  });

  it('finds an entry redacted without its tombstone, or a tombstone whose entries were changed', async () => {
    const scratch = await createTestDatabase();
    try {
      await append(scratch.db, 'view-1', 'case-a', {}, 1);
      await append(scratch.db, 'view-2', 'case-b', { name: 'Quill' }, 2);
      await tombstone(scratch.db, 'stone-a', 'case-a', [], 3);
      await sealAuditTrail(scratch.db, keys, { wait: true });
      assert.equal((await verifyAuditChain(scratch.db, keys)).intact, true);
      await tamper(scratch.db, `UPDATE audit_log SET details = '{"redacted": true}', redacted_by = 'stone-a' WHERE id = 'view-2'`);
      assert.deepEqual(await verifyAuditChain(scratch.db, keys), { intact: false, entries: 3, brokenAt: { seq: '3', id: 'stone-a' }, reason: 'edited' });
      await tamper(scratch.db, `UPDATE audit_log SET redacted_by = 'no-such-tombstone' WHERE id = 'view-2'`);
      assert.deepEqual(await verifyAuditChain(scratch.db, keys), { intact: false, entries: 3, brokenAt: { seq: '2', id: 'view-2' }, reason: 'edited' });
    } finally {
      await scratch.close();
    }
  });
});

describe('a tombstone for a person withdrawn from a case that stays', () => {
  it('redacts only the entries about the person or naming them, and the chain still verifies', async () => {
    const scratch = await createTestDatabase();
    try {
      const about = (id: string, caseId: string | null, subjectId: string | null, details: Record<string, unknown>, minute: number) =>
        scratch.db.transaction().execute((trx) => appendAudit(trx, KEY, { channel: 'web', action: 'person.update', caseId, subjectType: subjectId ? 'person' : null, subjectId, details }, id, at(minute)));
      await about('person-added', 'case-a', 'person-p', { relationshipToInfant: 'father' }, 1);
      await about('case-viewed', 'case-a', 'case-a', { basis: 'team' }, 2);
      await about('entry-naming', 'case-a', 'entry-1', { personIds: ['person-p'] }, 3);
      await about('searched', null, null, { criteria: { name: 'Quill' } }, 4);
      await about('other-case', 'case-b', 'case-b', { note: 'Quill on another case' }, 5);
      await sealAuditTrail(scratch.db, keys, { wait: true });
      const redaction = await scratch.db.transaction().execute((trx) =>
        appendTombstone(trx, KEY, { entry: { channel: 'web', action: 'person.withdrawn', caseId: 'case-a', subjectType: 'person', subjectId: 'person-p', details: {} }, id: 'stone-p', occurredAt: at(6) }, { caseId: 'case-a', personId: 'person-p', mentions: ['Quill'] }),
      );
      assert.equal(redaction.entries, 3);
      const redacted = await scratch.db.selectFrom('audit_log').select('id').where('redacted_by', '=', 'stone-p').orderBy('id').execute();
      assert.deepEqual(redacted.map((row) => row.id), ['entry-naming', 'person-added', 'searched']);
      await sealAuditTrail(scratch.db, keys, { wait: true });
      assert.equal((await verifyAuditChain(scratch.db, keys)).intact, true);
    } finally {
      await scratch.close();
    }
  });
});
