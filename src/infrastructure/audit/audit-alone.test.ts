import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompiledQuery } from 'kysely';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Database } from '../db/connect.ts';
import type { Queryable } from '../db/schema.ts';
import { currentRequestId, runForRequest } from '../process/request-scope.ts';
import { appendAuditAlone } from './audit-alone.ts';
import type { AuditEntryInput } from './audit-log.ts';
import { keyringOf } from './audit-keys.ts';
import { sealAuditTrail } from './audit-seal.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

const KEY = { id: 'k-now', secret: 'the-current-secret-of-at-least-thirty-two-chars' };

interface Sent {
  rows: number;
  /** The request whose context the statement was sent in. */
  requestId: string | null;
}

/** The database's handle, keeping the INSERTs sent through it (each handle groups its own entries). */
function watched(db: Queryable): { db: Queryable; sent: Sent[] } {
  const sent: Sent[] = [];
  const handle = new Proxy(db, {
    get(target, property) {
      if (property !== 'executeQuery') return Reflect.get(target, property, target) as unknown;
      return (query: CompiledQuery) => {
        sent.push({ rows: query.parameters.length / 15, requestId: currentRequestId() });
        return target.executeQuery(query);
      };
    },
  });
  return { db: handle, sent };
}

describe('audit entries appended alone', () => {
  let database: Database;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  let n = 0;
  /** Appends an entry in a request of its own, as a page view does; resolves to its id. */
  function view(db: Queryable, request: string, details: Record<string, unknown> = { n }): Promise<string> {
    const id = `entry-${String(++n)}`;
    const entry: AuditEntryInput = { channel: 'web', action: 'profile.view', actorUserId: 'u1', caseId: 'c1', details };
    return runForRequest(request, () => appendAuditAlone(db, KEY, { entry, id, occurredAt: new Date(Date.UTC(2026, 11, 7, 9, 0, n)) }).then(() => id));
  }
  const stored = async (id: string) => database.db.selectFrom('audit_log').select(['seq', 'request_id']).where('id', '=', id).executeTakeFirst();

  it('sends one at a time at once, and those appended while one is in flight together, each caller answered once its own entry is committed', async () => {
    const { db, sent } = watched(database.db);
    assert.ok(await stored(await view(db, 'alone')));
    const committedWhenAnswered = await Promise.all(Array.from({ length: 10 }, (_, i) => view(db, `request-${String(i)}`).then(async (id) => ({ id, row: await stored(id) }))));
    assert.deepEqual(
      sent.map((s) => s.rows),
      [1, 1, 9],
    );
    assert.ok(committedWhenAnswered.every(({ row }) => row !== undefined));
    assert.deepEqual(
      committedWhenAnswered.map(({ row }) => row!.request_id),
      Array.from({ length: 10 }, (_, i) => `request-${String(i)}`),
      'each entry keeps the request it was appended in',
    );
    const numbers = committedWhenAnswered.map(({ row }) => BigInt(row!.seq));
    assert.deepEqual([...numbers].sort((a, b) => (a < b ? -1 : 1)), numbers, 'numbered in the order appended');
    assert.equal(sent[2]!.requestId, 'request-1', "a group is sent in its first entry's request");
  });

  it('takes at most 16 entries an INSERT', async () => {
    const { db, sent } = watched(database.db);
    await Promise.all(Array.from({ length: 40 }, (_, i) => view(db, `many-${String(i)}`)));
    assert.deepEqual(
      sent.map((s) => s.rows),
      [1, 16, 16, 7],
    );
  });

  it('fails only the caller whose entry the database refuses, the others of its group stored', async () => {
    const { db, sent } = watched(database.db);
    const outcomes = await Promise.allSettled([view(db, 'first'), view(db, 'good-before'), view(db, 'refused', { text: 'a \u0000 in jsonb' }), view(db, 'good-after')]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(
      sent.map((s) => s.rows),
      [1, 3, 1, 1, 1],
      'the refused group sent again an entry at a time',
    );
    for (const outcome of outcomes) if (outcome.status === 'fulfilled') assert.ok(await stored(outcome.value));
  });

  it('are chained by the sealing step, and the chain verifies', async () => {
    const { db } = watched(database.db);
    await Promise.all(Array.from({ length: 12 }, (_, i) => view(db, `sealed-${String(i)}`)));
    const keys = keyringOf([KEY], 'test');
    await sealAuditTrail(database.db, keys, { wait: true });
    const report = await verifyAuditChain(database.db, keys);
    assert.equal(report.intact, true);
    assert.equal(report.unsealed, 0);
  });
});
