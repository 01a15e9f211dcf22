// Administration: organisations and practitioner accounts, unlocking, the area's settings and the audit trail.
// The use cases check the permission and audit refusals; these routes parse, call and render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createOrganisation } from '../../../application/accounts/create-organisation.ts';
import { createUser } from '../../../application/accounts/create-user.ts';
import { listAccounts } from '../../../application/accounts/list-accounts.ts';
import { listOrganisations } from '../../../application/accounts/list-organisations.ts';
import { unlockUser } from '../../../application/accounts/unlock-user.ts';
import { resetTwoFactor } from '../../../application/accounts/reset-two-factor.ts';
import { approveProviderLink, removeProviderLink } from '../../../application/accounts/provider-links.ts';
import { enterAdministration } from '../../../application/accounts/administration-access.ts';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { listAuditEntries } from '../../../application/audit/list-audit-entries.ts';
import { changeAreaSettings, viewAreaSettings } from '../../../application/settings/area-settings.ts';
import { ORGANISATION_KINDS } from '../../../domain/shared/organisation-kinds.ts';
import { ROLE_LABELS } from '../../../domain/shared/roles.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { auditFilterForm, organisationForm, OUTCOME_ITEMS, userForm } from './admin.schema.ts';
import { auditDaysErrors, auditFilterDates } from './audit-filter-dates.ts';
import { savedMessage, settingsPage, typedSettings } from './settings.presenter.ts';
import { detailsInWords } from '../../../domain/access/audit-details-words.ts';

const kindItems = Object.entries(ORGANISATION_KINDS).map(([value, text]) => ({ value, text }));
const roleItems = Object.entries(ROLE_LABELS).map(([value, text]) => ({ value, text }));

function actor(request: FastifyRequest) {
  return actorFor(request.user!, 'web', request.ip);
}

