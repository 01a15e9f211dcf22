// Runs the test files with Node's test runner (on Node 20 it takes explicit files, not globs).
//   node scripts/run-tests.mjs unit   every *.test.ts under src/ and test/
//   node scripts/run-tests.mjs e2e    the browser tests under e2e/
//   node scripts/run-tests.mjs e2e --shard 1/2   every other file of them (CI runs the halves side by side)
// With DATABASE_URL set, tests run against that PostgreSQL server instead of PGlite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const mode = process.argv[2] ?? 'unit';
const roots = mode === 'e2e' ? ['e2e'] : ['src', 'test'];
const args = process.argv.slice(3);
const shardAt = args.indexOf('--shard');
const shard = shardAt === -1 ? undefined : args.splice(shardAt, 2)[1];
const only = args;

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

let files = roots.flatMap(find).sort();
if (only.length > 0) files = files.filter((file) => only.some((part) => file.includes(part)));
if (shard !== undefined) {
  const [which, of] = (/^(\d+)\/(\d+)$/.exec(shard) ?? []).slice(1).map(Number);
  if (!(which >= 1 && of >= which)) {
    console.error(`--shard takes K/N with 1 <= K <= N, not "${shard}".`);
    process.exit(1);
  }
  files = files.filter((_, index) => index % of === which - 1);
}
if (files.length === 0) {
  console.error(`No test files found for "${mode}".`);
  process.exit(1);
}

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });

const prepared = run(['--import', 'tsx', 'test/helpers/build-test-template.ts']);
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const concurrency = mode === 'e2e' ? '1' : '2';
const result = run(['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files]);
process.exit(result.status ?? 1);
