// One HTTP scenario under autocannon, in a worker thread (load.worker.ts).
import { Worker } from 'node:worker_threads';
import type { Measured } from './report.ts';

// On Node 20 a worker does not inherit `--import tsx`: it registers tsx itself, then loads the TypeScript.
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.resolve('./load.worker.ts'))}); });`;

export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A JSON body sent with every request. */
  json?: Record<string, unknown>;
  /** When given, each request's body gets `externalId: <prefix>-<n>`, or each of its `entries` `<prefix>-<n>-<i>`. */
  uniqueExternalIdPrefix?: string;
  /** When given, request n goes to `targets[n % length]`: its path (of `url`'s origin) and the fields merged into `json`. */
  targets?: { path: string; json?: Record<string, unknown> }[];
  connections: number;
  durationSeconds: number;
}

export interface LoadOutcome {
  latenciesMs: number[];
  non2xx: number;
  errors: number;
  durationSeconds: number;
}

export function runLoad(name: string, request: LoadRequest): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOT, { eval: true, workerData: request });
    worker.once('message', (outcome: LoadOutcome) => {
      void worker.terminate();
      const entries = request.json?.['entries'];
      resolve({
        name,
        kind: 'http',
        durationSeconds: outcome.durationSeconds,
        latenciesMs: outcome.latenciesMs,
        errors: outcome.errors,
        non2xx: outcome.non2xx,
        ...(Array.isArray(entries) ? { eventsPerRequest: entries.length } : {}),
      });
    });
    worker.once('error', reject);
  });
}

/** The page's main query, issued directly by `connections` loops at once for the same time. */
export async function runDirect(name: string, query: () => Promise<unknown>, connections: number, durationSeconds: number, eventsPerRequest?: number): Promise<Measured> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + durationSeconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const before = performance.now();
      try {
        await query();
        latenciesMs.push(performance.now() - before);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { name, kind: 'direct', durationSeconds: (performance.now() - started) / 1000, latenciesMs, errors, non2xx: 0, ...(eventsPerRequest === undefined ? {} : { eventsPerRequest }) };
}
