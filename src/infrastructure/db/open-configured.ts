// Opens the database the configuration names and brings its schema up to date.
import type { Config } from '../../config.ts';
import { openEmbedded, openPostgres, type Database } from './connect.ts';
import { migrate } from './migrate.ts';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl ? openConfiguredPostgres(config.databaseUrl, config) : await openEmbedded(config.dataDir);
  try {
    await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** PostgreSQL at `url` with the service's pool, preparing statements unless DATABASE_PREPARED_STATEMENTS=false; not migrated. */
export function openConfiguredPostgres(url: string, config: Pick<Config, 'databasePreparedStatements'>): Database {
  return openPostgres(url, undefined, undefined, config.databasePreparedStatements);
}
