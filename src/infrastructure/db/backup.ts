// Backup and restore of the embedded database: a gzip tarball of PGlite's data folder (pgDump is
// limited to about 5 MB). Both need the folder to themselves, so the server must be stopped.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from './connect.ts';
import { lockDataDir } from './data-dir-lock.ts';

const PGDATA = 'pgdata';

/** Writes the backup to a temporary file first, so a failure never leaves half a backup under FILE. */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  if (!fs.existsSync(path.join(dataDir, PGDATA))) throw new Error(`There is no embedded database in ${dataDir} to back up.`);
  const lock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: path.join(dataDir, PGDATA), extensions: PGLITE_EXTENSIONS });
    try {
      const dump = await pglite.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      const partial = `${file}.partial`;
      fs.writeFileSync(partial, bytes);
      fs.renameSync(partial, file);
      return bytes.length;
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

/** Checks the backup opens and holds our schema before touching the live folder; keeps the old folder aside. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<string> {
  if (!fs.existsSync(file)) throw new Error(`There is no backup file at ${file}.`);
  const archive = new Blob([fs.readFileSync(file)]);
  await checkBackup(archive, file);
  const lock = lockDataDir(dataDir);
  try {
    const live = path.join(dataDir, PGDATA);
    const kept = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    if (fs.existsSync(live)) fs.renameSync(live, kept);
    try {
      const pglite = await PGlite.create({ dataDir: live, loadDataDir: archive, extensions: PGLITE_EXTENSIONS });
      await pglite.query('SELECT count(*) FROM schema_migrations');
      await pglite.close();
    } catch (error) {
      fs.rmSync(live, { recursive: true, force: true });
      if (fs.existsSync(kept)) fs.renameSync(kept, live);
      throw error;
    }
    return kept;
  } finally {
    lock.release();
  }
}

async function checkBackup(archive: Blob, file: string): Promise<void> {
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create({ loadDataDir: archive, extensions: PGLITE_EXTENSIONS });
    await pglite.query('SELECT count(*) FROM schema_migrations');
  } catch {
    throw new Error(`${file} is not a backup of an Infant Care Profile database: nothing was changed.`);
  } finally {
    await pglite?.close().catch(() => undefined);
  }
}
