// Runs the test files with Node's test runner (on Node 20 it takes explicit files, not globs).
//   node scripts/run-tests.mjs unit   every *.test.ts under src/ and test/
//   node scripts/run-tests.mjs e2e    the browser tests under e2e/, in one process (oneProcess)
//   node scripts/run-tests.mjs e2e --shard 1/2   every other file of them (CI runs the halves side by side)
//   node scripts/run-tests.mjs unit --write-timings   also keeps each passing file's seconds in test/timings.json
//   node scripts/run-tests.mjs unit --plan            prints the groups and their expected seconds, runs nothing
// With DATABASE_URL set, tests run against that PostgreSQL server instead of PGlite. Each of these
// takes parts of paths after it, to run (or plan, or time) only the files whose paths contain one.
//
// The whole unit suite runs its files in groups, each group in one process (a file is a `describe`
// named by its path that imports it), not a process a file: starting Node, tsx and the app's modules
// cost about half a second of CPU a file, over 300 files a suite. A file that must have a process of
// its own (it changes something for the whole process, such as the global tracer) says so with the
// words "Runs in a process of its own" in a comment. Files that share a fixture built once a process
// (test/helpers/per-process.ts) say "Runs in one process with its folder": the files of a folder that
// say so go into one group together, so the fixture is built once a suite, not once a group.
// The groups are made from the seconds each file's tests took in a run (test/timings.json, refreshed
// with --write-timings), so that the two group processes at a time end together; a file not timed yet
// is weighed by its bytes, at the seconds a byte of the timed files in its folder (src/domain, ...).
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
/** Whether a flag was given (taken out of the parts of paths). */
function flag(name) {
  const at = args.indexOf(name);
  if (at !== -1) args.splice(at, 1);
  return at !== -1;
}
const writeTimings = flag('--write-timings');
const planOnly = flag('--plan');
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

/** Group processes run at a time (--test-concurrency). */
const LANES = 2;
/** About how many groups: few, since each starts Node, tsx and the app's modules; enough that the last to start are short. */
const GROUPS = 16;
const ALONE = 'Runs in a process of its own';
const WITH_FOLDER = 'Runs in one process with its folder';
const TIMINGS_FILE = 'test/timings.json';
const TIMINGS_ABOUT = 'Seconds each unit test file took in a run, by scripts/run-tests.mjs --write-timings; it balances the test groups. Refresh it with: node scripts/run-tests.mjs unit --write-timings';

/** Each timed file's seconds (none before the first --write-timings). */
function readTimings() {
  return fs.existsSync(TIMINGS_FILE) ? JSON.parse(fs.readFileSync(TIMINGS_FILE, 'utf8')).seconds : {};
}

/** Keeps a run's timings in the timings file, beside the others' still there; files gone are dropped. */
function keepTimings(measured) {
  const merged = { ...readTimings(), ...measured };
  const seconds = Object.fromEntries(
    Object.keys(merged)
      .filter((file) => fs.existsSync(file))
      .sort()
      .map((file) => [file, Math.round(merged[file] * 100) / 100]),
  );
  fs.writeFileSync(TIMINGS_FILE, `${JSON.stringify({ about: TIMINGS_ABOUT, seconds }, null, 2)}\n`);
}

