// The request's logger is made only when something logs through it (issue 20), and the request line
// is written as the request ends (RequestEnds), by hand: the bytes Fastify's own child logger per
// request wrote, the id once, under reqId, first; the app has no Fastify logger. What else is done as a request ends (the
// request metrics) is done once for every request, whatever the level.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { SignedInUser } from '../../application/auth/signed-in-user.ts';
import { durationText, logOptions, RequestLogger, requestIdFor, requestLogging, requestLogs } from './request-logging.ts';
import type { RequestObserver } from './request-metrics.ts';

const USERS: Record<string, SignedInUser> = {
  yes: { id: 'u-1', organisationId: 'o-1' } as SignedInUser,
  // Ids no store gives, with what JSON must escape (and what it need not: é).
  odd: { id: 'u"1\\\n\u0001', organisationId: 'Organisation é' } as SignedInUser,
};

/** An app logging at `level` to `lines`, each ended request's route noted in `ended`, as app.ts builds its log. */
async function loggingApp(level: string, lines: string[], ended: (string | undefined)[]): Promise<FastifyInstance> {
  const onEnd: RequestObserver = (_request, _reply, route) => void ended.push(route);
  const logs = requestLogs({ level, destination: { write: (line) => void lines.push(line) }, onEnd });
  const app = Fastify({ ...logOptions(logs), genReqId: requestIdFor(false) });
  app.log = logs.logger;
  await app.register(requestLogging, { logs });
  app.decorateRequest('user', null);
  app.addHook('preHandler', async (request) => {
    request.user = USERS[String(request.headers['x-signed-in'])] ?? null;
  });
  app.get('/quiet', async () => 'ok');
  app.get('/warns', async (request) => {
    request.log.warn({ reason: 'test' }, 'something to say');
    return 'ok';
  });
  app.post('/cases/:caseId/notes', async (request) => {
    request.log.info('noted');
    return 'ok';
  });
  app.post('/cases/:caseId/quiet', async () => 'ok');
  app.get('/answers/:status', async (request, reply) => reply.code(Number((request.params as { status: string }).status)).send('ok'));
  return app;
}

describe('request logging', () => {
  let app: FastifyInstance;
  const lines: string[] = [];
  const ended: (string | undefined)[] = [];
  let childrenMade = 0;

  before(async () => {
    app = await loggingApp('info', lines, ended);
    // pino calls its logger's onChild with every child it makes.
    (app.log as FastifyBaseLogger & { onChild: () => void }).onChild = () => {
      childrenMade++;
    };
    await app.ready();
  });
  after(async () => app.close());

  const linesOf = (id: string) => lines.filter((line) => line.includes(id)).map((line) => JSON.parse(line) as Record<string, unknown>);

  it('makes no child logger for a request that logs only its request line, whose id comes first', async () => {
    lines.length = 0;
    childrenMade = 0;
    const response = await app.inject({ method: 'GET', url: '/quiet' });
    const id = String(response.headers['x-request-id']);
    assert.equal(childrenMade, 0);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^\{"level":30,"time":\d+,"pid":\d+,"hostname":"[^"]*","reqId":"[^"]+","method":"GET","route":"\/quiet","status":200,"durationMs":[\d.]+,"msg":"request"\}\n$/);
    assert.deepEqual(
      linesOf(id).map((line) => [line['reqId'], line['route']]),
      [[id, '/quiet']],
    );
  });

  it('makes the child when a route logs, and its lines and the request line carry the id once', async () => {
    lines.length = 0;
    childrenMade = 0;
    const response = await app.inject({ method: 'GET', url: '/warns' });
    const id = String(response.headers['x-request-id']);
    assert.equal(childrenMade, 1);
    assert.deepEqual(
      linesOf(id).map((line) => [line['reqId'], line['msg'], line['level']]),
      [
        [id, 'something to say', 40],
        [id, 'request', 30],
      ],
    );
    for (const line of lines) assert.equal(line.split('"reqId"').length, 2, line);
  });

  it("writes by hand the bytes pino writes through the request's child, signed in or not", async () => {
    /** The line with what differs from request to request (its time, id and duration) taken out. */
    const steady = (line: string) => line.replace(/"time":\d+/, '"time":T').replace(/"reqId":"[^"]+"/, '"reqId":R').replace(/"durationMs":[\d.]+/, '"durationMs":D');
    for (const signedIn of ['yes', 'no', 'odd']) {
      lines.length = 0;
      childrenMade = 0;
      // One route logs (its child is made and pino writes its request line), the other does not (written by hand).
      await app.inject({ method: 'POST', url: '/cases/c-1/notes', headers: { 'x-signed-in': signedIn } });
      await app.inject({ method: 'POST', url: '/cases/c-1/quiet', headers: { 'x-signed-in': signedIn } });
      assert.equal(childrenMade, 1);
      const [throughPino, byHand] = lines.filter((line) => line.includes('"msg":"request"'));
      assert.equal(steady(byHand!), steady(throughPino!).replace('/cases/:caseId/notes', '/cases/:caseId/quiet'));
      assert.equal(byHand!.includes('"userId":"u-1","organisationId":"o-1"'), signedIn === 'yes', byHand);
      assert.equal((JSON.parse(byHand!) as Record<string, unknown>)['userId'], USERS[signedIn]?.id);
    }
  });

  it('writes each request its own method, route and status, however many came before', async () => {
    lines.length = 0;
    const requests = [
      ['GET', '/answers/200', '/answers/:status', 200],
      ['GET', '/answers/404', '/answers/:status', 404],
      ['HEAD', '/answers/404', '/answers/:status', 404],
      ['GET', '/quiet', '/quiet', 200],
      ['GET', '/answers/200', '/answers/:status', 200],
      ['HEAD', '/answers/200', '/answers/:status', 200],
    ] as const;
    for (const [method, url] of requests) await app.inject({ method, url });
    assert.deepEqual(
      lines.map((line) => JSON.parse(line) as Record<string, unknown>).map((line) => [line['method'], line['route'], line['status']]),
      requests.map(([method, , route, status]) => [method, route, status]),
    );
  });

  it('is given each ended request once, with its route template, or none when no route matched', async () => {
    ended.length = 0;
    await app.inject({ method: 'GET', url: '/quiet' });
    await app.inject({ method: 'GET', url: '/warns' });
    await app.inject({ method: 'GET', url: '/no-such-page?nhs=9434765919' });
    assert.deepEqual(ended, ['/quiet', '/warns', undefined]);
  });

  it('reads its level from the parent until the child is made, and sets it on the child only', () => {
    const logger = new RequestLogger(app.log, 'r-1');
    assert.equal(logger.level, 'info');
    logger.level = 'warn';
    assert.equal(logger.level, 'warn');
    assert.equal(app.log.level, 'info');
    assert.equal(logger.parentWhileUnmade(), undefined);
  });

  it('writes no request line above info (LOG_LEVEL=warn), and the warnings still, and is still given each request', async () => {
    const written: string[] = [];
    const quietEnded: (string | undefined)[] = [];
    const quiet = await loggingApp('warn', written, quietEnded);
    const responses = [await quiet.inject({ method: 'GET', url: '/warns' }), await quiet.inject({ method: 'GET', url: '/quiet' })];
    await quiet.close();
    assert.deepEqual(
      responses.map((response) => response.statusCode),
      [200, 200],
    );
    assert.deepEqual(
      written.map((line) => (JSON.parse(line) as Record<string, unknown>)['msg']),
      ['something to say'],
    );
    assert.deepEqual(quietEnded, ['/warns', '/quiet']);
  });
});

