import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import type { AuditRow } from '../audit/audit-log.ts';
import { insertInChunks, MOST_PARAMETERS, rowsPerStatement } from './insert-in-chunks.ts';

class InsertsSent implements KyselyPlugin {
  count = 0;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'InsertQueryNode') this.count++;
    return node;
  }
  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}

/** Audit rows (15 columns each, so 4,369 of them are exactly 65,535 parameters), told apart by their action and ids. */
function auditRows(count: number, action: string): AuditRow[] {
  const at = new Date('2026-11-22T09:00:00Z');
  return Array.from({ length: count }, () => {
    const id = randomUUID();
    return { id, occurred_at: at, actor_user_id: null, actor_organisation_id: null, channel: 'system', action, outcome: 'success', subject_type: null, subject_id: null, case_id: null, ip: null, details: '{}', key_id: 'test', entry_hash: id, request_id: null };
  });
}

describe('rows inserted in chunks under the parameters one statement carries (issue 12)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.close());

  /** The rows with this action, in the order the audit trail numbered them. */
  const storedIds = async (action: string) => (await database.db.selectFrom('audit_log').select('id').where('action', '=', action).orderBy('seq').execute()).map((row) => row.id);

  async function inserted(rows: readonly AuditRow[]): Promise<number> {
    const sent = new InsertsSent();
    await database.db.withPlugin(sent).transaction().execute((trx) => insertInChunks(trx, 'audit_log', rows));
    return sent.count;
  }

  it('counts a row as the columns all the rows name together', () => {
    assert.equal(rowsPerStatement(auditRows(1, 'test.count')), 4_369);
    assert.equal(rowsPerStatement([{ a: 1 }, { b: 2, c: 3 }]), Math.floor(MOST_PARAMETERS / 3));
    assert.equal(rowsPerStatement([]), MOST_PARAMETERS);
  });

  it('is what the engine holds: one INSERT of 65,535 parameters is stored, of 65,550 refused (PGlite as PostgreSQL)', async () => {
    await assert.rejects(database.db.insertInto('audit_log').values(auditRows(4_370, 'test.over')).execute(), /bind message/);
    const fits = auditRows(4_369, 'test.at-the-limit');
    await database.db.insertInto('audit_log').values(fits).execute();
    assert.equal((await storedIds('test.at-the-limit')).length, fits.length);
  });

  it('sends rows of exactly 65,535 parameters by one INSERT', async () => {
    const rows = auditRows(4_369, 'test.one');
    assert.equal(await inserted(rows), 1);
    assert.deepEqual(await storedIds('test.one'), rows.map((row) => row.id));
  });

  it('sends one row more by a second INSERT, the rows numbered in the order given', async () => {
    const rows = auditRows(4_370, 'test.split');
    assert.equal(await inserted(rows), 2);
    assert.deepEqual(await storedIds('test.split'), rows.map((row) => row.id));
  });

  it('sends nothing for no rows', async () => {
    assert.equal(await inserted([]), 0);
  });
});
