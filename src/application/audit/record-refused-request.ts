// An API request by a known caller that the service refused before any use case ran, because its
// address, query or body was not of the operation's shape (docs/adr/0024-refused-requests-audited.md).
// Its audit entry names the operation (route template and method), what was wrong (each field's
// place and the rule it broke) and the caller, never what was sent: a value, or a name the caller
// made up for a field, may be an NHS number or a name. The case is named only when the address
// names, by a well-formed id, a case that exists, so no entry points at an id that is not one.
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

export const REQUEST_REFUSED = 'request.refused';

/** One refused field: where it is and the schema rule it broke (a keyword such as required, format, type). */
export interface RefusedField {
  part: 'params' | 'query' | 'body';
  /** A JSON pointer made only of the schema's own names and array positions; `*` stands for a name the caller chose. */
  path: string;
  rule: string;
}

export interface RefusedRequest {
  /** The route template, such as /api/v1/cases/:caseId/events: never the address as sent. */
  route: string;
  method: string;
  fields: readonly RefusedField[];
  /** The case id in the address as sent, if the route has one: recorded only when it names a case. */
  caseId?: string | undefined;
  /** The token the request came with. */
  tokenId?: string | undefined;
}

/** At most this many fields an entry (a batch can break thousands of rules): the rest are counted. */
export const MOST_FIELDS_RECORDED = 20;

/** The service's ids are UUIDs (infrastructure/db/ordered-id.ts). */
const WELL_FORMED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id as sent is of the shape of the service's ids. */
export const isWellFormedId = (id: string): boolean => WELL_FORMED_ID.test(id);

/** The case id as sent when it names a case that exists, else null: no entry points at an id that is not one. */
export async function namedCase(ctx: AppContext, caseId: string | undefined): Promise<string | null> {
  if (caseId === undefined || !WELL_FORMED_ID.test(caseId)) return null;
  const found = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  return found ? found.id : null;
}

/** One audit entry, by itself (a refusal changes nothing else), with outcome `failure`: the access rules were never asked. */
export async function recordRefusedRequest(ctx: AppContext, actor: UserActor, refused: RefusedRequest): Promise<void> {
  const caseId = await namedCase(ctx, refused.caseId);
  const fields = refused.fields.slice(0, MOST_FIELDS_RECORDED).map(({ part, path, rule }) => ({ part, path, rule }));
  const more = refused.fields.length - fields.length;
  await recordAuditAlone(ctx, actor, {
    action: REQUEST_REFUSED,
    outcome: 'failure',
    ...(caseId ? { subjectType: 'case', subjectId: caseId, caseId } : {}),
    details: {
      method: refused.method,
      route: refused.route,
      fields,
      ...(more > 0 ? { moreFields: more } : {}),
      ...(refused.tokenId ? { tokenId: refused.tokenId } : {}),
    },
  });
}
