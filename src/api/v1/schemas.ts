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

/**
 * What an error status means, published beside it with the code its body carries. The refusals on a
 * case are those of the access rules (docs/domain.md, Access; audited as docs/adr/0024 says).
 */
/** A token's scope refusal (bearer-auth.ts), on any operation that needs a scope. */
export const SCOPE_REFUSAL = 'insufficient-scope: the token lacks the scope this needs (read, write or feed); audited as api-token.scope';

export const ERROR_MEANINGS: Readonly<Record<number, string>> = {
  400: 'validation-failed: the request is not of the published shape (details say where), or bad-request: it could not be read',
  401: 'unauthorised: no token, or one that is not valid (unknown, expired or revoked); sent with WWW-Authenticate: Bearer; not audited',
  403: `forbidden: not yours to do. On a case: your access stops short of this (reading the record in an emergency lets you read, not change; a member asking what only the lead may do); audited as refused under the action asked for. ${SCOPE_REFUSAL}`,
  404: 'not-found: no such case, or one you may not see (the same answer, so that it never tells whether a case exists; audited), or nothing of that id in it',
  409: 'A conflict with what is recorded: version-conflict (read it again), closed-for-transfer, or a code of the operation',
  413: 'payload-too-large: the body is too large',
  415: 'unsupported-media-type: send JSON with Content-Type: application/json',
  422: 'The request is of the right shape but the service refuses it: the message says why',
  429: 'rate-limited: too many requests, wait a minute',
  500: 'internal-error: something went wrong on our side',
  503: 'database-unavailable: no writable database for a moment, send it again (docs/adr/0013-database-failover.md)',
};

/** One error answer as published: its meaning and the error shape. */
export const errorResponse = (status: number) => ({
  description: ERROR_MEANINGS[status] ?? 'An error',
  content: { 'application/json': { schema: Type.Ref('Error') } },
});

/** The error answers an operation gives, and always 503 database-unavailable. */
export const errorResponses = (...statuses: number[]) => Object.fromEntries([...statuses, 503].map((status) => [status, errorResponse(status)]));

/**
 * Free text that must say something: 1 to maxLength characters, not only spaces. The use cases trim
 * and refuse blank text too; saying so here lets a client's own validation catch it first.
 */
export const requiredText = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) });
