// The server's log goes to standard output as each line is made (issue 20): no line waits in a buffer
// for an exit that may never flush it, and a reader that goes away stops the logging, not the server.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

/** A process whose logger is made as the server's is (no destination given), logging `lines` request lines. */
const logging = (lines: number, then: string) => `
  const { default: Fastify } = await import('fastify');
  const { loggerOptions } = await import('./src/web/plugins/request-logging.ts');
  const log = Fastify({ logger: loggerOptions('info') }).log;
  for (let i = 0; i < ${String(lines)}; i++) log.info({ method: 'GET', route: '/cases/:caseId', status: 200 }, 'request');
  ${then}`;

describe('the log on standard output', () => {
  it('has written every line when the process exits at once after them', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', logging(3, 'process.exit(0);')], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(child.status, 0, child.stderr);
    const lines = child.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      lines.map((line) => [line['route'], line['msg']]),
      [
        ['/cases/:caseId', 'request'],
        ['/cases/:caseId', 'request'],
        ['/cases/:caseId', 'request'],
      ],
    );
  });

  it('stops logging, and the process goes on, when the reader goes away', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', logging(1, "await new Promise((resolve) => process.stdin.once('data', resolve)); for (let i = 0; i < 2000; i++) { log.info('after'); await new Promise((resolve) => setImmediate(resolve)); } console.error('went on');")], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    child.stdin.end('go\n');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, stderr);
    assert.match(stderr, /went on/);
  });
});
