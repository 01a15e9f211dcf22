// What evaluating a profile costs after one more entry, from the readings a case keeps (issue 12, ADR
// 0020), as its chronology grows: the patterns (findPatternsKept), the events' reading
// (readEventsKept) and evaluateProfile, each in CPU time (process.cpuUsage), the median of `--arrivals`
// entries added one by one to a chronology of each size. No database: the pure domain code only.
// With `--before <older tree>` the same runs are made with that tree's code too, loaded in this
// process, the two trees taking turns size by size and round by round, so a busy machine moves both
// alike; the older tree is a copy made with `git archive <commit> | tar -x -C <dir>` (or a worktree)
// with a node_modules link to this checkout's.
//
// The chronology: five entries a day from 1 January 2025, every sixth a police domestic abuse incident
// naming both parents, every seventh a GP practice's consultation, the rest routine contacts,
// missed appointments, notes, emergency attendances and police incidents (one in eleven observing
// drug misuse by the mother); the mother's exclusion of domestic abuse on her own account and the
// father's drinking are stored. So the factors with most evidence hold a fifth of the entries.
//
//   node --import tsx bench/evaluation-growth.ts [--before /tmp/old-tree] [--sizes 100,1000,5000] [--arrivals 200] [--rounds 3]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { entry } from '../src/domain/chronology/chronology.test-support.ts';
import type { findPatternsKept } from '../src/domain/chronology/pattern-state.ts';
import type { evaluateProfile } from '../src/domain/profile/evaluate-profile.ts';
import type { readEventsKept } from '../src/domain/profile/event-reading.ts';
import type { profileSettings } from '../src/domain/profile/profile-settings.ts';
import type { baby, father, mother } from '../src/domain/profile/profile.test-support.ts';
import type { FactorAssessment } from '../src/domain/profile/profile.types.ts';
import type { addDays } from '../src/domain/shared/calendar-date.ts';

