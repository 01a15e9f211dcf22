// Runs the test files with Node's test runner (on Node 20 it takes explicit files, not globs).
//   node scripts/run-tests.mjs unit   every *.test.ts under src/ and test/
//   node scripts/run-tests.mjs e2e    the browser tests under e2e/
//   node scripts/run-tests.mjs e2e --shard 1/2   every other file of them (CI runs the halves side by side)
// With DATABASE_URL set, tests run against that PostgreSQL server instead of PGlite.
//
// The whole unit suite runs its files in groups, each group in one process (a file is a `describe`
// named by its path that imports it), not a process a file: starting Node, tsx and the app's modules
// cost about half a second of CPU a file, over 300 files a suite. A file that must have a process of
// its own (it changes something for the whole process, such as the global tracer) says so with the
// words "Runs in a process of its own" in a comment. Files that share a fixture built once a process
// (test/helpers/per-process.ts) say "Runs in one process with its folder": the files of a folder that
// say so go into one group together, so the fixture is built once a suite, not once a group.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** Groups a process holds: enough that the two at a time finish close together. */
const GROUPS = 16;
const ALONE = 'Runs in a process of its own';
const WITH_FOLDER = 'Runs in one process with its folder';

/** The bytes of every TypeScript file under a folder: a shared fixture's files' rows and helpers are their cost too. */
function folderBytes(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.ts')).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

/**
 * What goes into the groups: a file on its own, or the files of one folder that run in one process,
 * weighed by their folder's bytes.
 */
function groupItems(sized) {
  const items = sized.filter(({ text }) => !text.includes(WITH_FOLDER)).map(({ file, text }) => ({ bytes: text.length, files: [file] }));
  const byFolder = new Map();
  for (const { file } of sized.filter(({ text }) => text.includes(WITH_FOLDER))) byFolder.set(path.dirname(file), [...(byFolder.get(path.dirname(file)) ?? []), file]);
  for (const [dir, files] of byFolder) items.push({ bytes: folderBytes(dir), files });
  return items;
}

/**
 * The files in GROUPS groups of about equal size (a file's bytes stand for its cost), largest first
 * into the lightest group, each written as a test file that imports its files one `describe` each;
 * the files that must be alone stay themselves.
 */
function grouped(testFiles) {
  const sized = testFiles.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const alone = sized.filter(({ text }) => text.includes(ALONE)).map(({ file }) => file);
  const groups = Array.from({ length: GROUPS }, () => ({ bytes: 0, files: [] }));
  for (const item of groupItems(sized.filter(({ text }) => !text.includes(ALONE))).sort((a, b) => b.bytes - a.bytes)) {
    const lightest = groups.reduce((least, group) => (group.bytes < least.bytes ? group : least));
    lightest.bytes += item.bytes;
    lightest.files.push(...item.files);
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-test-groups-'));
  process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  const written = groups
    .filter((group) => group.files.length > 0)
    .map((group, index) => {
      const file = path.join(folder, `group-${String(index + 1).padStart(2, '0')}.test.mjs`);
      const lines = group.files.sort().map((test) => `describe(${JSON.stringify(test)}, async () => { await import(${JSON.stringify(pathToFileURL(path.resolve(test)).href)}); });`);
      fs.writeFileSync(file, [`import { describe } from 'node:test';`, ...lines, ''].join('\n'));
      return file;
    });
  return [...written, ...alone];
}

const concurrency = mode === 'e2e' ? '1' : '2';
const toRun = mode === 'unit' ? grouped(files) : files;
const result = run(['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...toRun]);
process.exit(result.status ?? 1);
