import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cliDatabaseName, icp, icpProcess, useCliEnvironment } from '../test/helpers/cli.ts';
import { usingPostgres } from '../test/helpers/test-database.ts';

describe(`command line on ${cliDatabaseName}`, () => {
  const cli = useCliEnvironment('icp-cli-');

  // Two commands run as real processes (an exit code of 0 with the id as the output's last line, and
  // the exit code 2 of a usage error); the rest run in this process through the same runCli.
  let organisationId = '';

  it('creates an organisation and prints its id last', async () => {
    const result = await icpProcess(cli.env, 'organisations', 'create', '--name', 'Test Health Visiting', '--kind', 'health-visiting');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.last, /^[0-9a-f-]{36}$/);
    organisationId = result.last;
  });

  it('creates an account and prints its id last; refuses a bad role with a clear message', async () => {
    const created = await icp(cli.env, 'users', 'create', '--email', 'hv@test.example', '--name', 'Test Visitor', '--organisation', organisationId, '--role', 'practitioner', '--password', 'a long enough password');
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.last, /^[0-9a-f-]{36}$/);
    const refused = await icp(cli.env, 'users', 'create', '--email', 'x@test.example', '--name', 'X', '--organisation', organisationId, '--role', 'king');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /"king" is not a role/);
  });

  it('issues a token for an account and prints it last', async () => {
    const result = await icp(cli.env, 'token', 'create', '--email', 'hv@test.example');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.last, /^icp_[A-Za-z0-9_-]{43}$/);
  });

  it('verifies the audit trail written by these commands', async () => {
    const result = await icp(cli.env, 'audit', 'verify');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Audit trail intact: 3 entries/);
  });

  it('anchors the head outside the data folder, signs with a rotated key, and still verifies', async () => {
    const anchored = await icp(cli.env, 'audit', 'anchor');
    assert.equal(anchored.status, 0, anchored.stderr);
    assert.match(anchored.last, /^[0-9a-f]{64}$/);
    const anchorFile = `${cli.env['DATA_DIR']!}.audit-anchors.jsonl`;
    assert.ok(fs.existsSync(anchorFile), 'the anchor file is beside the data folder, not in it');
    const rotated = await icp(cli.env, 'audit', 'rotate-key');
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.match(fs.readFileSync(path.join(cli.env['DATA_DIR']!, 'audit-keys'), 'utf8'), new RegExp(`^${rotated.last} `, 'm'));
    assert.equal((await icp(cli.env, 'organisations', 'create', '--name', 'After rotation', '--kind', 'gp')).status, 0);
    const verified = await icp(cli.env, 'audit', 'verify');
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /Audit trail intact: 4 entries, 1 anchored heads matched/);
  });

  it('explains usage for a missing option or unknown command, with exit code 2', async () => {
    const missing = await icpProcess(cli.env, 'organisations', 'create', '--name', 'No kind');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Missing --kind/);
    assert.equal((await icp(cli.env, 'frobnicate')).status, 2);
  });

  it('backs up and restores the database, and the audit trail still verifies', async () => {
    const file = path.join(os.tmpdir(), `icp-cli-backup-${process.pid}.${usingPostgres ? 'dump' : 'tar.gz'}`);
    const backup = await icp(cli.env, 'backup', file);
    assert.equal(backup.status, 0, backup.stderr);
    assert.equal(backup.last, file);
    assert.equal((await icp(cli.env, 'organisations', 'create', '--name', 'After the backup', '--kind', 'gp')).status, 0);
    const restore = await icp(cli.env, 'restore', file);
    assert.equal(restore.status, 0, restore.stderr);
    assert.equal(restore.last, file);
    if (usingPostgres) {
      assert.match(restore.stdout, /Row counts match the backup's manifest/);
      assert.match(restore.stdout, /Audit trail intact and as at backup: 4 entries .* 1 anchored heads matched/);
      assert.ok(fs.existsSync(`${file}.manifest.json`));
    }
    const verified = await icp(cli.env, 'audit', 'verify');
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /Audit trail intact: 4 entries/, 'the organisation made after the backup, and its audit entry, are gone');
  });
});
