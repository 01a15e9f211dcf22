// Runs autocannon in a worker thread, so the load generator does not share the event loop of the
// app it measures. Reports every response's latency and status, and the connection errors.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { LoadRequest, LoadOutcome } from './load.ts';

const job = workerData as LoadRequest;
let sent = 0;
const latenciesMs: number[] = [];
let non2xx = 0;

const instance = autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationSeconds,
  method: job.method,
  headers: job.headers,
  requests: [
    {
      setupRequest: (request) => {
        if (job.json === undefined) return request;
        sent += 1;
        // A unique externalId per request, so no request is answered as a duplicate.
        const body = job.uniqueExternalIdPrefix === undefined ? job.json : { ...job.json, externalId: `${job.uniqueExternalIdPrefix}-${String(sent)}` };
        return { ...request, body: JSON.stringify(body) };
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

