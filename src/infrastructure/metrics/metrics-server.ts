// The Prometheus endpoint: a small HTTP server of its own on METRICS_PORT, bound to 127.0.0.1 only,
// apart from the public app (which answers 404 at /metrics). The host's scraper (or an agent beside
// it) reads it over loopback; nothing personal crosses it, since no label carries an id, a name or
// anything typed (prometheus-metrics.ts), so it asks for no token and writes no audit entry. It
// answers GET /metrics and nothing else.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const METRICS_HOST = '127.0.0.1';
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

export interface MetricsServerOptions {
  port: number;
  /** The Prometheus text to answer with: this process's metrics, or the cluster's. */
  render: () => Promise<string>;
  onError?: (error: unknown) => void;
}

export async function startMetricsServer({ port, render, onError = () => undefined }: MetricsServerOptions): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: the metrics are at GET /metrics\n');
      return;
    }
    render().then(
      (text) => {
        response.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        onError(error);
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('The metrics could not be gathered.\n');
      },
    );
  });
  // A scraper keeps its connection open between scrapes: closing must not wait for it.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, METRICS_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
