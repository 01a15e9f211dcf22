// CPU time the PostgreSQL server's processes serving one application name have used, read from
// /proc: on a busy machine, CPU per request moves less with other people's load than wall time does.
// Only when the server runs on this machine (Linux); undefined otherwise.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Queryable } from '../src/infrastructure/db/schema.ts';

/** Clock ticks a second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_A_SECOND = 100;

/** The URL with `application_name` set, so that this pool's server processes can be told apart. */
export function withApplicationName(url: string, name: string): string {
  const named = new URL(url);
  named.searchParams.set('application_name', name);
  return named.toString();
}

/** Milliseconds of CPU (user and system) the server processes of `applicationName`'s open connections have used so far. */
export async function backendCpuMs(db: Queryable, applicationName: string): Promise<number | undefined> {
  const { rows } = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE application_name = ${applicationName}`.execute(db);
  let ticks = 0;
  for (const { pid } of rows) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    } catch {
      return undefined;
    }
    // After the command's closing parenthesis: state, then 10 fields, then utime and stime (proc(5) fields 14 and 15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_A_SECOND;
}
