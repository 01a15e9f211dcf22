// A form gives back exactly what was typed, never cut to a limit (src/web/forms/too-long.ts words the error):
// after an error the person must find every character they typed, and the error names the field, its
// limit and how much they typed. Forms read their fields in many places (a `str`, a `typed`, a `field`
// helper in each feature), so this test reads every file of the web layer and refuses any line that
// reads a typed string and cuts it (`typeof value === 'string' ? value.slice(0, 5000)`), which is how
// each form that cut did it (meetings, discharge, consent, transfer, supervision, subject access, the
// settings, growth, quality audits, retention, the chronology's filters, the reports' period). The
// route tests of each form post text longer than its limit and check it comes back whole.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..');
const WEB = join(ROOT, 'src', 'web');

/** A line that checks a value is a string and cuts it from its start: a typed field read cut. */
const READS_AND_CUTS = /typeof\s+[^;]*?===\s*'string'[^;]*\.(?:slice|substring|substr)\(\s*0\s*,/;

/** Lines allowed to cut, each with why: never a field given back on a form. */
const ALLOWED: Readonly<Record<string, string>> = {
  // The second factor's code is never shown again: a code longer than any code is simply wrong.
  'src/web/features/sign-in/two-factor.routes.ts': "return typeof value === 'string' ? value.trim().slice(0, 40) : '';",
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** "file:line: text" for each line of `source` that reads a typed string and cuts it. */
function linesThatCut(file: string, source: string): string[] {
  return source.split('\n').flatMap((line, index) => {
    if (!READS_AND_CUTS.test(line) || ALLOWED[file] === line.trim()) return [];
    return [`${file}:${String(index + 1)}: ${line.trim()}`];
  });
}

describe('forms never cut what was typed', () => {
  it('finds no line in the web layer that reads a typed field and cuts it', () => {
    const files = sourceFiles(WEB);
    assert.ok(files.length > 100, 'the web layer is read');
    const cutting = files.flatMap((path) => linesThatCut(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8')));
    assert.deepEqual(cutting, [], `Read each field whole (the body limit bounds it) and let the domain refuse what is too long, worded by web/forms/too-long.ts:\n${cutting.join('\n')}`);
  });

  it('fires on each way a form cut, and not on reading a field whole or on cutting what is not typed', () => {
    const fires = [
      "  return typeof value === 'string' ? value.slice(0, 5000) : '';",
      "  return Object.fromEntries(FIELDS.map((field) => [field, typeof body[field] === 'string' ? body[field].slice(0, 100).trim() : '']));",
      "    if (typeof value === 'string') typed[key] = value.slice(0, 500);",
      "    const email = typeof body['email'] === 'string' ? body['email'].trim().slice(0, 320) : '';",
      "    if (typeof value === 'string' && value.trim() !== '') values[field] = value.trim().slice(0, 200);",
      "const text = (value: unknown) => (typeof value === 'string' ? value.substring(0, 40) : undefined);",
    ];
    for (const line of fires) assert.equal(linesThatCut('src/web/features/x.ts', line).length, 1, line);
    const quiet = [
      "  return typeof value === 'string' ? value : '';",
      "    recorded: `${m.recordedBy}, ${dayInWords(m.recordedAt.slice(0, 10))}`,",
      "  const shown = result.issues.slice(0, PROBLEMS_SHOWN).map((issue) => issue.text);",
      "  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;",
    ];
    for (const line of quiet) assert.deepEqual(linesThatCut('src/web/features/x.ts', line), [], line);
    assert.deepEqual(linesThatCut('src/web/features/sign-in/two-factor.routes.ts', "  return typeof value === 'string' ? value.trim().slice(0, 40) : '';"), [], 'the code never given back');
  });
});
