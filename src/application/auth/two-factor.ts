// Two-factor sign-in for local accounts (issue 17): an authenticator app (TOTP, RFC 6238) set up
// from the account page with a QR code and confirmed with a code, ten recovery codes shown once, and
// the second step of signing in. Who must have it: administrators and safeguarding leads, and
// everyone when the area's setting says so (domain/shared/two-factor.ts). A code is accepted one
// step either side of now and never twice (the last step used is kept); a recovery code works once.
// Wrong, reused and spent codes count towards the same lock-out as wrong passwords (sign-in.ts),
// and every refusal is audited; none signs anyone in.
import { judgeTotpStep, readSecondFactor, RECOVERY_CODE_COUNT, secondFactorStep, twoFactorRequiredFor, type SecondFactorStep } from '../../domain/shared/two-factor.ts';
import { isBlocked } from '../../domain/shared/sign-in-throttle.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import { hashRecoveryCode, newRecoveryCode, newSalt, recoveryCodeMatches } from '../../infrastructure/security/recovery-codes.ts';
import { openSecret, sealSecret } from '../../infrastructure/security/secret-box.ts';
import { newTotpSecret, totpCodeStep, totpUri } from '../../infrastructure/security/totp.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { blockedMessage, countFailure, forgetFailures, readThrottle, type ThrottleKey } from './sign-in-failures.ts';
import { actorFor, loadSignedInUser, type SignedInUser } from './signed-in-user.ts';

export interface TwoFactorStatus {
  /** An authenticator app is set up. */
  enrolled: boolean;
  /** This account must have one to sign in. */
  required: boolean;
  confirmedAt: Date | null;
  recoveryCodesLeft: number;
}

async function requiredFor(ctx: AppContext, user: Pick<SignedInUser, 'role'>): Promise<boolean> {
  const { settings } = await settingsInForce(ctx);
  return twoFactorRequiredFor(user.role, { enforced: ctx.config.twoFactorRequired, everyone: settings.twoFactorForEveryone });
}

export async function twoFactorStatus(ctx: AppContext, user: Pick<SignedInUser, 'id' | 'role'>): Promise<TwoFactorStatus> {
  const [row, codes, required] = await Promise.all([
    ctx.db.selectFrom('user_two_factor').select('confirmed_at').where('user_id', '=', user.id).executeTakeFirst(),
    ctx.db.selectFrom('user_recovery_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', user.id).where('used_at', 'is', null).executeTakeFirstOrThrow(),
    requiredFor(ctx, user),
  ]);
  const confirmedAt = row?.confirmed_at ?? null;
  return { enrolled: confirmedAt !== null, required, confirmedAt, recoveryCodesLeft: Number(codes.n) };
}

/**
 * What follows a first factor that passed (a password here, or an identity provider's sign-in):
 * 'none' (signed in), 'code' (the code page) or 'set-up' (an account that must have an app and has
 * none sets one up first). `satisfiedByProvider`: the provider's own sign-in already had a second
 * factor (domain providerSatisfiesTwoFactor, from its amr or acr), which is enough.
 */
export async function secondFactorAfterSignIn(ctx: AppContext, user: Pick<SignedInUser, 'id' | 'role'>, options: { satisfiedByProvider?: boolean } = {}): Promise<SecondFactorStep> {
  if (options.satisfiedByProvider) return 'none';
  const status = await twoFactorStatus(ctx, user);
  return secondFactorStep(status);
}

export interface TwoFactorSetUp {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** The otpauth:// address the QR code carries. */
  uri: string;
}

/** The app's secret waiting to be confirmed: the same one each time the page is shown, until a code confirms it. */
export async function beginTwoFactorSetUp(ctx: AppContext, user: Pick<SignedInUser, 'id' | 'email'>): Promise<TwoFactorSetUp> {
  const row = await ctx.db.selectFrom('user_two_factor').select('pending_secret').where('user_id', '=', user.id).executeTakeFirst();
  let secret = row?.pending_secret ? openSecret(ctx.auditKeys, row.pending_secret) : null;
  if (secret === null) {
    secret = newTotpSecret();
    const sealed = sealSecret(ctx.auditKeys, secret);
    const now = ctx.clock.now();
    await ctx.db
      .insertInto('user_two_factor')
      .values({ user_id: user.id, pending_secret: sealed, pending_since: now })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ pending_secret: sealed, pending_since: now }))
      .execute();
  }
  return { secret, uri: totpUri(secret, user.email) };
}