/** Only an administrator goes in; the use case audits a refusal. */
async function requireAdmin(request: FastifyRequest, reply: FastifyReply) {
  const entered = await enterAdministration(request.server.ctx, actor(request), { method: request.method, route: request.routeOptions.url ?? request.url });
  if (!entered.ok) return sendErrorPage(reply, 'forbidden');
}

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const guard = { preHandler: [requireUser, requireAdmin] };

  app.get('/admin', guard, async (_request, reply) => reply.page('admin/admin.njk', { title: 'Administration' }));

  app.get('/admin/accounts', guard, async (request, reply) => {
    const result = await listAccounts(ctx, actor(request));
    if (!result.ok) return sendErrorPage(reply, 'forbidden');
    return reply.page('admin/accounts.njk', { title: 'Organisations and accounts', ...result.value, kinds: ORGANISATION_KINDS, roles: ROLE_LABELS, backLink: '/admin' });
  });

  const organisationPage = (reply: FastifyReply, locals: object, status = 200) =>
    reply.page('admin/new-organisation.njk', { title: 'Add an organisation', kindItems, backLink: '/admin/accounts', values: {}, ...locals }, status);

  app.get('/admin/organisations/new', guard, async (_request, reply) => organisationPage(reply, {}));

  app.post('/admin/organisations/new', guard, async (request, reply) => {
    const form = validateForm(organisationForm, request.body);
    if (!form.ok) return organisationPage(reply, form, 400);
    const result = await createOrganisation(ctx, actor(request), form.value);
    if (!result.ok) {
      if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
      return organisationPage(reply, { ...formErrors({ name: result.message }), values: form.value }, 400);
    }
    flashSuccess(request, 'Organisation added');
    return reply.redirect('/admin/accounts', 303);
  });

  const userPage = async (request: FastifyRequest, reply: FastifyReply, locals: object, status = 200) => {
    const organisations = await listOrganisations(ctx, actor(request));
    if (!organisations.ok) return sendErrorPage(reply, 'forbidden');
    const organisationItems = [{ value: '', text: 'Select an organisation' }, ...organisations.value.map((o) => ({ value: o.id, text: o.name }))];
    return reply.page('admin/new-user.njk', { title: 'Add an account', organisationItems, roleItems, backLink: '/admin/accounts', values: {}, ...locals }, status);
  };

  app.get('/admin/users/new', guard, async (request, reply) => userPage(request, reply, {}));

  app.post('/admin/users/new', guard, async (request, reply) => {
    const form = validateForm(userForm, request.body);
    if (!form.ok) return userPage(request, reply, { ...form, values: { ...form.values, password: '' } }, 400);
    const result = await createUser(ctx, actor(request), form.value);
    if (!result.ok) {
      if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
      const field = result.code === 'email-taken' ? 'email' : result.code === 'unknown-organisation' ? 'organisationId' : result.code === 'invalid-role' ? 'role' : 'password';
      return userPage(request, reply, { ...formErrors({ [field]: result.message }), values: { ...form.value, password: '' } }, 400);
    }
    flashSuccess(request, 'Account added');
    return reply.redirect('/admin/accounts', 303);
  });

  app.post<{ Params: { userId: string } }>('/admin/users/:userId/unlock', guard, async (request, reply) => {
    const result = await unlockUser(ctx, actor(request), request.params.userId);
    if (!result.ok) return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'not-found');
    flashSuccess(request, 'Account unlocked');
    return reply.redirect('/admin/accounts', 303);
  });

  // For someone who has lost both their phone and their recovery codes.
  app.post<{ Params: { userId: string } }>('/admin/users/:userId/reset-two-factor', guard, async (request, reply) => {
    const result = await resetTwoFactor(ctx, actor(request), request.params.userId);
    if (!result.ok) return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'not-found');
    flashSuccess(request, 'Two-factor sign-in reset: the account sets up a new app from its account page, or at its next sign-in if it must have one');
    return reply.redirect('/admin/accounts', 303);
  });

  // Single sign-on: a first sign-in through a provider asks to link the account to the provider's id.
  const LINK_CHANGES = {
    approve: [approveProviderLink, 'Single sign-on approved: the account signs in through the provider from now on'],
    remove: [removeProviderLink, 'Single sign-on link removed: the next sign-in through the provider asks for approval again'],
  } as const;
  app.post<{ Params: { userId: string; provider: string; change: string } }>('/admin/users/:userId/provider-links/:provider/:change', guard, async (request, reply) => {
    const { userId, provider, change } = request.params;
    if (change !== 'approve' && change !== 'remove') return sendErrorPage(reply, 'not-found');
    const [changeLink, done] = LINK_CHANGES[change];
    const result = await changeLink(ctx, actor(request), userId, provider);
    if (!result.ok) return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'not-found');
    flashSuccess(request, done);
    return reply.redirect('/admin/accounts', 303);
  });

  app.get('/admin/settings', guard, async (request, reply) => {
    const result = await viewAreaSettings(ctx, actor(request));
    if (!result.ok) return sendErrorPage(reply, 'forbidden');
    return reply.page('admin/settings.njk', settingsPage(result.value));
  });

  app.post('/admin/settings', guard, async (request, reply) => {
    const typed = typedSettings(request.body);
    const result = await changeAreaSettings(ctx, actor(request), typed);
    if (result.ok) {
      flashSuccess(request, savedMessage(result.value.changed.length));
      return reply.redirect('/admin/settings', 303);
    }
    if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    const current = await viewAreaSettings(ctx, actor(request));
    if (!current.ok) return sendErrorPage(reply, 'forbidden');
    return reply.page('admin/settings.njk', settingsPage(current.value, { typed, errors: result.errors ?? [] }), 400);
  });

  app.get('/admin/audit', guard, async (request, reply) => {
    const form = validateForm(auditFilterForm, request.query);
    const dates = auditFilterDates(request.query);
    const locals = { title: 'Audit trail', backLink: '/admin', outcomeItems: OUTCOME_ITEMS, dateParts: {} };
    if (!form.ok) return reply.page('admin/audit.njk', { ...locals, ...form, values: { ...form.values, ...dates.values }, entries: [] }, 400);
    const { actorEmail, action, outcome, caseId } = form.value;
    const typed = { ...(actorEmail ? { actorEmail } : {}), ...(action ? { action } : {}), ...(outcome ? { outcome } : {}), ...(caseId ? { caseId } : {}) };
    const values = { ...typed, ...dates.values };
    const page = Number(form.value.page ?? '1');
    const result = await listAuditEntries(ctx, actor(request), { ...typed, ...dates.days, page });
    if (!result.ok && result.code === 'invalid') {
      const { errors, dateParts } = auditDaysErrors(dates.values, result.problems);
      return reply.page('admin/audit.njk', { ...locals, ...formErrors(errors), dateParts, values, entries: [] }, 400);
    }
    if (!result.ok) return sendErrorPage(reply, 'forbidden');
    const given = Object.entries(values).filter(([, value]) => value !== '');
    const query = (p: number) => new URLSearchParams([...given, ['page', String(p)]]).toString();
    return reply.page('admin/audit.njk', {
      ...locals,
      values,
      entries: result.value.entries.map((entry) => ({ ...entry, detailsInWords: detailsInWords(entry.details) })),
      previousHref: page > 1 ? `/admin/audit?${query(page - 1)}` : null,
      nextHref: result.value.hasMore ? `/admin/audit?${query(page + 1)}` : null,
    });
  });
}
