// Whether the service can reach its database, for GET /health: one trivial query, no audit entry
// (whatever watches the service asks every few seconds, and no one's records are read).
import { sql } from 'kysely';
import type { AppContext } from './context.ts';

export type DatabaseHealth = { answers: true } | { answers: false; error: unknown };

/** Asks the database a trivial question: it answers, or the error says why it could not. */
export async function databaseAnswers(ctx: AppContext): Promise<DatabaseHealth> {
  try {
    await sql`SELECT 1`.execute(ctx.db);
    return { answers: true };
  } catch (error) {
    return { answers: false, error };
  }
}
