// Reads a PostgreSQL URL as libpq does, including the form that names several servers:
//   postgres://user@host1:5432,host2:5433/icp?target_session_attrs=read-write
// node-postgres reads only one host, so the service chooses among them itself
// (writable-host-pool.ts, docs/adr/0013-database-failover.md).

export interface PostgresHost {
  host: string;
  port: number;
}

/** libpq's names: `read-write` (and its newer spelling `primary`) wants a server that accepts writes. */
export type TargetSessionAttrs = 'any' | 'read-write';

export interface PostgresTarget {
  hosts: PostgresHost[];
  targetSessionAttrs: TargetSessionAttrs;
  /** Seconds to wait for one server to answer before trying the next (libpq's `connect_timeout`). */
  connectTimeoutSeconds: number | undefined;
  /** The URL for one of the hosts, with everything else the URL said (user, database, options). */
  urlFor(host: PostgresHost): string;
}

export type PostgresUrlReading = { ok: true; target: PostgresTarget } | { ok: false; problem: string };

const DEFAULT_PORT = 5432;
const URL_SHAPE = /^(postgres(?:ql)?):\/\/(?:([^@/?#]*)@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?$/;
const SESSION_ATTRS: Record<string, TargetSessionAttrs> = { any: 'any', 'read-write': 'read-write', primary: 'read-write' };
/** Parameters this reader acts on itself, so not passed on to the driver. */
const OWN_PARAMETERS = ['target_session_attrs', 'connect_timeout'];

function readHost(text: string): PostgresHost | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const plain = /^([^:[\]]+)(?::(\d+))?$/.exec(text);
  const match = bracketed ?? plain;
  if (!match) return undefined;
  const port = match[2] === undefined ? DEFAULT_PORT : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host: match[1]!, port };
}

function hostInUrl({ host, port }: PostgresHost): string {
  return `${host.includes(':') ? `[${host}]` : host}:${String(port)}`;
}

export function readPostgresUrl(url: string): PostgresUrlReading {
  const shape = URL_SHAPE.exec(url);
  if (!shape) return { ok: false, problem: 'must be a PostgreSQL URL such as postgres://user@localhost:5432/icp' };
  const [, scheme, userInfo, hostList = '', path = '', query = ''] = shape;
  const hostTexts = hostList === '' ? ['localhost'] : hostList.split(',');
  const hosts = hostTexts.map(readHost);
  const badHost = hostTexts.find((_, index) => hosts[index] === undefined);
  if (badHost !== undefined) return { ok: false, problem: `names a server it cannot read ("${badHost}"): write each as host or host:port, separated by commas` };

  const parameters = new URLSearchParams(query);
  const attrsText = parameters.get('target_session_attrs') ?? 'any';
  const targetSessionAttrs = SESSION_ATTRS[attrsText];
  if (targetSessionAttrs === undefined) return { ok: false, problem: `has target_session_attrs=${attrsText}: use read-write (or any)` };
  const timeoutText = parameters.get('connect_timeout');
  const connectTimeoutSeconds = timeoutText === null ? undefined : Number(timeoutText);
  if (connectTimeoutSeconds !== undefined && !(Number.isInteger(connectTimeoutSeconds) && connectTimeoutSeconds > 0)) {
    return { ok: false, problem: `has connect_timeout=${timeoutText ?? ''}: give a whole number of seconds` };
  }
  for (const name of OWN_PARAMETERS) parameters.delete(name);
  const rest = parameters.toString();
  const urlFor = (host: PostgresHost) => `${scheme!}://${userInfo === undefined ? '' : `${userInfo}@`}${hostInUrl(host)}${path}${rest ? `?${rest}` : ''}`;
  return { ok: true, target: { hosts: hosts as PostgresHost[], targetSessionAttrs, connectTimeoutSeconds, urlFor } };
}
