// The client of bench/observability.ts over HTTP: a process of its own, so that its CPU is not in the
// measured server's. The server process forks it and tells it, turn by turn over the IPC channel, which
// app (a loopback port) to send how many requests of which workload; it sends them one at a time on
// one keep-alive connection an app, answers when the last response is read, and keeps each request's
// round-trip time until asked for them.
import http from 'node:http';
import { benchRequest, type Audience, type Workload } from './observability-requests.ts';

export type ClientMessage =
  | { type: 'sides'; sides: (Audience & { port: number })[] }
  | { type: 'turn'; side: number; workload: Workload; first: number; count: number }
  | { type: 'latencies'; side: number };
export type ClientAnswer = { type: 'done'; failed?: string } | { type: 'latencies'; ms: number[] };

interface Side extends Audience {
  port: number;
  agent: http.Agent;
  latenciesMs: number[];
}

let sides: Side[] = [];

function send(side: Side, workload: Workload, i: number): Promise<void> {
  const { method, url, headers, payload } = benchRequest(workload, side, i);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: side.port, method, path: url, headers, agent: side.agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        side.latenciesMs.push(performance.now() - started);
        const status = response.statusCode ?? 0;
        if (status >= 300) reject(new Error(`${workload}: ${String(status)} ${Buffer.concat(chunks).toString().slice(0, 200)}`));
        else resolve();
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

function answer(message: ClientAnswer): void {
  process.send!(message);
}

process.on('message', (message: ClientMessage) => {
  if (message.type === 'sides') {
    sides = message.sides.map((side) => ({ ...side, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), latenciesMs: [] }));
  } else if (message.type === 'latencies') {
    const side = sides[message.side]!;
    answer({ type: 'latencies', ms: side.latenciesMs });
    side.latenciesMs = [];
  } else {
    const side = sides[message.side]!;
    void (async () => {
      for (let i = message.first; i < message.first + message.count; i++) await send(side, message.workload, i);
    })().then(
      () => answer({ type: 'done' }),
      (error: unknown) => answer({ type: 'done', failed: String(error) }),
    );
  }
});
process.on('disconnect', () => {
  for (const side of sides) side.agent.destroy();
});
