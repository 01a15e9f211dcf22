// Two-factor sign-in's pages (issue 17). The code page, after a right password, takes the code the
// account's authenticator app shows or a recovery code. The set-up page shows a QR code drawn on the
// server and the key to type by hand, and a code from the app confirms it; the recovery codes are
// then shown once. Set-up is reached from the account page, or right after the password when the
// account must have two-factor sign-in and has none (the session is signed in only once it is done).
// The account page also leads to new recovery codes for the same app, after a code from it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { beginTwoFactorSetUp, checkSecondFactor, confirmTwoFactorSetUp, twoFactorStatus } from '../../../application/auth/two-factor.ts';
import { actorFor, sessionUser, type SignedInUser } from '../../../application/auth/signed-in-user.ts';
import { newRecoveryCodes } from '../../../application/auth/new-recovery-codes.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { drawQrCode } from './qr-code.ts';
import { CODE_PAGE, finishSecondFactor, secondFactorWait, SET_UP_PAGE } from './second-factor.ts';

const ACCOUNT_SET_UP_PAGE = '/account/two-factor';
const NEW_RECOVERY_CODES_PAGE = '/account/two-factor/recovery-codes';
const NO_CODE = 'Enter the code from your authenticator app, or one of your recovery codes';
const NO_SET_UP_CODE = 'Enter the 6-digit code your authenticator app shows for this account';

const typedCode = (body: unknown): string => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)['code'] : undefined;
  return typeof value === 'string' ? value.trim().slice(0, 40) : '';
};

