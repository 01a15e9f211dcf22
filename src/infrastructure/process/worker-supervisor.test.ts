import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { restartDelayMs, superviseWorkers, type Supervisor, type SupervisorLog } from './worker-supervisor.ts';

/** A worker as small as can be: answers with its process id; FAIL_AT_START or CRASH_AFTER_MS make it die. */
const WORKER = `
import http from 'node:http';
if (process.env.FAIL_AT_START) process.exit(3);
const server = http.createServer((request, response) => response.end(String(process.pid)));
server.listen(0, '127.0.0.1');
process.on('SIGTERM', () => {
  if (process.env.IGNORE_SIGTERM) return;
  server.close(() => process.exit(Number(process.env.EXIT_CODE_ON_SIGTERM ?? 0)));
});
if (process.env.CRASH_AFTER_MS) setTimeout(() => process.exit(4), Number(process.env.CRASH_AFTER_MS));
`;

/** The pid that answered, on a new connection each time, so the primary hands each to the next worker. */
function askPid(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(Number(body)));
      })
      .on('error', reject);
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

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

class Lines implements SupervisorLog {
  readonly lines: string[] = [];
  info = (message: string) => void this.lines.push(message);
  warn = (message: string) => void this.lines.push(message);
  error = (message: string) => void this.lines.push(message);
}

describe('restart back-off', () => {
  it('waits a second after a worker that ran a while, doubling while workers die soon after starting, up to a minute', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => restartDelayMs(n)), [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    assert.equal(restartDelayMs(1, { firstDelayMs: 50, longestDelayMs: 150, stableAfterMs: 1000 }), 50);
    assert.equal(restartDelayMs(3, { firstDelayMs: 50, longestDelayMs: 150, stableAfterMs: 1000 }), 150);
  });
});

describe('supervising worker processes', () => {
  let exec = '';
  let supervisor: Supervisor | undefined;
  before(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-supervisor-'));
    exec = path.join(dir, 'worker.mjs');
    fs.writeFileSync(exec, WORKER);
  });
  after(async () => supervisor?.stop());

  it('starts the workers on one port, shares the connections, replaces one that dies, and stops them all', async () => {
    const log = new Lines();
    supervisor = superviseWorkers({ processes: 2, log, exec, execArgv: [], restart: { firstDelayMs: 50, longestDelayMs: 200, stableAfterMs: 60_000 } });
    const { port } = await supervisor.ready;
    const first = supervisor.pids();
    assert.equal(first.length, 2);
    const answered = new Set<number>();
    for (let n = 0; n < 10; n++) answered.add(await askPid(port));
    assert.deepEqual([...answered].sort(), [...first].sort(), 'both workers answer');

    process.kill(first[0]!, 'SIGKILL');
    await waitFor(() => supervisor!.pids().length === 2 && !supervisor!.pids().includes(first[0]!), 'a new worker');
    assert.ok(log.lines.some((line) => /^Worker \d \(process \d+\) was killed by SIGKILL after [\d.]+ s; another starts in 0\.1 s\.$/.test(line)), log.lines.join('\n'));
    const replaced = supervisor.pids();
    await waitFor(() => log.lines.filter((line) => line.endsWith('is listening.')).length === 3, 'the new worker to listen');
    const answeredAfter = new Set<number>();
    for (let n = 0; n < 10; n++) answeredAfter.add(await askPid(port));
    assert.deepEqual([...answeredAfter].sort(), [...replaced].sort(), 'the replacement answers too');

    assert.equal(await supervisor.stop(), true, 'every worker stopped by itself with code 0');
    assert.deepEqual(supervisor.pids(), []);
    for (const pid of replaced) assert.equal(alive(pid), false, `process ${String(pid)} has stopped`);
    await sleep(150);
    assert.deepEqual(supervisor.pids(), [], 'none is started again after the stop');
  });

  it('waits longer after each quick death in a row', async () => {
    const log = new Lines();
    supervisor = superviseWorkers({ processes: 1, log, exec, execArgv: [], env: { CRASH_AFTER_MS: '300' }, restart: { firstDelayMs: 100, longestDelayMs: 400, stableAfterMs: 60_000 } });
    await supervisor.ready;
    await waitFor(() => log.lines.filter((line) => line.includes('another starts in')).length >= 4, 'four restarts');
    await supervisor.stop();
    const delays = log.lines.flatMap((line) => /another starts in ([\d.]+) s/.exec(line)?.[1] ?? []);
    assert.deepEqual(delays.slice(0, 4), ['0.1', '0.2', '0.4', '0.4']);
    assert.ok(log.lines.some((line) => /exited with code 4 after/.test(line)), log.lines.join('\n'));
  });

  it('fails the start-up when a worker dies before every worker has listened', async () => {
    const log = new Lines();
    supervisor = superviseWorkers({ processes: 2, log, exec, execArgv: [], env: { FAIL_AT_START: '1' } });
    await assert.rejects(supervisor.ready, /a server process exited with code 3 while starting/);
    await supervisor.stop();
    assert.deepEqual(supervisor.pids(), []);
  });

  it('says a stop was not clean when a worker exits with an error code on SIGTERM, or has to be killed after the grace period', async () => {
    supervisor = superviseWorkers({ processes: 2, log: new Lines(), exec, execArgv: [], env: { EXIT_CODE_ON_SIGTERM: '1' } });
    await supervisor.ready;
    assert.equal(await supervisor.stop(), false);

    const log = new Lines();
    supervisor = superviseWorkers({ processes: 1, log, exec, execArgv: [], env: { IGNORE_SIGTERM: '1' }, stopGraceMs: 200 });
    await supervisor.ready;
    const [pid] = supervisor.pids();
    assert.equal(await supervisor.stop(), false);
    assert.equal(alive(pid!), false);
    assert.ok(log.lines.some((line) => /did not stop within 0\.2 s: killing it\.$/.test(line)), log.lines.join('\n'));
  });
});
