// npm run bench:growth -- [--sizes 10,100,1000,2000,5000] [--writes 50]
// What one more chronology entry costs as a baby's chronology grows. One case is grown from a few
// entries to the largest size; at each size, `--writes` single entries are recorded one after
// another through the real use case (recordEntry: checks, the entry, the profile re-evaluated as a
// new version, alerts, audit, in one transaction), each timed alone. Between sizes the case is
// filled quickly through the agency batch use case (recordBatch, 1,000 entries a call: a realistic
// mix of contacts, missed appointments, notes and the odd incident), which is not timed, then the
// planner's statistics are refreshed (ANALYZE). Reports the median and p95 write at each size, and
// the slope: the least-squares line through the medians, in microseconds per entry already in the
// chronology. PGlite in memory by default; with DATABASE_URL, a PostgreSQL database of its own,
// created and dropped by the run (bench/database.ts). Writes bench/results/<time>-growth-<engine>.md.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BATCH_LIMIT, recordBatch, type BatchItem } from '../src/application/chronology/record-batch.ts';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import { createContext, type AppContext } from '../src/application/context.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../test/helpers/factories.ts';
import { testConfig } from '../test/helpers/test-app.ts';
import { TestClock } from '../test/helpers/test-clock.ts';
import { createRandom } from '../src/domain/shared/seeded-random.ts';
import { openBenchDatabase } from './database.ts';
import { percentile } from './report.ts';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000,2000,5000' },
    writes: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
  },
});
const sizes = args.sizes.split(',').map((size) => Number(size.trim()));
const writes = Number(args.writes);
if (!Number.isInteger(writes) || writes < 1) throw new Error(`--writes must be a whole number of at least 1, not "${args.writes}"`);
for (const [index, size] of sizes.entries()) {
  if (!Number.isInteger(size) || size < 0) throw new Error(`--sizes must be whole numbers separated by commas, not "${args.sizes}"`);
  // The writes at one size add to the chronology: the next size must be beyond them.
  if (index > 0 && size < sizes[index - 1]! + writes) throw new Error(`--sizes must rise by at least --writes (${String(writes)}) each step: ${String(size)} comes after ${String(sizes[index - 1])}`);
}
/** Unmeasured writes on another case first, so the first size is not timed on a cold start. */
const WARM_UP_WRITES = 20;

/** Mostly routine work, as a long chronology is: one kind drawn from this list per filled entry. */
const FILL_KINDS = [
  'home-visit',
  'home-visit',
  'clinic-contact',
  'clinic-contact',
  'gp-consultation',
  'case-note',
  'case-note',
  'was-not-brought',
  'information-from-family',
  'referral',
  'plan-review',
  'police-incident',
] as const;
const FILL_SUMMARIES = [
  'Seen at home with mother; baby settled, feeding well, weight on the 25th centile.',
  'Clinic weigh-in; mother says night feeds are hard and she is tired.',
  'Telephone call with mother about the next appointment and the housing letter.',
  'Information shared by the school nurse about the older sibling.',
  'Not brought to the appointment; a letter sent offering another.',
  'Police called to the address after a neighbour reported shouting; no arrests.',
];
/** What the measured writes record: the routine contacts an agency feed sends most. */
const MEASURED_KINDS = ['home-visit', 'clinic-contact', 'gp-consultation'] as const;

const startedAt = new Date().toISOString();
const bench = await openBenchDatabase(2);
// The clock moves a minute before each measured write, as the wall clock does between a practitioner's
// entries: entries of one day are ordered by when they were recorded, so a frozen clock would place
// each write at random among the day's others (by id), not at the end where real ones go.
const clock = new TestClock();
const ctx = createContext(bench.database.db, testConfig(), clock);
const random = createRandom(Number(args.seed));

