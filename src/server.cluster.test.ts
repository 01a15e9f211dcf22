import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ServerProcess } from '../test/helpers/server-process.ts';
import { TEST_AUDIT_KEYS } from '../test/helpers/test-app.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../test/helpers/test-database.ts';

/** GET on a new connection each time, so the primary hands each request to the next worker. */
function get(port: number, url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** A sign-in through the API with a wrong password: refused, and audited by whichever worker answers. */
function failedSignIn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ email: 'nobody@test.example', password: 'not the password', name: 'cluster test', scopes: ['read'] });
    const request = http.request({ host: '127.0.0.1', port, path: '/api/v1/tokens', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Process ids of the workers the log says are listening now, newest last, by worker number. */
function listeningWorkers(server: ServerProcess): Map<string, number> {
  const workers = new Map<string, number>();
  for (const entry of server.logged) {
    const match = /^Worker (\d+) \(process (\d+)\) is listening\.$/.exec(String(entry['msg']));
    if (match) workers.set(match[1]!, Number(match[2]));
  }
  return workers;
}

/** The pids that logged an answer to GET /health. */
function healthAnsweredBy(server: ServerProcess): Set<number> {
  return new Set(server.logged.filter((entry) => entry['msg'] === 'request' && entry['route'] === '/health').map((entry) => Number(entry['pid'])));
}

describe('several server processes on PostgreSQL (WEB_PROCESSES)', { skip: usingPostgres ? false : 'PostgreSQL only: the embedded database is single-process' }, () => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await database?.close();
  });

  it('answers from two workers, replaces one that dies, and stops everything on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-cluster-'));
    server = new ServerProcess({ DATABASE_URL: database!.url!, WEB_PROCESSES: '2', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'false', AUDIT_KEYS: TEST_AUDIT_KEYS, LOG_LEVEL: 'info' });
    const port = await server.waitFor(() => server!.lines.map((line) => /running at http:\/\/localhost:(\d+) \(PostgreSQL, 2 server processes\)/.exec(line)?.[1]).find(Boolean), 'the server to start');
    const primary = server.child.pid!;
    const workers = [...listeningWorkers(server).values()];
    assert.equal(new Set(workers).size, 2, server.output);
    assert.ok(!workers.includes(primary), 'the primary serves nothing itself');

    for (let n = 0; n < 10; n++) assert.equal((await get(Number(port), '/health')).status, 200);
    await server.waitFor(() => healthAnsweredBy(server!).size === 2, 'both workers to log their answers', 5000);
    assert.deepEqual([...healthAnsweredBy(server)].sort(), [...workers].sort(), 'each worker answered');

    process.kill(workers[0]!, 'SIGKILL');
    const replacement = await server.waitFor(() => [...listeningWorkers(server!).values()].find((pid) => !workers.includes(pid)), 'a replacement worker');
    assert.ok(server.logged.some((entry) => /\(process \d+\) was killed by SIGKILL after [\d.]+ s; another starts in 1\.0 s\.$/.test(String(entry['msg']))), server.output);
    for (let n = 0; n < 10; n++) assert.equal((await get(Number(port), '/health')).status, 200);
    await server.waitFor(() => healthAnsweredBy(server!).has(replacement), 'the replacement to answer', 5000);

    for (let n = 0; n < 4; n++) assert.equal(await failedSignIn(Number(port)), 401);

    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.output);
    for (const pid of [replacement, workers[1]!]) assert.equal(alive(pid), false, `worker ${String(pid)} stopped with the primary`);
    assert.ok(server.lines.includes('SIGTERM: stopping the 2 server processes...'), server.output);

    // The primary sealed what the workers audited, after they stopped, and anchored the head.
    const audit = await database!.db.selectFrom('audit_log').select(['chain_seq', 'hash']).where('action', '=', 'sign-in').orderBy('chain_seq').execute();
    assert.ok(audit.length >= 4, `the refused sign-ins are audited (${String(audit.length)})`);
    assert.ok(audit.every((entry) => entry.chain_seq !== null), 'every entry is sealed into the chain');
    const head = await database!.db.selectFrom('audit_log').select(['chain_seq', 'hash']).orderBy('chain_seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const anchors = fs.readFileSync(`${dataDir}.audit-anchors.jsonl`, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { seq: string; hash: string });
    assert.deepEqual({ seq: anchors.at(-1)!.seq, hash: anchors.at(-1)!.hash }, { seq: String(head.chain_seq), hash: head.hash }, 'the last anchor is the sealed head');
  });
});
