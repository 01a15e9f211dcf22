import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'icp-lock-'));
}

describe('embedded data folder lock', () => {
  it('writes our pid and removes the lock file on release', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'icp.lock'), 'utf8'), String(process.pid));
    lock.release();
    assert.equal(fs.existsSync(path.join(dir, 'icp.lock')), false);
  });

  it('refuses a second opener while the owner lives, naming the folder and the pid', async () => {
    const dir = tempDir();
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      fs.writeFileSync(path.join(dir, 'icp.lock'), String(owner.pid));
      assert.throws(() => lockDataDir(dir), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.equal(error.pid, owner.pid);
        assert.match(error.message, new RegExp(`in use by another process \\(pid ${owner.pid}\\)`));
        return true;
      });
    } finally {
      owner.kill();
    }
  });

  it('clears a stale lock left by a process that has died', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'icp.lock'), String(dead.pid));
    const lock = lockDataDir(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'icp.lock'), 'utf8'), String(process.pid));
    lock.release();
  });

  it('does not remove a lock that another process took over', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    fs.writeFileSync(path.join(dir, 'icp.lock'), '1');
    lock.release();
    assert.equal(fs.readFileSync(path.join(dir, 'icp.lock'), 'utf8'), '1');
  });

  it('removes the lock file when the process exits holding it (process.exit, as a second Ctrl-C does)', () => {
    const dir = tempDir();
    const script = `import { lockDataDir } from ${JSON.stringify(path.resolve('src/infrastructure/db/data-dir-lock.ts'))}; lockDataDir(${JSON.stringify(dir)}); process.exit(3);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 3, child.stderr);
    assert.equal(fs.existsSync(path.join(dir, 'icp.lock')), false);
  });
});
