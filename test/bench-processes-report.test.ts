import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { processesRows, processesTable, type ProcessesMeasurement } from '../bench/processes-report.ts';

/** `requests` requests of 10 ms in one second, or the latencies given. */
const measurement = (round: number, processes: number, requests: number, more: { page?: string; errors?: number; latenciesMs?: number[] } = {}): ProcessesMeasurement => ({
  round,
  processes,
  page: more.page ?? 'case overview',
  measured: { name: 'x', kind: 'http', durationSeconds: 1, latenciesMs: more.latenciesMs ?? Array.from({ length: requests }, () => 10), errors: more.errors ?? 0, non2xx: 0 },
});

describe('the processes benchmark report', () => {
  it("takes each round's ratio to the same round's one process, then the median of the rounds", () => {
    // The machine slowed down in round 2: each ratio is taken within its round.
    const rows = processesRows([measurement(1, 1, 100), measurement(1, 2, 180), measurement(2, 1, 50), measurement(2, 2, 95), measurement(3, 1, 100), measurement(3, 2, 170)]);
    const two = rows.find((row) => row.processes === 2)!;
    assert.equal(two.requestsPerSecond, 170, 'the median of 180, 95 and 170');
    assert.equal(two.ratioToOneProcess, 1.8, 'the median of 1.8, 1.9 and 1.7');
    assert.equal(rows.find((row) => row.processes === 1)!.ratioToOneProcess, 1);
    assert.equal(two.rounds, 3);
  });

  it('keeps pages apart, pools the latencies of every round, and has no ratio without a one-process run', () => {
    const rows = processesRows([
      measurement(1, 2, 0, { page: 'fixed page', latenciesMs: [1, 2, 3, 4] }),
      measurement(2, 2, 0, { page: 'fixed page', latenciesMs: [5, 6, 7, 100] }),
      measurement(1, 2, 10),
    ]);
    const fixed = rows.find((row) => row.page === 'fixed page')!;
    assert.deepEqual([fixed.p50Ms, fixed.p95Ms, fixed.ratioToOneProcess, fixed.requestsPerSecond], [4, 100, null, 4]);
    assert.equal(rows.find((row) => row.page === 'case overview')!.requestsPerSecond, 10);
  });

  it('fails a row with errors or nothing completed, and says so in the table', () => {
    const rows = processesRows([measurement(1, 1, 10), measurement(1, 4, 10, { errors: 1 }), measurement(1, 2, 0)]);
    assert.deepEqual(rows.map((row) => row.failed), [false, true, true]);
    const table = processesTable('Heading', rows);
    assert.match(table, /^Heading\n\n\| page \| processes \| req\/s \| × 1 process/);
    assert.match(table, /\| case overview \| 1 \| 10 \| 1\.00 \| 10\.0 \| 10\.0 \| 0 \| 0 \| ok \|/);
    assert.match(table, /\| case overview \| 4 \| 10 \| 1\.00 \| 10\.0 \| 10\.0 \| 1 \| 0 \| FAILED \|/);
    assert.match(table, /\| case overview \| 2 \| 0 \| 0\.00 \| – \| – \|/);
  });
});
