// The app served by N processes of its own (bench/serve.worker.ts, forked by the service's own
// supervisor, src/infrastructure/process/worker-supervisor.ts), on one port, as `WEB_PROCESSES=N`
// serves it, instead of in the bench's process: for `npm run bench -- --processes N` and
// bench/processes.ts. PostgreSQL only. The workers run the worker compiled to JavaScript, as
// `npm run serve` runs the server (scripts/build.mjs, docs/adr/0023), not through tsx.
import path from 'node:path';
import { buildIfStale } from '../scripts/build.mjs';
import { superviseWorkers } from '../src/infrastructure/process/worker-supervisor.ts';

export const BENCH_WORKER_ENV = { databaseUrl: 'BENCH_DATABASE_URL', poolSize: 'BENCH_POOL_SIZE' } as const;

/** The worker and what it imports, compiled apart from the server's dist/ (it takes the bench's fixed page and the tests' clock and config). */
const WORKER_BUILD = { entries: ['bench/serve.worker.ts'], outdir: '.tmp/bench-server' };

export interface BenchServers {
  /** http://127.0.0.1:PORT */
  base: string;
  pids(): number[];
  stop(): Promise<void>;
}

/** Starts `processes` server processes on the bench's database, each with a pool of `poolSize` connections. */
export async function startBenchServers(processes: number, databaseUrl: string, poolSize: number): Promise<BenchServers> {
  const quiet = () => undefined;
  await buildIfStale(WORKER_BUILD);
  const supervisor = superviseWorkers({
    processes,
    exec: path.resolve(import.meta.dirname, '..', WORKER_BUILD.outdir, 'bench/serve.worker.js'),
    execArgv: ['--enable-source-maps'],
    env: { [BENCH_WORKER_ENV.databaseUrl]: databaseUrl, [BENCH_WORKER_ENV.poolSize]: String(poolSize) },
    log: { info: quiet, warn: (message) => console.warn(message), error: (message) => console.error(message) },
  });
  try {
    const { port } = await supervisor.ready;
    const stop = async () => {
      await supervisor.stop();
    };
    return { base: `http://127.0.0.1:${String(port)}`, pids: () => supervisor.pids(), stop };
  } catch (error) {
    await supervisor.stop();
    throw error;
  }
}
