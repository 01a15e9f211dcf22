// Runs autocannon in a worker thread, so the load generator does not share the event loop of the
// app it measures. Reports every response's latency and status, and the connection errors.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { LoadRequest, LoadOutcome } from './load.ts';

const job = workerData as LoadRequest;
let sent = 0;
const latenciesMs: number[] = [];
let non2xx = 0;

/** A unique externalId per request (or per entry of a batch), so nothing is answered as a duplicate. */
function withUniqueIds(json: Record<string, unknown>, n: number): Record<string, unknown> {
  const prefix = job.uniqueExternalIdPrefix;
  if (prefix === undefined) return json;
  const entries = json['entries'];
  if (!Array.isArray(entries)) return { ...json, externalId: `${prefix}-${String(n)}` };
  return { ...json, entries: entries.map((entry: Record<string, unknown>, i) => ({ ...entry, externalId: `${prefix}-${String(n)}-${String(i)}` })) };
}

const instance = autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationSeconds,
  method: job.method,
  headers: job.headers,
  requests: [
    {
      setupRequest: (request) => {
        if (job.json === undefined && job.targets === undefined) return request;
        sent += 1;
        const target = job.targets?.[sent % job.targets.length];
        const json = target?.json === undefined ? job.json : { ...job.json, ...target.json };
        return {
          ...request,
          ...(target ? { path: target.path } : {}),
          ...(json === undefined ? {} : { body: JSON.stringify(withUniqueIds(json, sent)) }),
        };
      },
    },
  ],
}, (error, result) => {
  if (error) throw error;
  const outcome: LoadOutcome = { latenciesMs, non2xx, errors: result.errors, durationSeconds: result.duration };
  parentPort!.postMessage(outcome);
});

// autocannon's instance passes the client first; its type declarations leave that out.
(instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
  latenciesMs.push(responseTime);
  if (statusCode < 200 || statusCode > 299) non2xx += 1;
});

