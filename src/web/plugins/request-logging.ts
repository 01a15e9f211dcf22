// What the service writes to its log, and what it never does. One JSON line per request: the request
// id, the method, the route template (`/api/v1/cases/:caseId`, never the address with its query, which
// can hold an NHS number or a name), the status, the duration, and who asked (user and organisation
// ids). Errors are logged with the same request id, which the error page shows as its reference.
// Bodies, queries, headers, cookies and tokens are never logged; database errors lose the parts that
// quote stored values. The README ("Operating the service: logs") lists the fields. Each request's
// hooks and handler run in its request scope, so the audit entries it writes carry the same id.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyLogFn, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
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
    // loses its query and fragment here. The request line RequestLines writes never comes this way.
    hooks: { streamWrite: withoutUrlQueries },
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
 * their request line, which RequestLines writes with the id first, the bytes the child would write.
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
    private readonly options: ChildOptions | undefined,
    /** pino's own child(), called on the parent: the parent's child() gives another RequestLogger (lazyRequestLoggers). */
    private readonly pinoChild: FastifyBaseLogger['child'],
  ) {}

  /** The child logger, made the first time it is needed. */
  made(): FastifyBaseLogger {
    return (this.#child ??= this.pinoChild.call(this.parent, this.bindings, this.options));
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
 * Makes the app's logger (`app.log`, pino as Fastify made it) give a RequestLogger for each
 * request, or pino's child at once when a route asks for its own level or serializers (none does
 * today), which the request line must obey. Fastify asks its own logger's child() for each request
 * when no childLoggerFactory is set; a factory of ours costs a check of what it gave as well
 * (Fastify's validateLogger: two arrays and a closure a request; the whole step some 130 ns against
 * 20 in a loop, issue 20). pino's children inherit this child(), so theirs are lazy too.
 */
export function lazyRequestLoggers(log: FastifyBaseLogger): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- pino's child(), called with each parent as this
  const pinoChild = log.child;
  log.child = function requestLogger(this: FastifyBaseLogger, bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return options?.level === undefined && options?.serializers === undefined ? new RequestLogger(this, bindings, options, pinoChild) : pinoChild.call(this, bindings, options);
  };
}

/** The request line's fields after the id, as written through a logger (which carries the id itself). */
function requestFields(request: FastifyRequest, reply: FastifyReply, route: string): Record<string, unknown> {
  const fields: Record<string, unknown> = { method: request.method, route, status: reply.statusCode, durationMs: durationMs(reply) };
  if (request.user) {
    fields['userId'] = request.user.id;
    fields['organisationId'] = request.user.organisationId;
  }
  return fields;
}

/** The request line's route when no route matched (a 404, or a request refused before routing). */
const NO_ROUTE = '(no route)';
const durationMs = (reply: FastifyReply): number => Math.round(reply.elapsedTime * 10) / 10;
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

/**
 * What is done as each request ends when logs are on: its request line written, and what else it
 * is given (the request metrics). Fastify asks its LogController once for every request it answers
 * with a logger set, after the onResponse hooks (requestCompleted); doing the work here rather than
 * in onResponse hooks spares a hook runner and its closures a request (issue 20; docs/operations/
 * tracing.md, "What logging and metrics cost"). Fastify's own request lines stay off.
 *
 * The line is pino's bytes, written by hand from its known fields: level, time, pino's base (pid,
 * hostname), the id under Fastify's label (reqId), method, route template, status, duration, the
 * user's and organisation's ids when signed in, and the message. pino's serializers and redaction
 * have nothing to do on these fields, and building its line object and JSON was most of a request
 * line's cost (some 1.3 KB allocated a request). When the request's own child logger was made (the
 * handler logged, or a route set its own level), the line goes through it as pino writes it, under
 * the level it has.
 */
export class RequestLines extends LogController {
  readonly #base = `,"pid":${String(process.pid)},"hostname":${JSON.stringify(os.hostname())}`;
  /**
   * The line from the method's key to the duration's, by route template, method and status, made
   * once: the same for every request of a route answered with a status. Few: the app's routes (and
   * "(no route)"), HTTP's methods, status codes. Checking the route and method for escapes and joining
   * them afresh was some 90 ns of a line's 280 to 410 (issue 20).
   */
  readonly #middles = new Map<string, Map<string, Map<number, string>>>();

  constructor(
    private readonly destination: LogDestination,
    private readonly onEnd: RequestObserver | undefined,
  ) {
    super({ disableRequestLogging: true });
  }

  override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const route = routeTemplate(request);
    this.onEnd?.(request, reply, route);
    const log = request.log;
    const parent = log instanceof RequestLogger ? log.parentWhileUnmade() : undefined;
    if (parent === undefined) log.info(requestFields(request, reply, route ?? NO_ROUTE), 'request');
    else if (writesRequestLines(parent)) this.destination.write(this.line(request, reply, route ?? NO_ROUTE));
  }

  /** The line pino would write through the request's child logger (request-logging.test.ts holds the two equal). */
  private line(request: FastifyRequest, reply: FastifyReply, route: string): string {
    const user = request.user;
    const who = user ? `,"userId":"${inJson(user.id)}","organisationId":"${inJson(user.organisationId)}"` : '';
    return `${LINE_START}${String(Date.now())}${this.#base},"reqId":"${inJson(request.id)}${this.middle(route, request.method, reply.statusCode)}${durationText(reply.elapsedTime)}${who},"msg":"request"}\n`;
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
 * Fastify's options for the log. With `log`: pino at its level to its destination (standard output
 * when none is given), and RequestLines writing each request's line and doing `onEnd` as it ends;
 * lazyRequestLoggers(app.log) then makes each request's logger lazy. Without: no logger, and nothing
 * done as a request ends.
 */
export function logOptions(log?: { level: string; destination?: LogDestination | undefined; onEnd?: RequestObserver | undefined }): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  if (!log) return { logger: false, logController: new LogController({ disableRequestLogging: true }) };
  const destination = log.destination ?? toStandardOutput();
  return { logger: loggerOptions(log.level, destination), logController: new RequestLines(destination, log.onEnd) };
}

/** A callback hook, not an async one: no promise a request for one header. */
function sendRequestId(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
  reply.header('X-Request-Id', request.id);
  done(null, payload);
}

export const requestLogging = fp(async (app: FastifyInstance) => {
  // A callback hook, so that the rest of the request's life continues from inside the scope.
  app.addHook('onRequest', (request, _reply, done) => runForRequest(request.id, done));
  app.addHook('onSend', sendRequestId);
});
