// The domain's documents tell a newcomer everything the catalogue holds, and the code's pointers into
// them lead somewhere: docs/profile-catalogue.md has a section for every factor and finding and names
// every event kind; docs/domain.md names every clock and every setting's key, says each protocol a finding's alert carries,
// and lists every publication by its title; and every pointer to a section of a document written in
// src/, test/, scripts/, bench/ and e2e/ (the document's path, a comma and the heading, quoted or
// not) names a heading of that document, or one without its closing parenthesis.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FACTORS, findingDefinition, isTriggerEventKind } from '../src/domain/catalogue/catalogue.ts';
import { EVENT_KIND_IDS } from '../src/domain/catalogue/event-kinds.ts';
import { FINDING_IDS } from '../src/domain/catalogue/finding-definitions.ts';
import { SOURCE_LIST } from '../src/domain/catalogue/sources.ts';
import { SETTING_DEFINITIONS } from '../src/domain/settings/service-settings.ts';
import { protocolSteps } from '../src/domain/alerts/protocol-steps.ts';
import { CLOCK_IDS } from '../src/domain/timescales/clocks.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOCUMENTS = ['docs/domain.md', 'docs/profile-catalogue.md', 'docs/operations/tracing.md', 'docs/operations/backups.md', 'docs/operations/pdf.md', 'docs/operations/single-sign-on.md'];
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** A document's headings as a reader sees them (no #s, no backticks), each also without a closing parenthesis ("Faltering growth" for "Faltering growth (NICE NG75)"). */
function headingsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6} +(.+)$/gm)].flatMap((match) => {
    const heading = match[1]!.replaceAll('`', '').trim();
    const shortened = heading.replace(/ \([^()]*\)$/, '');
    return shortened === heading ? [heading] : [heading, shortened];
  });
}

