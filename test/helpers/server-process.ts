// The server as an operator starts it, from its TypeScript through tsx (npm run serve runs the same
// code compiled, ADR 0023), in a process of its own with the environment given on top of the test's,
// its output kept line by line. For the tests of the server itself: its graceful stop
// (src/server.graceful-stop.test.ts) and the spans it sends as it stops
// (src/infrastructure/tracing/tracing.server.test.ts), and several server processes on one port
// (src/server.cluster.test.ts). The server runs on the system clock.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export class ServerProcess {
  /** Every whole line written to standard output and standard error, in order. */
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  /** The exit code, once it has exited (null when a signal ended it). */
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    const take = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!;
      this.lines.push(...lines);
    };
    this.child.stdout!.on('data', take);
    this.child.stderr!.on('data', take);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get output(): string {
    return this.lines.join('\n');
  }

  /** The JSON log lines, parsed. */
  get logged(): Record<string, unknown>[] {
    return this.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /**
   * The one way to wait on the server: polls find (which may be async) until it answers something other
   * than undefined or false, and returns that. Throws, with the server's output, once the server has
   * exited or after timeoutMs of polling.
   */
  async waitFor<T>(find: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 90_000): Promise<T> {
    for (let waited = 0; ; waited += 50) {
      const found = await find();
      if (found !== undefined && found !== false) return found;
      if (this.child.exitCode !== null) throw new Error(`The server stopped before ${what}. It wrote:\n${this.output}`);
      if (waited > timeoutMs) throw new Error(`Timed out waiting for ${what}. The server wrote:\n${this.output}`);
      await sleep(50);
    }
  }

  /** Whether a line it wrote matches. */
  wrote(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line));
  }

  /** The port it says it is running at (PORT=0 takes any free one), once it has said so. */
  get listeningPort(): number | undefined {
    const port = this.lines.map((line) => /is running at http:\/\/localhost:(\d+) /.exec(line)?.[1]).find(Boolean);
    return port === undefined ? undefined : Number(port);
  }
}
