// Sets up an authenticator app for a test account as its owner would (the set-up confirmed with a
// code at the test clock's time), and makes the codes the app would show.
import type { AppContext } from '../../src/application/context.ts';
import { beginTwoFactorSetUp, confirmTwoFactorSetUp } from '../../src/application/auth/two-factor.ts';
import type { Role } from '../../src/domain/shared/roles.ts';
import { totpCodeAt } from '../../src/infrastructure/security/totp.ts';
import { actorFor } from './factories.ts';

export interface EnrolledApp {
  /** Base32, as the app holds it. */
  secret: string;
  recoveryCodes: string[];
  /** The code the app shows at that moment (now on the test clock unless given). */
  codeAt(at?: Date): string;
}

/** Enrols the user; the step of the confirming code is then used, so sign-ins need a later step (move the clock 30 seconds). */
export async function enrolTwoFactor(ctx: AppContext, user: { id: string; email: string; organisationId: string; role: Role }): Promise<EnrolledApp> {
  const { secret } = await beginTwoFactorSetUp(ctx, user);
  const confirmed = await confirmTwoFactorSetUp(ctx, actorFor(user), totpCodeAt(secret, ctx.clock.now()));
  if (!confirmed.ok) throw new Error(`Could not enrol ${user.email}: ${confirmed.message}`);
  return { secret, recoveryCodes: confirmed.value.recoveryCodes, codeAt: (at = ctx.clock.now()) => totpCodeAt(secret, at) };
}
