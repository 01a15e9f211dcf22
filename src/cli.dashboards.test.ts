// `icp dashboards rebuild-summaries` (ADR 0017): on a database whose cases have no summary row (made
// before migration 055) or a stale one, it writes those; with --all, every case's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createContext } from './application/context.ts';
import { withSummaries } from './application/dashboards/case-summaries.ts';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './infrastructure/db/open-configured.ts';
import { cliDatabaseName, icp, useCliEnvironment } from '../test/helpers/cli.ts';
import { makeCase, makePerson } from '../test/helpers/factories.ts';

describe(`dashboards rebuild-summaries on ${cliDatabaseName}`, () => {
  const cli = useCliEnvironment('icp-cli-dashboards-');

  async function withDatabase<T>(use: (ctx: ReturnType<typeof createContext>) => Promise<T>): Promise<T> {
    const config = loadConfig({ ...cli.env, LOG_LEVEL: 'silent' });
    const opened = await openConfiguredDatabase(config);
    try {
      return await use(createContext(opened.db, config));
    } finally {
      await opened.close();
    }
  }

  it('writes the missing and stale rows, then none; --all writes every row', async () => {
    const caseIds = await withDatabase(async (ctx) => {
      const ids = [(await makeCase(ctx, { familyName: 'Rebuild' })).id, (await makeCase(ctx, { familyName: 'Rebuild' })).id];
      await makePerson(ctx, ids[0]!);
      return ids;
    });
    const first = await icp(cli.env, 'dashboards', 'rebuild-summaries');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /of 2 cases, dashboards' summaries written/);
    assert.equal(first.last, '2');
    const rows = () => withDatabase((ctx) => withSummaries(ctx.db).selectFrom('dashboard_case_summaries').select(['case_id', 'level', 'completeness']).orderBy('case_id').execute());
    const written = await rows();
    assert.deepEqual(written.map((r) => r.case_id), [...caseIds].sort());
    assert.equal((await icp(cli.env, 'dashboards', 'rebuild-summaries')).last, '0', 'nothing missing or stale');
    // A row of another clocks' settings is stale; one of the case's version and settings is taken as current unless --all.
    await withDatabase((ctx) => withSummaries(ctx.db).updateTable('dashboard_case_summaries').set({ settings_stamp: 'older' }).where('case_id', '=', caseIds[0]!).execute());
    assert.equal((await icp(cli.env, 'dashboards', 'rebuild-summaries')).last, '1');
    await withDatabase((ctx) => withSummaries(ctx.db).updateTable('dashboard_case_summaries').set({ level: 'wrong' }).execute());
    assert.equal((await icp(cli.env, 'dashboards', 'rebuild-summaries')).last, '0');
    const all = await icp(cli.env, 'dashboards', 'rebuild-summaries', '--all');
    assert.match(all.stdout, /Every case: of 2 cases/);
    assert.equal(all.last, '2');
    assert.deepEqual(await rows(), written);
  });
});
