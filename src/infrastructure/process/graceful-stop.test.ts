import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { trackRequests } from './graceful-stop.ts';

/** A server whose /slow requests wait until released, and every other answers at once. */
async function serve() {
  const waiting: (() => void)[] = [];
  const server = http.createServer((request, response) => {
    const answer = () => response.end(`answered ${request.url ?? ''}`);
    if (request.url === '/slow') waiting.push(answer);
    else answer();
  });
  const requests = trackRequests(server, { servedWhileStopping: (url) => url.startsWith('/health') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string, agent: http.Agent | false = false) =>
    new Promise<{ status: number | string; body: string; connection: string | undefined }>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path, agent }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection }));
        })
        .on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? error.message, body: '', connection: undefined }));
    });
  const inFlight = async (count: number) => {
    while (requests.count() < count) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { server, requests, get, inFlight, release: () => waiting.splice(0).forEach((answer) => answer()) };
}

describe('stopping an HTTP server without cutting off its requests', () => {
  it('finishes the request in flight, refuses new work with 503 while still answering health, then stops listening', async () => {
    const { requests, get, inFlight, release } = await serve();
    const slow = get('/slow');
    await inFlight(1);
    const drained = requests.drain(5000);
    const refused = await get('/api/anything');
    assert.equal(refused.status, 503);
    assert.equal((JSON.parse(refused.body) as { error: { code: string } }).error.code, 'stopping');
    assert.equal(refused.connection, 'close');
    assert.equal((await get('/health/ready')).body, 'answered /health/ready', 'the health checks are still answered');
    release();
    const answered = await slow;
    assert.deepEqual([answered.status, answered.body, answered.connection], [200, 'answered /slow', 'close']);
    assert.equal(await drained, true);
    assert.equal((await get('/health/live')).status, 'ECONNREFUSED', 'no longer listening');
  });

  it('serves a request on a connection kept alive from before the stop, closing it after the answer', async () => {
    const { requests, get, inFlight, release } = await serve();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    assert.equal((await get('/first', agent)).connection, 'keep-alive');
    const slow = get('/slow');
    await inFlight(1);
    const drained = requests.drain(5000);
    const again = await get('/second', agent);
    assert.deepEqual([again.status, again.body, again.connection], [200, 'answered /second', 'close']);
    release();
    await slow;
    assert.equal(await drained, true);
    agent.destroy();
  });

  it('cuts off what is still running when the grace period ends, and says so', async () => {
    const { requests, get, inFlight } = await serve();
    const slow = get('/slow');
    await inFlight(1);
    assert.equal(await requests.drain(50), false);
    assert.equal((await slow).status, 'ECONNRESET');
  });
});
