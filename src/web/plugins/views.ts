// Nunjucks views with the govuk-frontend macros, and reply.page(): renders a template with the
// locals every page needs (the user, a CSRF token, the current path).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import { countOpenAlerts } from '../../application/alerts/list-alerts.ts';
import type { SignedInUser } from '../../application/auth/signed-in-user.ts';
import { roleAllows } from '../../domain/shared/roles.ts';
import { addFilters } from '../views/filters.ts';
import { formToken } from './security.ts';

const require = createRequire(import.meta.url);
const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const govukDist = path.dirname(path.dirname(require.resolve('govuk-frontend/dist/govuk/template.njk')));

export const SERVICE_NAME = 'Infant Care Profile';

/** The service navigation: what a user may reach, with the current section marked and the count of open alerts (null when it could not be read). */
export function navigationFor(user: SignedInUser | null, currentPath: string, openAlerts: number | null) {
  if (!user) return [];
  const items = [
    { text: 'My cases', href: '/', current: currentPath === '/' },
    { text: openAlerts ? `Alerts (${openAlerts})` : 'Alerts', href: '/alerts', current: currentPath.startsWith('/alerts') },
  ];
  if (user.role !== 'admin') items.push({ text: 'Supervision', href: '/supervision', current: currentPath.startsWith('/supervision') });
  if (user.role === 'safeguarding-lead' || user.role === 'manager') items.push({ text: 'Quality audits', href: '/quality-audits', current: currentPath.startsWith('/quality-audits') });
  const mayReadReports = user.role === 'safeguarding-lead' || user.role === 'manager' || (user.partnershipView === true && user.role !== 'admin');
  if (mayReadReports) items.push({ text: 'Reports', href: '/reports', current: currentPath.startsWith('/reports') });
  if (user.dataProtectionOfficer && user.role !== 'admin') items.push({ text: 'Subject access', href: '/subject-access', current: currentPath.startsWith('/subject-access') });
  if (user.role === 'safeguarding-lead') {
    items.push({ text: 'Emergency access reviews', href: '/emergency-access', current: currentPath.startsWith('/emergency-access') });
  }
  if (roleAllows(user.role, 'manage-accounts')) {
    items.push({ text: 'Administration', href: '/admin', current: currentPath.startsWith('/admin') });
  }
  return items;
}

export const TEMPLATE_PATHS = [path.join(webDir, 'features'), path.join(webDir, 'views'), govukDist];

/**
 * Nunjucks' options. Neither `noCache` nor `watch` is set, so each template is read and compiled
 * once, on first use, and kept for the life of the process.
 */
export const NUNJUCKS_OPTIONS = { autoescape: true, throwOnUndefined: false } as const;

export function configureEnvironment(env: nunjucks.Environment): void {
  addFilters(env);
  env.addGlobal('serviceName', SERVICE_NAME);
  // A form's one-time submission id, new each time the form is rendered (views/macros/save-button.njk).
  env.addGlobal('newSubmissionId', () => randomUUID());
}

/** An environment like the one the pages render with, over other template folders if given (bench/render.ts). */
export function viewEnvironment(templatePaths: readonly string[] = TEMPLATE_PATHS): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([...templatePaths]), NUNJUCKS_OPTIONS);
  configureEnvironment(env);
  return env;
}

/**
 * The header's count of the user's open alerts. A page read (GET) changes no alert, so the count read
 * with the account at the start of the request stands; after a change it is counted again. An error
 * page must still render when the database cannot answer.
 */
async function openAlertsFor(request: FastifyRequest): Promise<number | null> {
  if (request.method === 'GET' && request.openAlertsAtStart !== null) return request.openAlertsAtStart;
  return countOpenAlerts(request.server.ctx, request.user!.id).catch(() => null);
}

export const views = fp(async (app: FastifyInstance) => {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: TEMPLATE_PATHS,
    options: { ...NUNJUCKS_OPTIONS, onConfigure: configureEnvironment },
  });

  app.decorateReply('page', async function page(this: FastifyReply, template: string, locals: Record<string, unknown> = {}, statusCode = 200) {
    const request = this.request;
    this.code(statusCode).type('text/html; charset=utf-8');
    const currentPath = request.url.split('?')[0] ?? '/';
    const openAlerts = request.user ? await openAlertsFor(request) : null;
    let html: string;
    try {
      html = await this.viewAsync(template, {
        user: request.user,
        navigation: navigationFor(request.user, currentPath, openAlerts),
        csrfToken: formToken(this),
        currentPath,
        ...locals,
      });
    } catch (error) {
      await this.send(error);
      return;
    }
    // Sent as its UTF-8 bytes, encoded once. Sent as a string, the page (a rope of the template's
    // pieces, two bytes a character once one is past Latin-1) is measured for its Content-Length and
    // then encoded again as it is written: on a long chronology, a tenth of the view's CPU.
    // Awaited (a reply resolves once the response has ended, as reply.view's did): a handler's
    // `return reply.page(...)` settling before the onSend hooks have run would make Fastify send again.
    await this.send(Buffer.from(html));
  });
});