/** The key in groups of four, as the apps show it and as it is easier to type. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export async function twoFactorRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const rateLimit = { max: ctx.config.signInRateLimitPerMinute, timeWindow: '1 minute' };

  const codePage = (reply: FastifyReply, locals: Partial<FormErrors> = {}, status = 200) => reply.page('sign-in/two-factor-code.njk', { title: 'Enter your two-factor code', ...locals }, status);

  /** Back to the password: the wait has ended or never began. */
  const startAgain = (reply: FastifyReply) => reply.redirect('/sign-in', 303);

  app.get(CODE_PAGE, async (request, reply) => {
    if (request.user) return reply.redirect('/', 303);
    if (!secondFactorWait(request, 'code')) return startAgain(reply);
    return codePage(reply);
  });

  app.post(CODE_PAGE, { config: { rateLimit } }, async (request, reply) => {
    const wait = secondFactorWait(request, 'code');
    if (!wait) return startAgain(reply);
    const code = typedCode(request.body);
    if (code === '') return codePage(reply, formErrors({ code: NO_CODE }), 400);
    const result = await checkSecondFactor(ctx, { userId: wait.userId, code, channel: 'web', ip: request.ip });
    if (!result.ok) {
      if (result.code === 'not-enrolled') return startAgain(reply);
      return codePage(reply, formErrors({ code: result.message }), 401);
    }
    await finishSecondFactor(request, reply, wait);
    return reply.redirect(wait.returnTo, 303);
  });

  async function setUpPage(reply: FastifyReply, user: SignedInUser, action: string, locals: Partial<FormErrors> & { mustSetUp?: boolean } = {}, status = 200) {
    const [setUp, current] = await Promise.all([beginTwoFactorSetUp(ctx, user), twoFactorStatus(ctx, user)]);
    return reply.page(
      'sign-in/two-factor-set-up.njk',
      { title: current.enrolled ? 'Set up a new authenticator app' : 'Set up two-factor sign-in', action, qrCode: await drawQrCode(setUp.uri), secret: grouped(setUp.secret), enrolled: current.enrolled, ...locals },
      status,
    );
  }

  /** The recovery codes, shown this once, and where to go on. */
  const recoveryCodesPage = (reply: FastifyReply, codes: string[], continueTo: string, title = 'Two-factor sign-in is on') =>
    reply.page('sign-in/two-factor-recovery-codes.njk', { title, codes, continueTo });

  async function confirm(request: FastifyRequest, reply: FastifyReply, user: SignedInUser, action: string, mustSetUp: boolean): Promise<{ codes: string[] } | null> {
    const code = typedCode(request.body);
    if (code === '') {
      await setUpPage(reply, user, action, { ...formErrors({ code: NO_SET_UP_CODE }), mustSetUp }, 400);
      return null;
    }
    const result = await confirmTwoFactorSetUp(ctx, actorFor(user, 'web', request.ip), code);
    if (!result.ok) {
      await setUpPage(reply, user, action, { ...formErrors({ code: result.message }), mustSetUp }, 400);
      return null;
    }
    return { codes: result.value.recoveryCodes };
  }

  // Right after the password, for an account that must have two-factor sign-in and has none.
  const waitingUser = async (request: FastifyRequest) => {
    const wait = secondFactorWait(request, 'set-up');
    const user = wait ? await sessionUser(ctx, wait.userId) : null;
    return wait && user ? { wait, user } : null;
  };

  app.get(SET_UP_PAGE, async (request, reply) => {
    if (request.user) return reply.redirect(ACCOUNT_SET_UP_PAGE, 303);
    const waiting = await waitingUser(request);
    if (!waiting) return startAgain(reply);
    return setUpPage(reply, waiting.user, SET_UP_PAGE, { mustSetUp: true });
  });

  app.post(SET_UP_PAGE, { config: { rateLimit } }, async (request, reply) => {
    const waiting = await waitingUser(request);
    if (!waiting) return startAgain(reply);
    const confirmed = await confirm(request, reply, waiting.user, SET_UP_PAGE, true);
    if (!confirmed) return reply;
    await finishSecondFactor(request, reply, waiting.wait);
    return recoveryCodesPage(reply, confirmed.codes, waiting.wait.returnTo);
  });

  // From the account page: the first app, or a new one in place of the old.
  app.get(ACCOUNT_SET_UP_PAGE, { preHandler: requireUser }, async (request, reply) => setUpPage(reply, request.user!, ACCOUNT_SET_UP_PAGE));

  app.post(ACCOUNT_SET_UP_PAGE, { preHandler: requireUser, config: { rateLimit } }, async (request, reply) => {
    const confirmed = await confirm(request, reply, request.user!, ACCOUNT_SET_UP_PAGE, false);
    if (!confirmed) return reply;
    return recoveryCodesPage(reply, confirmed.codes, '/account#two-factor');
  });

  // New recovery codes for the same app, after a current code from it.
  const newCodesPage = async (reply: FastifyReply, user: SignedInUser, locals: Partial<FormErrors> = {}, status = 200) => {
    const current = await twoFactorStatus(ctx, user);
    if (!current.enrolled) return reply.redirect('/account#two-factor', 303);
    return reply.page('sign-in/two-factor-new-recovery-codes.njk', { title: 'Get new recovery codes', backLink: '/account#two-factor', codesLeft: current.recoveryCodesLeft, ...locals }, status);
  };

  app.get(NEW_RECOVERY_CODES_PAGE, { preHandler: requireUser }, async (request, reply) => newCodesPage(reply, request.user!));

  app.post(NEW_RECOVERY_CODES_PAGE, { preHandler: requireUser, config: { rateLimit } }, async (request, reply) => {
    const user = request.user!;
    const code = typedCode(request.body);
    if (code === '') return newCodesPage(reply, user, formErrors({ code: NO_SET_UP_CODE }), 400);
    const result = await newRecoveryCodes(ctx, actorFor(user, 'web', request.ip), user.email, code);
    if (result.ok) return recoveryCodesPage(reply, result.value.recoveryCodes, '/account#two-factor', 'You have new recovery codes');
    if (result.code === 'not-enrolled') return reply.redirect('/account#two-factor', 303);
    return newCodesPage(reply, user, formErrors({ code: result.message }), result.code === 'throttled' ? 429 : 400);
  });
}
