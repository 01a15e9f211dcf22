import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { validateForm, type FormSpec } from './validate-form.ts';

const part = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const spec: FormSpec<ReturnType<typeof schemaOf>> = {
  schema: schemaOf(),
  messages: {
    'born-day': { default: 'Date of birth must be a real date' },
    'born-month': { default: 'Date of birth must be a real date' },
    'born-year': { default: 'Date of birth must be a real date' },
    name: { default: 'Name must be 5 characters or fewer' },
    'seen-day': { default: 'Date seen must be a real date' },
    'seen-month': { default: 'Date seen must be a real date' },
    'seen-year': { default: 'Date seen must be a real date' },
  },
};
function schemaOf() {
  return Type.Object({ 'born-day': part(2), 'born-month': part(2), 'born-year': part(4), name: part(5), 'seen-day': part(2), 'seen-month': part(2), 'seen-year': part(4) });
}

describe('validateForm', () => {
  it('gives a date one error, on the first of its parts refused, and keeps every other field\'s in the form\'s order', () => {
    const result = validateForm(spec, { 'born-day': 'one', 'born-month': 'November', 'born-year': 'twenty', name: 'too long', 'seen-month': 'Sept', 'seen-year': '20266' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.errorList, [
      { text: 'Date of birth must be a real date', href: '#born-day' },
      { text: 'Name must be 5 characters or fewer', href: '#name' },
      { text: 'Date seen must be a real date', href: '#seen-month' },
    ]);
    assert.deepEqual(Object.keys(result.fieldErrors), ['born-day', 'name', 'seen-month']);
    assert.equal(result.values['born-month'], 'November', 'what was typed is kept');
  });
});
