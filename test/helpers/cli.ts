// Runs the operator's command line (`npm run icp -- ...`) for tests. `icp` runs it in the test's own
// process: the same runCli the program runs, with the environment the command would get and its
// console output captured, without starting Node, tsx and the modules again for every command.
// `icpProcess` starts the real program, for what only a process shows (its exit code, its output
// streams); keep a few of those.
import { execFile } from 'node:child_process';
import { format, promisify } from 'node:util';
import { runCli } from '../../src/cli.ts';

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