const { values: args } = parseArgs({ options: { before: { type: 'string' }, sizes: { type: 'string', default: '100,1000,5000' }, arrivals: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' } } });
const TODAY = '2029-01-01';
const BORN = '2025-01-01';
const ROUTINE = ['home-visit', 'clinic-contact', 'was-not-brought', 'case-note', 'emergency-attendance', 'police-incident'] as const;

/** The functions measured, from one tree's source (typed as this tree's). */
async function loadTree(root: string) {
  const load = async <T>(file: string) => (await import(pathToFileURL(path.join(root, 'src/domain', file)).href)) as T;
  return {
    ...(await load<{ entry: typeof entry }>('chronology/chronology.test-support.ts')),
    ...(await load<{ readEventsKept: typeof readEventsKept }>('profile/event-reading.ts')),
    ...(await load<{ evaluateProfile: typeof evaluateProfile }>('profile/evaluate-profile.ts')),
    ...(await load<{ findPatternsKept: typeof findPatternsKept }>('chronology/pattern-state.ts')),
    ...(await load<{ profileSettings: typeof profileSettings }>('profile/profile-settings.ts')),
    ...(await load<{ addDays: typeof addDays }>('shared/calendar-date.ts')),
    ...(await load<{ baby: typeof baby; mother: typeof mother; father: typeof father }>('profile/profile.test-support.ts')),
  };
}
type Tree = Awaited<ReturnType<typeof loadTree>>;

function chronology(tree: Tree, length: number) {
  return Array.from({ length }, (_, i) => {
    const day = tree.addDays(BORN, Math.floor(i / 5));
    const at = `${day}T${String(8 + (i % 5)).padStart(2, '0')}:00:00Z`;
    // Frozen, as the chronology cache keeps them.
    if (i % 6 === 0) return Object.freeze(tree.entry(`e${String(i)}`, 'police-domestic-abuse-incident', at, { personIds: ['mother', 'father'] }));
    if (i % 7 === 0) return Object.freeze(tree.entry(`e${String(i)}`, 'gp-consultation', at, { agency: 'Riverside Surgery', agencyKind: 'gp', personIds: ['mother'] }));
    return Object.freeze(tree.entry(`e${String(i)}`, ROUTINE[i % ROUTINE.length]!, at, { personIds: ['mother'], indicates: i % 11 === 0 ? [{ factorId: 'drug-misuse', personId: 'mother' }] : [] }));
  });
}

interface Medians {
  patterns: number;
  reading: number;
  evaluation: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/** The medians over `arrivals` entries added one by one at `size` entries, after 20 unmeasured. */
function measure(tree: Tree, size: number, arrivals: number): Medians {
  const all = chronology(tree, size + 20 + arrivals);
  const adultIds = new Set(['mother', 'father']);
  const settings = tree.profileSettings({});
  const names = new Map([['mother', 'Mother'], ['father', 'Father']]);
  const assessments: FactorAssessment[] = [
    { factorId: 'domestic-abuse-victim', subject: 'adult', personId: 'mother', status: 'excluded', evidence: [{ source: 'carer-account', note: 'She says not', recordedAt: BORN, recordedBy: 'A practitioner', agency: 'Health visiting', indicates: 'absent' }] },
    { factorId: 'alcohol-misuse', subject: 'adult', personId: 'father', status: 'present', detail: 'Drinks', pattern: 'stable', evidence: [] },
  ];
  const facts = { today: TODAY, infant: tree.baby({ dateOfBirth: BORN }), people: [tree.mother(), tree.father()], assessments, lastReviewedAt: null, reviewDueOn: null, teamAgencies: ['health-visiting'] };
  let reading = tree.readEventsKept(all.slice(0, size), adultIds, settings, null);
  let state = tree.findPatternsKept({ entries: all.slice(0, size), dateOfBirth: BORN, today: TODAY, names }).state;
  const taken: Record<keyof Medians, number[]> = { patterns: [], reading: [], evaluation: [] };
  for (let length = size + 1; length <= all.length; length++) {
    // The chronology as withNewEntries hands it on: the same entries, one more at the end (made before the clock starts).
    const entries = all.slice(0, length);
    let started = process.cpuUsage();
    const kept = tree.findPatternsKept({ entries, dateOfBirth: BORN, today: TODAY, names }, state);
    const patterns = cpuMs(started);
    state = kept.state;
    started = process.cpuUsage();
    reading = tree.readEventsKept(entries, adultIds, settings, reading);
    const read = cpuMs(started);
    started = process.cpuUsage();
    tree.evaluateProfile({ ...facts, events: reading.reading.events, eventReading: reading.reading, patterns: kept.patterns });
    const evaluation = cpuMs(started);
    if (length <= size + 20) continue;
    taken.patterns.push(patterns);
    taken.reading.push(read);
    taken.evaluation.push(evaluation);
  }
  return { patterns: median(taken.patterns), reading: median(taken.reading), evaluation: median(taken.evaluation) };
}

const sides = [...(args.before ? [{ name: 'before', tree: await loadTree(path.resolve(args.before)) }] : []), { name: 'after', tree: await loadTree(process.cwd()) }];
const sizes = args.sizes.split(',').map(Number);
const results = new Map<string, Medians[]>();
for (let round = 0; round < Number(args.rounds); round++) {
  for (const size of sizes) {
    // The first side goes first in even rounds and last in odd ones.
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const key = `${side.name} ${String(size)}`;
      results.set(key, [...(results.get(key) ?? []), measure(side.tree, size, Number(args.arrivals))]);
    }
  }
}
const shown = (values: readonly number[]) => values.map((value) => value.toFixed(3)).join(' / ');
process.stdout.write(`CPU ms after one more entry, median of ${args.arrivals} arrivals, each round's figure (${args.rounds} rounds):\n`);
for (const size of sizes) {
  for (const { name } of sides) {
    const rows = results.get(`${name} ${String(size)}`)!;
    process.stdout.write(`${String(size).padStart(5)} entries, ${name.padEnd(6)} patterns ${shown(rows.map((r) => r.patterns))}; reading ${shown(rows.map((r) => r.reading))}; evaluateProfile ${shown(rows.map((r) => r.evaluation))}\n`);
  }
}
