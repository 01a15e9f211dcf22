// The schema checker's refusals in plain words (schema-error-words.ts), checked on schemas compiled as a route's body is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { oneOf } from './v1/schemas.ts';
import { compileBodySchema } from './request-validation.ts';
import { inPlainWords, LONGEST_LIST_NAMED } from './schema-error-words.ts';

const refusals = (schema: object, value: unknown) => {
  const check = compileBodySchema(schema);
  assert.equal(check(value), false);
  return inPlainWords(check.errors ?? []).map(({ instancePath, message }) => ({ instancePath, message }));
};

describe('schema refusals in plain words', () => {
  const Scopes = Type.Object({ scopes: Type.Array(oneOf(['read', 'write', 'feed'])) });

  it('names every value of a choice of constants once, for a wrong value and for a value of the wrong type', () => {
    assert.deepEqual(refusals(Scopes, { scopes: ['admin'] }), [{ instancePath: '/scopes/0', message: 'must be one of "read", "write" or "feed"' }]);
    assert.deepEqual(refusals(Scopes, { scopes: [7] }), [{ instancePath: '/scopes/0', message: 'must be one of "read", "write" or "feed"' }]);
  });

  it('names an enum\'s values and a constant\'s value', () => {
    assert.deepEqual(refusals(Type.Object({ a: Type.Unsafe({ type: 'string', enum: ['x', 'y'] }) }), { a: 'z' }), [{ instancePath: '/a', message: 'must be one of "x" or "y"' }]);
    assert.deepEqual(refusals(Type.Object({ a: Type.Literal('x') }), { a: 'z' }), [{ instancePath: '/a', message: 'must be "x"' }]);
  });

  it('names the types of a choice of types, and a value beside a type', () => {
    assert.deepEqual(refusals(Type.Object({ a: Type.Union([Type.String(), Type.Null()]) }), { a: 5 }), [{ instancePath: '/a', message: 'must be text or null' }]);
    assert.deepEqual(refusals(Type.Object({ a: Type.Union([Type.Literal('x'), Type.Null()]) }), { a: 'z' }), [{ instancePath: '/a', message: 'must be "x", or null' }]);
  });

  it('keeps the errors inside a choice of objects, without the choice\'s own line', () => {
    const Either = Type.Object({ a: Type.Union([Type.Object({ n: Type.Integer() }), Type.Null()]) });
    const words = refusals(Either, { a: { n: 'one' } });
    assert.deepEqual(words, [{ instancePath: '/a/n', message: 'must be integer' }]);
  });

  it('points to the published document for a list too long to name', () => {
    const many = Array.from({ length: LONGEST_LIST_NAMED + 1 }, (_, i) => `v${String(i)}`);
    assert.match(refusals(Type.Object({ a: oneOf(many) }), { a: 'z' })[0]?.message ?? '', /^must be one of the 61 values this field lists in the published document/);
  });

  it('leaves other refusals as the checker words them', () => {
    assert.deepEqual(refusals(Type.Object({ a: Type.String({ maxLength: 2 }) }), { a: 'abc' }), [{ instancePath: '/a', message: 'must NOT have more than 2 characters' }]);
  });
});
