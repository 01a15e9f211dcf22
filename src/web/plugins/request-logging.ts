// What the service writes to its log, and what it never does. One JSON line per request: the request
// id, the method, the route template (`/api/v1/cases/:caseId`, never the address with its query, which
// can hold an NHS number or a name), the status, the duration, and who asked (user and organisation
// ids). Errors are logged with the same request id, which the error page shows as its reference.
// Bodies, queries, headers, cookies and tokens are never logged; database errors lose the parts that
// quote stored values. The README ("Operating the service: logs") lists the fields. Each request's
// hooks and handler run in its request scope, so the audit entries it writes carry the same id.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyLogFn, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { runForRequest } from '../../infrastructure/process/request-scope.ts';

/** Where log lines go instead of standard output (tests capture them). */
export interface LogDestination {
  write(line: string): void;
}

/**
 * Standard output, each line written as it is made: the server's destination (pino's own default is
 * not used). For a pipe or a file that is a write(2) on Linux, some 1 µs of CPU a line against some
 * 3 µs through pino's default (sonic-boom, asynchronous: one write through libuv's thread pool a line;
 * issue 20, docs/operations/tracing.md). Nothing waits in a buffer, so a stop or a crash loses no
 * line. A reader that goes away (EPIPE) ends the logging, not the process, as with pino's default.
 */
let standardOutput: LogDestination | undefined;
function toStandardOutput(): LogDestination {
  if (standardOutput) return standardOutput;
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  return (standardOutput = {
    write(line) {
      if (!readerGone) process.stdout.write(line);
    },
  });
}

/** Letters, digits and . _ : - only, at most 128: anything else a proxy sends is replaced, never echoed. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of a request: the trusted proxy's X-Request-Id when it is well formed, or a new one. */
export function requestIdFor(trustProxy: boolean) {
  return (raw: IncomingMessage): string => {
    const sent = raw.headers['x-request-id'];
    return trustProxy && typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
  };
}

/** Paths pino removes from any logged object, should one ever carry them. */
const REDACTED = [
  'req.headers',
  'req.query',
  'req.body',
  'req.url',
  'res.headers',
  'headers.authorization',
  'headers.cookie',
  // A PostgreSQL error quotes the values it refused ("Key (email)=(…) already exists").
  'err.detail',
  'err.where',
  'err.internalQuery',
  'err.parameters',
  'err.query',
];

export function loggerOptions(level: string, destination?: LogDestination): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED, remove: true },
    // Fastify's own request serializer logs the whole address: this one only the method and route.
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string } }) => ({ method: request.method, route: request.routeOptions?.url ?? null }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    stream: destination ?? toStandardOutput(),
  };
}

type ChildLoggerFactory = NonNullable<FastifyServerOptions['childLoggerFactory']>;
type Bindings = Parameters<ChildLoggerFactory>[1];
type ChildOptions = Parameters<ChildLoggerFactory>[2];
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * A request's `request.log`, whose pino child logger (the request id as its binding, as Fastify
 * makes one) is made only when something logs through it: an error, a warning. Fastify made that
 * child for every request, some 530 B of a fixed page's 48 KB and 1 to 3.5% of its CPU (issue 20;
 * docs/operations/tracing.md, "What logging and metrics cost"), while most requests log nothing but
 * their request line, which logRequest writes through the parent with the id first, the bytes the
 * child would write.
 */
export class RequestLogger implements FastifyBaseLogger {
  declare readonly fatal: FastifyLogFn;
  declare readonly error: FastifyLogFn;
  declare readonly warn: FastifyLogFn;
  declare readonly info: FastifyLogFn;
  declare readonly debug: FastifyLogFn;
  declare readonly trace: FastifyLogFn;
  declare readonly silent: FastifyLogFn;
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildOptions,
  ) {}

  /** The child logger, made the first time it is needed. */
  made(): FastifyBaseLogger {
    return (this.#child ??= this.parent.child(this.bindings, this.options));
  }

  get level(): string {
    return (this.#child ?? this.parent).level;
  }

  set level(level: string) {
    this.made().level = level;
  }

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.made().child(bindings, options);
  }

  /** The parent while the child is not made: a line written through it must carry the request id itself. */
  parentWhileUnmade(): FastifyBaseLogger | undefined {
    return this.#child ? undefined : this.parent;
  }
}
for (const level of LEVELS) {
  Object.defineProperty(RequestLogger.prototype, level, {
    value(this: RequestLogger, ...args: Parameters<FastifyLogFn>) {
      this.made()[level](...args);
    },
  });
}

/**
 * Fastify's childLoggerFactory when logging is on: a RequestLogger, or pino's child at once when a
 * route asks for its own level or serializers (none does today), which the request line must obey.
 */
export const requestLoggerFor: ChildLoggerFactory = (logger, bindings, options) =>
  options.level === undefined && options.serializers === undefined ? new RequestLogger(logger, bindings, options) : logger.child(bindings, options);

function logRequest(request: FastifyRequest, reply: FastifyReply, done: () => void) {
  const parent = request.log instanceof RequestLogger ? request.log.parentWhileUnmade() : undefined;
  // One object, built once: no spread of a second one for the user or the id (issue 20, what logging
  // costs). Through the parent, the id comes first under Fastify's label (reqId, left as it is), the
  // bytes the child would write; through the child it is undefined, which pino leaves out.
  const line: Record<string, unknown> = { reqId: parent ? request.id : undefined, method: request.method, route: request.routeOptions.url ?? '(no route)', status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 };
  if (request.user) {
    line['userId'] = request.user.id;
    line['organisationId'] = request.user.organisationId;
  }
  (parent ?? request.log).info(line, 'request');
  done();
}

/** A callback hook, not an async one: no promise a request for one header. */
function sendRequestId(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
  reply.header('X-Request-Id', request.id);
  done(null, payload);
}

/** Whether request lines (info) are written at all: not with logging off (Fastify's logger then has no levels), nor above info. */
function writesRequestLines(log: FastifyBaseLogger): boolean {
  const levels = log as Partial<{ isLevelEnabled(level: string): boolean }>;
  return typeof levels.isLevelEnabled === 'function' && levels.isLevelEnabled('info');
}

export const requestLogging = fp(async (app: FastifyInstance) => {
  // A callback hook, so that the rest of the request's life continues from inside the scope.
  app.addHook('onRequest', (request, _reply, done) => runForRequest(request.id, done));
  app.addHook('onSend', sendRequestId);
  // No hook at all when no line would be written (tests, LOG_LEVEL=warn): not even a request's object made for nothing.
  if (writesRequestLines(app.log)) app.addHook('onResponse', logRequest);
});