/** The bytes of every TypeScript file under a folder: a shared fixture's files' rows and helpers are their cost too. */
function folderBytes(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.ts')).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

/** The folder whose timed files set an untimed file's seconds a byte: src/domain, src/web, test/authorization... */
const rateFolder = (file) => file.split(path.sep).slice(0, 2).join(path.sep);

/**
 * Seconds a byte of test code took in the timed files, for weighing a file not timed yet: of its own
 * folder's (rateFolder) when at least a quarter of that folder's test code is timed, else of all; 1
 * (so bytes) when nothing is timed.
 */
function rateOf(sized, timings) {
  const totals = new Map();
  for (const { file, text } of sized) {
    const seconds = timings[file];
    for (const key of [rateFolder(file), '']) {
      const total = totals.get(key) ?? { seconds: 0, timedBytes: 0, bytes: 0 };
      totals.set(key, { seconds: total.seconds + (seconds ?? 0), timedBytes: total.timedBytes + (seconds === undefined ? 0 : text.length), bytes: total.bytes + text.length });
    }
  }
  const all = totals.get('')?.timedBytes ? totals.get('').seconds / totals.get('').timedBytes : 1;
  return (file) => {
    const folder = totals.get(rateFolder(file));
    return folder.timedBytes > 0 && folder.timedBytes * 4 >= folder.bytes ? folder.seconds / folder.timedBytes : all;
  };
}

/**
 * What goes into the groups: a file on its own, or the files of one folder that run in one process,
 * each with the seconds it is expected to take: its timing, else its bytes at its folder's rate
 * (a folder not wholly timed is weighed by its folder's bytes: a shared fixture's rows and helpers are
 * its cost too).
 */
function groupItems(sized, timings) {
  const perByte = rateOf(sized, timings);
  const items = sized
    .filter(({ text }) => !text.includes(WITH_FOLDER))
    .map(({ file, text }) => ({ seconds: timings[file] ?? text.length * perByte(file), files: [file] }));
  const byFolder = new Map();
  for (const { file } of sized.filter(({ text }) => text.includes(WITH_FOLDER))) byFolder.set(path.dirname(file), [...(byFolder.get(path.dirname(file)) ?? []), file]);
  for (const [dir, files] of byFolder) {
    const timed = files.every((file) => timings[file] !== undefined);
    items.push({ seconds: timed ? files.reduce((sum, file) => sum + timings[file], 0) : folderBytes(dir) * perByte(files[0]), files });
  }
  return items;
}

/**
 * The files in about GROUPS groups for LANES processes at a time: the items longest first, each to the
 * lane that would be free first, a lane's items cut into groups of at most a GROUPS-th of the whole
 * (an item longer than that is a group of its own); the groups in the order they would start, which is
 * the order the runner starts them in (each as a lane is free), so the lanes end together. The files
 * that must be alone are apart.
 */
function plan(testFiles) {
  const sized = testFiles.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const alone = sized.filter(({ text }) => text.includes(ALONE)).map(({ file }) => file);
  const items = groupItems(sized.filter(({ text }) => !text.includes(ALONE)), readTimings()).sort((a, b) => b.seconds - a.seconds);
  const most = items.reduce((sum, item) => sum + item.seconds, 0) / GROUPS;
  const lanes = Array.from({ length: LANES }, () => ({ at: 0, group: undefined }));
  const groups = [];
  for (const item of items) {
    const lane = lanes.reduce((first, next) => (next.at < first.at ? next : first));
    if (lane.group === undefined || (lane.group.seconds > 0 && lane.group.seconds + item.seconds > most)) {
      lane.group = { startsAt: lane.at, seconds: 0, files: [] };
      groups.push(lane.group);
    }
    lane.group.seconds += item.seconds;
    lane.group.files.push(...item.files);
    lane.at += item.seconds;
  }
  return { groups: groups.sort((a, b) => a.startsAt - b.startsAt), alone };
}

/** When the groups would end, run in order LANES at a time, each as a lane is free. */
function lanesEnd(groups) {
  const lanes = Array.from({ length: LANES }, () => 0);
  for (const group of groups) lanes[lanes.indexOf(Math.min(...lanes))] += group.seconds;
  return Math.max(...lanes);
}

/** The plan as text: each group's expected seconds and files, and that every file is in it once. */
function describePlan({ groups, alone }, found) {
  const placed = [...groups.flatMap((group) => group.files), ...alone];
  const unit = Object.keys(readTimings()).length === 0 ? 'bytes (no timings yet)' : 's';
  return [
    ...groups.map((group, index) => `group ${String(index + 1).padStart(2, '0')}: ${group.seconds.toFixed(1).padStart(7)} ${unit}, ${group.files.length} files`),
    `${LANES} at a time, in this order, they end after ${lanesEnd(groups).toFixed(1)} ${unit}`,
    `alone: ${alone.length} files (${alone.join(', ') || 'none'})`,
    `${placed.length} files placed, ${new Set(placed).size} different, of ${found.length} found`,
  ].join('\n');
}

/**
 * The groups written as test files that import their files one `describe` each, named in the order
 * they are to start (the runner starts files in the order of their paths); the files that must be
 * alone stay themselves.
 */
function grouped({ groups, alone }) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-test-groups-'));
  process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  const written = groups
    .map((group, index) => {
      const file = path.join(folder, `group-${String(index + 1).padStart(2, '0')}.test.mjs`);
      const lines = group.files.sort().map((test) => `describe(${JSON.stringify(test)}, async () => { await import(${JSON.stringify(pathToFileURL(path.resolve(test)).href)}); });`);
      fs.writeFileSync(file, [`import { describe } from 'node:test';`, ...lines, ''].join('\n'));
      return file;
    });
  return [...written, ...alone];
}

/**
 * The browser tests in one process, one file after another (they run one at a time anyway), each file
 * a `describe` as in the unit groups: loading Node, tsx and the app's modules cost over 3 s of CPU a
 * file. Each file still starts its own app, database and Chromium. A file that says it must run
 * alone keeps a process of its own.
 */
function oneProcess(testFiles) {
  const alone = testFiles.filter((file) => fs.readFileSync(file, 'utf8').includes(ALONE));
  const together = testFiles.filter((file) => !alone.includes(file));
  return { groups: together.length > 0 ? [{ files: together }] : [], alone };
}

const planned = mode === 'unit' ? plan(files) : undefined;
if (planOnly) {
  console.log(planned === undefined ? files.join('\n') : describePlan(planned, files));
  process.exit(0);
}

const prepared = run(['--import', 'tsx', 'test/helpers/build-test-template.ts']);
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const concurrency = mode === 'e2e' ? '1' : String(LANES);
const toRun = grouped(planned ?? oneProcess(files));
const timed = writeTimings && planned !== undefined;
const measured = path.join(os.tmpdir(), `icp-test-timings-${process.pid}.json`);
const timingsReporter = timed ? ['--test-reporter-destination=stdout', '--test-reporter=./scripts/lib/test-timings-reporter.mjs', `--test-reporter-destination=${measured}`] : [];
const result = run(['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...timingsReporter, ...toRun]);
if (timed) {
  keepTimings(JSON.parse(fs.readFileSync(measured, 'utf8')));
  fs.rmSync(measured);
}
process.exit(result.status ?? 1);
