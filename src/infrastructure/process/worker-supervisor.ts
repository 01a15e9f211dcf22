// Several server processes on one port, with Node's cluster module: the primary forks the workers,
// each of which listens on the same address (the primary hands each new connection to the next
// worker in turn). A worker that dies after start-up is replaced, after a delay that doubles while
// workers keep dying soon after they start, so a crash loop does not spin; a worker that dies
// before every worker has listened once stops the start-up instead, since a fault that early (the
// port taken, the database refusing) is not one a restart mends. stop() sends each worker SIGTERM,
// on which it finishes its requests and exits, and kills those that have not gone after a grace
// period (and says whether every worker stopped cleanly); stopAtOnce() sends SIGTERM again, which a server worker takes as "stop now" (src/server.ts).
// The workers' own code decides what they serve: see src/server.ts and bench/serve.worker.ts.
import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';

export interface SupervisorLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RestartPolicy {
  /** The delay before the first restart after a worker that had been running for a while died. */
  firstDelayMs: number;
  /** The longest delay, however many quick deaths in a row. */
  longestDelayMs: number;
  /** A worker that ran at least this long before it died counts as stable: the delay starts again. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 1000, longestDelayMs: 60_000, stableAfterMs: 60_000 };

/** The wait before restarting a worker that is the `quickDeathsInARow`-th to die soon after starting (1 for the first). */
export function restartDelayMs(quickDeathsInARow: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number {
  const doublings = Math.max(0, quickDeathsInARow - 1);
  return Math.min(policy.firstDelayMs * 2 ** Math.min(doublings, 30), policy.longestDelayMs);
}

export interface SuperviseOptions {
  processes: number;
  log: SupervisorLog;
  /** The script the workers run and the Node options it needs; by default the primary's own. */
  exec?: string;
  execArgv?: string[];
  /** Added to each worker's environment. */
  env?: Record<string, string>;
  restart?: RestartPolicy;
  /** How long a worker may take to stop after SIGTERM before it is killed. */
  stopGraceMs?: number;
}

export interface Supervisor {
  /** Resolves with the address once every worker has listened; rejects if one dies first. */
  ready: Promise<AddressInfo>;
  /** Process ids of the workers running now. */
  pids(): number[];
  /**
   * Stops every worker (SIGTERM, then SIGKILL after the grace period) and replaces none. True when
   * every worker running then exited by itself with code 0 (it finished its requests in time); false
   * when one exited with another code or had to be killed, which the primary's exit code reports.
   */
  stop(): Promise<boolean>;
  /** During stop(): sends each worker still running SIGTERM again (a server worker then exits at once). */
  stopAtOnce(): void;
}

interface Slot {
  worker: Worker | undefined;
  startedAt: number;
  quickDeaths: number;
  restartTimer: NodeJS.Timeout | undefined;
}

export function superviseWorkers(options: SuperviseOptions): Supervisor {
  if (!cluster.isPrimary) throw new Error('superviseWorkers runs in the primary process only');
  const policy = options.restart ?? DEFAULT_RESTART_POLICY;
  const stopGraceMs = options.stopGraceMs ?? 10_000;
  const { log } = options;
  cluster.setupPrimary({
    ...(options.exec === undefined ? {} : { exec: options.exec }),
    ...(options.execArgv === undefined ? {} : { execArgv: options.execArgv }),
  });

  let stopping = false;
  let started = false;
  const listened = new Set<number>();
  let resolveReady!: (address: AddressInfo) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<AddressInfo>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // The caller may never await it (a stop before start-up ended): not an unhandled rejection.
  ready.catch(() => undefined);

  const slots: Slot[] = Array.from({ length: options.processes }, () => ({ worker: undefined, startedAt: 0, quickDeaths: 0, restartTimer: undefined }));

  const fork = (slot: Slot, index: number) => {
    slot.restartTimer = undefined;
    if (stopping) return;
    const worker = cluster.fork(options.env);
    slot.worker = worker;
    slot.startedAt = performance.now();
    worker.on('listening', (address: AddressInfo) => {
      log.info(`Worker ${String(index + 1)} (process ${String(worker.process.pid)}) is listening.`);
      if (started) return;
      listened.add(index);
      if (listened.size === slots.length) {
        started = true;
        resolveReady(address);
      }
    });
    worker.on('exit', (code, signal) => {
      if (slot.worker === worker) slot.worker = undefined;
      if (stopping) return;
      const how = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
      if (!started) {
        log.error(`Worker ${String(index + 1)} (process ${String(worker.process.pid)}) ${how} before the service had started.`);
        rejectReady(new Error(`a server process ${how} while starting: see the lines above`));
        return;
      }
      const ranMs = performance.now() - slot.startedAt;
      slot.quickDeaths = ranMs >= policy.stableAfterMs ? 1 : slot.quickDeaths + 1;
      const delay = restartDelayMs(slot.quickDeaths, policy);
      log.error(`Worker ${String(index + 1)} (process ${String(worker.process.pid)}) ${how} after ${(ranMs / 1000).toFixed(1)} s; another starts in ${(delay / 1000).toFixed(1)} s.`);
      slot.restartTimer = setTimeout(() => fork(slot, index), delay);
    });
  };
  slots.forEach(fork);

  let stopped: Promise<boolean> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      rejectReady(new Error('stopped while starting'));
      const running: Promise<boolean>[] = [];
      for (const slot of slots) {
        clearTimeout(slot.restartTimer);
        const worker = slot.worker;
        if (!worker || worker.isDead()) continue;
        running.push(
          new Promise<boolean>((resolve) => {
            const kill = setTimeout(() => {
              log.warn(`Worker process ${String(worker.process.pid)} did not stop within ${String(stopGraceMs / 1000)} s: killing it.`);
              worker.process.kill('SIGKILL');
            }, stopGraceMs);
            worker.once('exit', (code: number | null, signal: string | null) => {
              clearTimeout(kill);
              resolve(code === 0 && signal === null);
            });
            worker.process.kill('SIGTERM');
          }),
        );
      }
      return (await Promise.all(running)).every(Boolean);
    })());

  return {
    ready,
    pids: () => slots.flatMap((slot) => (slot.worker?.process.pid === undefined || slot.worker.isDead() ? [] : [slot.worker.process.pid])),
    stop,
    stopAtOnce: () => {
      for (const slot of slots) if (slot.worker && !slot.worker.isDead()) slot.worker.process.kill('SIGTERM');
    },
  };
}
