// Metrics of a cluster (WEB_PROCESSES above 1): the workers serve the requests and the primary does
// the background work, so one scrape of the primary's METRICS_PORT answers for them all. The primary
// asks each worker for its metrics over the cluster's IPC channel and adds them to its own with
// prom-client's AggregatorRegistry.aggregate (counters and histograms summed, gauges as each metric
// says: the outbox depth, which every process reads from the same table, as the largest). Workers
// open no port of their own. A worker that does not answer within the wait is left out of that
// scrape rather than failing it.
import cluster, { type Worker } from 'node:cluster';
import client from 'prom-client';

const REQUEST = 'icp:metrics-request';
const RESPONSE = 'icp:metrics-response';
const WAIT_MS = 2000;

type MetricsJson = Awaited<ReturnType<client.Registry['getMetricsAsJSON']>>;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}

interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  metrics?: MetricsJson;
  error?: string;
}

const isRequest = (message: unknown): message is MetricsRequest => typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REQUEST;
const isResponse = (message: unknown): message is MetricsResponse => typeof message === 'object' && message !== null && (message as { type?: unknown }).type === RESPONSE;

/** In a worker: answers the primary's requests with this registry's metrics. */
export function answerMetricsRequests(registry: client.Registry): void {
  process.on('message', (message: unknown) => {
    if (!isRequest(message) || !process.send) return;
    registry.getMetricsAsJSON().then(
      (metrics) => process.send?.({ type: RESPONSE, id: message.id, metrics } satisfies MetricsResponse),
      (error: unknown) => process.send?.({ type: RESPONSE, id: message.id, error: String(error) } satisfies MetricsResponse),
    );
  });
}

let nextId = 0;

/** In the primary: its own registry's metrics and every answering worker's, added together, as Prometheus text. */
export async function clusterMetricsText(primary: client.Registry, waitMs = WAIT_MS): Promise<string> {
  const id = nextId++;
  const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && worker.isConnected());
  const fromWorkers = await new Promise<MetricsJson[]>((resolve) => {
    const answers: MetricsJson[] = [];
    let pending = workers.length;
    const finish = () => {
      clearTimeout(timer);
      cluster.off('message', onMessage);
      resolve(answers);
    };
    const onMessage = (_worker: Worker, message: unknown) => {
      if (!isResponse(message) || message.id !== id) return;
      if (message.metrics) answers.push(message.metrics);
      if (--pending === 0) finish();
    };
    const timer = setTimeout(finish, waitMs);
    cluster.on('message', onMessage);
    for (const worker of workers) {
      try {
        worker.send({ type: REQUEST, id } satisfies MetricsRequest);
      } catch {
        pending--; // gone since it was listed
      }
    }
    if (pending === 0) finish();
  });
  const own = await primary.getMetricsAsJSON();
  return client.AggregatorRegistry.aggregate([own, ...fromWorkers]).metrics();
}
