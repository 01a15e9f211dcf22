import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPostgresUrl, type PostgresTarget } from './config-postgres-url.ts';

function target(url: string): PostgresTarget {
  const reading = readPostgresUrl(url);
  assert.ok(reading.ok, reading.ok ? '' : reading.problem);
  return reading.target;
}

function problem(url: string): string {
  const reading = readPostgresUrl(url);
  assert.ok(!reading.ok, `${url} should be refused`);
  return reading.problem;
}

describe('PostgreSQL URLs naming one or several servers', () => {
  it('reads one server as before: its port defaults to 5432, any server will do', () => {
    const one = target('postgres://icp:secret@db.example/icp?sslmode=require');
    assert.deepEqual(one.hosts, [{ host: 'db.example', port: 5432 }]);
    assert.equal(one.targetSessionAttrs, 'any');
    assert.equal(one.urlFor(one.hosts[0]!), 'postgres://icp:secret@db.example:5432/icp?sslmode=require');
  });

  it('reads several servers in order, each with its own port, and wants a writable one with read-write', () => {
    const many = target('postgresql://icp@10.0.0.1:5432,10.0.0.2:6432,[::1]:7000/icp?target_session_attrs=read-write&connect_timeout=3&application_name=icp');
    assert.deepEqual(many.hosts, [
      { host: '10.0.0.1', port: 5432 },
      { host: '10.0.0.2', port: 6432 },
      { host: '::1', port: 7000 },
    ]);
    assert.equal(many.targetSessionAttrs, 'read-write');
    assert.equal(many.connectTimeoutSeconds, 3);
    assert.equal(many.urlFor(many.hosts[2]!), 'postgresql://icp@[::1]:7000/icp?application_name=icp', 'the parameters read here are not passed on');
  });

  it("takes libpq's newer spelling 'primary' for read-write, and no host as localhost", () => {
    assert.equal(target('postgres://a,b/icp?target_session_attrs=primary').targetSessionAttrs, 'read-write');
    assert.deepEqual(target('postgres:///icp').hosts, [{ host: 'localhost', port: 5432 }]);
  });

  it('refuses what it cannot act on, saying what to write instead', () => {
    assert.match(problem('mysql://db/icp'), /postgres:\/\/user@localhost:5432\/icp/);
    assert.match(problem('postgres://a:5432,:5433/icp'), /":5433".*host:port/);
    assert.match(problem('postgres://a:99999/icp'), /"a:99999"/);
    assert.match(problem('postgres://a,b/icp?target_session_attrs=standby'), /target_session_attrs=standby: use read-write/);
    assert.match(problem('postgres://a/icp?connect_timeout=soon'), /connect_timeout=soon/);
  });
});
