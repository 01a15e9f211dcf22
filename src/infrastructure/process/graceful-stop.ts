// Stopping an HTTP server without cutting off the requests it has. While it stops, the server still
// takes connections, so that nothing knocking is reset, but it takes no new work: a request on a
// connection made after the stop began is answered 503 with Connection: close (its body read first),
// except the health checks, which say 'stopping' themselves. Every request on a connection made
// before the stop is served, as are those already in flight, each answered with Connection: close so
// that a kept-alive connection ends after its answer. Only when nothing is left to wait for does it
// stop listening and close the connections left idle: closing the listening socket resets whatever
// connection the kernel had completed but the server had not yet taken, so it is closed when the
// event loop has just taken them all. A request still running when the grace period ends has its
// connection closed.
//
// stopOnSignals() is the signal handling around it: the first SIGTERM (or SIGINT) starts the orderly
// stop; a second one, or the stop taking far longer than it should, exits at once.
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';

export interface RequestsInFlight {
  /** Requests received and not yet answered. */
  count(): number;
  /**
   * Refuses new requests and waits for those in flight, for at most graceMs, then stops listening:
   * true when every one was answered, false when some were cut off at the end of the grace period.
   */
  drain(graceMs: number): Promise<boolean>;
}

const REFUSAL = JSON.stringify({ error: { code: 'stopping', message: 'The server is stopping: send the request again (another server, or this one once it has started again, will take it).', details: [] } });

/** Answers 503 once the request's body has been read (closing on unread data would reset the connection). */
function refuse(request: IncomingMessage, response: ServerResponse): void {
  response.shouldKeepAlive = false;
  const answer = () => {
    if (response.headersSent) return;
    response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '5', 'content-length': Buffer.byteLength(REFUSAL) });
    response.end(REFUSAL);
  };
  request.once('end', answer);
  request.once('error', answer);
  request.resume();
}

export interface TrackingOptions {
  /** Requests still served on connections made while the server stops (the health checks, which say it is stopping); every other is refused. */
  servedWhileStopping?: (url: string) => boolean;
}

/** Starts counting the server's requests, between the server and its request handlers: call it once the handlers are attached (Fastify attaches its own as it is made), before the server listens. */
export function trackRequests(server: Server, options: TrackingOptions = {}): RequestsInFlight {
  const servedWhileStopping = options.servedWhileStopping ?? (() => false);
  const active = new Set<ServerResponse>();
  let draining = false;
  let wake: (() => void) | undefined;

  const madeWhileStopping = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    if (draining) madeWhileStopping.add(socket);
  });
  const handlers = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (draining && madeWhileStopping.has(request.socket) && !servedWhileStopping(request.url ?? '')) return refuse(request, response);
    active.add(response);
    if (draining) response.shouldKeepAlive = false;
    response.once('close', () => {
      active.delete(response);
      if (active.size === 0) wake?.();
    });
    for (const handler of handlers) handler.call(server, request, response);
  });

  const noneInFlight = (deadline: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, deadline - performance.now()));
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
      if (active.size === 0) done();
    });

  return {
    count: () => active.size,
    async drain(graceMs) {
      const deadline = performance.now() + graceMs;
      draining = true;
      for (const response of active) if (!response.headersSent) response.shouldKeepAlive = false;
      for (;;) {
        await noneInFlight(deadline);
        if (performance.now() >= deadline) break;
        // A connection taken a moment ago may carry a request not read yet: read it before deciding.
        await afterAPoll();
        if (active.size === 0) break;
      }
      // The loop has just taken every connection waiting: stop listening before anything else runs.
      net.Server.prototype.close.call(server);
      const finished = active.size === 0;
      // Refusals under way end by themselves (Connection: close); a connection left idle is closed.
      await afterAPoll();
      if (finished) server.closeIdleConnections();
      else server.closeAllConnections();
      return finished;
    },
  };
}

/** Resolves once the event loop has polled for input at least once (accepting connections, reading sockets). */
function afterAPoll(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

export interface StopOnSignals {
  signals: readonly NodeJS.Signals[];
  /** The orderly stop, on the first signal: resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number>;
  /** On a second signal, just before the process exits at once (code 1). */
  atOnce?(signal: NodeJS.Signals): void;
  /** If the orderly stop has not ended this long after the first signal, the process exits at once (code 1). */
  backstopMs: number;
  log: { error(message: string): void };
}

/** The first of the signals starts stop(), after which the process exits with its code; a second signal exits at once. */
export function stopOnSignals(options: StopOnSignals): void {
  let stopping = false;
  const exitAtOnce = (why: string) => {
    options.log.error(why);
    process.exit(1);
  };
  for (const signal of options.signals) {
    process.on(signal, () => {
      if (stopping) {
        options.atOnce?.(signal);
        exitAtOnce(`${signal} again while stopping: stopping at once.`);
        return;
      }
      stopping = true;
      setTimeout(() => exitAtOnce(`Still stopping ${String(Math.round(options.backstopMs / 1000))} s after ${signal}: stopping at once.`), options.backstopMs).unref();
      options.stop(signal).then(
        (code) => process.exit(code),
        (error: unknown) => exitAtOnce(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
  }
}
