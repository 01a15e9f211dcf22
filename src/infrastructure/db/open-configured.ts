// Opens the database the configuration names and brings its schema up to date.
import type { Config } from '../../config.ts';
import { openEmbedded, openPostgres, type Database } from './connect.ts';
import { migrate } from './migrate.ts';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl ? openPostgres(config.databaseUrl) : await openEmbedded(config.dataDir);
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
