// Schemas shared by API routes: the error shape, published in OpenAPI with every route, and the
// pieces every schema is built from. A fixed set of strings is always the domain's own list
// (oneOf), so a value added in the domain is published and accepted without touching the API.
import { Type } from 'typebox';

/**
 * One of a fixed set of strings (the domain's list), published as Type.Union of Type.Literal. Typed
 * as the union of the values: a Type.Union over a mapped list would type as never.
 */
export const oneOf = <const T extends string>(values: readonly T[], options: { description?: string } = {}) => Type.Unsafe<T>(Type.Union(values.map((value) => Type.Literal(value)), options));

/** "a, b or c": a list of values for a description. */
export function alternativesInWords(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? '';
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]!}`;
}

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'A stable code, e.g. validation-failed, unauthorised, not-found' }),
      message: Type.String({ description: 'Plain words saying what to do' }),
      details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
    }),
  },
  { $id: 'Error', title: 'Error' },
);

/** The error answers an operation gives, and always 503 database-unavailable: no writable database for a moment, send it again (docs/adr/0013-database-failover.md). */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries([...statuses, 503].map((status) => [status, Type.Ref('Error')]));

/**
 * Free text that must say something: 1 to maxLength characters, not only spaces. The use cases trim
 * and refuse blank text too; saying so here lets a client's own validation catch it first.
 */
export const requiredText = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) });