describe("Fastify's own lines, the app having no Fastify logger", () => {
  it('writes the line for a request refused while the server stops through the service\'s logger, and no request lines of Fastify\'s', () => {
    const lines: string[] = [];
    const logs = requestLogs({ level: 'info', destination: { write: (line) => void lines.push(line) }, onEnd: undefined });
    const { logger, logController } = logOptions(logs);
    assert.equal(logger, false);
    const request = { log: logs.logger } as never;
    logController!.requestCompleted(null, request, request);
    logController!.serviceUnavailable(logs.logger, undefined as never);
    assert.deepEqual(
      lines.map((line) => JSON.parse(line) as Record<string, unknown>).map((line) => [line['msg'], line['res']]),
      [['request aborted - refusing to accept new requests as server is closing', { statusCode: 503 }]],
    );
  });
});

describe("the request line's duration", () => {
  it('is written as JSON writes the duration rounded to a tenth of a millisecond', () => {
    const durations = [0, 0.04, 0.05, 0.95, 1, 9.95, 12.34, 99.99, 250.05, 1234.56, 60_000.049, 3_600_000.1];
    for (let i = 0; i < 2000; i++) durations.push(i * 0.0137, i * 7.31);
    for (const ms of durations) assert.equal(durationText(ms), JSON.stringify(Math.round(ms * 10) / 10), String(ms));
  });
});

describe('addresses in warnings and messages', () => {
  const NHS = '9434765919';
  const SURNAME = 'Quistwhistle';
  const QUERY = `?returnTo=${encodeURIComponent(`/cases?nhs=${NHS}&name=${SURNAME}`)}&nhs=${NHS}#${SURNAME}`;
  let app: FastifyInstance;
  const lines: string[] = [];

  before(async () => {
    app = await loggingApp('info', lines, []);
    // A route that replies twice: Fastify warns, quoting the address as sent in the error's message and stack.
    app.get('/replies-twice', (_request, reply) => {
      void reply.send('first');
      void reply.send('second');
    });
    // Headers written while an asynchronous onSend hook runs: Fastify warns as it writes them, quoting
    // the address in its message, then throws to the error handler, which logs the error and ends the answer.
    await app.register(async (scope) => {
      scope.setErrorHandler((error, request, reply) => {
        request.log.error({ err: error }, 'request failed');
        reply.raw.end();
      });
      scope.get('/writes-head-first', { onSend: async (_request, reply) => void reply.raw.writeHead(200) }, async () => 'late');
    });
    app.get('/quotes-its-address', async (request) => {
      request.log.warn({ address: request.url, nested: { link: `https://icp.example.org${request.url}` } }, `could not read "${request.url}"`);
      return 'ok';
    });
    await app.ready();
  });
  after(async () => app.close());

  it("writes no address's query or fragment, whoever quotes it, and keeps the path", async () => {
    for (const path of ['/replies-twice', '/writes-head-first', '/quotes-its-address']) await app.inject({ method: 'GET', url: `${path}${QUERY}` });
    const written = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const warnings = written.filter((line) => line['level'] === 40).map((line) => JSON.stringify(line));
    assert.ok(
      warnings.some((line) => line.includes('FST_ERR_REP_ALREADY_SENT') && line.includes('\\"/replies-twice\\"')),
      warnings.join('\n'),
    );
    assert.ok(warnings.some((line) => line.includes('Reply was already sent') && line.includes('\\"/writes-head-first\\"')));
    assert.ok(warnings.some((line) => line.includes('"address":"/quotes-its-address","nested":{"link":"https://icp.example.org/quotes-its-address"}')));
    assert.ok(warnings.some((line) => line.includes('"msg":"could not read \\"/quotes-its-address\\""')));
    const log = lines.join('');
    for (const secret of [NHS, SURNAME, 'returnTo']) assert.equal(log.includes(secret), false, `the log holds ${secret}`);
  });
});
