// Every setting comes from an environment variable, validated once at start-up.
// A bad value stops start-up with a message that names the variable and says what it accepts.
import fs from 'node:fs';
import path from 'node:path';
import { readOidcSettings, type OidcSettings } from './config-oidc.ts';
import { readPostgresUrl } from './config-postgres-url.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Statements a connection sends again are prepared on it (DATABASE_PREPARED_STATEMENTS); off behind a pooler that moves connections between transactions. */
  databasePreparedStatements: boolean;
  /** Node processes serving requests (WEB_PROCESSES): more than 1 only on PostgreSQL. */
  webProcesses: number;
  demo: boolean;
  /** Synthetic families seeded beside the demo's story families; 0 seeds none. */
  demoSyntheticInfants: number;
  sessionSecret: string | undefined;
  /** Keys that sign the audit chain (AUDIT_KEYS), the last the current one; undefined to use auditKeysFile. */
  auditKeys: AuditKey[] | undefined;
  /** Where the audit keys are kept when AUDIT_KEYS is not set: made on first start if missing. */
  auditKeysFile: string;
  /** Where the audit chain's head is written now and then, outside the database and the data folder. */
  auditAnchorFile: string;
  auditAnchorMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  signInMaxAttempts: number;
  signInLockoutMinutes: number;
  signInRateLimitPerMinute: number;
  /** Two-factor sign-in required of administrators and safeguarding leads (and everyone, when the area says so): TWO_FACTOR_REQUIRED, off by default only in the demo. */
  twoFactorRequired: boolean;
  apiTokenDays: number;
  breakGlassHours: number;
  /** Hours an alert may go unacknowledged before it goes to the safeguarding leads. */
  alertEscalationHours: number;
  cookieSecure: boolean | 'auto';
  trustProxy: boolean;
  /** Where alert emails go out; undefined means mail is off and messages wait in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxIntervalSeconds: number;
  /** How long a stopping server may take to finish the requests it has before it cuts them off (SHUTDOWN_GRACE_SECONDS). */
  shutdownGraceSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Port of the Prometheus endpoint on 127.0.0.1 (METRICS_PORT); undefined: no metrics are kept. 0 takes any free port. */
  metricsPort: number | undefined;
  /** Traces are sent by OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the standard OpenTelemetry variable) when it is set. */
  tracing: boolean;
  /** The Chromium that makes the printable pages' PDFs (CHROMIUM_PATH); undefined: no PDFs, the pages say to print to PDF from the browser. */
  chromiumPath: string | undefined;
  /** Single sign-on: the OpenID Connect providers (OIDC_PROVIDERS) and the service's public address (PUBLIC_URL); see config-oidc.ts. */
  oidc: OidcSettings;
}

