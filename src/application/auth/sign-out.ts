// Signing out is recorded like signing in.
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

export async function recordSignOut(ctx: AppContext, actor: UserActor, reason: 'user' | 'idle' | 'absolute'): Promise<void> {
  await recordAuditAlone(ctx, actor, { action: 'sign-out', subjectType: 'user', subjectId: actor.userId, details: { reason } });
}
