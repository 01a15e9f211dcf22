// Times a 1,000-entry agency batch on an in-memory PGlite, two ways: what recordBatch does (one
// transaction, a savepoint per entry) and the alternative it was measured against (a transaction
// per entry, then one per case for the profile version and audit). Also times a retry of the same
// batch, which finds every entry by its external id and stores nothing.
//   node --import tsx bench/batch-ingest.ts [entries] [runs]
import { performance } from 'node:perf_hooks';
import { createContext, type AppContext } from '../src/application/context.ts';
import { recordBatch, type BatchItem } from '../src/application/chronology/record-batch.ts';
import { writeEntry } from '../src/application/chronology/write-entry.ts';
import { recorderFor } from '../src/application/recorder.ts';
import { recordAudit } from '../src/application/audit.ts';
import type { UserActor } from '../src/application/actor.ts';
import { lockProfileForChange } from '../src/application/profile/profile-change-guard.ts';
import { appendProfileVersion } from '../src/application/profile/profile-versions.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../test/helpers/factories.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { createTestDatabase } from '../test/helpers/test-database.ts';
import { testConfig } from '../test/helpers/test-app.ts';

const size = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);

type Ingest = (ctx: AppContext, actor: UserActor, items: BatchItem[]) => Promise<unknown>;

/** The alternative: each entry committed alone, then each case's version and audit in a transaction of their own. */
const transactionPerEntry: Ingest = async (ctx, actor, items) => {
  const storedByCase = new Map<string, string[]>();
  for (const item of items) {
    await ctx.db.transaction().execute(async (trx) => {
      const guard = await lockProfileForChange(trx, ctx, actor, item.caseId, 'chronology.batch');
      if (!guard.ok) return;
      const written = await writeEntry(trx, ctx, await recorderFor(trx, actor), item.caseId, item.entry);
      if (written.ok && !written.duplicate) storedByCase.set(item.caseId, [...(storedByCase.get(item.caseId) ?? []), written.entry.id]);
    });
  }
  for (const [caseId, entryIds] of storedByCase) {
    await ctx.db.transaction().execute(async (trx) => {
      await lockProfileForChange(trx, ctx, actor, caseId, 'chronology.batch');
      const profileVersion = await appendProfileVersion(trx, ctx, actor, caseId, { kind: 'event', change: { entryIds }, why: null });
      await recordAudit(trx, ctx, actor, { action: 'chronology.batch', caseId, subjectType: 'case', subjectId: caseId, details: { count: entryIds.length, profileVersion, entryIds } });
    });
  }
};

const savepointPerEntry: Ingest = (ctx, actor, items) => recordBatch(ctx, actor, items);

async function timeOnce(ingest: Ingest): Promise<{ first: number; retry: number }> {
  const database = await createTestDatabase();
  const ctx = createContext(database.db, testConfig(), new TestClock());
  try {
    const hospital = await makeOrganisation(ctx, 'hospital', 'City Hospital');
    const user = await makeUser(ctx, { organisationId: hospital.id });
    const { id: caseId } = await makeCase(ctx, { teamUserIds: [user.id] });
    const { id: mum } = await makePerson(ctx, caseId);
    const items: BatchItem[] = Array.from({ length: size }, (_, index) => ({
      index,
      caseId,
      entry: { kind: 'clinic-contact', occurredAt: '2026-11-20T10:00:00+00:00', summary: `Seen in clinic, visit ${String(index)}`, source: 'agency-record', personIds: [mum], externalId: `bench-${String(index)}` },
    }));
    const started = performance.now();
    await ingest(ctx, actorFor(user), items);
    const stored = performance.now();
    await ingest(ctx, actorFor(user), items);
    const retried = performance.now();
    const count = await ctx.db.selectFrom('chronology_entries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    if (Number(count.n) !== size) throw new Error(`expected ${String(size)} entries, found ${count.n}`);
    return { first: stored - started, retry: retried - stored };
  } finally {
    await database.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const strategies = [['savepoint per entry, one transaction', savepointPerEntry], ['transaction per entry', transactionPerEntry]] as const;
const timings = strategies.map((): { first: number; retry: number }[] => []);
// Runs alternate between the two so that a busy machine slows both alike.
for (let run = 0; run < runs; run++) {
  for (const [i, [, ingest]] of strategies.entries()) timings[i]!.push(await timeOnce(ingest));
}
for (const [i, [name]] of strategies.entries()) {
  const ms = (pick: (t: { first: number; retry: number }) => number) => `${median(timings[i]!.map(pick)).toFixed(0)} ms`;
  console.log(`${name}: ${String(size)} entries in ${ms((t) => t.first)} (median of ${String(runs)}); the retry, all duplicates, in ${ms((t) => t.retry)}`);
}