export interface AuditKey {
  id: string;
  secret: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Where Debian and Ubuntu put Chromium (apt-get install chromium): CHROMIUM_PATH's default when it is there. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** A bound on WEB_PROCESSES: each process keeps a pool of up to 10 database connections. */
const MOST_WEB_PROCESSES = 64;

export function loadConfig(env: Env = process.env, defaults: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const dataDir = path.resolve(read.text('DATA_DIR', defaults.dataDir ?? './data'));
  const demo = read.boolean('DEMO', defaults.demo ?? false);
  const config: Config = {
    port: read.integer('PORT', defaults.port ?? 3000, 0, 65535),
    host: read.text('HOST', defaults.host ?? '127.0.0.1'),
    dataDir,
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    databasePreparedStatements: read.boolean('DATABASE_PREPARED_STATEMENTS', true),
    webProcesses: read.integer('WEB_PROCESSES', defaults.webProcesses ?? 1, 1, MOST_WEB_PROCESSES),
    demo,
    demoSyntheticInfants: read.integer('DEMO_SYNTHETIC_INFANTS', defaults.demoSyntheticInfants ?? 100, 0, 100_000),
    sessionSecret: read.secret('SESSION_SECRET'),
    auditKeys: read.auditKeys('AUDIT_KEYS'),
    auditKeysFile: path.resolve(read.text('AUDIT_KEYS_FILE', path.join(dataDir, 'audit-keys'))),
    auditAnchorFile: path.resolve(read.text('AUDIT_ANCHOR_FILE', `${dataDir}.audit-anchors.jsonl`)),
    auditAnchorMinutes: read.integer('AUDIT_ANCHOR_MINUTES', 15, 1, 24 * 60),
    sessionIdleMinutes: read.integer('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: read.integer('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    signInMaxAttempts: read.integer('SIGN_IN_MAX_ATTEMPTS', 5, 1, 100),
    signInLockoutMinutes: read.integer('SIGN_IN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    signInRateLimitPerMinute: read.integer('SIGN_IN_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    twoFactorRequired: read.boolean('TWO_FACTOR_REQUIRED', !demo),
    apiTokenDays: read.integer('API_TOKEN_DAYS', 30, 1, 365),
    breakGlassHours: read.integer('BREAK_GLASS_HOURS', 4, 1, 72),
    alertEscalationHours: read.integer('ALERT_ESCALATION_HOURS', 4, 1, 168),
    cookieSecure: read.cookieSecure('COOKIE_SECURE'),
    trustProxy: read.boolean('TRUST_PROXY', false),
    smtpUrl: read.smtpUrl('SMTP_URL'),
    mailFrom: read.text('MAIL_FROM', 'Infant Care Profile <no-reply@localhost>'),
    outboxIntervalSeconds: read.integer('OUTBOX_INTERVAL_SECONDS', 30, 5, 3600),
    shutdownGraceSeconds: read.integer('SHUTDOWN_GRACE_SECONDS', 20, 1, 600),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    metricsPort: read.isSet('METRICS_PORT') ? read.integer('METRICS_PORT', 0, 0, 65535) : undefined,
    tracing: read.tracingEndpoint('OTEL_EXPORTER_OTLP_ENDPOINT') && !read.boolean('OTEL_SDK_DISABLED', false),
    chromiumPath: read.chromiumPath('CHROMIUM_PATH'),
    oidc: readOidcSettings(read.isSet('OIDC_PROVIDERS') ? env.OIDC_PROVIDERS : undefined, read.isSet('PUBLIC_URL') ? read.text('PUBLIC_URL', '') : undefined, problems),
  };
  if (config.metricsPort !== undefined && config.metricsPort !== 0 && config.metricsPort === config.port) {
    problems.push(`METRICS_PORT must differ from PORT (both are ${String(config.port)}): the metrics are served apart from the app, on 127.0.0.1 only`);
  }
  // PGlite runs inside the one process that opened the data folder (a lock keeps others out). When
  // DATABASE_URL is given but wrong, that is the problem to report, not this.
  if (config.webProcesses > 1 && !read.isSet('DATABASE_URL')) {
    problems.push(`WEB_PROCESSES must be 1 with the embedded database, which only one process can open (it is ${String(config.webProcesses)}): set DATABASE_URL to run several processes on PostgreSQL`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  isSet(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  text(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (it is "${value}")`);
      return fallback;
    }
    return Number(value);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.problems.push(`${name} must be "true" or "false" (it is "${value}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (it is "${value}")`);
    return fallback;
  }

  postgresUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1];
    if (scheme !== undefined && scheme !== 'postgres' && scheme !== 'postgresql') {
      this.problems.push(`${name} must start with postgres:// or postgresql:// (it starts with ${scheme}://)`);
      return undefined;
    }
    // Several servers (host1:port1,host2:port2) are allowed, as libpq allows them.
    const reading = readPostgresUrl(value);
    if (!reading.ok) {
      this.problems.push(`${name} ${reading.problem}`);
      return undefined;
    }
    return value;
  }

  /** Never echoes the value: it may hold the mail server's password. */
  smtpUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.problems.push(`${name} must be an SMTP URL such as smtp://user:password@mail.example:587`);
      return undefined;
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      this.problems.push(`${name} must start with smtp:// or smtps:// (it starts with ${url.protocol}//)`);
      return undefined;
    }
    if (url.hostname === '') {
      this.problems.push(`${name} must name the mail server, as in smtp://mail.example:587`);
      return undefined;
    }
    return value;
  }

  /** True when set to an http(s) URL; the exporter reads the variable itself. Never echoed: it may carry credentials. */
  tracingEndpoint(name: string): boolean {
    const value = this.raw(name);
    if (value === undefined) return false;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
      this.problems.push(`${name} must be an http:// or https:// URL of an OpenTelemetry collector, such as http://localhost:4318`);
      return false;
    }
    return true;
  }

  secret(name: string): string | undefined {
    const value = this.raw(name);
    if (value !== undefined && value.length < 32) {
      this.problems.push(`${name} must be at least 32 characters long (it has ${value.length})`);
      return undefined;
    }
    return value;
  }

  /** "id:secret" pairs, comma-separated; ids of letters, digits and . _ -; secrets of 32 characters or more. Never echoed. */
  auditKeys(name: string): AuditKey[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const keys = value.split(',').map((pair) => {
      const at = pair.indexOf(':');
      return { id: pair.slice(0, at).trim(), secret: pair.slice(at + 1).trim() };
    });
    const valid = keys.every((key) => /^[A-Za-z0-9._-]{1,40}$/.test(key.id) && key.secret.length >= 32) && new Set(keys.map((k) => k.id)).size === keys.length;
    if (!valid) {
      this.problems.push(`${name} must be "id:secret" pairs separated by commas, the last the current key: ids of letters, digits, dots, dashes or underscores, all different, and secrets of at least 32 characters`);
      return undefined;
    }
    return keys;
  }

  /** An executable file; `none` for no browser; unset: Chromium where Debian and Ubuntu put it, when it is there. */
  chromiumPath(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return isExecutableFile(DEFAULT_CHROMIUM_PATH) ? DEFAULT_CHROMIUM_PATH : undefined;
    if (value.toLowerCase() === 'none') return undefined;
    if (!isExecutableFile(value)) {
      this.problems.push(`${name} must be the path of a Chromium or Chrome executable, or "none" for no PDFs (there is no executable file at ${value})`);
      return undefined;
    }
    return value;
  }

  cookieSecure(name: string): boolean | 'auto' {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined || value === 'auto') return 'auto';
    return this.boolean(name, false);
  }
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
