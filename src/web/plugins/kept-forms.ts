// Nothing typed is lost (issue 14). A form posted after its session ended, or with an expired form
// token, is kept server-side for the user who typed it (application/auth/kept-forms.ts); the browser
// holds only a random id for it, in a signed cookie. After signing in again, as the same user, they
// land on the form's page with what they typed: the page's own GET handler fills its form from
// `request.keptForm`, as it would after a refused save, and the layout says what happened.
//
// Which forms are kept: the pages in KEPT_FORM_PAGES, whose GET handlers read request.keptForm (a
// test checks each is a form page: a GET and a POST on the same address). Any other form posted too
// late is answered as before (sign in again, or "This form has expired"). A page whose form holds an
// address says whose in its POST route's config (keptAddressOf), so that a restricted one is not kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { fieldsToKeep, KEPT_FORM_MS, keepForm, MAX_KEPT_FORMS_A_BROWSER, takeKeptForm, type KeptFields, type KeptFormReason, type KeptFormSubject } from '../../application/auth/kept-forms.ts';
import { actorFor, sessionUser, type SignedInUser } from '../../application/auth/signed-in-user.ts';
import type { AppContext } from '../../application/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** On a form page reached with the restore marker: the fields its user typed before, to fill the form with. */
    keptForm: KeptFields | null;
    /** The user whose session this request's cookie belonged to, when it had just ended (idle or time limit). */
    endedSessionUser: SignedInUser | null;
  }
  interface FastifyContextConfig {
    /** On a kept form page whose form holds an address: whose it is (the record's, or the person's in the route). */
    keptAddressOf?: KeptFormSubject['about'];
  }
}

/** The form pages whose typed answers are kept, by route: the contact form, the chronology entry form and its correction, a dispute of an entry, a factor's form, the profile's review, escalation decision, level change and level proposal, the reason for emergency access, the plan's, a subject's page, a person's forms, the record's details, a meeting's form, a supervision's, the discharge plan's, each consent form and the growth page's. */
export const KEPT_FORM_PAGES: ReadonlySet<string> = new Set([
  '/cases/:caseId/contacts/new',
  '/cases/:caseId/chronology/new',
  '/cases/:caseId/chronology/:entryId/correct',
  '/cases/:caseId/chronology/:entryId/dispute',
  '/cases/:caseId/profile/:subjectKey/:factorId',
  '/cases/:caseId/profile/review',
  '/cases/:caseId/profile/decision',
  '/cases/:caseId/profile/level',
  '/cases/:caseId/profile/level/propose',
  '/cases/:caseId/emergency-access',
  '/cases/:caseId/plan/edit',
  '/cases/:caseId/profile/:subjectKey/all-factors',
  '/cases/:caseId/people/new',
  '/cases/:caseId/people/:personId',
  '/cases/:caseId/details',
  '/cases/:caseId/meetings/new',
  '/cases/:caseId/supervision/new',
  '/cases/:caseId/discharge-plan',
  '/cases/:caseId/consent/consent',
  '/cases/:caseId/consent/withdrawal',
  '/cases/:caseId/consent/sharing',
  '/cases/:caseId/consent/gp-told',
  '/cases/:caseId/growth',
]);

/** The query parameter that asks a form page for its kept form. */
export const RESTORE_PARAM = 'restore';
/** The browser's kept forms: their random ids, oldest first, joined by dots (one a page, from as many tabs). */
export const KEPT_FORM_COOKIE = 'icp_kept';
const KEPT_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/**
 * Who last signed in on this browser (their account id, signed), kept when they sign out: the owner of
 * a form posted after that session ended without the server seeing it end (signed out in another tab
 * or from another device, the session's cookie gone). It lasts as long as a session's cookie may, and
 * names whose the form is, never who may save it: only they get it back, after signing in again.
 */
export const OWNER_COOKIE = 'icp_owner';

export const KEPT_NOTICES: Record<KeptFormReason, string> = {
  'signed-out': 'You were signed out before this form was saved. What you typed has been put back: check your answers and save again.',
  'form-expired': 'Your form had expired. Check your answers and save again.',
};

/** Cookies that only this site's own pages send back (a cross-site post carries neither). */
const cookieOptions = (ctx: AppContext, maxAgeMs: number) => ({
  signed: true,
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: ctx.config.cookieSecure,
  path: '/',
  maxAge: Math.floor(maxAgeMs / 1000),
});

const pathOf = (url: string) => url.split('?')[0] ?? '/';

