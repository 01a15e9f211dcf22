// Sign in with email and password: argon2id check, lock-out after repeated failures, every attempt audited.
import { afterFailedSignIn, isLocked } from '../../domain/shared/sign-in-lockout.ts';
import { verifyPassword } from '../../infrastructure/security/passwords.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { findActiveUser, toSignedInUser, type SignedInUser } from './signed-in-user.ts';

export type SignInFailure = 'invalid-credentials' | 'locked';

export interface SignInInput {
  email: string;
  password: string;
  channel: 'web' | 'api';
  ip: string | null;
}

const INVALID = 'Enter a correct email address and password.';

export async function signIn(ctx: AppContext, input: SignInInput): Promise<Result<SignedInUser, SignInFailure>> {
  const now = ctx.clock.now();
  const row = await findActiveUser(ctx.db, { email: input.email });
  const anonymous = { kind: 'operator' as const, channel: 'system' as const };
  const failure = { action: 'sign-in', outcome: 'failure' as const, subjectType: 'user' };

  if (!row || row.disabled_at !== null) {
    await verifyPassword(null, input.password);
    await recordAuditAlone(ctx, anonymous, {
      ...failure,
      subjectId: row?.id ?? null,
      details: { email: input.email, reason: row ? 'disabled' : 'unknown-email', channel: input.channel, ip: input.ip },
    });
    return fail('invalid-credentials', INVALID);
  }

  const user = toSignedInUser(row);
  const actor = { kind: 'user' as const, userId: user.id, organisationId: user.organisationId, role: user.role, channel: input.channel, ip: input.ip };

  if (isLocked({ failedSignIns: row.failed_sign_ins, lockedUntil: row.locked_until }, now)) {
    await recordAuditAlone(ctx, actor, { ...failure, subjectId: user.id, details: { reason: 'locked' } });
    return fail('locked', lockedMessage(row.locked_until!));
  }

  const passwordMatches = await verifyPassword(row.password_hash, input.password);

  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('users')
      .select(['failed_sign_ins', 'locked_until'])
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();

    if (!passwordMatches) {
      const next = afterFailedSignIn(
        { failedSignIns: current.failed_sign_ins, lockedUntil: current.locked_until },
        { maxAttempts: ctx.config.signInMaxAttempts, lockoutMinutes: ctx.config.signInLockoutMinutes },
        now,
      );
      await trx
        .updateTable('users')
        .set({ failed_sign_ins: next.failedSignIns, locked_until: next.lockedUntil })
        .where('id', '=', user.id)
        .execute();
      const nowLocked = isLocked(next, now);
      await recordAudit(trx, ctx, actor, {
        ...failure,
        subjectId: user.id,
        details: { reason: 'wrong-password', lockedUntil: nowLocked ? next.lockedUntil!.toISOString() : null },
      });
      return nowLocked ? fail('locked', lockedMessage(next.lockedUntil!)) : fail('invalid-credentials', INVALID);
    }

    await trx.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await recordAudit(trx, ctx, actor, { action: 'sign-in', subjectType: 'user', subjectId: user.id });
    return ok(user);
  });
}

function lockedMessage(until: Date): string {
  const time = until.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `This account is locked after too many failed attempts. Try again after ${time}, or ask your administrator to unlock it.`;
}
