// Reproduces the hang bench/page-queries.ts met on the embedded engine (bench/README.md: "ten loops at
// once mixing it with PGlite's `query` stopped answering"): ten loops, each sending reads through PGlite's
// own query() and an INSERT through Kysely (whose pool's one connection is PGlite's node-postgres adapter).
//   node --import tsx bench/pglite-mixed-clients.ts [--way mixed|one-call-at-a-time|pool] [--loops 10] [--rounds 100]
// mixed: as the bench did. one-call-at-a-time: the same, with PGlite's execProtocolStream made to take one
// call at a time. pool: the reads through the pool (the adapter) too, so one client only.
// Prints each loop's progress and how often two execProtocolStream calls were in flight at once; a run
// that stops moving for 10 s is reported as hung. Exits 1 on a hang or an error.
//
// What it shows (@electric-sql/pglite 0.5.16, read from its dist and checked here, 2026-12-06):
// - mixed hangs within the first rounds, right after two execProtocolStream calls overlap. query() holds
//   PGlite's query mutex, but the adapter does not take it: it sends each protocol message (Parse, Bind,
//   Describe, Execute, Sync) as its own execProtocolStream call, chained only behind its own previous
//   one. execProtocolStream keeps the messages it collects in a field of the PGlite instance, set as it
//   starts and read after it awaits execProtocolRaw (which awaits syncToFs). A call started during that
//   await replaces the field: the first to resume takes the other's messages and clears it, the other
//   finds it empty. A lost ReadyForQuery leaves the pg client waiting for ever.
// - one-call-at-a-time does not hang, but fails with 'portal "" does not exist': the two clients' messages
//   still interleave on the one backend, so one side's Parse/Bind replaces the other's unnamed statement
//   and portal between its Bind and its Execute.
// - pool runs to the end: one client, one statement at a time.
// So on PGlite, PGlite's query() and the pool must never be used at once (as auditAppendThrough in
// bench/page-queries.ts now ensures, sending the INSERT through query()); a statement through both
// would need query()'s mutex held around the adapter's whole statement, which the adapter does not do.
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { createTestDatabase } from '../test/helpers/test-database.ts';

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1]!;
};
const way = option('way', 'mixed');
const loops = Number(option('loops', '10'));
const rounds = Number(option('rounds', '100'));

const database = await createTestDatabase();
const pglite = database.pglite!;

/** Counts execProtocolStream calls in flight at once; with `oneAtATime`, makes each wait for the one before. */
function watchCalls(target: PGlite, oneAtATime: boolean) {
  const seen = { overlaps: 0 };
  const original = target.execProtocolStream.bind(target);
  let inFlight = 0;
  let last: Promise<unknown> = Promise.resolve();
  target.execProtocolStream = async (...args) => {
    const before = last;
    const call = (async () => {
      if (oneAtATime) await before.catch(() => undefined);
      inFlight += 1;
      if (inFlight > 1) seen.overlaps += 1;
      try {
        return await original(...args);
      } finally {
        inFlight -= 1;
      }
    })();
    last = call;
    return call;
  };
  return seen;
}

const seen = watchCalls(pglite, way === 'one-call-at-a-time');
await pglite.query('CREATE TABLE mixed_clients (n int)');
const read = (n: number) => (way === 'pool' ? database.pool!.query('SELECT count(*) FROM mixed_clients WHERE n > $1', [n]) : pglite.query('SELECT count(*) FROM mixed_clients WHERE n > $1', [n]));
const done = Array.from({ length: loops }, () => 0);
const errors: string[] = [];

async function loop(index: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (let n = 0; n < 5; n++) await read(n);
    await sql`INSERT INTO mixed_clients VALUES (${round})`.execute(database.db);
    done[index] = round + 1;
  }
}

const finished = Promise.all(done.map((_, index) => loop(index).catch((error: unknown) => void errors.push(`loop ${String(index)}: ${String(error)}`))));
let progress = '';
for (;;) {
  const outcome = await Promise.race([finished.then(() => 'finished' as const), new Promise<'still'>((resolve) => setTimeout(() => resolve('still'), 10_000))]);
  const now = done.join(' ');
  if (outcome === 'still' && now !== progress) {
    progress = now;
    continue;
  }
  const verdict = outcome === 'finished' ? 'finished' : 'hung (no loop moved for 10 s)';
  console.log(`${way}: ${String(loops)} loops of ${String(rounds)} rounds: ${verdict}; rounds done by each loop: ${now}`);
  console.log(`execProtocolStream calls in flight at once: ${String(seen.overlaps)} times; errors: ${String(errors.length)}${errors[0] === undefined ? '' : `, first: ${errors[0]}`}`);
  process.exit(outcome === 'finished' && errors.length === 0 ? 0 : 1);
}
