// What the service writes to its log, and what it never does. One JSON line per request: the request
// id, the method, the route template (`/api/v1/cases/:caseId`, never the address with its query, which
// can hold an NHS number or a name), the status, the duration, and who asked (user and organisation
// ids). Errors are logged with the same request id, which the error page shows as its reference.
// Bodies, queries, headers, cookies and tokens are never logged; database errors lose the parts that
// quote stored values. The README ("Operating the service: logs") lists the fields. Each request's
// hooks and handler run in its request scope, so the audit entries it writes carry the same id.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyLogFn, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { runForRequest } from '../../infrastructure/process/request-scope.ts';
import { withoutUrlQueries } from './log-url-queries.ts';
import { routeTemplate } from '../../infrastructure/process/route-template.ts';
import type { RequestObserver } from './request-metrics.ts';

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
  // A client's unreadable request (Fastify's clientError, logged at trace) keeps the bytes it sent.
  'err.rawPacket',
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
    // Redaction removes fields; an address quoted in text (a warning's message, an error's stack)
    // loses its query and fragment here. The request line RequestEnds writes never comes this way.
    hooks: { streamWrite: withoutUrlQueries },
    stream: destination ?? toStandardOutput(),
  };
}

/**
 * The service's logger: pino at `level` with the redaction, serializers and address cutting above,
 * to the destination (standard output when none is given). Fastify makes it, with its own serializers
 * under ours (the error's among them), from a Fastify made for nothing else; the app itself is built
 * with no logger (logOptions).
 */
