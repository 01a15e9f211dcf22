import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { verifyAuditChain } from '../infrastructure/audit/verify-audit-chain.ts';
import { cliOperator } from './actor.ts';
import { recordAudit, withAuditAtEnd } from './audit.ts';

describe('audit entries held to the end of a long transaction', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const count = async () => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('appends nothing while the work runs, then every entry in the order recorded, chained', async () => {
    const before = await count();
    await t.ctx.db.transaction().execute((trx) =>
      withAuditAtEnd(trx, async () => {
        await recordAudit(trx, t.ctx, cliOperator, { action: 'test.first' });
        await recordAudit(trx, t.ctx, cliOperator, { action: 'test.second' });
        const during = Number((await trx.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
        assert.equal(during, before, 'held back while the work runs');
      }),
    );
    const last = await t.ctx.db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(2).execute();
    assert.deepEqual(last.map((r) => r.action), ['test.second', 'test.first']);
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);
  });

  it('appends nothing when the work fails, and records straight away again afterwards', async () => {
    const before = await count();
    await assert.rejects(
      t.ctx.db.transaction().execute((trx) =>
        withAuditAtEnd(trx, async () => {
          await recordAudit(trx, t.ctx, cliOperator, { action: 'test.failed' });
          throw new Error('the work failed');
        }),
      ),
      /the work failed/,
    );
    assert.equal(await count(), before);
    await t.ctx.db.transaction().execute((trx) => recordAudit(trx, t.ctx, cliOperator, { action: 'test.after' }));
    assert.equal(await count(), before + 1);
  });
});
