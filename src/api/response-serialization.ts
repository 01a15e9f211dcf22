// How API replies are written: JSON.stringify, never a serializer that drops what its schema does not
// declare. When asked (every test run does), each reply is first checked against the response schema
// the route publishes in the OpenAPI document, closed so that an undeclared field is an error: a
// reply and its published schema cannot drift apart without a test failing.
import type { Ajv, ValidateFunction } from 'ajv';
import type { FastifySchema, FastifySerializerCompiler } from 'fastify';
import { newJsonSchemaChecker } from '../infrastructure/validation/json-schema.ts';
import { ErrorResponse } from './v1/schemas.ts';

/** The schema with every object that lists its properties closed to others (unless it says otherwise). */
export function closedSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closedSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = key === 'properties' || key === '$defs' ? mapValues(value, closedSchema) : closedSchema(value);
  if ('properties' in copy && !('additionalProperties' in copy)) copy['additionalProperties'] = false;
  return copy;
}

function mapValues(value: unknown, map: (inner: unknown) => unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, map(inner)]));
}

/**
 * One checker for the process, and each route's check compiled on its first reply and kept by its
 * schema: a test app registers every route but answers few of them, and the apps of a test run share
 * their schemas, so compiling each check once, when needed, saves most of an app's start.
 */
let checker: Ajv | undefined;
const checks = new WeakMap<object, ValidateFunction>();

function checkFor(schema: object): { ajv: Ajv; validate: ValidateFunction } {
  if (!checker) {
    checker = newJsonSchemaChecker({ allErrors: true });
    checker.addSchema(closedSchema(ErrorResponse) as object);
  }
  let validate = checks.get(schema);
  if (!validate) {
    validate = checker.compile(closedSchema(schema) as object);
    checks.set(schema, validate);
  }
  return { ajv: checker, validate };
}

export function serializerCompiler(checkAgainstSchema: boolean): FastifySerializerCompiler<FastifySchema> {
  return ({ schema, method, url, httpStatus }) => {
    if (!checkAgainstSchema) return (data: unknown) => JSON.stringify(data);
    return (data: unknown) => {
      const json = JSON.stringify(data);
      const { ajv, validate } = checkFor(schema);
      if (!validate(JSON.parse(json))) {
        throw new Error(`The ${httpStatus} reply of ${method} ${url} does not match its published schema: ${ajv.errorsText(validate.errors)}`);
      }
      return json;
    };
  };
}
