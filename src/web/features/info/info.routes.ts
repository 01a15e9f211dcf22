// Pages anyone can read: accessibility statement, cookies, privacy notice, the guidance the profile
// comes from and the glossary of the words it uses.
import type { FastifyInstance } from 'fastify';
import { GLOSSARY } from '../../../domain/shared/glossary.ts';
import { presentGuidance } from './guidance.presenter.ts';

const glossaryGroups = GLOSSARY.map((group) => ({ id: group.heading.toLowerCase().replace(/[^a-z]+/g, '-'), heading: group.heading, terms: group.terms }));

export async function infoRoutes(app: FastifyInstance): Promise<void> {
  app.get('/accessibility', async (_request, reply) => reply.page('info/accessibility.njk', { title: 'Accessibility statement' }));
  app.get('/cookies', async (_request, reply) => reply.page('info/cookies.njk', { title: 'Cookies' }));
  app.get('/privacy', async (_request, reply) => reply.page('info/privacy.njk', { title: 'Privacy notice' }));
  app.get('/guidance', async (_request, reply) => reply.page('info/guidance.njk', { title: 'Guidance behind the profile', sources: presentGuidance() }));
  app.get('/glossary', async (_request, reply) => reply.page('info/glossary.njk', { title: 'Glossary', groups: glossaryGroups }));
}
