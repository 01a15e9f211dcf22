import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { auditAppendThrough, auditEntryOf, pageBaseline } from '../bench/page-queries.ts';
import { createContext } from '../src/application/context.ts';
import type { AuditEntryInput } from '../src/infrastructure/audit/audit-log.ts';
import type { Db } from '../src/infrastructure/db/schema.ts';
import { testConfig } from './helpers/test-app.ts';
import { TestClock } from './helpers/test-clock.ts';

const AUDIT_SQL = 'insert into "audit_log" ("id", "occurred_at", "actor_user_id", "actor_organisation_id", "channel", "action", "outcome", "subject_type", "subject_id", "case_id", "ip", "details", "key_id", "entry_hash", "request_id") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)';
const auditValues = ['id-1', new Date('2026-12-01T10:00:00Z'), 'user-1', 'org-1', 'web', 'case.viewed', 'success', 'case', 'case-1', 'case-1', null, '{"page":"overview"}', 'k1', 'mac', null];

/** A driver whose statements come back only when the test says so, noting what was sent when. */
function heldDriver() {
  const sent: string[] = [];
  const waiting = new Map<string, () => void>();
  const raw = (sql: string) => {
    sent.push(sql);
    return new Promise<unknown[]>((resolve) => waiting.set(sql, () => resolve([])));
  };
  const answer = async (sql: string) => {
    waiting.get(sql)!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { sent, raw, answer };
}

describe('a page baseline from its captured statements', () => {
  it('sends again what the page sent at once at once, and what it sent after rows came back after them', async () => {
    const driver = heldDriver();
    const appended: AuditEntryInput[] = [];
    const baseline = pageBaseline(
      [
        { sql: 'select session', parameters: [], askedAt: 0, doneAt: 2 },
        { sql: 'select alerts', parameters: [], askedAt: 3, doneAt: 5 },
        { sql: 'select caseload', parameters: [], askedAt: 3, doneAt: 6 },
        { sql: 'select entries', parameters: [], askedAt: 6.5, doneAt: 9 },
        { sql: AUDIT_SQL, parameters: auditValues, askedAt: 9.5, doneAt: 10 },
      ],
      driver.raw,
      (entry) => {
        appended.push(entry);
        return Promise.resolve();
      },
    );
    assert.deepEqual([baseline.statements, baseline.reads, baseline.auditEntries, baseline.stepsOneAfterAnother], [5, 4, 1, 4]);
    const replayed = baseline.replay();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(driver.sent, ['select session']);
    await driver.answer('select session');
    assert.deepEqual(driver.sent, ['select session', 'select alerts', 'select caseload'], 'the two sent at once');
    await driver.answer('select caseload');
    assert.equal(driver.sent.length, 3, 'the entries wait for the alerts too: the page asked for them after both came back');
    await driver.answer('select alerts');
    assert.deepEqual(driver.sent.slice(3), ['select entries']);
    assert.equal(appended.length, 0);
    await driver.answer('select entries');
    await replayed;
    assert.equal(appended.length, 1);
  });

  it('appends an audit entry like the page\'s, read from its INSERT', () => {
    assert.deepEqual(auditEntryOf({ sql: AUDIT_SQL, parameters: auditValues }), {
      actorUserId: 'user-1',
      actorOrganisationId: 'org-1',
      channel: 'web',
      action: 'case.viewed',
      outcome: 'success',
      subjectType: 'case',
      subjectId: 'case-1',
      caseId: 'case-1',
      ip: null,
      details: { page: 'overview' },
    });
  });

  it('appends the entry by appendAuditEntries, its INSERT sent through the baseline\'s driver', async () => {
    const db: Db = new Kysely({ dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => new DummyDriver(), createIntrospector: (k) => new PostgresIntrospector(k), createQueryCompiler: () => new PostgresQueryCompiler() } });
    const sent: { sql: string; parameters: readonly unknown[] }[] = [];
    const append = auditAppendThrough(createContext(db, testConfig(), new TestClock()), (sql, parameters) => {
      sent.push({ sql, parameters });
      return Promise.resolve([]);
    });
    await append(auditEntryOf({ sql: AUDIT_SQL, parameters: auditValues }));
    assert.equal(sent.length, 1);
    const again = auditEntryOf(sent[0]!);
    assert.equal(again.action, 'case.viewed');
    assert.deepEqual(again.details, { page: 'overview' });
    assert.notEqual(sent[0]!.parameters[0], 'id-1', 'a new id');
  });

  it('refuses a page that writes anything but its audit entry, or an INSERT of several entries', () => {
    assert.throws(() => pageBaseline([{ sql: 'update "sessions" set "seen_at" = $1', parameters: [1], askedAt: 0, doneAt: 1 }], () => Promise.resolve([]), () => Promise.resolve()), /other than one audit entry/);
    assert.throws(() => auditEntryOf({ sql: AUDIT_SQL, parameters: [...auditValues, ...auditValues] }), /more than one row/);
  });
});
