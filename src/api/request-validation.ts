// How requests are checked against their schemas. A JSON body is taken exactly as sent: no type is
// coerced (`givenName: 123` is not "123", `null` is not false) and an unknown field is refused, not
// dropped, so a client learns of its mistake. Query strings and path parameters arrive as text, so
// numbers and booleans there are read from it. All problems are reported at once, each by its path.
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { newJsonSchemaChecker } from '../infrastructure/validation/json-schema.ts';

const common = { removeAdditional: false, useDefaults: true, allErrors: true } as const;
const bodies = newJsonSchemaChecker({ ...common, coerceTypes: false });
const addressParts = newJsonSchemaChecker({ ...common, coerceTypes: 'array' });

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodies : addressParts).compile(schema) as ReturnType<FastifySchemaCompiler<FastifySchema>>;

/** A body schema compiled exactly as a route's body is checked, for a handler that checks parts of its body itself. */
export function compileBodySchema<T>(schema: object) {
  return bodies.compile<T>(schema);
}
