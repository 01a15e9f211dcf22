// The app served by N processes of its own (bench/serve.worker.ts, forked by the service's own
// supervisor, src/infrastructure/process/worker-supervisor.ts), on one port, as `WEB_PROCESSES=N`
// serves it, instead of in the bench's process: for `npm run bench -- --processes N` and
// bench/processes.ts. PostgreSQL only.
import { fileURLToPath } from 'node:url';
import { superviseWorkers } from '../src/infrastructure/process/worker-supervisor.ts';

export const BENCH_WORKER_ENV = { databaseUrl: 'BENCH_DATABASE_URL', poolSize: 'BENCH_POOL_SIZE' } as const;

export interface BenchServers {
  /** http://127.0.0.1:PORT */
  base: string;
  pids(): number[];
  stop(): Promise<void>;
}

/** Starts `processes` server processes on the bench's database, each with a pool of `poolSize` connections. */
export async function startBenchServers(processes: number, databaseUrl: string, poolSize: number): Promise<BenchServers> {
  const quiet = () => undefined;
  const supervisor = superviseWorkers({
    processes,
    exec: fileURLToPath(import.meta.resolve('./serve.worker.ts')),
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
