import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
}

describe('configuration', () => {
  it('runs with no settings at all: embedded database in ./data on port 3000, demo off', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.match(config.dataDir, /\/data$/);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.demo, false);
    assert.equal(config.sessionIdleMinutes, 30);
  });

  it('lets the caller choose a different default for DEMO (npm start seeds the demo)', () => {
    assert.equal(loadConfig({}, { demo: true }).demo, true);
    assert.equal(loadConfig({ DEMO: 'false' }, { demo: true }).demo, false);
  });

  it('seeds 100 synthetic families beside the demo unless DEMO_SYNTHETIC_INFANTS says otherwise (0 for none)', () => {
    assert.equal(loadConfig({}).demoSyntheticInfants, 100);
    assert.equal(loadConfig({ DEMO_SYNTHETIC_INFANTS: '0' }).demoSyntheticInfants, 0);
    assert.equal(loadConfig({ DEMO_SYNTHETIC_INFANTS: '2000' }).demoSyntheticInfants, 2000);
    for (const value of ['-1', 'lots', '1.5', '100001']) {
      assert.match(problemsFor({ DEMO_SYNTHETIC_INFANTS: value })[0]!, /^DEMO_SYNTHETIC_INFANTS must be a whole number from 0 to 100000/, value);
    }
  });

  it('names each bad variable and what it accepts', () => {
    const problems = problemsFor({ PORT: 'eighty', SESSION_IDLE_MINUTES: '0', DEMO: 'yes', LOG_LEVEL: 'loud' });
    assert.equal(problems.length, 4);
    const expected = [
      /^PORT must be a whole number from 0 to 65535 \(it is "eighty"\)/,
      /^SESSION_IDLE_MINUTES must be a whole number from 1/,
      /^DEMO must be "true" or "false"/,
      /^LOG_LEVEL must be one of/,
    ];
    for (const pattern of expected) assert.ok(problems.some((problem) => pattern.test(problem)), String(pattern));
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    assert.match(problemsFor({ DATABASE_URL: 'mysql://localhost/icp' })[0]!, /^DATABASE_URL must start with postgres:\/\//);
    assert.match(problemsFor({ DATABASE_URL: 'not a url' })[0]!, /^DATABASE_URL must be a PostgreSQL URL/);
    assert.equal(loadConfig({ DATABASE_URL: 'postgresql://app@db:5432/icp' }).databaseUrl, 'postgresql://app@db:5432/icp');
    const failover = 'postgres://app@db1:5432,db2:5433/icp?target_session_attrs=read-write';
    assert.equal(loadConfig({ DATABASE_URL: failover }).databaseUrl, failover, 'several servers, as libpq takes them');
    assert.match(problemsFor({ DATABASE_URL: 'postgres://db1,db2/icp?target_session_attrs=standby' })[0]!, /^DATABASE_URL has target_session_attrs=standby: use read-write/);
  });

  it('serves from one process unless WEB_PROCESSES says how many (PostgreSQL only)', () => {
    assert.equal(loadConfig({}).webProcesses, 1);
    assert.equal(loadConfig({ WEB_PROCESSES: '1' }).webProcesses, 1);
    assert.equal(loadConfig({ WEB_PROCESSES: ' 4 ', DATABASE_URL: 'postgres://app@db:5432/icp' }).webProcesses, 4);
    assert.equal(loadConfig({ WEB_PROCESSES: '64', DATABASE_URL: 'postgres://app@db:5432/icp' }).webProcesses, 64);
    for (const value of ['0', '-2', 'two', '1.5', '65', 'auto']) {
      const problems = problemsFor({ WEB_PROCESSES: value, DATABASE_URL: 'postgres://app@db:5432/icp' });
      assert.deepEqual(problems, [`WEB_PROCESSES must be a whole number from 1 to 64 (it is "${value}")`], value);
    }
  });

  it('prepares statements sent again on PostgreSQL unless DATABASE_PREPARED_STATEMENTS is false', () => {
    assert.equal(loadConfig({}).databasePreparedStatements, true);
    assert.equal(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements, false);
    assert.equal(problemsFor({ DATABASE_PREPARED_STATEMENTS: 'sometimes' }).length, 1);
  });

  it('gives a stopping server 20 seconds to finish its requests unless SHUTDOWN_GRACE_SECONDS says otherwise (1 to 600)', () => {
    assert.equal(loadConfig({}).shutdownGraceSeconds, 20);
    assert.equal(loadConfig({ SHUTDOWN_GRACE_SECONDS: '45' }).shutdownGraceSeconds, 45);
    for (const bad of ['0', '601', '2.5', '-1', 'soon']) {
      assert.deepEqual(problemsFor({ SHUTDOWN_GRACE_SECONDS: bad }), [`SHUTDOWN_GRACE_SECONDS must be a whole number from 1 to 600 (it is "${bad}")`]);
    }
  });

  it('keeps no metrics unless METRICS_PORT is set (0 to 65535, apart from PORT)', () => {
    assert.equal(loadConfig({}).metricsPort, undefined);
    assert.equal(loadConfig({ METRICS_PORT: '' }).metricsPort, undefined);
    assert.equal(loadConfig({ METRICS_PORT: '9464' }).metricsPort, 9464);
    assert.equal(loadConfig({ METRICS_PORT: '0' }).metricsPort, 0);
    for (const bad of ['-1', '65536', 'prometheus', '94.64']) {
      assert.deepEqual(problemsFor({ METRICS_PORT: bad }), [`METRICS_PORT must be a whole number from 0 to 65535 (it is "${bad}")`]);
    }
    assert.deepEqual(problemsFor({ PORT: '8080', METRICS_PORT: '8080' }), ['METRICS_PORT must differ from PORT (both are 8080): the metrics are served apart from the app, on 127.0.0.1 only']);
  });

  it('traces only when OTEL_EXPORTER_OTLP_ENDPOINT is an http(s) URL and OTEL_SDK_DISABLED is not true, never echoing it', () => {
    assert.equal(loadConfig({}).tracing, false);
    assert.equal(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318' }).tracing, true);
    assert.equal(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example', OTEL_SDK_DISABLED: 'true' }).tracing, false);
    const problems = problemsFor({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://user:secret@collector:4317' });
    assert.deepEqual(problems, ['OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL of an OpenTelemetry collector, such as http://localhost:4318']);
  });

  it('refuses several processes on the embedded database, which one process alone can open', () => {
    const problems = problemsFor({ WEB_PROCESSES: '2' });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^WEB_PROCESSES must be 1 with the embedded database, which only one process can open \(it is 2\): set DATABASE_URL/);
    assert.deepEqual(problemsFor({ WEB_PROCESSES: '2', DATABASE_URL: 'mysql://db/icp' }).length, 1, 'a wrong DATABASE_URL is the one problem named');
    assert.equal(loadConfig({ WEB_PROCESSES: '1', DATA_DIR: './somewhere' }).webProcesses, 1);
  });

  it('refuses a short SESSION_SECRET without echoing it', () => {
    const [problem] = problemsFor({ SESSION_SECRET: 'hunter2' });
    assert.match(problem!, /^SESSION_SECRET must be at least 32 characters long \(it has 7\)/);
    assert.doesNotMatch(problem!, /hunter2/);
  });

  it('treats blank values as unset', () => {
    assert.equal(loadConfig({ PORT: '  ', DATABASE_URL: '' }).port, 3000);
  });

  it('stops the server at start-up with a message naming the bad variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /did not start/);
    assert.match(result.stderr, /PORT must be a whole number/);
  });

  it('stops the server at start-up when asked for several processes on the embedded database', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, WEB_PROCESSES: '2', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /did not start/);
    assert.match(result.stderr, /WEB_PROCESSES must be 1 with the embedded database/);
  });
});
