// The README is what a hosting team reads: it must name every environment variable the code reads,
// with the default the code gives it, and every metric the service exports, with its labels. A
// variable read in src/ but missing from "Configuration", a default changed in config.ts alone, or a
// metric or label added without its row in "Metrics" fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PrometheusMetrics } from '../src/infrastructure/metrics/prometheus-metrics.ts';
import { watchSpanQueue } from '../src/infrastructure/metrics/span-queue-metrics.ts';
import type { Tracing } from '../src/infrastructure/tracing/tracing.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** A section of the README: from its heading to the next heading of the same or a higher level. */
function readmeSection(heading: string): string {
  const start = README.search(new RegExp(`^#+ ${heading}$`, 'm'));
  assert.notEqual(start, -1, `README has a "${heading}" section`);
  const level = /^#+/.exec(README.slice(start))![0].length;
  const rest = README.slice(README.indexOf('\n', start) + 1);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end === -1 ? rest : rest.slice(0, end);
}

/** The code that runs in the service (not its tests). */
function sourceFiles(): { file: string; text: string }[] {
  return readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ file: path.relative(ROOT, file), text: readFileSync(file, 'utf8') }));
}

/** Every environment variable read: through config.ts's reader, from an env object by name, or by a constant named *_ENV (a name only written, as PGPASSWORD for pg_dump, is not read). */
function variablesRead(): Map<string, string> {
  const read = new Map<string, string>();
  const patterns = [/\bread\.\w+\('([A-Z][A-Z0-9_]+)'/g, /\b[A-Z_]+_ENV = '([A-Z][A-Z0-9_]+)'/g, /\benv\[['"]([A-Z][A-Z0-9_]+)['"]\](?!\s*=[^=])/g, /\benv\.([A-Z][A-Z0-9_]+)\b(?!\s*=[^=])/g];
  for (const { file, text } of sourceFiles()) {
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) read.set(match[1]!, file);
  }
  return read;
}

/** Whether the text names the variable in backticks, itself or by a family such as `OTEL_BSP_*`. */
function names(text: string, variable: string): boolean {
  if (text.includes(`\`${variable}\``)) return true;
  return [...text.matchAll(/`([A-Z][A-Z0-9_]*_)\*`/g)].some((match) => variable.startsWith(match[1]!));
}

/** The default config.ts gives a variable when it is a literal: read.integer('X', 30, ...), read.text('X', defaults.y ?? 'z'), read.boolean('X', false), read.oneOf('X', LIST, 'y'). */
function literalDefaults(): Map<string, string> {
  const config = readFileSync(path.join(ROOT, 'src/config.ts'), 'utf8');
  const defaults = new Map<string, string>();
  for (const match of config.matchAll(/\bread\.(integer|text|boolean|oneOf)\('([A-Z][A-Z0-9_]+)', (?:[A-Z_]+, )?(?:defaults\.\w+ \?\? )?([\d_]+|'[^']*'|true|false)[,)]/g)) {
    // A variable read only when set (METRICS_PORT, PUBLIC_URL) has no default: its fallback is never used.
    if (!config.includes(`read.isSet('${match[2]!}') ?`)) defaults.set(match[2]!, match[3]!.replace(/^'|'$/g, '').replaceAll('_', ''));
  }
  return defaults;
}

/** The range config.ts allows a whole number when its bounds are numbers: read.integer('X', 30, 1, 24 * 60) is "1 to 1440". */
function integerRanges(): Map<string, string> {
  const config = readFileSync(path.join(ROOT, 'src/config.ts'), 'utf8');
  const number = (text: string) => text.split('*').reduce((product, factor) => product * Number(factor.trim().replaceAll('_', '')), 1);
  const ranges = new Map<string, string>();
  for (const match of config.matchAll(/\bread\.integer\('([A-Z][A-Z0-9_]+)', [^,]+, ([\d_ *]+), ([\d_ *]+)\)/g)) {
    ranges.set(match[1]!, `${number(match[2]!)} to ${number(match[3]!)}`);
  }
  return ranges;
}

describe('README, Configuration', () => {
  const configuration = readmeSection('Configuration');

  it('names every environment variable the code reads', () => {
    const read = variablesRead();
    assert.ok(read.has('PORT') && read.has('OTEL_BSP_MAX_QUEUE_SIZE') && read.has('PGOPTIONS') && read.has('ICP_PRIMARY_AUDIT_KEY_ID'), `found ${[...read.keys()].join(', ')}`);
    assert.deepEqual(
      [...read].filter(([variable]) => !names(configuration, variable)).map(([variable, file]) => `${variable} (${file})`),
      [],
    );
  });

  it('gives each variable the default config.ts gives it', () => {
    const defaults = literalDefaults();
    assert.ok(defaults.size >= 20, `read ${defaults.size} defaults`);
    const wrong = [...defaults].filter(([variable, value]) => {
      const row = new RegExp(`^\\| \`${variable}\` \\| ([^|]*) \\|`, 'm').exec(configuration);
      return !row?.[1]!.includes(`\`${value}\``);
    });
    assert.deepEqual(wrong.map(([variable, value]) => `${variable}: \`${value}\``), []);
  });

  it('gives each whole number the range config.ts allows', () => {
    const ranges = integerRanges();
    assert.ok(ranges.size >= 12, `read ${ranges.size} ranges`);
    const wrong = [...ranges].filter(([variable, range]) => !new RegExp(`^\\| \`${variable}\` \\|.*\\b${range}\\b`, 'm').test(configuration));
    assert.deepEqual(wrong.map(([variable, range]) => `${variable}: ${range}`), []);
  });
});

describe('README, Metrics', () => {
  const metricsSection = readmeSection('Metrics');

  it('has a row for every metric a scrape shows, with its labels', async () => {
    const metrics = new PrometheusMetrics();
    const tracing = { lostSpans: () => ({ 'queue-full': 1, 'export-failed': 1 }), waitingSpans: () => 0, shutdown: async () => undefined } satisfies Tracing;
    watchSpanQueue(metrics.registry, tracing);
    // One observation of each kind, so that every labelled metric has a series to show its labels.
    metrics.observeRequest('/cases/:caseId', 'GET', 200, 12);
    metrics.observeCaseChange('person.add', 'changed', 5, 1);
    metrics.countEntries('chronology.batch', 'stored', 1);
    metrics.observeProfileEvaluations(1, 3);
    metrics.countAlertRaised('high');
    metrics.observeOutboxRun(1, 0);
    metrics.observeAuditSeal(2, 1);
    metrics.countSignInFailure('wrong-password');
    metrics.countSignInLockout();
    const scrape = await metrics.text();

    const types = [...scrape.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]!);
    const labels = new Map(types.map((name) => [name, new Set<string>()]));
    for (const match of scrape.matchAll(/^([a-z_]+)\{([^}]*)\}/gm)) {
      const name = labels.has(match[1]!) ? match[1]! : match[1]!.replace(/_(bucket|sum|count)$/, '');
      for (const label of match[2]!.matchAll(/(\w+)="/g)) if (label[1] !== 'le') labels.get(name)?.add(label[1]!);
    }

    const ours = types.filter((name) => name.startsWith('icp_'));
    assert.ok(ours.length >= 18, `a scrape shows ${ours.length} of the service's metrics`);
    const missing = ours.filter((name) => {
      const wanted = [...labels.get(name)!].sort().join();
      const rows = [...metricsSection.matchAll(new RegExp(`^\\| \`${name}(?:\\{([a-z_,]+)\\})?\``, 'gm'))];
      return !rows.some((row) => (row[1] ?? '').split(',').filter(Boolean).sort().join() === wanted);
    });
    assert.deepEqual(missing.map((name) => `${name}{${[...labels.get(name)!].join()}}`), []);

    const others = types.filter((name) => !name.startsWith('icp_'));
    assert.deepEqual(others.filter((name) => !/^(process|nodejs)_/.test(name)), [], 'only prom-client’s default metrics besides ours');
    assert.match(metricsSection, /^\| `process_\*`, `nodejs_\*` \|/m);
  });
});
