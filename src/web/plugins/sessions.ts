// Server-side sessions, and the signed-in user on every request. A session ends after
// SESSION_IDLE_MINUTES without use or SESSION_ABSOLUTE_HOURS after sign-in, whichever comes first.
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { actorFor, sessionUser } from '../../application/auth/signed-in-user.ts';
import { openSessionStore } from '../../application/auth/session-storage.ts';
import { recordSignOut } from '../../application/auth/sign-out.ts';
import { forgetOldSignInFailures } from '../../application/auth/sign-in.ts';
import { sessionEndedBecause } from '../../domain/shared/session-expiry.ts';
import { describeDevice } from './device.ts';
import { storedSessionKey } from '../../infrastructure/security/session-store.ts';

export const SESSION_COOKIE = 'icp_session';
const TOUCH_EVERY_MS = 60_000;
const GRACE_MS = 3_600_000;

export interface SessionOptions {
  secret: string;
}

export const sessions = fp(async (app: FastifyInstance, options: SessionOptions) => {
  const { config, clock } = app.ctx;
  const idleMs = config.sessionIdleMinutes * 60_000;
  const absoluteMs = config.sessionAbsoluteHours * 3_600_000;
  // The cookie and the stored row outlive the absolute limit a little, so that when it passes the
  // server still sees the session: it can say why the user was signed out and audit it.
  const keepMs = absoluteMs + GRACE_MS;
  const store = openSessionStore(app.ctx, keepMs, (error) => app.log.error({ err: error }, 'session store callback failed'));

  await app.register(fastifyCookie, { secret: options.secret });
  await app.register(fastifySession, {
    secret: options.secret,
    cookieName: SESSION_COOKIE,
    store,
    saveUninitialized: false,
    rolling: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', maxAge: keepMs },
  });

  app.decorateRequest('user', null);
  app.decorateRequest('signedOutReason', null);

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/')) return;
    const session = request.session;
    if (!session.userId) return;
    const now = clock.now().getTime();
    const user = await sessionUser(app.ctx, session.userId);
    const reason = user ? sessionEndedBecause(session, now, { idleMs, absoluteMs }) : null;
    if (!user || reason) {
      if (user && reason) await recordSignOut(app.ctx, actorFor(user, 'web', request.ip), reason);
      // A fresh, empty session rather than none: the request may be a sign-in, which needs one.
      await session.regenerate();
      request.signedOutReason = reason;
      return;
    }
    request.user = user;
    if (now - (session.lastSeenAt ?? 0) > TOUCH_EVERY_MS) session.lastSeenAt = now;
  });

  const purge = () => {
    store.purgeExpired().catch((error: unknown) => app.log.warn({ err: error }, 'session purge failed'));
    forgetOldSignInFailures(app.ctx).catch((error: unknown) => app.log.warn({ err: error }, 'sign-in throttle purge failed'));
  };
  const timer = setInterval(purge, 3_600_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
});

/** Starts a fresh session (a new id) for a user who has just signed in, noting the device and address for their sessions list. */
export async function startSession(request: FastifyRequest, userId: string, now: number): Promise<void> {
  await request.session.regenerate();
  request.session.userId = userId;
  request.session.signedInAt = now;
  request.session.lastSeenAt = now;
  request.session.device = describeDevice(request.headers['user-agent']);
  request.session.address = request.ip;
}

/** The key the current session is stored under, to mark it in the user's list of sessions. */
export function currentSessionKey(request: FastifyRequest): string {
  return storedSessionKey(request.session.sessionId);
}

/** preHandler for pages that need a signed-in practitioner: others go to sign in and come back. */
export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.user) return;
  const params = new URLSearchParams({ returnTo: request.url });
  if (request.signedOutReason) params.set('reason', request.signedOutReason);
  await reply.redirect(`/sign-in?${params.toString()}`, 303);
}
