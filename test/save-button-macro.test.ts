// A form that records something new takes its button from the saveButton macro
// (web/views/macros/save-button.njk), which carries both guards of ADR 0026: the double-press guard
// for JavaScript and the one-time submission id for a post sent twice without it. A template that asks
// govukButton for preventDoubleClick itself has the first guard and not the second: every form now
// records once, so this fails on any template that does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');
const VIEWS = path.join(ROOT, 'src/web');

function templates(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
    const file = path.join(folder, item.name);
    if (item.isDirectory()) return templates(file);
    return item.name.endsWith('.njk') ? [file] : [];
  });
}

describe('save buttons come from the saveButton macro', () => {
  it('leaves preventDoubleClick to the macro alone', () => {
    const asking = templates(VIEWS)
      .map((file) => path.relative(ROOT, file))
      .filter((file) => file !== 'src/web/views/macros/save-button.njk' && fs.readFileSync(path.join(ROOT, file), 'utf8').includes('preventDoubleClick'))
      .sort();
    assert.deepEqual(asking, [], 'a form that records something new uses saveButton (views/macros/save-button.njk, ADR 0026)');
  });

  it('gives every template that calls saveButton the macro', () => {
    const calling = templates(VIEWS).filter((file) => /saveButton\(/.test(fs.readFileSync(file, 'utf8')) && !file.endsWith('save-button.njk'));
    assert.ok(calling.length >= 10, `only ${calling.length} templates call saveButton`);
    for (const file of calling) assert.match(fs.readFileSync(file, 'utf8'), /\{% from "macros\/save-button\.njk" import saveButton %\}/, path.relative(ROOT, file));
  });
});
