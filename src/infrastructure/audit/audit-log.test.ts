import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery } from 'kysely';
import type { Database, Queryable } from '../db/schema.ts';
import { appendAuditEntries, auditRowsForOneStatement, type AuditEntryToAppend } from './audit-log.ts';

const KEY = { id: 'k1', secret: 'a-secret-of-at-least-thirty-two-characters' };

/** Kysely compiling for PostgreSQL, with no database behind it. */
const kysely = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** A handle that keeps what it is asked to send. */
function recorder(): { db: Queryable; sent: CompiledQuery[] } {
  const sent: CompiledQuery[] = [];
  const db = { executeQuery: (query: CompiledQuery) => (sent.push(query), Promise.resolve({ rows: [] })) } as unknown as Queryable;
  return { db, sent };
}

function entries(count: number): AuditEntryToAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `entry-${String(i)}`,
    occurredAt: new Date(Date.UTC(2026, 11, 7, 9, 0, i)),
    entry: i % 2 === 0 ? { channel: 'web', action: 'profile.view', actorUserId: 'u1', actorOrganisationId: 'o1', caseId: `case-${String(i)}`, subjectType: 'case', subjectId: `case-${String(i)}`, ip: '127.0.0.1', details: { profileVersion: i, basis: 'team' } } : { channel: 'system', action: 'test.other', outcome: 'denied', requestId: `request-${String(i)}` },
  }));
}

describe('appending audit entries', () => {
  it('sends the INSERT Kysely compiles for the same rows, text and values', async () => {
    for (const count of [1, 2, 3, 17]) {
      const { db, sent } = recorder();
      await appendAuditEntries(db, KEY, entries(count));
      const built = kysely.insertInto('audit_log').values(auditRowsForOneStatement(KEY, entries(count))!).compile();
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.sql, built.sql, `${String(count)} rows`);
      assert.deepEqual(sent[0]!.parameters, built.parameters, `${String(count)} rows`);
    }
  });

  it('sends more entries than one statement takes by several, in the order given', async () => {
    const { db, sent } = recorder();
    const many = entries(2001);
    await appendAuditEntries(db, KEY, many);
    assert.deepEqual(
      sent.map((query) => query.parameters.length / 15),
      [2000, 1],
    );
    assert.equal(sent[1]!.sql, kysely.insertInto('audit_log').values(auditRowsForOneStatement(KEY, many.slice(2000))!).compile().sql);
    assert.deepEqual([sent[0]!.parameters[0], sent[0]!.parameters[15 * 1999], sent[1]!.parameters[0]], ['entry-0', 'entry-1999', 'entry-2000']);
  });
});
