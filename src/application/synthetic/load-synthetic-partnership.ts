// Writes a synthetic partnership straight into the tables, for benchmarks and trials: staff first,
// then families in chunks of 200, each chunk one transaction (two at once, while the next chunk is
// generated), so memory stays flat at any size. The big tables go in by unnest, one array per
// column: on PostgreSQL 4,000 infants took 21.4 s by multi-row VALUES and 15.9 s by unnest, one
// writer at a time, and 9.5 s with two writers (issue 6 note). It is a generator, not a use case: no
// per-entry profile versions and no alerts, but once every family is written, each case gets its
// first profile version, of the findings its profile evaluates, and its dashboards' summary, as
// `icp profiles reevaluate` writes them (evaluateGeneratedCases): the home page's list and the
// dashboards read those, and left at version 0 they showed "No findings" for cases whose page showed
// High ones. One audit entry for the whole generation.
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
import { serviceToday } from '../../domain/shared/service-day.ts';
import { caseRows, type CaseRows } from './synthetic-case-rows.ts';
import { evaluateGeneratedCases } from '../profile/reevaluate-profiles.ts';

/** Every synthetic account signs in with this password. */
export const SYNTHETIC_PASSWORD = 'synthetic-password';

const FAMILIES_PER_TRANSACTION = 200;
const ROWS_PER_STATEMENT = 1_000;
const COLUMN_ROWS_PER_STATEMENT = 20_000;
const WRITERS = 2;

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
  measurements: number;
}

export type LoadSyntheticResult =
  | { ok: true; counts: SyntheticCounts; seconds: number; /** Of `seconds`, those spent on the cases' first profile versions. */ evaluatingSeconds: number }
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

/** Each column's type by name, for the casts of insertByColumns. */
type ColumnTypes = ReadonlyMap<string, string>;

async function columnTypes(ctx: AppContext, table: keyof Database): Promise<ColumnTypes> {
  const rows = await sql<{ column_name: string; udt_name: string }>`
    SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`.execute(ctx.db);
  return new Map(rows.rows.map((row) => [row.column_name, row.udt_name]));
}

/**
 * The rows as one INSERT … SELECT FROM unnest(...) per chunk: one array parameter per column
 * rather than one parameter per value, which the database parses and binds far faster than a
 * multi-row VALUES (the figures are in the issue 6 note). Every row must carry the same columns.
 */
async function insertByColumns<T extends keyof Database>(trx: Tx, table: T, types: ColumnTypes, rows: Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  if (rows.some((row) => Object.keys(row).length !== columns.length)) throw new Error(`Every ${table} row must carry the same columns`);
  for (let start = 0; start < rows.length; start += COLUMN_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + COLUMN_ROWS_PER_STATEMENT) as Record<string, unknown>[];
    const arrays = columns.map((column) => sql`${chunk.map((row) => row[column] ?? null)}::${sql.raw(`${types.get(column) ?? 'text'}[]`)}`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(trx);
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

/** The tables written by columns, with their column types. */
type FamilyTables = Record<'people' | 'profile_assessments' | 'profile_evidence' | 'chronology_entries' | 'growth_measurements', ColumnTypes>;

async function familyTables(ctx: AppContext): Promise<FamilyTables> {
  return {
    people: await columnTypes(ctx, 'people'),
    profile_assessments: await columnTypes(ctx, 'profile_assessments'),
    profile_evidence: await columnTypes(ctx, 'profile_evidence'),
    chronology_entries: await columnTypes(ctx, 'chronology_entries'),
    growth_measurements: await columnTypes(ctx, 'growth_measurements'),
  };
}

async function writeFamilies(ctx: AppContext, tables: FamilyTables, rows: CaseRows, counts: SyntheticCounts): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await insertInChunks(trx, 'cases', rows.cases);
    await insertByColumns(trx, 'people', tables.people, rows.people);
    await insertInChunks(trx, 'person_relationships', rows.relationships);
    await insertInChunks(trx, 'case_team', rows.team);
    await insertByColumns(trx, 'profile_assessments', tables.profile_assessments, rows.assessments);
    await insertByColumns(trx, 'profile_evidence', tables.profile_evidence, rows.evidence);
    await insertByColumns(trx, 'chronology_entries', tables.chronology_entries, rows.entries);
    await insertByColumns(trx, 'growth_measurements', tables.growth_measurements, rows.measurements);
  });
  counts.infants += rows.cases.length;
  counts.people += rows.people.length;
  counts.relationships += rows.relationships.length;
  counts.teamMembers += rows.team.length;
  counts.assessments += rows.assessments.length;
  counts.evidence += rows.evidence.length;
  counts.entries += rows.entries.length;
  counts.measurements += rows.measurements.length;
}

/** The generated cases' ids (generate-partnership.ts numbers them from 0), a transaction's worth at a time. */
function* caseIdChunks({ infants, seed }: LoadSyntheticOptions): Generator<string[]> {
  for (let start = 0; start < infants; start += FAMILIES_PER_TRANSACTION) {
    yield Array.from({ length: Math.min(FAMILIES_PER_TRANSACTION, infants - start) }, (_, n) => syntheticId(seed, 'case', start + n));
  }
}

export async function loadSyntheticPartnership(ctx: AppContext, operator: OperatorActor, options: LoadSyntheticOptions): Promise<LoadSyntheticResult> {
  const started = performance.now();
  const existing = await ctx.db.selectFrom('organisations').select('id').where('id', '=', syntheticId(options.seed, 'organisation', 0)).executeTakeFirst();
  if (existing) return { ok: false, code: 'already-generated', message: `A partnership with seed ${String(options.seed)} is already in this database: use another seed.` };
  const counts: SyntheticCounts = { organisations: 0, users: 0, infants: 0, people: 0, relationships: 0, teamMembers: 0, assessments: 0, evidence: 0, entries: 0, measurements: 0 };
  const partnership = syntheticPartnership({ infants: options.infants, seed: options.seed, today: serviceToday(ctx.clock.now()) });
  // Argon2 is slow on purpose: one hash serves every synthetic account.
  await writeStaff(ctx, partnership, await hashPassword(SYNTHETIC_PASSWORD), counts);
  const tables = await familyTables(ctx);
  // Chunks are written while the next is generated, WRITERS at once (each its own transaction): the
  // database and the generator work at the same time.
  const writing = new Set<Promise<void>>();
  const write = async (families: SyntheticFamily[]) => {
    const rows = caseRows(families);
    while (writing.size >= WRITERS) await Promise.race(writing);
    const written = writeFamilies(ctx, tables, rows, counts)
      .then(() => options.onProgress?.(counts.infants, counts))
      .finally(() => writing.delete(written));
    writing.add(written);
  };
  let chunk: SyntheticFamily[] = [];
  for (const family of partnership.families()) {
    chunk.push(family);
    if (chunk.length === FAMILIES_PER_TRANSACTION) {
      await write(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(chunk);
  await Promise.all(writing);
  // Fresh statistics, or the planner guesses from empty tables: a bulk load is just when
  // autovacuum has not caught up, and a re-evaluation of every profile ran ten times slower.
  await sql`ANALYZE`.execute(ctx.db);
  const evaluating = performance.now();
  await evaluateGeneratedCases(ctx, operator, caseIdChunks(options));
  const seconds = (performance.now() - started) / 1000;
  const evaluatingSeconds = (performance.now() - evaluating) / 1000;
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, ctx, operator, { action: 'synthetic.generate', details: { seed: options.seed, ...counts, seconds: Math.round(seconds) } }),
  );
  return { ok: true, counts, seconds, evaluatingSeconds };
}