export type SetUpFailure = 'no-set-up' | 'wrong-code';

/**
 * Confirms the waiting secret with a code from the app: it becomes the account's (replacing any
 * before), and ten new recovery codes replace the old ones. The codes are returned to be shown once.
 */
export async function confirmTwoFactorSetUp(ctx: AppContext, actor: UserActor, typedCode: string): Promise<Result<{ recoveryCodes: string[] }, SetUpFailure>> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('user_two_factor').select(['pending_secret', 'confirmed_at']).where('user_id', '=', actor.userId).forUpdate().executeTakeFirst();
    const secret = row?.pending_secret ? openSecret(ctx.auditKeys, row.pending_secret) : null;
    if (!row?.pending_secret || secret === null) {
      await recordAudit(trx, ctx, actor, { action: 'two-factor.set-up', outcome: 'failure', subjectType: 'user', subjectId: actor.userId, details: { reason: 'no-set-up' } });
      return fail('no-set-up', 'Start setting up again: scan the new QR code and enter the code your app shows.');
    }
    const typed = readSecondFactor(typedCode);
    const step = typed.kind === 'totp' ? totpCodeStep(secret, typed.code, now) : null;
    if (step === null) {
      await recordAudit(trx, ctx, actor, { action: 'two-factor.set-up', outcome: 'failure', subjectType: 'user', subjectId: actor.userId, details: { reason: 'wrong-code' } });
      return fail('wrong-code', 'The code is not right. Enter the 6-digit code your authenticator app shows now for this account.');
    }
    await trx
      .updateTable('user_two_factor')
      .set({ secret: row.pending_secret, confirmed_at: now, last_used_step: step, pending_secret: null, pending_since: null })
      .where('user_id', '=', actor.userId)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, ctx, actor.userId);
    await recordAudit(trx, ctx, actor, { action: 'two-factor.set-up', subjectType: 'user', subjectId: actor.userId, details: { replaced: row.confirmed_at !== null, recoveryCodes: recoveryCodes.length } });
    return ok({ recoveryCodes });
  });
}

/** Ten new recovery codes in place of the account's old ones (used or not), returned to be shown once. */
export async function replaceRecoveryCodes(trx: Tx, ctx: AppContext, userId: string): Promise<string[]> {
  const now = ctx.clock.now();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await trx.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('user_recovery_codes')
    .values(
      codes.map((code) => {
        const salt = newSalt();
        const typed = readSecondFactor(code);
        return { id: ctx.newId(), user_id: userId, salt, code_hash: hashRecoveryCode(salt, typed.kind === 'recovery-code' ? typed.code : code), created_at: now, used_at: null };
      }),
    )
    .execute();
  return codes;
}

export type SecondFactorFailure = 'wrong-code' | 'reused-code' | 'recovery-code-used' | 'throttled' | 'not-enrolled';

export interface SecondFactorInput {
  userId: string;
  /** What was typed: the app's code, or a recovery code. */
  code: string;
  channel: 'web' | 'api';
  ip: string | null;
}

const MESSAGES: Record<Exclude<SecondFactorFailure, 'throttled'>, string> = {
  'wrong-code': 'The code is not right. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes.',
  'reused-code': 'That code has already been used. Wait for your authenticator app to show a new code, then enter that one.',
  'recovery-code-used': 'That recovery code has already been used: each works once. Enter another recovery code, or the code from your authenticator app.',
  'not-enrolled': 'This account has no authenticator app set up. Sign in again to set one up.',
};

/**
 * The second step of signing in, after a right password: an app's code or a recovery code. On
 * success the sign-in is complete and audited as one ('sign-in'), and the pair's failures are
 * forgotten; each refusal counts towards the lock-out and is audited with its reason.
 */
