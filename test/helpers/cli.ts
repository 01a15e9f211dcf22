// Runs the operator's command line (`npm run icp -- ...`) for tests. `icp` runs it in the test's own
// process: the same runCli the program runs, with the environment the command would get and its
// console output captured, without starting Node, tsx and the modules again for every command.
// `icpProcess` starts the real program, for what only a process shows (its exit code, its output
// streams); keep a few of those. `useCliEnvironment` gives a suite the place its commands run in.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { format, promisify } from 'node:util';
import { runCli } from '../../src/cli.ts';
import { createTestDatabase, createTestDataDir, usingPostgres } from './test-database.ts';

/** The database the suite's commands run on, for its name: `describe(\`... on ${cliDatabaseName}\`)`. */
export const cliDatabaseName = usingPostgres ? 'PostgreSQL' : 'the embedded database';

/**
 * Registers the suite's hooks and returns its commands' environment, filled in before its first test:
 * a data folder of its own holding the migrated embedded database, or on PostgreSQL a database of its
 * own (DATABASE_URL) and a data folder for the files the commands write beside it. After the suite
 * the database is dropped and the folder removed. Read `env` in hooks and tests, not as the suite is declared.
 */
export function useCliEnvironment(folderPrefix: string): { env: Record<string, string> } {
  const place = { env: {} as Record<string, string> };
  let dropDatabase = async (): Promise<void> => undefined;
  before(async () => {
    if (usingPostgres) {
      const database = await createTestDatabase();
      dropDatabase = () => database.close();
      place.env = { DATABASE_URL: database.url!, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix)) };
    } else {
      place.env = { DATA_DIR: await createTestDataDir(folderPrefix) };
    }
  });
  after(async () => {
    await dropDatabase();
    if (place.env['DATA_DIR']) fs.rmSync(place.env['DATA_DIR'], { recursive: true, force: true });
  });
  return place;
}

export type CliResult = { status: number | null; stdout: string; stderr: string; last: string };

function withLast(result: Omit<CliResult, 'last'>): CliResult {
  const lines = result.stdout.trim().split('\n');
  return { ...result, last: lines[lines.length - 1] ?? '' };
}

let running = false;

/**
 * The command run in this process, with DATABASE_URL unset unless env sets it (as the program would be
 * started: `{ ...process.env, DATABASE_URL: '', ...env }`). One at a time: it swaps process.env and
 * the console while it runs.
 */
export async function icp(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  if (running) throw new Error('icp: one command at a time in the same process');
  running = true;
  const wanted: Record<string, string> = { DATABASE_URL: '', ...env };
  const saved = Object.fromEntries(Object.keys(wanted).map((key) => [key, process.env[key]]));
  const { log, error, warn, info } = console;
  const stdout: string[] = [];
  const stderr: string[] = [];
  Object.assign(process.env, wanted);
  console.log = console.info = (...data: unknown[]) => void stdout.push(`${format(...data)}\n`);
  console.error = console.warn = (...data: unknown[]) => void stderr.push(`${format(...data)}\n`);
  try {
    const status = await runCli(args);
    return withLast({ status, stdout: stdout.join(''), stderr: stderr.join('') });
  } finally {
    Object.assign(console, { log, error, warn, info });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
    running = false;
  }
}

/** The real program, `node --import tsx src/cli.ts ...args`, without blocking this process (an in-process mail sink can answer it). */
export async function icpProcess(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
    (failure: unknown) => {
      const failed = failure as { code: number | null; stdout: string; stderr: string };
      return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    },
  );
  return withLast(result);
}
