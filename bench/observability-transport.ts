// How bench/observability.ts sends its requests to the two apps of a process (0: the variant's, 1: the
// app with everything off). "inject": app.inject in the process itself, no sockets (the framework, the
// hooks and the database, not the kernel; light-my-request's request and response objects are kept by
// V8 longer than a socket's, so every allocation costs more than over HTTP). "http": each app listens on
// a loopback port of its own and a client in a process of its own (bench/observability-client.ts)
// sends the requests one at a time on a keep-alive connection, as a hosting team's proxy would: the
// process measured pays for its sockets and HTTP parsing, and not for the client's.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setImmediate as eventLoopTurn } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { ClientAnswer, ClientMessage } from './observability-client.ts';
import { benchRequest, type Audience, type Workload } from './observability-requests.ts';

export const TRANSPORTS = ['http', 'inject'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

/** How often the inject loop lets the event loop turn (app.inject alone never reaches it), as a server's sockets do, so that the exports can go out. */
export const REQUESTS_A_TURN = 16;

export interface Transport {
  /** Sends side's app `count` requests of the workload (that side's i-th for i from `first`), one at a time, and waits for the last answer. */
  serve(side: number, workload: Workload, first: number, count: number): Promise<void>;
  /** Each request's time since the last call, in milliseconds (the client's round trip over HTTP). */
  takeLatencies(side: number): Promise<number[]>;
  close(): Promise<void>;
}

export interface TransportSide {
  app: FastifyInstance;
  audience: Audience;
}

function injectTransport(sides: TransportSide[]): Transport {
  const latencies = sides.map(() => [] as number[]);
  return {
    async serve(side, workload, first, count) {
      const { app, audience } = sides[side]!;
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        const response = await app.inject(benchRequest(workload, audience, first + i));
        latencies[side]!.push(performance.now() - t);
        if (response.statusCode >= 300) throw new Error(`${workload}: ${String(response.statusCode)} ${response.body.slice(0, 200)}`);
        if ((i + 1) % REQUESTS_A_TURN === 0) await eventLoopTurn();
      }
    },
    takeLatencies(side) {
      const taken = latencies[side]!;
      latencies[side] = [];
      return Promise.resolve(taken);
    },
    close: () => Promise.resolve(),
  };
}

async function httpTransport(sides: TransportSide[]): Promise<Transport> {
  const ports: number[] = [];
  for (const { app } of sides) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('The app listens on no port');
    ports.push(address.port);
  }
  // The client is not profiled with its server (--cpu-prof and --cpu-prof-dir=… given to the measured process).
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--cpu-prof'));
  const client: ChildProcess = fork(fileURLToPath(new URL('./observability-client.ts', import.meta.url)), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  /** One question at a time: the client answers in order, and an answer is taken by the question waiting. */
  let asked: Promise<unknown> = Promise.resolve();
  const ask = (message: ClientMessage): Promise<ClientAnswer> => {
    const answer = asked.then(async () => {
      const answered = once(client, 'message');
      client.send(message);
      return (await answered)[0] as ClientAnswer;
    });
    asked = answer.catch(() => undefined);
    return answer;
  };
  let closing = false;
  client.once('exit', (code) => {
    if (closing) return;
    process.stderr.write(`The HTTP client stopped (exit code ${String(code)})\n`);
    process.exit(1);
  });
  client.send({ type: 'sides', sides: sides.map(({ audience }, i) => ({ ...audience, port: ports[i]! })) } satisfies ClientMessage);
  return {
    async serve(side, workload, first, count) {
      const answer = await ask({ type: 'turn', side, workload, first, count });
      if (answer.type === 'done' && answer.failed !== undefined) throw new Error(answer.failed);
    },
    async takeLatencies(side) {
      const answer = await ask({ type: 'latencies', side });
      return answer.type === 'latencies' ? answer.ms : [];
    },
    async close() {
      closing = true;
      client.disconnect();
      await once(client, 'exit');
    },
  };
}

export function startTransport(name: TransportName, sides: TransportSide[]): Promise<Transport> {
  return name === 'http' ? httpTransport(sides) : Promise.resolve(injectTransport(sides));
}