function signedCookie(request: FastifyRequest, name: string): string | null {
  const raw = request.cookies[name];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

/** Notes who signed in on this browser, for a form posted after their session ends unseen (OWNER_COOKIE). */
export function rememberOwner(request: FastifyRequest, reply: FastifyReply, userId: string, keepMs: number): void {
  reply.setCookie(OWNER_COOKIE, userId, cookieOptions(request.server.ctx, keepMs));
}

/** The ids of the kept forms this browser holds, oldest first. */
function keptTokens(request: FastifyRequest): string[] {
  const value = signedCookie(request, KEPT_FORM_COOKIE);
  return value ? value.split('.').filter((token) => KEPT_TOKEN.test(token)).slice(-MAX_KEPT_FORMS_A_BROWSER) : [];
}

function holdKeptTokens(request: FastifyRequest, reply: FastifyReply, tokens: readonly string[]): void {
  if (tokens.length === 0) reply.clearCookie(KEPT_FORM_COOKIE, { path: '/' });
  else reply.setCookie(KEPT_FORM_COOKIE, tokens.join('.'), cookieOptions(request.server.ctx, KEPT_FORM_MS));
}

/** Whether a kept form waits on this browser: the sign-in page then says so. */
export function hasKeptForm(request: FastifyRequest): boolean {
  return keptTokens(request).length > 0;
}

/** The address of the form's page that gives the kept form back. */
export function restoreUrl(path: string): string {
  return `${path}?${RESTORE_PARAM}=1`;
}

/**
 * Keeps the form this request posted, if it is a kept form page and its user is known, and answers:
 * back to the form with what was typed when still signed in (its token had expired), or to sign in
 * again. Returns false, answering nothing, when it does not keep it. A form shown to another user than
 * the one signed in (shownTo, its token made for them) is kept for that user and not answered: the
 * caller refuses it, so that the one signed in is neither sent to it nor given it.
 */
export async function keepTypedForm(request: FastifyRequest, reply: FastifyReply, shownTo: SignedInUser | null = null): Promise<boolean> {
  if (request.method !== 'POST' || !KEPT_FORM_PAGES.has(request.routeOptions.url ?? '')) return false;
  // Another site's post never carries our cookies (SameSite), but may say where it came from: not kept.
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const { ctx } = request.server;
  const owner = shownTo ?? (await ownerOf(request));
  const fields = owner ? fieldsToKeep(request.body) : null;
  if (!owner || !fields) return false;
  const path = pathOf(request.url);
  const subject = keptFormSubject(request);
  const tokens = await keepForm(ctx, actorFor(owner, 'web', request.ip), { previousTokens: keptTokens(request), path, fields, reason: owner === request.user ? 'form-expired' : 'signed-out', ...(subject ? { subject } : {}) });
  holdKeptTokens(request, reply, tokens);
  if (shownTo) return false;
  if (owner === request.user) {
    await reply.redirect(restoreUrl(path), 303);
    return true;
  }
  const params = new URLSearchParams({ returnTo: restoreUrl(path) });
  if (request.signedOutReason) params.set('reason', request.signedOutReason);
  await reply.redirect(`/sign-in?${params.toString()}`, 303);
  return true;
}

/** What the form changes, when its route says it holds an address: the record, or the person in the route. */
function keptFormSubject(request: FastifyRequest): KeptFormSubject | null {
  const about = request.routeOptions.config.keptAddressOf;
  const { caseId, personId } = request.params as { caseId?: string; personId?: string };
  if (!about || !caseId) return null;
  return { caseId, about, ...(about === 'person' && personId ? { personId } : {}) };
}

/**
 * Whose form this is: the signed-in user's; or the user of the session that has just ended; or, when
 * the session was ended elsewhere (signed out in another tab or from another device) or its cookie is
 * gone, the user who last signed in on this browser. Nobody else's: a form whose user is not known is
 * not kept.
 */
async function ownerOf(request: FastifyRequest): Promise<SignedInUser | null> {
  if (request.user) return request.user;
  if (request.endedSessionUser) return request.endedSessionUser;
  const ownerId = signedCookie(request, OWNER_COOKIE);
  return ownerId ? sessionUser(request.server.ctx, ownerId) : null;
}

/** Gives a form page its kept form when asked with the restore marker by the user who typed it (the browser's others wait for their pages). */
async function restoreKeptForm(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.method !== 'GET' || !request.user || !KEPT_FORM_PAGES.has(request.routeOptions.url ?? '')) return;
  const query = request.query as Record<string, unknown> | undefined;
  if (!query?.[RESTORE_PARAM]) return;
  const tokens = keptTokens(request);
  if (tokens.length === 0) return;
  const { taken, left } = await takeKeptForm(request.server.ctx, actorFor(request.user, 'web', request.ip), tokens, pathOf(request.url));
  if (left.length < tokens.length) holdKeptTokens(request, reply, left);
  if (!taken.ok) return;
  request.keptForm = taken.fields;
  reply.locals = { ...reply.locals, keptFormNotice: KEPT_NOTICES[taken.reason] };
}

/** The text fields of a kept form, each as typed (the first of a repeated one): the values a form page shows. */
export function keptText(fields: KeptFields): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? (value[0] ?? '') : value]));
}

export const keptForms = fp(async (app: FastifyInstance) => {
  app.decorateRequest('keptForm', null);
  app.decorateRequest('endedSessionUser', null);
  app.addHook('preHandler', restoreKeptForm);
});
