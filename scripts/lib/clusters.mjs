// What the throwaway-cluster scripts (test-pitr.mjs, test-ha.mjs) share: a work folder removed at the
// end, also on failure or Ctrl-C; running PostgreSQL's programs as the user PostgreSQL runs as (it
// refuses root: when this process is root, as CI may be, they run as `postgres` through runuser, in
// folders handed to it); free loopback ports; waiting on a condition; a log's last lines.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const { setTimeout, clearTimeout } = globalThis;

export const asRoot = process.getuid?.() === 0;
export const PG_USER = 'postgres';

/** Who the PostgreSQL programs run as, for the scripts' first line. */
export const pgUserDescription = () => (asRoot ? `${PG_USER} (this process is root)` : os.userInfo().username);

/** A logger whose lines start with the tag and the seconds since the script started. */
export function makeLog(tag) {
  const started = performance.now();
  return (message) => console.log(`[${tag} ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

/** The file and arguments that run a program as the PostgreSQL user: as it is, or through runuser when root. No shell. */
export function asPgUserArgv(command, args) {
  return asRoot ? ['runuser', ['-u', PG_USER, '--', command, ...args]] : [command, args];
}

/** Runs a program as the PostgreSQL user to its end and returns its output; throws with its errors when it fails. */
export function runAsPgUser(command, args, options = {}) {
  const [file, argv] = asPgUserArgv(command, args);
  const result = spawnSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir(), ...options });
  if (result.error) throw new Error(`${path.basename(command)} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Hands a path made by this process to the PostgreSQL user (a no-op when not root). */
export function giveToPgUser(target) {
  if (!asRoot) return;
  const result = spawnSync('chown', ['-R', `${PG_USER}:`, target], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`chown ${PG_USER} ${target} failed: ${result.stderr}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Thrown by a waitFor check when waiting longer cannot help: waitFor gives up at once with it. */
export class GiveUp extends Error {}

/**
 * Asks check() every intervalMs until it answers something truthy, or throws after timeoutMs. A throw
 * counts as not yet (a server still starting refuses connections), except GiveUp, which ends the wait.
 */
export async function waitFor(what, timeoutMs, check, intervalMs = 200) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check().catch((error) => {
      if (error instanceof GiveUp) throw error;
      return undefined;
    });
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`Timed out after ${(timeoutMs / 1000).toFixed(1)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** A log file's last lines, or '' when there is none. */
export function tail(file, lines = 25) {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs work(root, onCleanUp) in a new folder under the system's temporary folder, named from prefix.
 * At the end, also on failure, SIGINT or SIGTERM, the clean-ups registered with onCleanUp run (last
 * registered first; one that throws is reported and the others still run) and the folder is removed,
 * unless the environment variable keepVariable is 1. Past deadlineMs the run gives up: it says so,
 * prints the last lines of each log in the folder, cleans up and exits 1, so that a step stuck on
 * something without a time limit of its own fails the run with its logs rather than holding CI.
 */
export async function inWorkFolder({ prefix, keepVariable, deadlineMs }, work) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const cleanUps = [];
  const cleanUp = () => {
    for (const step of cleanUps.splice(0).reverse()) {
      try {
        step();
      } catch (error) {
        console.error(`Clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (process.env[keepVariable] === '1') console.log(`Kept ${root} (${keepVariable}=1).`);
    else fs.rmSync(root, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const deadline = setTimeout(() => {
    console.error(`Gave up: the run took more than ${(deadlineMs / 60_000).toFixed(0)} minutes.`);
    for (const file of fs.readdirSync(root).filter((name) => name.endsWith('.log'))) {
      const text = tail(path.join(root, file));
      if (text) console.error(`--- last lines of ${path.join(root, file)}:\n${text}`);
    }
    cleanUp();
    process.exit(1);
  }, deadlineMs);
  deadline.unref();
  try {
    return await work(root, (step) => cleanUps.push(step));
  } finally {
    clearTimeout(deadline);
    cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
