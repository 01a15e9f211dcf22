// The key that signs session and CSRF cookies: SESSION_SECRET when set, otherwise one generated
// on first start and kept in the database, so a restart does not sign everyone out.
import { randomBytes } from 'node:crypto';
import type { Db } from './schema.ts';

export async function resolveSessionSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const generated = randomBytes(48).toString('base64url');
  await db.insertInto('settings').values({ key: 'session-secret', value: generated }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'session-secret').executeTakeFirstOrThrow();
  return row.value;
}
