// An API request naming, as its case, an id that is no case (docs/adr/0024-refused-requests-audited.md,
// "Unknown and unseen cases"). It is answered as a case the caller may not see is (404 not-found, one
// wording) and audited once: outcome `failure`, no case (there is none to name), the method, the route
// template and the id asked when it is well formed (a UUID, as every id the service makes). Anything
// else sent there (a FHIR ?patient= that is an NHS number, a name) is not recorded: it may be personal.
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { isWellFormedId } from './record-refused-request.ts';

export const UNKNOWN_CASE = 'request.unknown-case';

export interface UnknownCaseRequest {
  /** The route template, such as /api/v1/cases/:caseId/events. */
  route: string;
  method: string;
  /** The id as sent. */
  asked: string;
  tokenId?: string | undefined;
  /** The entries of a batch that named it (their indexes), when not the address: at most 20 recorded, the rest counted. */
  entries?: readonly number[];
}

/** At most this many entries of a batch named an entry (as record-refused-request.ts's fields). */
const MOST_ENTRIES_RECORDED = 20;

export async function recordUnknownCase(ctx: AppContext, actor: UserActor, request: UnknownCaseRequest): Promise<void> {
  await recordAuditAlone(ctx, actor, {
    action: UNKNOWN_CASE,
    outcome: 'failure',
    details: {
      method: request.method,
      route: request.route,
      caseIdAsked: isWellFormedId(request.asked) ? request.asked.toLowerCase() : 'not-an-id',
      ...(request.entries ? { entries: request.entries.slice(0, MOST_ENTRIES_RECORDED) } : {}),
      ...(request.entries && request.entries.length > MOST_ENTRIES_RECORDED ? { moreEntries: request.entries.length - MOST_ENTRIES_RECORDED } : {}),
      ...(request.tokenId ? { tokenId: request.tokenId } : {}),
    },
  });
}
