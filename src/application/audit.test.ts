import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { usingPostgres } from '../../test/helpers/test-database.ts';
import { sealAuditTrail } from '../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../infrastructure/audit/verify-audit-chain.ts';
import { cliOperator } from './actor.ts';
import { recordAudit, recordAuditAlone } from './audit.ts';

describe('audit entries written by use cases', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const count = async () => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('are written in the order recorded, and chained once sealed', async () => {
    await t.ctx.db.transaction().execute(async (trx) => {
      await recordAudit(trx, t.ctx, cliOperator, { action: 'test.first' });
      await recordAudit(trx, t.ctx, cliOperator, { action: 'test.second' });
    });
    const last = await t.ctx.db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(2).execute();
    assert.deepEqual(last.map((r) => r.action), ['test.second', 'test.first']);
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    const report = await verifyAuditChain(t.ctx.db, t.ctx.auditKeys);
    assert.equal(report.intact && report.unsealed, 0);
  });

  it('are undone with the work that failed', async () => {
    const before = await count();
    await assert.rejects(
      t.ctx.db.transaction().execute(async (trx) => {
        await recordAudit(trx, t.ctx, cliOperator, { action: 'test.failed' });
        throw new Error('the work failed');
      }),
      /the work failed/,
    );
    assert.equal(await count(), before);
  });

  it('do not wait for another transaction that has written an entry and not committed', { skip: !usingPostgres && 'PGlite runs one transaction at a time' }, async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const writtenSignal = new Promise<void>((resolve) => (written = resolve));
    const long = t.ctx.db.transaction().execute(async (trx) => {
      await recordAudit(trx, t.ctx, cliOperator, { action: 'test.long' });
      written();
      await held;
    });
    await writtenSignal;
    const outcome = await Promise.race([
      recordAuditAlone(t.ctx, cliOperator, { action: 'test.page-view' }).then(() => 'written'),
      new Promise((resolve) => setTimeout(() => resolve('waited'), 2000)),
    ]);
    release();
    await long;
    assert.equal(outcome, 'written');
  });
});
