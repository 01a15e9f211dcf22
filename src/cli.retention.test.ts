// `icp retention run` as an operator runs it: the dry run on a partnership with nothing due prints 0
// last; --confirm without saying who confirms is a usage error; with --by it disposes of nothing due
// and says so. The disposal itself: application/retention/disposal-run.test.ts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { icp } from '../test/helpers/cli.ts';
import { createTestDatabase, createTestDataDir, usingPostgres, type TestDatabase } from '../test/helpers/test-database.ts';

describe(`retention run on ${usingPostgres ? 'PostgreSQL' : 'the embedded database'}`, () => {
  let env: Record<string, string>;
  let database: TestDatabase | undefined;
  before(async () => {
    if (usingPostgres) {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url!, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'icp-cli-pg-')) };
    } else {
      env = { DATA_DIR: await createTestDataDir('icp-cli-retention-') };
    }
  });
  after(async () => database?.close());

  it('lists nothing due in a dry run, wants --by to confirm, and disposes of nothing when nothing is due', async () => {
    const dry = await icp(env, 'retention', 'run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /A dry run on \d{4}-\d{2}-\d{2}: 0 due, 0 kept/);
    assert.equal(dry.last, '0');
    const unsigned = await icp(env, 'retention', 'run', '--confirm');
    assert.equal(unsigned.status, 2);
    assert.match(unsigned.stderr, /Missing --by NAME: say who confirms the disposal/);
    const confirmed = await icp(env, 'retention', 'run', '--confirm', '--by', 'Olive Operator');
    assert.equal(confirmed.status, 0, confirmed.stderr);
    assert.equal(confirmed.last, '0');
  });
});
