import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { actionInWords, actionsOfKind, AUDIT_ACTIONS, isEmergencyAccess, outcomeInWords } from './audit-words.ts';

const SRC = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * The audit actions the application writes: a dotted code (or sign-in, sign-out) in quotes on a line
 * that names an action, or given to an upper-case constant (`const LIST = 'discharge-plan.list'`), in
 * the application, web and API code. Trace attributes (icp.…) and a query's columns are not actions.
 */
function actionsWritten(): Map<string, string> {
  const found = new Map<string, string>();
  const literal = /'((?:[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)|sign-in|sign-out)'/g;
  for (const file of ['application', 'web', 'api'].flatMap((dir) => sourceFiles(path.join(SRC, dir)))) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      // A query's line names columns (users.name), never an action.
      if (!/action|^\s*(export )?const [A-Z_]+ = '/i.test(line) || /select/i.test(line)) continue;
      for (const [, code] of line.matchAll(literal)) if (!code!.startsWith('icp.') && !found.has(code!)) found.set(code!, path.relative(SRC, file));
    }
  }
  return found;
}

describe('audit actions in plain words', () => {
  it('has words for every action the application writes', () => {
    const written = actionsWritten();
    assert.ok(written.has('case.view') && written.has('discharge-plan.list') && written.has('sign-in'), 'the scan finds actions');
    const missing = [...written].filter(([action]) => !AUDIT_ACTIONS.includes(action)).map(([action, file]) => `${action} (${file})`);
    assert.deepEqual(missing, [], 'add words for these in audit-words.ts');
  });

  it('never shows a code, not even for an action it does not know', () => {
    for (const action of AUDIT_ACTIONS) assert.doesNotMatch(actionInWords(action), /[a-z]\.[a-z]|break-glass/, action);
    assert.equal(actionInWords('something.new'), 'Used the record');
  });

  it('says what a view for printing printed, and whether as a PDF; a plain view, or details it does not know, read as opening the record', () => {
    assert.equal(actionInWords('case.view', { print: 'profile', format: 'html' }), 'Opened the profile to print');
    assert.equal(actionInWords('case.view', { print: 'summary', format: 'pdf' }), 'Made a PDF of the case summary');
    assert.equal(actionInWords('case.view', null), 'Opened the record');
    assert.equal(actionInWords('case.view', { print: 'chronology', format: 'pdf' }), 'Opened the record');
    assert.equal(actionInWords('profile.view', { print: 'profile', format: 'pdf' }), 'Looked at the profile');
  });

  it('sorts the actions into looks and changes', () => {
    assert.ok(actionsOfKind('look').includes('case.view'));
    assert.ok(actionsOfKind('look').includes('case.break-glass'));
    assert.ok(actionsOfKind('change').includes('profile.factor-update'));
    assert.ok(!actionsOfKind('look').includes('profile.factor-update'));
    assert.ok(!actionsOfKind('change').includes('sign-in'));
  });

  it('names an emergency access: opening in an emergency, or anything done on that basis, and nothing else', () => {
    assert.equal(isEmergencyAccess('case.break-glass', null), true);
    assert.equal(isEmergencyAccess('profile.view', 'break-glass'), true);
    assert.equal(isEmergencyAccess('case.view', 'organisation-oversight'), false);
    assert.equal(isEmergencyAccess('case.view', null), false);
  });

  it('says how an entry ended only when it did not go through', () => {
    assert.equal(outcomeInWords('denied'), 'Refused');
    assert.equal(outcomeInWords('failure'), 'Did not go through');
    assert.equal(outcomeInWords('success'), null);
  });
});
