// The schema checker's refusals in plain words, once a field: a value that must be one of a list
// (an enum, or a union of constants such as a token's scopes) names every value allowed, a field that
// may be one of several types names them, instead of the checker's own "must be equal to constant"
// once a choice and "must match a schema in anyOf" after them.
import type { FastifyError } from 'fastify';

type SchemaError = NonNullable<FastifyError['validation']>[number];

/** Above this many values a refusal points to the published document instead of listing them all. */
export const LONGEST_LIST_NAMED = 60;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
  object: 'an object',
  array: 'an array',
};

const quoted = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

function inWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]!}`;
}

/** "must be one of "a", "b" or "c"", or where to read a long list. */
export function allowedValuesMessage(values: readonly unknown[]): string {
  if (values.length === 1) return `must be ${quoted(values[0])}`;
  if (values.length > LONGEST_LIST_NAMED) return `must be one of the ${String(values.length)} values this field lists in the published document (/api/openapi.json)`;
  return `must be one of ${inWords(values.map(quoted))}`;
}

/** What one alternative of a choice allows, or undefined when it is more than a value or a type. */
function allowed(error: SchemaError): { values: unknown[] } | { types: string[] } | undefined {
  if (error.keyword === 'const') return { values: [error.params['allowedValue']] };
  if (error.keyword === 'enum' && Array.isArray(error.params['allowedValues'])) return { values: error.params['allowedValues'] as unknown[] };
  if (error.keyword === 'type') {
    const type = error.params['type'];
    return { types: (Array.isArray(type) ? type : String(type).split(',')).map(String) };
  }
  return undefined;
}

/** The one message for a failed choice whose every alternative is a value or a type; undefined otherwise. */
function choiceMessage(choice: SchemaError, alternatives: readonly SchemaError[]): string | undefined {
  if (alternatives.length === 0) return undefined;
  const branches = new Map<string, { values: unknown[]; types: string[] }>();
  for (const alternative of alternatives) {
    const one = allowed(alternative);
    if (!one) return undefined;
    const branch = alternative.schemaPath.slice(choice.schemaPath.length + 1).split('/')[0]!;
    const held = branches.get(branch) ?? { values: [], types: [] };
    if ('values' in one) held.values.push(...one.values);
    else held.types.push(...one.types);
    branches.set(branch, held);
  }
  // An alternative that is a value of a type (a string constant) names the value, not its type.
  const values = [...branches.values()].flatMap((branch) => branch.values);
  const types = [...branches.values()].flatMap((branch) => (branch.values.length > 0 ? [] : branch.types));
  const typeWords = [...new Set(types)].map((type) => TYPE_WORDS[type] ?? type);
  if (values.length === 0) return `must be ${inWords(typeWords)}`;
  const valueWords = allowedValuesMessage(values);
  return typeWords.length === 0 ? valueWords : `${valueWords}, or ${inWords(typeWords)}`;
}

/**
 * The checker's errors with each failed choice (anyOf, oneOf) of values or types as one error whose
 * message lists what is allowed, and each enum's message naming its values. A choice of anything
 * else keeps its alternatives' own errors (they say what is wrong inside) and drops its own line.
 */
export function inPlainWords(errors: readonly SchemaError[]): SchemaError[] {
  const choices = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  const inside = (choice: SchemaError, error: SchemaError) => error !== choice && error.schemaPath.startsWith(`${choice.schemaPath}/`);
  const replaced = new Map<SchemaError, SchemaError | null>();
  for (const choice of choices) {
    if (replaced.has(choice)) continue;
    const within = errors.filter((error) => inside(choice, error));
    const alternatives = within.filter((error) => error.instancePath === choice.instancePath);
    // An alternative refused deeper in (a field of an object) is the one the value was meant for: its errors say what is wrong.
    const deeper = within.length > alternatives.length;
    const message = deeper ? undefined : choiceMessage(choice, alternatives);
    for (const alternative of alternatives) replaced.set(alternative, null);
    replaced.set(choice, message === undefined ? (deeper ? null : choice) : { ...choice, message });
  }
  return errors.flatMap((error) => {
    const kept = replaced.has(error) ? replaced.get(error)! : error;
    if (kept === null) return [];
    if (kept.keyword === 'enum' && Array.isArray(kept.params['allowedValues'])) return [{ ...kept, message: allowedValuesMessage(kept.params['allowedValues'] as unknown[]) }];
    if (kept.keyword === 'const') return [{ ...kept, message: allowedValuesMessage([kept.params['allowedValue']]) }];
    return [kept];
  });
}
