// The request histogram kept by hand gives what prom-client's Histogram gives for the same requests:
// the same Prometheus text, and the same sums when a cluster's primary adds its workers' metrics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import client from 'prom-client';
import { RequestDurations } from './request-durations.ts';

const BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const NAME = 'icp_http_request_duration_seconds';
const HELP = 'Requests answered';
const statusLabel = (status: number) => (status === 0 ? 'other' : String(status));

/** Requests of several series, on, below and above the bounds (20 s above the last). */
const REQUESTS: [string, string, number, number][] = [
  ['/cases/:caseId', 'GET', 200, 0.003],
  ['/cases/:caseId', 'GET', 200, 0.005],
  ['/cases/:caseId', 'GET', 200, 0.0051],
  ['/cases/:caseId', 'GET', 404, 0.2],
  ['/cases/:caseId', 'POST', 303, 1.7],
  ['unmatched', 'GET', 404, 0.0004],
  ['unmatched', 'other', 0, 20],
  ['/cases/:caseId', 'GET', 200, 12.5],
];

function both(requests: typeof REQUESTS): { kept: client.Registry; prom: client.Registry } {
  const kept = new client.Registry();
  const durations = new RequestDurations(NAME, HELP, BOUNDS, statusLabel);
  kept.registerMetric(durations as unknown as client.Metric);
  const prom = new client.Registry();
  const histogram = new client.Histogram({ name: NAME, help: HELP, labelNames: ['route', 'method', 'status'], buckets: BOUNDS, registers: [prom] });
  for (const [route, method, status, seconds] of requests) {
    durations.observe(route, method, status, seconds);
    histogram.observe({ route, method, status: statusLabel(status) }, seconds);
  }
  return { kept, prom };
}

describe('request durations', () => {
  it("scrapes as prom-client's Histogram does for the same requests", async () => {
    const { kept, prom } = both(REQUESTS);
    const text = await kept.metrics();
    assert.equal(text, await prom.metrics());
    assert.match(text, /^icp_http_request_duration_seconds_bucket\{le="0.005",route="\/cases\/:caseId",method="GET",status="200"\} 2$/m);
    assert.match(text, /^icp_http_request_duration_seconds_count\{route="unmatched",method="other",status="other"\} 1$/m);
  });

  it('has no series before a request', async () => {
    const { kept, prom } = both([]);
    assert.equal(await kept.metrics(), await prom.metrics());
    assert.doesNotMatch(await kept.metrics(), /_count/);
  });

  it("is summed across a cluster's processes as the Histogram is", async () => {
    const first = both(REQUESTS);
    const second = both(REQUESTS.slice(2));
    const kept = client.AggregatorRegistry.aggregate([await first.kept.getMetricsAsJSON(), await second.kept.getMetricsAsJSON()]);
    const prom = client.AggregatorRegistry.aggregate([await first.prom.getMetricsAsJSON(), await second.prom.getMetricsAsJSON()]);
    const text = await kept.metrics();
    assert.equal(text, await prom.metrics());
    assert.match(text, /^icp_http_request_duration_seconds_count\{route="\/cases\/:caseId",method="GET",status="200"\} 6$/m);
  });
});