/** The day `daysAgo` days before the clock's today, as YYYY-MM-DD. */
function dayBefore(context: AppContext, daysAgo: number): string {
  return new Date(context.clock.now().getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

const organisation = await makeOrganisation(ctx, 'health-visiting', 'Growth Health Visiting');
const user = await makeUser(ctx, { organisationId: organisation.id, name: 'Growth Visitor' });
const actor = actorFor(user);
const { id: caseId } = await makeCase(ctx, { familyName: 'Growing', teamUserIds: [user.id] });
const { id: motherId } = await makePerson(ctx, caseId);

async function fill(count: number): Promise<void> {
  const items: BatchItem[] = Array.from({ length: count }, (_, index) => ({
    index,
    caseId,
    entry: { kind: random.pick(FILL_KINDS), occurredAt: dayBefore(ctx, random.int(2, 700)), summary: random.pick(FILL_SUMMARIES), source: 'agency-record', personIds: [motherId] },
  }));
  for (let start = 0; start < items.length; start += BATCH_LIMIT) {
    const outcome = await recordBatch(ctx, actor, items.slice(start, start + BATCH_LIMIT).map((item, index) => ({ ...item, index })));
    if (outcome.rejected.length > 0) throw new Error(`The filling entries were refused: ${JSON.stringify(outcome.rejected.slice(0, 3))}`);
  }
}

let written = 0;
/** One single entry through the use case, timed alone; returns milliseconds. */
async function timedWrite(onCase: string, onPerson: string): Promise<number> {
  written += 1;
  clock.advanceMinutes(1);
  const entry = { kind: MEASURED_KINDS[written % MEASURED_KINDS.length]!, occurredAt: dayBefore(ctx, 1), summary: `Contact ${String(written)}: seen with mother at home, baby alert and handled gently.`, source: 'observed', personIds: [onPerson] };
  const started = performance.now();
  const result = await recordEntry(ctx, actor, onCase, entry);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`A measured write was refused: ${result.message}`);
  return ms;
}

async function entriesOnCase(): Promise<number> {
  const row = await ctx.db.selectFrom('chronology_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(row.n);
}

const warmUpCase = await makeCase(ctx, { familyName: 'WarmUp', teamUserIds: [user.id] });
const warmUpMother = await makePerson(ctx, warmUpCase.id);
for (let n = 0; n < WARM_UP_WRITES; n++) await timedWrite(warmUpCase.id, warmUpMother.id);

interface SizeResult {
  size: number;
  fillSeconds: number;
  latenciesMs: number[];
}
const results: SizeResult[] = [];
for (const size of sizes) {
  const filling = performance.now();
  const before = await entriesOnCase();
  if (size > before) await fill(size - before);
  await bench.raw('ANALYZE', []);
  const fillSeconds = (performance.now() - filling) / 1000;
  const have = await entriesOnCase();
  if (have !== size) throw new Error(`The case holds ${String(have)} entries, not the ${String(size)} to measure at`);
  const latenciesMs: number[] = [];
  for (let n = 0; n < writes; n++) latenciesMs.push(await timedWrite(caseId, motherId));
  results.push({ size, fillSeconds, latenciesMs });
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  console.log(`${String(size)} entries: median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms per write (filled in ${fillSeconds.toFixed(1)} s)`);
}
await bench.database.close();

/** Least squares through the points: the slope of y on x. */
function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  const covariance = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const variance = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  return variance === 0 ? NaN : covariance / variance;
}

const rows = results.map(({ size, fillSeconds, latenciesMs }) => {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { size, fillSeconds, writes: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), fastest: sorted[0]!, slowest: sorted[sorted.length - 1]! };
});
// Each size's writes see size, size + 1, … entries: the median write saw about size + writes / 2.
const usPerEntry = slope(rows.map((row) => ({ x: row.size + (writes - 1) / 2, y: row.median }))) * 1000;
const slopeText = Number.isNaN(usPerEntry) ? 'Slope: needs at least two sizes.' : `Slope (least squares through the medians): ${usPerEntry.toFixed(2)} µs per entry already in the chronology (so ${usPerEntry.toFixed(2)} ms more per write for every 1,000 entries).`;
const table = [
  `Growth benchmark ${startedAt}: ${bench.kind}, one case grown to ${String(sizes[sizes.length - 1])} chronology entries; ${String(writes)} single writes timed at each size (recordEntry: entry, profile version, alerts, audit), after ${String(WARM_UP_WRITES)} unmeasured ones on another case.`,
  '',
  '| entries before the writes | writes | median ms | p95 ms | fastest ms | slowest ms | filled in s |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((row) => `| ${String(row.size)} | ${String(row.writes)} | ${row.median.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.fastest.toFixed(1)} | ${row.slowest.toFixed(1)} | ${row.fillSeconds.toFixed(1)} |`),
  '',
  slopeText,
  '',
].join('\n');
const directory = path.join(import.meta.dirname, 'results');
fs.mkdirSync(directory, { recursive: true });
const file = path.join(directory, `${startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}-growth-${bench.kind}.md`);
fs.writeFileSync(file, table);
console.log(`\n${table}Written to ${file}`);
