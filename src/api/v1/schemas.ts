// Schemas shared by API routes: the error shape, published in OpenAPI with every route.
import { Type } from 'typebox';

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

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, Type.Ref('Error')]));

/**
 * Free text that must say something: 1 to maxLength characters, not only spaces. The use cases trim
 * and refuse blank text too; saying so here lets a client's own validation catch it first.
 */
export const requiredText = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, pattern: '\\S', ...(description ? { description } : {}) });
