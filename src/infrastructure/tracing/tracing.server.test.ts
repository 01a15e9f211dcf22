// The server with tracing on, as an operator runs it (OTEL_EXPORTER_OTLP_ENDPOINT set), stopped with
// SIGTERM long before its span queue's timer would send anything: the spans of the requests it served
// still reach the collector (a local HTTP server standing in for one), by OTLP over HTTP in protobuf
// (the default encoding, read back by test/helpers/otlp-spans.ts), before it exits 0. On the embedded
// database by default, on PostgreSQL when DATABASE_URL is set.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spansOfProtobuf, type OtlpSpan } from '../../../test/helpers/otlp-spans.ts';
import { ServerProcess } from '../../../test/helpers/server-process.ts';
import { TEST_AUDIT_KEYS } from '../../../test/helpers/test-app.ts';
import { createTestDatabase, createTestDataDir, usingPostgres, type TestDatabase } from '../../../test/helpers/test-database.ts';

describe('a server stopped with SIGTERM sends the spans still waiting', () => {
  const received: OtlpSpan[][] = [];
  let collector: http.Server;
  let pg: TestDatabase | undefined;
  let dataDir = '';

  before(async () => {
    collector = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces' && request.headers['content-type'] === 'application/x-protobuf') received.push(spansOfProtobuf(Buffer.concat(chunks)));
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    collector.listen(0, '127.0.0.1');
    await once(collector, 'listening');
    if (usingPostgres) pg = await createTestDatabase();
    dataDir = usingPostgres ? fs.mkdtempSync(path.join(os.tmpdir(), 'icp-trace-stop-')) : await createTestDataDir('icp-trace-stop-');
  });
  after(async () => {
    collector.close();
    await pg?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('exports the request spans on the way out, though its timer would have waited ten minutes', async () => {
    const env = {
      DATABASE_URL: pg?.url ?? '',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: 'false',
      AUDIT_KEYS: TEST_AUDIT_KEYS,
      LOG_LEVEL: 'warn',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${String((collector.address() as AddressInfo).port)}`,
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    };
    const server = new ServerProcess(env);
    const port = await server.waitFor(() => server.listeningPort, 'the server to start');
    for (let i = 0; i < 3; i++) assert.equal((await fetch(`http://127.0.0.1:${String(port)}/sign-in`)).status, 200);
    assert.equal(received.length, 0, 'nothing sent before the stop');

    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.output);
    const spans = received.flat();
    const requests = spans.filter((span) => span.name === 'request');
    assert.equal(requests.length, 3, spans.map((span) => span.name).join(', '));
    for (const span of requests) assert.ok(span.attributes.some((attribute) => attribute.key === 'http.route' && attribute.value.stringValue === '/sign-in'));
    assert.equal(spans.filter((span) => span.name.startsWith('handler')).length, 0, 'no handler span: the request span carries the route');
  });
});
