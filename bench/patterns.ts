// What reading a chronology costs the profile, without the database: the ProfileEvents the evaluator
// reads and every pattern (findPatterns), for one baby's chronology of 100 to 5,000 entries, in CPU
// time (process.cpuUsage, less disturbed than the wall clock by other work on a shared machine).
// Every write and every profile view of a case pays this once (bench/README.md, Patterns). Beside it,
// the patterns of one more entry from the state kept for the chronology (findPatternsKept,
// pattern-state.ts, issue 12): what a write pays when its case's chronology is kept.
//
//   node --import tsx bench/patterns.ts [--sizes 100,1000,2000,5000] [--rounds 200] [--label after] [--out bench/results]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { entry } from '../src/domain/chronology/chronology.test-support.ts';
import { findPatterns } from '../src/domain/chronology/find-patterns.ts';
import { findPatternsKept } from '../src/domain/chronology/pattern-state.ts';
import { profileEventsFrom } from '../src/domain/chronology/to-profile-event.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';

const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000,2000,5000' }, rounds: { type: 'string', default: '200' }, label: { type: 'string', default: '' }, out: { type: 'string', default: 'bench/results' } } });
/** After the last entry of the largest chronology (five a day from 1 January 2025), so every entry has happened. */
const TODAY = '2028-06-01';
const ROUTINE = ['home-visit', 'clinic-contact', 'gp-consultation', 'was-not-brought', 'police-incident', 'emergency-attendance', 'case-note'] as const;

/** A chronology of `size` entries, five a day from 1 January 2025: every kind a pattern reads, and one in eleven observing drug misuse by the mother. */
function chronology(size: number) {
  return Array.from({ length: size }, (_, i) =>
    entry(`e${String(i)}`, ROUTINE[i % ROUTINE.length]!, `${addDays('2025-01-01', Math.floor(i / 5))}T10:00:00Z`, { personIds: ['mother'], indicates: i % 11 === 0 ? [{ factorId: 'drug-misuse', personId: 'mother' }] : [] }),
  );
}

function cpuMsPerRound(size: number, rounds: number): number {
  const entries = chronology(size);
  const input = { entries, dateOfBirth: '2025-01-01', today: TODAY, names: new Map([['mother', 'Mother']]) };
  const round = () => {
    profileEventsFrom(entries);
    findPatterns(input);
  };
  for (let i = 0; i < Math.max(10, rounds / 10); i++) round();
  const started = process.cpuUsage();
  for (let i = 0; i < rounds; i++) round();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / rounds;
}

/** CPU ms for the patterns after one more entry, from the state kept at `size` entries (each round adds one more). */
function keptCpuMsPerEntry(size: number, rounds: number): number {
  const entries = chronology(size + rounds + 10);
  const input = (length: number) => ({ entries: entries.slice(0, length), dateOfBirth: '2025-01-01', today: TODAY, names: new Map([['mother', 'Mother']]) });
  let state = findPatternsKept(input(size)).state;
  for (let i = 1; i <= 10; i++) state = findPatternsKept(input(size + i), state).state;
  // The chronologies are made before the clock starts: the pipeline's own copy (withNewEntries) is not this bench's.
  const inputs = Array.from({ length: rounds }, (_, i) => input(size + 11 + i));
  const started = process.cpuUsage();
  for (const each of inputs) state = findPatternsKept(each, state).state;
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / rounds;
}

const rounds = Number(args.rounds);
const rows = args.sizes.split(',').map(Number).map((size) => {
  const ms = cpuMsPerRound(size, Math.max(5, Math.round((rounds * 1000) / Math.max(size, 1000))));
  const kept = keptCpuMsPerEntry(size, rounds);
  process.stdout.write(`${String(size)} entries: ${ms.toFixed(3)} ms; one more entry from the kept state: ${kept.toFixed(3)} ms\n`);
  return `| ${String(size)} | ${ms.toFixed(3)} | ${((ms * 1000) / size).toFixed(2)} | ${kept.toFixed(3)} |`;
});
const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
const name = `${stamp}-patterns${args.label ? `-${args.label}` : ''}`;
const text = [
  `# Reading a chronology: ProfileEvents and patterns, ${new Date().toISOString()}${args.label ? ` (${args.label})` : ''}`,
  '',
  `Command: \`node --import tsx bench/patterns.ts --sizes ${args.sizes} --rounds ${args.rounds}${args.label ? ` --label ${args.label}` : ''}\`. Node ${process.version}, ${String(os.cpus().length)} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end. CPU time of this process per evaluation. Last column: findPatternsKept's patterns after one more entry, fed to the state kept for the chronology (pattern-state.ts; ProfileEvents not included), ${args.rounds} entries added one by one.`,
  '',
  '| entries | CPU ms | µs per entry | one more entry, kept state: CPU ms |',
  '|---:|---:|---:|---:|',
  ...rows,
  '',
].join('\n');
fs.mkdirSync(args.out, { recursive: true });
fs.writeFileSync(path.join(args.out, `${name}.md`), text);
process.stdout.write(`Written to ${path.join(args.out, name)}.md\n`);
