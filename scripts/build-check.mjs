// CI's check of the compiled server (docs/adr/0023): from a clone without dist/, `npm start` builds it
// (prestart) and serves the demo on a new embedded database; then the same dist/ is started by each
// Node given as an argument (CI: Node 22 and 24) as `npm run serve` starts it. Each must answer
// /health/ready, render a page from its templates and serve an asset of its own, all found beside
// the compiled files; then its process group is sent SIGTERM (as a service manager stops it) and must
// be gone within 30 s, a server started by itself with exit code 0 (npm dies of the signal).
//
//   node scripts/build-check.mjs [/path/to/node ...]
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const REPOSITORY = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

const groupRuns = (pid) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(url, expected) {
  const response = await globalThis.fetch(url);
  const body = await response.text();
  if (response.status !== 200 || !body.includes(expected)) throw new Error(`${url} answered ${String(response.status)} without "${expected}":\n${body.slice(0, 500)}`);
}

/** Starts `command` in a process group of its own, waits for it to be ready, checks its pages, stops the group and checks its exit. */
async function check(name, command, args, { exitsWithZero }) {
  const port = await freePort();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-build-check-'));
  const env = { ...process.env, PORT: String(port), DATA_DIR: path.join(scratch, 'data'), AUDIT_ANCHOR_FILE: path.join(scratch, 'anchors.jsonl'), DEMO_SYNTHETIC_INFANTS: '0', CHROMIUM_PATH: 'none' };
  delete env.DATABASE_URL;
  const output = [];
  const started = performance.now();
  const server = spawn(command, args, { cwd: REPOSITORY, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (chunk) => output.push(chunk));
  server.stderr.on('data', (chunk) => output.push(chunk));
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(signal ?? code)));
  const base = `http://127.0.0.1:${String(port)}`;
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`exited with ${String(server.exitCode)} before it was ready`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`not ready after ${String(START_TIMEOUT_MS / 1000)} s`);
      if (await globalThis.fetch(`${base}/health/ready`).then((r) => r.status === 200, () => false)) break;
      await sleep(100);
    }
    const readyAfter = ((performance.now() - started) / 1000).toFixed(1);
    await answers(`${base}/sign-in`, 'Sign in');
    await answers(`${base}/assets/app/app.css`, '{');
    process.kill(-server.pid, 'SIGTERM');
    const exit = await exited;
    const stopping = performance.now();
    while (groupRuns(server.pid) && performance.now() - stopping < STOP_TIMEOUT_MS) await sleep(100);
    if (groupRuns(server.pid)) throw new Error(`still running ${String(STOP_TIMEOUT_MS / 1000)} s after SIGTERM`);
    if (exitsWithZero && exit !== 0) throw new Error(`exited with ${String(exit)} after SIGTERM`);
    console.log(`${name}: ready after ${readyAfter} s, pages and assets served, stopped cleanly.`);
  } catch (error) {
    if (groupRuns(server.pid)) process.kill(-server.pid, 'SIGKILL');
    await exited;
    console.error(`${name}: ${error.message}\n--- its output ---\n${Buffer.concat(output).toString()}`);
    process.exitCode = 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

fs.rmSync(path.join(REPOSITORY, 'dist'), { recursive: true, force: true });
await check(`npm start on Node ${process.versions.node}`, 'npm', ['start'], { exitsWithZero: false });
for (const node of process.argv.slice(2)) {
  const { stdout } = await new Promise((resolve) => {
    const version = spawn(node, ['--version']);
    let text = '';
    version.stdout.on('data', (chunk) => (text += chunk));
    version.on('exit', () => resolve({ stdout: text.trim() }));
  });
  await check(`dist/src/server.js on Node ${stdout}`, node, ['--enable-source-maps', 'dist/src/server.js'], { exitsWithZero: true });
}