export async function checkSecondFactor(ctx: AppContext, input: SecondFactorInput): Promise<Result<SignedInUser, SecondFactorFailure>> {
  const now = ctx.clock.now();
  const user = await loadSignedInUser(ctx.db, input.userId);
  if (!user) return fail('not-enrolled', MESSAGES['not-enrolled']);
  const actor = actorFor(user, input.channel, input.ip);
  const key: ThrottleKey = { email: user.email, address: input.ip ?? '' };
  const failure = { action: 'sign-in', outcome: 'failure' as const, subjectType: 'user', subjectId: user.id };
  const throttle = await readThrottle(ctx.db, key);
  if (isBlocked(throttle, now)) {
    ctx.metrics.countSignInFailure('throttled');
    await recordAuditAlone(ctx, actor, { ...failure, details: { reason: 'throttled', secondFactor: true, blockedUntil: throttle.blockedUntil!.toISOString() } });
    return fail('throttled', blockedMessage(throttle.blockedUntil!));
  }
  return ctx.db.transaction().execute(async (trx) => {
    const outcome = await judgeSecondFactor(trx, ctx, user.id, input.code);
    if (outcome.ok) {
      await forgetFailures(trx, key);
      await recordAudit(trx, ctx, actor, { action: 'sign-in', subjectType: 'user', subjectId: user.id, details: { secondFactor: outcome.value } });
      return ok(user);
    }
    const next = await countFailure(trx, ctx, key);
    const nowBlocked = isBlocked(next, now);
    ctx.metrics.countSignInFailure('wrong-code');
    if (nowBlocked) ctx.metrics.countSignInLockout();
    await recordAudit(trx, ctx, actor, { ...failure, details: { reason: outcome.code, secondFactor: true, blockedUntil: nowBlocked ? next.blockedUntil!.toISOString() : null } });
    return nowBlocked ? fail('throttled', blockedMessage(next.blockedUntil!)) : outcome;
  });
}

/** Accepts the code and marks it used (the step, or the recovery code), or says why not. Inside the caller's transaction, the account's row locked. */
async function judgeSecondFactor(trx: Tx, ctx: AppContext, userId: string, code: string): Promise<Result<'totp' | 'recovery-code', Exclude<SecondFactorFailure, 'throttled'>>> {
  const now = ctx.clock.now();
  const row = await trx.selectFrom('user_two_factor').select(['secret', 'last_used_step']).where('user_id', '=', userId).forUpdate().executeTakeFirst();
  const secret = row?.secret ? openSecret(ctx.auditKeys, row.secret) : null;
  if (!row || secret === null) return fail('not-enrolled', MESSAGES['not-enrolled']);
  const typed = readSecondFactor(code);
  if (typed.kind === 'totp') {
    const step = totpCodeStep(secret, typed.code, now);
    const judgement = judgeTotpStep(step, row.last_used_step);
    if (judgement === 'wrong') return fail('wrong-code', MESSAGES['wrong-code']);
    if (judgement === 'reused') return fail('reused-code', MESSAGES['reused-code']);
    await trx.updateTable('user_two_factor').set({ last_used_step: step }).where('user_id', '=', userId).execute();
    return ok('totp');
  }
  if (typed.kind === 'malformed') return fail('wrong-code', MESSAGES['wrong-code']);
  const codes = await trx.selectFrom('user_recovery_codes').select(['id', 'salt', 'code_hash', 'used_at']).where('user_id', '=', userId).execute();
  const match = codes.find((stored) => recoveryCodeMatches(stored.salt, stored.code_hash, typed.code));
  if (!match) return fail('wrong-code', MESSAGES['wrong-code']);
  if (match.used_at !== null) return fail('recovery-code-used', MESSAGES['recovery-code-used']);
  // Marked used only while still unused: two requests racing with one code cannot both pass.
  const marked = await trx.updateTable('user_recovery_codes').set({ used_at: now }).where('id', '=', match.id).where('used_at', 'is', null).executeTakeFirst();
  if (Number(marked.numUpdatedRows) !== 1) return fail('recovery-code-used', MESSAGES['recovery-code-used']);
  return ok('recovery-code');
}
