// Server-side sessions, and the signed-in user on every request. A session ends after
// SESSION_IDLE_MINUTES without use or SESSION_ABSOLUTE_HOURS after sign-in, whichever comes first.
// Pages carry how long the session has left, for the warning before it ends (assets/timeout-warning.mjs),
// and a one-off success message set by the save before (flashSuccess).
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { actorFor, sessionUserWithOpenAlerts } from '../../application/auth/signed-in-user.ts';
import { accountReadWithSession, openSessionStore } from '../../application/auth/session-storage.ts';
import { recordSignOut } from '../../application/auth/sign-out.ts';
import { forgetOldSignInFailures } from '../../application/auth/sign-in.ts';
import { forgetExpiredKeptForms } from '../../application/auth/kept-forms.ts';
import { sessionEndedBecause } from '../../domain/shared/session-expiry.ts';
import { sessionTimeLeft, warningLeadSeconds, type SessionTimeLeft } from '../../domain/shared/session-time-left.ts';
import { describeDevice } from './device.ts';
import { serverSessions } from './server-sessions.ts';
import { KEPT_FORM_PAGES, keepTypedForm, rememberOwner } from './kept-forms.ts';
import { storedSessionKey } from '../../infrastructure/security/session-store.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** What every page's template sees beside its own locals (@fastify/view). */
    locals: Record<string, unknown> | null;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user's open alerts as counted with their account at the start of the request (null for anyone else). */
    openAlertsAtStart: number | null;
  }
}

declare module './server-sessions.ts' {
  interface SessionData {
    /** A success message for the next page, shown once (flashSuccess). */
    flash?: string;
    /** The data-qa hook of that message's banner, when the page names its own. */
    flashQa?: string;
  }
}

export const SESSION_COOKIE = 'icp_session';
const TOUCH_EVERY_MS = 60_000;
const GRACE_MS = 3_600_000;
/** Asks how long the session has left without counting as use of it (the timeout warning's check). */
export const TIME_LEFT_URL = '/session/time-left';

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
  await app.register(serverSessions, { secret: options.secret, cookieName: SESSION_COOKIE, store, cookieMaxAgeMs: keepMs, secure: config.cookieSecure });

  app.decorateRequest('user', null);
  app.decorateRequest('signedOutReason', null);
  app.decorateRequest('openAlertsAtStart', null);

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/')) return;
    const session = request.session;
    if (!session.userId) return;
    const now = clock.now().getTime();
    const found = accountReadWithSession(session, session.userId) ?? (await sessionUserWithOpenAlerts(app.ctx, session.userId));
    const user = found?.user ?? null;
    const reason = user ? sessionEndedBecause(session, now, { idleMs, absoluteMs }) : null;
    if (!user || reason) {
      if (user && reason) await recordSignOut(app.ctx, actorFor(user, 'web', request.ip), reason);
      // A fresh, empty session rather than none: the request may be a sign-in, which needs one.
      await session.regenerate();
      request.signedOutReason = reason;
      request.endedSessionUser = reason ? user : null;
      return;
    }
    request.user = user;
    request.openAlertsAtStart = found!.openAlerts;
    if (now - (session.lastSeenAt ?? 0) > TOUCH_EVERY_MS && request.url !== TIME_LEFT_URL) session.lastSeenAt = now;
  });

  // After @fastify/view has made each reply's locals: the session's time left and the one-off message.
  app.addHook('preHandler', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return;
    const keepsForm = KEPT_FORM_PAGES.has(request.routeOptions.url ?? '');
    const timeout = request.user ? { ...timeLeft(request), warnSeconds: warningLeadSeconds(config.sessionIdleMinutes), idleMinutes: config.sessionIdleMinutes, keepsForm } : null;
    reply.locals = { ...reply.locals, sessionTimeout: timeout, takeFlash: () => takeFlash(request) };
  });

  const purge = () => {
    store.purgeExpired().catch((error: unknown) => app.log.warn({ err: error }, 'session purge failed'));
    forgetOldSignInFailures(app.ctx).catch((error: unknown) => app.log.warn({ err: error }, 'sign-in throttle purge failed'));
    forgetExpiredKeptForms(app.ctx).catch((error: unknown) => app.log.warn({ err: error }, 'kept form purge failed'));
  };
  const timer = setInterval(purge, 3_600_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
});

/** How long the request's session has left and what ends it, from what the server knows (its last use is noted at most once a minute). */
export function timeLeft(request: FastifyRequest): SessionTimeLeft {
  const { config, clock } = request.server.ctx;
  return sessionTimeLeft(request.session, clock.now().getTime(), { idleMs: config.sessionIdleMinutes * 60_000, absoluteMs: config.sessionAbsoluteHours * 3_600_000 });
}

/** Counts this request as use of the session, now: "Stay signed in" on the timeout warning. */
export function touchSession(request: FastifyRequest): void {
  request.session.lastSeenAt = request.server.ctx.clock.now().getTime();
}

/** A success message for the next page the user sees (a GOV.UK success banner), after a save that redirects; `qa` names the banner's data-qa hook. */
export function flashSuccess(request: FastifyRequest, text: string, qa = 'success-banner'): void {
  request.session.flash = text;
  request.session.flashQa = qa;
}

/** The one-off message, taken as the page shows it so that it is shown once. */
function takeFlash(request: FastifyRequest): { text: string; qa: string } | null {
  const text = request.session.flash;
  if (text === undefined) return null;
  const qa = request.session.flashQa ?? 'success-banner';
  delete request.session.flash;
  delete request.session.flashQa;
  return { text, qa };
}

/** Starts a fresh session (a new id) for a user who has just signed in, noting the device and address for their sessions list. */
export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string, now: number): Promise<void> {
  const { config } = request.server.ctx;
  rememberOwner(request, reply, userId, config.sessionAbsoluteHours * 3_600_000 + GRACE_MS);
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

/** preHandler for pages that need a signed-in practitioner: others go to sign in and come back, a kept form's typed answers waiting for them. */
export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.user) return;
  if (await keepTypedForm(request, reply)) return;
  const params = new URLSearchParams({ returnTo: request.url });
  if (request.signedOutReason) params.set('reason', request.signedOutReason);
  await reply.redirect(`/sign-in?${params.toString()}`, 303);
}
