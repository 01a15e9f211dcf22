// Sign in and sign out. A right password starts a new session (a new id), signed in or, when the
// account has two-factor sign-in, waiting for its code (second-factor.ts); failures are counted
// towards a lock-out and the form is rate limited. The timeout warning asks how long the session has
// left, and "Stay signed in" counts as use of it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { recordSignOut } from '../../../application/auth/sign-out.ts';
import { signIn } from '../../../application/auth/sign-in.ts';
import { signOutDestination } from '../../../application/auth/oidc/oidc-sign-in.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { safeReturnTo } from '../../navigation/safe-return-to.ts';
import { hasKeptForm } from '../../plugins/kept-forms.ts';
import { TIME_LEFT_URL, timeLeft, touchSession } from '../../plugins/sessions.ts';
import { afterFirstFactor } from './second-factor.ts';
import { signInForm } from './sign-in.schema.ts';

export async function signInRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  app.get<{ Querystring: { returnTo?: string; reason?: string } }>('/sign-in', async (request, reply) => {
    if (request.user) return reply.redirect(safeReturnTo(request.query.returnTo), 303);
    const reason = request.query.reason === 'idle' || request.query.reason === 'absolute' ? request.query.reason : null;
    return reply.page('sign-in/sign-in.njk', {
      title: 'Sign in',
      values: { returnTo: safeReturnTo(request.query.returnTo) },
      reason,
      idleMinutes: ctx.config.sessionIdleMinutes,
      formKept: hasKeptForm(request),
    });
  });

  app.post(
    '/sign-in',
    { config: { rateLimit: { max: ctx.config.signInRateLimitPerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = validateForm(signInForm, request.body);
      if (!form.ok) {
        return reply.page('sign-in/sign-in.njk', { title: 'Sign in', ...form, values: { ...form.values, password: '' } }, 400);
      }
      const result = await signIn(ctx, { email: form.value.email, password: form.value.password, channel: 'web', ip: request.ip });
      if (!result.ok) {
        const errors = formErrors({ email: result.message });
        return reply.page('sign-in/sign-in.njk', { title: 'Sign in', ...errors, values: { email: form.value.email, returnTo: form.value.returnTo } }, 401);
      }
      return afterFirstFactor(request, reply, result.value.user, result.value.secondFactor, form.value.returnTo);
    },
  );

  // The browser still knows who signed out on it (plugins/kept-forms.ts, OWNER_COOKIE): a form left open
  // in another tab and posted after signing out is kept for them, as after a timeout, never saved.
  app.post('/sign-out', async (request, reply) => {
    // A session signed in through an identity provider signs out there too, which sends the user back to /signed-out.
    const destination = request.user ? await signOutDestination(ctx, request.session.oidc) : '/signed-out';
    if (request.user) {
      await recordSignOut(ctx, actorFor(request.user, 'web', request.ip), 'user');
      await request.session.destroy();
    }
    return reply.redirect(destination, 303);
  });

  // For the timeout warning's script: JSON, never a page. Asking does not count as use; staying does.
  const answerTimeLeft = (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.user) return reply.code(401).send({ secondsLeft: 0, endsBy: null });
    const left = timeLeft(request);
    return reply.send({ secondsLeft: left.seconds, endsBy: left.endsBy });
  };
  app.get(TIME_LEFT_URL, { schema: { hide: true } }, async (request, reply) => answerTimeLeft(request, reply));
  app.post('/session/keep-alive', { schema: { hide: true } }, async (request, reply) => {
    if (request.user) touchSession(request);
    return answerTimeLeft(request, reply);
  });

  app.get('/signed-out', async (_request, reply) => reply.page('sign-in/signed-out.njk', { title: 'You have signed out' }));
}
