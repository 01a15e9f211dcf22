import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { backupEmbedded, restoreEmbedded } from './backup.ts';
import { openEmbedded } from './connect.ts';
import { migrate } from './migrate.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { createTestDataDir } from '../../../test/helpers/test-database.ts';

async function organisationNames(dataDir: string): Promise<string[]> {
  const database = await openEmbedded(dataDir);
  try {
    const rows = await database.db.selectFrom('organisations').select('name').orderBy('name').execute();
    return rows.map((row) => row.name);
  } finally {
    await database.close();
  }
}

async function addOrganisation(dataDir: string, name: string): Promise<void> {
  const database = await openEmbedded(dataDir);
  try {
    await migrate(database.db);
    await database.db.insertInto('organisations').values({ id: name, name, kind: 'gp', created_at: new TestClock().now() }).execute();
  } finally {
    await database.close();
  }
}

describe('embedded backup and restore', () => {
  it('round-trips: what was backed up comes back, and later changes are undone', async () => {
    const dataDir = await createTestDataDir('icp-backup-');
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}.tar.gz`);
    await addOrganisation(dataDir, 'Before backup');
    const bytes = await backupEmbedded(dataDir, file);
    assert.ok(bytes > 0 && fs.statSync(file).size === bytes);

    await addOrganisation(dataDir, 'After backup');
    assert.deepEqual(await organisationNames(dataDir), ['After backup', 'Before backup']);

    const kept = await restoreEmbedded(dataDir, file);
    assert.deepEqual(await organisationNames(dataDir), ['Before backup']);
    assert.ok(fs.existsSync(kept), 'the replaced database is kept aside');
  });

  it('refuses a file that is not a backup and leaves the database untouched', async () => {
    const dataDir = await createTestDataDir('icp-backup-');
    await addOrganisation(dataDir, 'Still here');
    const junk = path.join(dataDir, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a tarball');
    await assert.rejects(restoreEmbedded(dataDir, junk), /is not a backup of an Infant Care Profile database: nothing was changed/);
    assert.deepEqual(await organisationNames(dataDir), ['Still here']);
  });

  it('refuses to back up a folder with no database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-backup-'));
    await assert.rejects(backupEmbedded(dataDir, path.join(dataDir, 'x.tar.gz')), /There is no embedded database/);
  });
});
