import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASELINE_NAME, markdownTable, percentile, resultFileStem, summarise, withRatios, type Measured } from '../bench/report.ts';

const measured = (name: string, latenciesMs: number[], counts: { errors?: number; non2xx?: number } = {}): Measured => ({
  name,
  kind: 'http',
  durationSeconds: 2,
  latenciesMs,
  errors: counts.errors ?? 0,
  non2xx: counts.non2xx ?? 0,
});

describe('benchmark report', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.deepEqual([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)], [50, 95, 99]);
    assert.ok(Number.isNaN(percentile([], 50)));
  });

  it('gives requests per second and the ratio to the fixed-page baseline', () => {
    const [baseline, page] = withRatios([summarise(measured(BASELINE_NAME, [1, 1, 1, 1])), summarise(measured('page', [3, 1]))]);
    assert.equal(baseline!.requestsPerSecond, 2);
    assert.equal(page!.requestsPerSecond, 1);
    assert.equal(page!.ratioToBaseline, 0.5);
    assert.equal(page!.p50Ms, 1);
  });

  it('marks a scenario with errors, non-2xx responses or nothing completed as failed, in the table too', () => {
    const results = withRatios([summarise(measured(BASELINE_NAME, [1])), summarise(measured('refused', [1], { non2xx: 1 })), summarise(measured('stuck', []))]);
    assert.deepEqual(results.map((r) => r.failed), [false, true, true]);
    const table = markdownTable({ startedAt: '2026-11-22T04:00:00.000Z', database: 'pglite', infants: 500, dataset: 'test', durationSeconds: 2, connections: 10, results, oneOffs: [], databaseBytes: 0 });
    assert.match(table, /\| refused \| http \| 0\.5 \| – \| 1\.0 \| 1\.0 \| 1\.0 \| 0 \| 1 \| 1\.000 \| \*\*FAILED\*\* \|/);
    assert.match(table, /\| stuck \| http \| 0\.0 \| – \| – \| – \| – \| 0 \| 0 \| 0\.000 \| \*\*FAILED\*\* \|/);
  });

  it('counts the events of a batch scenario, and reports timed tasks and the size per infant', () => {
    const [batch] = withRatios([summarise({ ...measured('batch', [400, 600]), eventsPerRequest: 1000 })]);
    assert.equal(batch!.eventsPerSecond, 1000, 'two batches of 1,000 in 2 s');
    const table = markdownTable({
      startedAt: '2026-11-22T04:00:00.000Z',
      database: 'postgres',
      infants: 1024,
      dataset: 'test',
      durationSeconds: 2,
      connections: 10,
      results: [batch!],
      oneOffs: [{ name: 're-evaluate', seconds: 4, count: 1000, unit: 'profiles' }],
      databaseBytes: 50 * 1_048_576,
    });
    assert.match(table, /\| batch \| http \| 1\.0 \| 1000 \| 400\.0 \|/);
    assert.match(table, /\| re-evaluate \| 4\.0 \| 1000 profiles \| 250 \|/);
    assert.match(table, /Database size after loading: 50 MiB, 50\.0 KiB per infant\./);
  });

  it('names what each direct baseline sends below the table, and nothing for a scenario through the app', () => {
    const results = withRatios([
      summarise(measured('page', [1])),
      summarise({ ...measured('direct query: page', [1]), kind: 'direct', describes: 'the 4 statements the page sent' }),
      summarise({ ...measured('direct query: batch', [1]), kind: 'direct', describes: 'one bare INSERT', eventsPerRequest: 1000 }),
    ]);
    assert.deepEqual(results.map((r) => r.describes), [null, 'the 4 statements the page sent', 'one bare INSERT']);
    const table = markdownTable({ startedAt: '2026-11-22T04:00:00.000Z', database: 'pglite', infants: 500, dataset: 'test', durationSeconds: 2, connections: 10, results, oneOffs: [], databaseBytes: 0 });
    assert.match(table, /What each direct baseline sends:\n\n- direct query: page: the 4 statements the page sent\n- direct query: batch: one bare INSERT\n/);
    assert.match(table, /\| direct query: batch \| direct \| 0\.5 \| 500 \|/, 'the batch baseline\'s columns keep their meaning');
  });

  it('names result files by time, database and size', () => {
    assert.equal(resultFileStem({ startedAt: '2026-11-22T04:11:54.821Z', database: 'postgres', infants: 500 }), '2026-11-22T04-11-54Z-postgres-500');
  });
});
