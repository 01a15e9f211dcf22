// A node:test reporter that writes, as JSON, the seconds each test file's tests took, for
// scripts/run-tests.mjs --write-timings (which keeps them in test/timings.json to balance its groups).
// A file in a group is the group's top-level `describe` named by its path: its duration is its tests',
// not its import (the group's files are all imported as the group starts, their modules shared). A file run in a process of its own is the
// sum of its top-level tests. Only passing files are timed: a failed file keeps its last timing.
import path from 'node:path';

const GROUP_FILE = /[\\/]group-\d+\.test\.mjs$/;

export default async function* timings(source) {
  const seconds = new Map();
  const failed = new Set();
  for await (const event of source) {
    if ((event.type !== 'test:pass' && event.type !== 'test:fail') || event.data.nesting !== 0 || event.data.file === undefined) continue;
    const file = GROUP_FILE.test(event.data.file) ? event.data.name : path.relative(process.cwd(), event.data.file);
    if (event.type === 'test:fail') failed.add(file);
    seconds.set(file, (seconds.get(file) ?? 0) + event.data.details.duration_ms / 1000);
  }
  yield JSON.stringify(Object.fromEntries([...seconds].filter(([file]) => !failed.has(file))));
}
