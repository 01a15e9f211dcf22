// A form post refused for its form token (the CSRF check): a token missing, expired or not made for
// this browser, or a good one made for another user than the one signed in (their form, left open in
// a tab on this browser). Audited as the other refusals are (docs/adr/0024-refused-requests-audited.md):
// one entry, outcome `failure` (the access rules were not asked), with the signed-in caller, the method
// and the route template (never the address as sent, nor anything typed into the form).
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

export const FORM_TOKEN_REFUSED = 'form-token.refused';

/** Why the token was refused: not a good token for this browser (missing, expired, forged), or made for another user. */
export type FormTokenRefusalReason = 'bad-token' | 'another-user';

export interface RefusedFormToken {
  /** The route template, such as /cases/:caseId/chronology/new. */
  route: string;
  method: string;
  reason: FormTokenRefusalReason;
}

export async function recordRefusedFormToken(ctx: AppContext, actor: UserActor, refused: RefusedFormToken): Promise<void> {
  await recordAuditAlone(ctx, actor, {
    action: FORM_TOKEN_REFUSED,
    outcome: 'failure',
    subjectType: 'user',
    subjectId: actor.userId,
    details: { method: refused.method, route: refused.route, reason: refused.reason },
  });
}
