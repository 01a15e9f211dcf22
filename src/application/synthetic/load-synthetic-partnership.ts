// Writes a synthetic partnership straight into the tables, for benchmarks and trials: staff first,
// then families in chunks, each chunk one transaction of multi-row inserts, so memory stays flat
// at any size. It is a generator, not a use case: no per-entry profile versions (each case stays at
// profile version 0), no alerts; one audit entry for the whole generation.
import type { Insertable } from 'kysely';
import { syntheticPartnership, type SyntheticPartnership } from '../../synthetic/generate-partnership.ts';
import { syntheticId } from '../../synthetic/synthetic-ids.ts';
import type { SyntheticFamily } from '../../synthetic/synthetic.types.ts';
import { hashPassword } from '../../infrastructure/security/passwords.ts';
import type { Database, Tx } from '../../infrastructure/db/schema.ts';
import { sql } from 'kysely';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { serviceToday } from '../cases/create-case.ts';
import { caseRows } from './synthetic-case-rows.ts';

/** Every synthetic account signs in with this password. */
export const SYNTHETIC_PASSWORD = 'synthetic-password';

const FAMILIES_PER_TRANSACTION = 200;
const ROWS_PER_STATEMENT = 1_000;

export interface SyntheticCounts {
  organisations: number;
  users: number;
  infants: number;
  people: number;
  relationships: number;
  teamMembers: number;
  assessments: number;
  evidence: number;
  entries: number;
}

export type LoadSyntheticResult =
  | { ok: true; counts: SyntheticCounts; seconds: number }
  | { ok: false; code: 'already-generated'; message: string };

export interface LoadSyntheticOptions {
  infants: number;
  seed: number;
  /** Called after each chunk of families with how many are written so far. */
  onProgress?: (infantsWritten: number, counts: SyntheticCounts) => void;
}

async function insertInChunks<T extends keyof Database>(trx: Tx, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await trx.insertInto(table).values(rows.slice(start, start + ROWS_PER_STATEMENT)).execute();
  }
}

async function writeStaff(ctx: AppContext, staff: SyntheticPartnership, passwordHash: string, counts: SyntheticCounts): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const organisations = [...staff.organisations()].map((o) => ({ id: o.id, name: o.name, kind: o.kind, created_at: now }));
    await insertInChunks(trx, 'organisations', organisations);
    counts.organisations = organisations.length;
    let users: Insertable<Database['users']>[] = [];
    for (const user of staff.users()) {
      users.push({ id: user.id, organisation_id: user.organisationId, email: user.email, name: user.name, role: user.role, password_hash: passwordHash, created_at: now });
      if (users.length === ROWS_PER_STATEMENT) {
        await insertInChunks(trx, 'users', users);
        counts.users += users.length;
        users = [];
      }
    }
    await insertInChunks(trx, 'users', users);
    counts.users += users.length;
  });
}

async function writeFamilies(ctx: AppContext, families: SyntheticFamily[], counts: SyntheticCounts): Promise<void> {
  const rows = caseRows(families);
  await ctx.db.transaction().execute(async (trx) => {
    await insertInChunks(trx, 'cases', rows.cases);
    await insertInChunks(trx, 'people', rows.people);
    await insertInChunks(trx, 'person_relationships', rows.relationships);
    await insertInChunks(trx, 'case_team', rows.team);
    await insertInChunks(trx, 'profile_assessments', rows.assessments);
    await insertInChunks(trx, 'profile_evidence', rows.evidence);
    await insertInChunks(trx, 'chronology_entries', rows.entries);
  });
  counts.infants += rows.cases.length;
  counts.people += rows.people.length;
  counts.relationships += rows.relationships.length;
  counts.teamMembers += rows.team.length;
  counts.assessments += rows.assessments.length;
  counts.evidence += rows.evidence.length;
  counts.entries += rows.entries.length;
}

export async function loadSyntheticPartnership(ctx: AppContext, operator: OperatorActor, options: LoadSyntheticOptions): Promise<LoadSyntheticResult> {
  const started = performance.now();
  const existing = await ctx.db.selectFrom('organisations').select('id').where('id', '=', syntheticId(options.seed, 'organisation', 0)).executeTakeFirst();
  if (existing) return { ok: false, code: 'already-generated', message: `A partnership with seed ${String(options.seed)} is already in this database: use another seed.` };
  const counts: SyntheticCounts = { organisations: 0, users: 0, infants: 0, people: 0, relationships: 0, teamMembers: 0, assessments: 0, evidence: 0, entries: 0 };
  const partnership = syntheticPartnership({ infants: options.infants, seed: options.seed, today: serviceToday(ctx.clock.now()) });
  // Argon2 is slow on purpose: one hash serves every synthetic account.
  await writeStaff(ctx, partnership, await hashPassword(SYNTHETIC_PASSWORD), counts);
  let chunk: SyntheticFamily[] = [];
  for (const family of partnership.families()) {
    chunk.push(family);
    if (chunk.length === FAMILIES_PER_TRANSACTION) {
      await writeFamilies(ctx, chunk, counts);
      chunk = [];
      options.onProgress?.(counts.infants, counts);
    }
  }
  if (chunk.length > 0) {
    await writeFamilies(ctx, chunk, counts);
    options.onProgress?.(counts.infants, counts);
  }
  // Fresh statistics, or the planner guesses from empty tables: a bulk load is just when
  // autovacuum has not caught up, and a re-evaluation of every profile ran ten times slower.
  await sql`ANALYZE`.execute(ctx.db);
  const seconds = (performance.now() - started) / 1000;
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, ctx, operator, { action: 'synthetic.generate', details: { seed: options.seed, ...counts, seconds: Math.round(seconds) } }),
  );
  return { ok: true, counts, seconds };
}
