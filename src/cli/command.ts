// What every command of the operator's command line (src/cli.ts) shares: its parsed arguments, the
// usage error, the database it runs on and how it prints its result last.
import { parseArgs } from 'node:util';
import { createContext } from '../application/context.ts';
import { loadConfig } from '../config.ts';
import { openConfiguredDatabase } from '../infrastructure/db/open-configured.ts';

/** The command line as parsed: the words, then the options. */
export function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      kind: { type: 'string' },
      email: { type: 'string' },
      organisation: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      infants: { type: 'string' },
      seed: { type: 'string' },
      size: { type: 'string' },
      scopes: { type: 'string' },
      confirm: { type: 'boolean' },
      all: { type: 'boolean' },
      by: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export type CliArguments = ReturnType<typeof parseCommandLine>;

/** One command: resolves to its exit code. */
export type Command = (args: CliArguments) => Promise<number>;

/** A command used wrongly: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function option(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Missing --${name}`);
  return value;
}

export async function withContext<T>(run: (ctx: ReturnType<typeof createContext>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    return await run(createContext(database.db, config));
  } finally {
    await database.close();
  }
}

export function report<T>(result: { ok: true; value: T } | { ok: false; message: string }, last: (value: T) => string): number {
  if (!result.ok) {
    console.error(result.message);
    return 1;
  }
  console.log(last(result.value));
  return 0;
}
