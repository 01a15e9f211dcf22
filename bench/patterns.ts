// What reading a chronology costs the profile, without the database: the ProfileEvents the evaluator
// reads and every pattern (findPatterns), for one baby's chronology of 100 to 5,000 entries, in CPU
// time (process.cpuUsage, less disturbed than the wall clock by other work on a shared machine).
// Every write and every profile view of a case pays this once (bench/README.md, Patterns).
//
//   node --import tsx bench/patterns.ts [--sizes 100,1000,2000,5000] [--rounds 200] [--label after] [--out bench/results]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { entry } from '../src/domain/chronology/chronology.test-support.ts';
import { findPatterns } from '../src/domain/chronology/find-patterns.ts';
import { profileEventsFrom } from '../src/domain/chronology/to-profile-event.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';

const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '100,1000,2000,5000' }, rounds: { type: 'string', default: '200' }, label: { type: 'string', default: '' }, out: { type: 'string', default: 'bench/results' } } });
const ROUTINE = ['home-visit', 'clinic-contact', 'gp-consultation', 'was-not-brought', 'police-incident', 'emergency-attendance', 'case-note'] as const;

/** A chronology of `size` entries, five a day from 1 January 2025: every kind a pattern reads, and one in eleven observing drug misuse by the mother. */
function chronology(size: number) {
  return Array.from({ length: size }, (_, i) =>
    entry(`e${String(i)}`, ROUTINE[i % ROUTINE.length]!, `${addDays('2025-01-01', Math.floor(i / 5))}T10:00:00Z`, { personIds: ['mother'], indicates: i % 11 === 0 ? [{ factorId: 'drug-misuse', personId: 'mother' }] : [] }),
  );
}

function cpuMsPerRound(size: number, rounds: number): number {
  const entries = chronology(size);
  const input = { entries, dateOfBirth: '2025-01-01', today: '2026-11-22', names: new Map([['mother', 'Mother']]) };
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

const rounds = Number(args.rounds);
const rows = args.sizes.split(',').map(Number).map((size) => {
  const ms = cpuMsPerRound(size, Math.max(5, Math.round((rounds * 1000) / Math.max(size, 1000))));
  process.stdout.write(`${String(size)} entries: ${ms.toFixed(3)} ms\n`);
  return `| ${String(size)} | ${ms.toFixed(3)} | ${((ms * 1000) / size).toFixed(2)} |`;
});
const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
const name = `${stamp}-patterns${args.label ? `-${args.label}` : ''}`;
const text = [
  `# Reading a chronology: ProfileEvents and patterns, ${new Date().toISOString()}${args.label ? ` (${args.label})` : ''}`,
  '',
  `Command: \`node --import tsx bench/patterns.ts --sizes ${args.sizes} --rounds ${args.rounds}${args.label ? ` --label ${args.label}` : ''}\`. Node ${process.version}, ${String(os.cpus().length)} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end. CPU time of this process per evaluation.`,
  '',
  '| entries | CPU ms | µs per entry |',
  '|---:|---:|---:|',
  ...rows,
  '',
].join('\n');
fs.mkdirSync(args.out, { recursive: true });
fs.writeFileSync(path.join(args.out, `${name}.md`), text);
process.stdout.write(`Written to ${path.join(args.out, name)}.md\n`);
