// A form that records something new takes its button from the saveButton macro
// (web/views/macros/save-button.njk), which carries both guards of ADR 0026: the double-press guard
// for JavaScript and the one-time submission id for a post sent twice without it. A template that asks
// govukButton for preventDoubleClick itself has the first guard and not the second, so it is one of the
// forms ADR 0026 lists as not yet recording once, or a new form that should use the macro. This fails on
// either a new such template or one moved to the macro and still listed here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');
const VIEWS = path.join(ROOT, 'src/web');

/** ADR 0026's "not yet": forms guarded against a double press only (the profile's also carry their version). */
const NOT_YET_RECORDING_ONCE = [
  'src/web/features/find-record/record-birth.njk',
];

function templates(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
    const file = path.join(folder, item.name);
    if (item.isDirectory()) return templates(file);
    return item.name.endsWith('.njk') ? [file] : [];
  });
}

describe('save buttons come from the saveButton macro', () => {
  it('leaves preventDoubleClick outside the macro only to the forms not yet recording once', () => {
    const asking = templates(VIEWS)
      .map((file) => path.relative(ROOT, file))
      .filter((file) => file !== 'src/web/views/macros/save-button.njk' && fs.readFileSync(path.join(ROOT, file), 'utf8').includes('preventDoubleClick'))
      .sort();
    assert.deepEqual(asking, [...NOT_YET_RECORDING_ONCE].sort(), 'a form that records something new uses saveButton (views/macros/save-button.njk, ADR 0026); a form moved to it leaves this list');
  });

  it('gives every template that calls saveButton the macro', () => {
    const calling = templates(VIEWS).filter((file) => /saveButton\(/.test(fs.readFileSync(file, 'utf8')) && !file.endsWith('save-button.njk'));
    assert.ok(calling.length >= 10, `only ${calling.length} templates call saveButton`);
    for (const file of calling) assert.match(fs.readFileSync(file, 'utf8'), /\{% from "macros\/save-button\.njk" import saveButton %\}/, path.relative(ROOT, file));
  });
});