export function serviceLogger(level: string, destination?: LogDestination): FastifyBaseLogger {
  return Fastify({ logger: loggerOptions(level, destination) }).log;
}

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * A request's `request.log` and `reply.log`, given it in requestLogging's onRequest hook: the errors
 * and warnings the code and Fastify write for the request go through the service's logger with the
 * request's id (`reqId`, as Fastify's own child logger wrote it), through a pino child made the first
 * time something logs. Most requests log nothing but their request line, which RequestEnds writes
 * itself. It also holds when the request started, for the line's duration and the metrics.
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
  /** performance.now() when the request came (its onRequest hook). */
  readonly startedAt = performance.now();

  constructor(
    private readonly parent: FastifyBaseLogger,
    readonly requestId: string,
  ) {}

  /** The child logger, made the first time it is needed. */
  made(): FastifyBaseLogger {
    return (this.#child ??= this.parent.child({ reqId: this.requestId }));
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

/** The request line's fields after the id, as written through a logger (which carries the id itself). */
function requestFields(request: FastifyRequest, reply: FastifyReply, route: string, elapsedMs: number): Record<string, unknown> {
  const fields: Record<string, unknown> = { method: request.method, route, status: reply.statusCode, durationMs: Math.round(elapsedMs * 10) / 10 };
  if (request.user) {
    fields['userId'] = request.user.id;
    fields['organisationId'] = request.user.organisationId;
  }
  return fields;
}

/** The request line's route when no route matched (a 404, or a request refused before routing). */
const NO_ROUTE = '(no route)';
const TENTHS = ['.0', '.1', '.2', '.3', '.4', '.5', '.6', '.7', '.8', '.9'];
/**
 * durationMs as JSON writes it (12.3, or 12 for 12.0), from whole tenths: a fraction's text is
 * worked out digit by digit each time (some 80 ns), a small integer's is V8's cached one (some 20 ns
 * with the tenth's; request-logging.test.ts holds the two alike).
 */
export function durationText(elapsedMs: number): string {
  const tenths = Math.round(elapsedMs * 10);
  const whole = Math.trunc(tenths / 10);
  const tenth = tenths - whole * 10;
  return tenth === 0 ? String(whole) : `${String(whole)}${TENTHS[tenth]!}`;
}

/** pino's level number for info, which the request line is written at. */
const INFO = 30;
/** The request line up to its time. */
const LINE_START = `{"level":${String(INFO)},"time":`;

/** Whether pino writes request lines (info): not above info (LOG_LEVEL=warn). */
const writesRequestLines = (pino: FastifyBaseLogger): boolean => (pino as FastifyBaseLogger & { isLevelEnabled(level: string): boolean }).isLevelEnabled('info');

/** Where a response's reply is kept for the one `finish` listener all responses share. */
const REPLY = Symbol('icp.reply');
type ObservedResponse = ServerResponse & { [REPLY]?: FastifyReply };

/**
 * The service's logs as the app uses them: its logger (app.log), each request's RequestLogger, and
 * what is done as each request ends: its request line written, and what else it is given (the
 * request metrics; the request span when traced). The app has no Fastify logger (issue 20; docs/
 * operations/tracing.md, "A service with no Fastify logger"): Fastify then makes no child logger a
 * request, adds no `finish` and `error` listeners of its own and runs no LogController, which cost
 * some 3% of a fixed page with nothing to do. Instead requestLogging's onRequest hook gives the
 * request its logger (begin) and the response one `finish` listener, shared by all (ended).
 *
 * The line is pino's bytes, written by hand from its known fields: level, time, pino's base (pid,
 * hostname), the id under Fastify's label (reqId), method, route template, status, duration, the
 * user's and organisation's ids when signed in, and the message. pino's serializers and redaction
 * have nothing to do on these fields, and building its line object and JSON was most of a request
 * line's cost (some 1.3 KB allocated a request). When the request's own child logger was made (the
 * handler logged), the line goes through it as pino writes it, under the level it has.
 */
export class RequestEnds {
  readonly #base = `,"pid":${String(process.pid)},"hostname":${JSON.stringify(os.hostname())}`;
  /**
   * The line from the method's key to the duration's, by route template, method and status, made
   * once: the same for every request of a route answered with a status. Few: the app's routes (and
   * "(no route)"), HTTP's methods, status codes. Checking the route and method for escapes and joining
   * them afresh was some 90 ns of a line's 280 to 410 (issue 20).
   */
  readonly #middles = new Map<string, Map<string, Map<number, string>>>();
  /** The one `finish` listener, with `this` the response. */
  readonly #finished: (this: ObservedResponse) => void;

  constructor(
    /** The service's logger (serviceLogger). */
    readonly logger: FastifyBaseLogger,
    private readonly destination: LogDestination,
    private onEnd: RequestObserver | undefined,
  ) {
    const ended = (reply: FastifyReply) => this.ended(reply.request, reply);
    this.#finished = function finished(this: ObservedResponse) {
      const reply = this[REPLY];
      if (reply !== undefined) ended(reply);
    };
  }

  /** Something more done as each request ends, after what is done already (the request span's end, when traced). */
  alsoOnEnd(observer: (request: FastifyRequest, reply: FastifyReply) => void): void {
    const first = this.onEnd;
    this.onEnd = first
      ? (request, reply, route, elapsedMs) => {
          first(request, reply, route, elapsedMs);
          observer(request, reply);
        }
      : observer;
  }

  /** A request comes: its logger, and its response watched for its end. */
  begin(request: FastifyRequest, reply: FastifyReply): void {
    request.log = reply.log = new RequestLogger(this.logger, request.id);
    (reply.raw as ObservedResponse)[REPLY] = reply;
    reply.raw.on('finish', this.#finished);
  }

  /** Fastify's refusal of an address before routing (frameworkErrors), with the request given its logger first. */
  beforeRouting<A extends unknown[]>(answer: (error: FastifyError, request: FastifyRequest, reply: FastifyReply, ...rest: A) => void) {
    return (error: FastifyError, request: FastifyRequest, reply: FastifyReply, ...rest: A): void => {
      request.log = reply.log = new RequestLogger(this.logger, request.id);
      answer(error, request, reply, ...rest);
    };
  }

  /** The request's line and what else is done as it ends. */
  ended(request: FastifyRequest, reply: FastifyReply): void {
    const log = request.log;
    if (!(log instanceof RequestLogger)) return;
    const elapsedMs = performance.now() - log.startedAt;
    const route = routeTemplate(request);
    this.onEnd?.(request, reply, route, elapsedMs);
    const parent = log.parentWhileUnmade();
    if (parent === undefined) log.info(requestFields(request, reply, route ?? NO_ROUTE, elapsedMs), 'request');
    else if (writesRequestLines(parent)) this.destination.write(this.line(request, reply, route ?? NO_ROUTE, elapsedMs));
  }

  /** The line pino would write through the request's child logger (request-logging.test.ts holds the two equal). */
  private line(request: FastifyRequest, reply: FastifyReply, route: string, elapsedMs: number): string {
    const user = request.user;
    const who = user ? `,"userId":"${inJson(user.id)}","organisationId":"${inJson(user.organisationId)}"` : '';
    return `${LINE_START}${String(Date.now())}${this.#base},"reqId":"${inJson(request.id)}${this.middle(route, request.method, reply.statusCode)}${durationText(elapsedMs)}${who},"msg":"request"}\n`;
  }

  /** `","method":"GET","route":"/cases/:caseId","status":200,"durationMs":`, made the first time. */
  private middle(route: string, method: string, status: number): string {
    let byMethod = this.#middles.get(route);
    if (!byMethod) this.#middles.set(route, (byMethod = new Map<string, Map<number, string>>()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map<number, string>()));
    let middle = byStatus.get(status);
    if (middle === undefined) byStatus.set(status, (middle = `","method":"${inJson(method)}","route":"${inJson(route)}","status":${String(status)},"durationMs":`));
    return middle;
  }
}

/** Characters a JSON string holds as they are: the ids', methods' and route templates'. */
const PLAIN = /^[\w .:/()*-]*$/;

/**
 * A string as it goes between a JSON string's quotes: itself when it is plain, as ids, methods and
 * route templates are (nothing made); else escaped by JSON.stringify, which costs some five times
 * the check.
 */
const inJson = (text: string): string => (PLAIN.test(text) ? text : JSON.stringify(text).slice(1, -1));

/**
 * The service's logs at `level` to the destination (standard output when none is given), `onEnd`
 * done as each request ends. The app is built with Fastify's logger off either way (logOptions).
 */
export function requestLogs(log: { level: string; destination?: LogDestination | undefined; onEnd?: RequestObserver | undefined }): RequestEnds {
  const destination = log.destination ?? toStandardOutput();
  return new RequestEnds(serviceLogger(log.level, destination), destination, log.onEnd);
}

/**
 * Fastify's own lines, with its request lines off (an onResponse hook, when traced without logs or
 * when the metrics count without logs, makes it run them): the one it writes whatever that setting,
 * a request refused with 503 while the server stops, through the service's logger, as Fastify wrote
 * it through the request's logger before the app had none (without the request's id, which Fastify
 * does not pass).
 */
class FastifyLines extends LogController {
  constructor(private readonly logger: FastifyBaseLogger) {
    super({ disableRequestLogging: true });
  }

  override serviceUnavailable(): void {
    this.logger.info({ res: { statusCode: 503 } }, 'request aborted - refusing to accept new requests as server is closing');
  }
}

/**
 * Fastify's options for the log: no logger, whether the service logs or not (RequestEnds does it),
 * and none of Fastify's request lines; with `logs`, Fastify's line for a request refused while the
 * server stops goes to the service's logger (FastifyLines).
 */
export function logOptions(logs?: RequestEnds): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return { logger: false, logController: logs ? new FastifyLines(logs.logger) : new LogController({ disableRequestLogging: true }) };
}

/** A callback hook, not an async one: no promise a request for one header. */
function sendRequestId(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
  reply.header('X-Request-Id', request.id);
  done(null, payload);
}

/**
 * Each request's scope (its id for the audit trail), its X-Request-Id header and, with `logs`, its
 * logger and its end watched (RequestEnds). Registered first among the hooks' plugins but for the
 * tracing's, so that what logs in a later hook has the request's logger.
 */
export const requestLogging = fp(async (app: FastifyInstance, options: { logs?: RequestEnds | undefined }) => {
  const logs = options.logs;
  // A callback hook, so that the rest of the request's life continues from inside the scope.
  if (logs) {
    app.addHook('onRequest', (request, reply, done) => {
      logs.begin(request, reply);
      runForRequest(request.id, done);
    });
  } else app.addHook('onRequest', (request, _reply, done) => runForRequest(request.id, done));
  app.addHook('onSend', sendRequestId);
});