/** The text of one section: from its heading to the next heading of the same or a higher level. */
function sectionOf(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{1,6} /.test(line) && line.replace(/^#+ +/, '').replaceAll('`', '').trim() === heading);
  assert.notEqual(start, -1, `no heading "${heading}"`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level);
  return lines.slice(start, end === -1 ? undefined : end).join('\n').replace(/\s+/g, ' ');
}

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|njk)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** A source file's text with its comments' line breaks joined, so a section's name split over two comment lines reads whole. */
function joinedText(file: string): string {
  return read(file).replace(/\s*\n\s*(\/\/|\*(?!\/)|\{#)?\s*/g, ' ');
}

/** Each place the code names a section of a document: `docs/x.md, Section` or `docs/x.md "Section"`. */
function sectionReferences(): { file: string; document: string; words: string; quoted: boolean }[] {
  const references = [];
  for (const file of ['src', 'test', 'scripts', 'bench', 'e2e'].flatMap(filesUnder)) {
    const text = joinedText(file);
    for (const match of text.matchAll(/(docs\/[a-z0-9/-]+\.md)(?:, | (?="))("([^"]+)"|[^"\s].{0,80})/g)) {
      const document = match[1]!;
      if (!DOCUMENTS.includes(document)) continue;
      const quoted = match[3] !== undefined;
      references.push({ file, document, words: (match[3] ?? match[2]!).replaceAll('`', ''), quoted });
    }
  }
  return references;
}

describe('docs/profile-catalogue.md', () => {
  const catalogue = read('docs/profile-catalogue.md');
  const headings = new Set(headingsOf(catalogue));

  it('has a section for every factor and every finding', () => {
    const missing = [...FACTORS.map((factor) => factor.id), ...FINDING_IDS].filter((id) => !headings.has(id));
    assert.deepEqual(missing, [], 'factors and findings without a section of their own');
  });

  it('gives each finding the severity the code gives it', () => {
    const wrong = FINDING_IDS.filter((id) => {
      const severity = findingDefinition(id).severity;
      return !sectionOf(catalogue, id).startsWith(`### ${id} **${severity[0]!.toUpperCase()}${severity.slice(1)}.`.replace(id, `\`${id}\``));
    });
    assert.deepEqual(wrong, [], 'findings whose section does not open with their severity');
  });

  it('marks exactly the event kinds that are triggers with T', () => {
    const rows = new Map([...sectionOf(catalogue, 'Event kinds').matchAll(/\| `([a-z0-9-]+)` \| [^|]* \| ?(T?) ?\|/g)].map((row) => [row[1]!, row[2] === 'T']));
    assert.deepEqual(
      EVENT_KIND_IDS.filter((id) => rows.get(id) !== isTriggerEventKind(id)),
      [],
      'event kinds whose row is missing or marks the trigger wrongly',
    );
  });

  it('names every event kind in its "Event kinds" section', () => {
    const eventKinds = sectionOf(catalogue, 'Event kinds');
    assert.deepEqual(
      EVENT_KIND_IDS.filter((id) => !eventKinds.includes(`\`${id}\``)),
      [],
      'event kinds not named',
    );
  });
});

describe('docs/domain.md', () => {
  const domain = read('docs/domain.md');
  const headings = new Set(headingsOf(domain));

  it('names every clock, by its id, in "How the clocks run"', () => {
    const clocks = sectionOf(domain, 'How the clocks run');
    assert.deepEqual(
      CLOCK_IDS.filter((id) => !clocks.includes(`\`${id}\``)),
      [],
      'clocks not named',
    );
  });

  it('gives each written protocol a section under "Protocols" that names its finding', () => {
    const protocols = sectionOf(domain, 'Protocols');
    const written = FINDING_IDS.filter((id) => protocolSteps(id).join() !== findingDefinition(id).suggestedAction);
    assert.ok(written.length >= 2, 'the bruising and safe sleep protocols are written');
    assert.deepEqual(
      written.filter((id) => !protocols.includes(`\`${id}\``)),
      [],
      'protocols whose finding the section does not name',
    );
  });

  it('names every setting an administrator may change, by its key (a timescale without its "timescales." prefix)', () => {
    const named = (key: string) => domain.includes(`\`${key}\``) || domain.includes(`\`${key.replace(/^timescales\./, '')}\``);
    assert.deepEqual(
      SETTING_DEFINITIONS.map((definition) => definition.key).filter((key) => !named(key)),
      [],
    );
  });

  it('lists every publication the catalogue cites, by its title, under "Sources"', () => {
    const sources = sectionOf(domain, 'Sources');
    assert.deepEqual(
      SOURCE_LIST.filter((source) => !sources.includes(source.title)).map((source) => source.title),
      [],
    );
  });

  it('cites publications by title, never by a file of the brief', () => {
    for (const file of ['docs/domain.md', 'docs/profile-catalogue.md', 'README.md']) {
      assert.doesNotMatch(read(file), /seeds\/|DOMAIN\.md|\.\.\/shared\/|\b00\d_[0-9a-f]{6,}/, file);
    }
    assert.ok(headings.has('Sources'));
  });
});

describe('the code’s pointers into the documents', () => {
  const headingsByDocument = new Map(DOCUMENTS.map((document) => [document, headingsOf(read(document))]));

  it('each name a section that exists', () => {
    const references = sectionReferences();
    assert.ok(references.length > 50, `found ${references.length} references`);
    const broken = references.filter(({ document, words, quoted }) => {
      const headings = headingsByDocument.get(document)!;
      // Quoted: the heading itself. Not quoted: the heading, then the sentence goes on ("Safe sleep; Infant 1 ...").
      return quoted ? !headings.includes(words) : !headings.some((heading) => words === heading || (words.startsWith(heading) && /^[\s:;,.)]/.test(words.slice(heading.length))));
    });
    assert.deepEqual(
      broken.map(({ file, document, words }) => `${file}: ${document}, ${words}`),
      [],
    );
  });
});

describe('docs/adr', () => {
  const records = readdirSync(path.join(ROOT, 'docs/adr')).filter((name) => name.endsWith('.md'));
  const numbers = records.map((name) => Number(/^(\d{4})-[a-z0-9-]+\.md$/.exec(name)?.[1]));

  it('numbers the records one after another, 0016 the one gap the README explains, each with its status', () => {
    const expected = Array.from({ length: Math.max(...numbers) }, (_, i) => i + 1).filter((n) => n !== 16);
    assert.deepEqual(numbers, expected);
    assert.match(read('README.md'), /there\s+is\s+no\s+0016/);
    for (const name of records) assert.match(read(`docs/adr/${name}`).split('\n').slice(0, 5).join('\n'), /Status: \w/, name);
  });

  it('are the only records the code and the documents name', () => {
    const named = new Set<number>();
    for (const file of [...['src', 'test', 'scripts', 'bench', 'e2e'].flatMap(filesUnder), 'README.md', 'bench/README.md', ...readdirSync(path.join(ROOT, 'docs'), { recursive: true }).map(String).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]) {
      for (const match of read(file).matchAll(/docs\/adr\/(\d{4})|\bADRs? (\d{1,4})\b/g)) named.add(Number(match[1] ?? match[2]));
    }
    assert.ok(named.size >= 15, `${named.size} records named`);
    assert.deepEqual([...named].filter((n) => !numbers.includes(n)), []);
  });
});
