// The request's logger is made only when something logs through it (issue 20), and the lines are
// the bytes Fastify's own child logger per request wrote: the id once, under reqId, first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { loggerOptions, RequestLogger, requestIdFor, requestLoggerFor, requestLogging } from './request-logging.ts';

describe('request logging', () => {
  let app: FastifyInstance;
  const lines: string[] = [];
  let childrenMade = 0;

  before(async () => {
    app = Fastify({ logger: loggerOptions('info', { write: (line) => void lines.push(line) }), childLoggerFactory: requestLoggerFor, logController: new LogController({ disableRequestLogging: true }), genReqId: requestIdFor(false) });
    const child = app.log.child.bind(app.log);
    app.log.child = (...args: Parameters<typeof child>) => {
      childrenMade++;
      return child(...args);
    };
    await app.register(requestLogging);
    app.get('/quiet', async () => 'ok');
    app.get('/warns', async (request) => {
      request.log.warn({ reason: 'test' }, 'something to say');
      return 'ok';
    });
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

  it('reads its level from the parent until the child is made, and sets it on the child only', () => {
    const logger = new RequestLogger(app.log, { reqId: 'r-1' }, {});
    assert.equal(logger.level, 'info');
    logger.level = 'warn';
    assert.equal(logger.level, 'warn');
    assert.equal(app.log.level, 'info');
    assert.equal(logger.parentWhileUnmade(), undefined);
  });

  it('writes no request line above info (LOG_LEVEL=warn), and the warnings still', async () => {
    const written: string[] = [];
    const quiet = Fastify({ logger: loggerOptions('warn', { write: (line) => void written.push(line) }), childLoggerFactory: requestLoggerFor, logController: new LogController({ disableRequestLogging: true }), genReqId: requestIdFor(false) });
    await quiet.register(requestLogging);
    quiet.get('/warns', async (request) => {
      request.log.warn('something to say');
      return 'ok';
    });
    const response = await quiet.inject({ method: 'GET', url: '/warns' });
    await quiet.close();
    assert.equal(response.statusCode, 200);
    assert.deepEqual(
      written.map((line) => (JSON.parse(line) as Record<string, unknown>)['msg']),
      ['something to say'],
    );
  });
});
