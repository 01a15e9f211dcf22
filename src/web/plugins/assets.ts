// Serves govuk-frontend's CSS, JavaScript, fonts and images from the npm package, and our own assets.
// The CSS is served with Arial in place of GDS Transport, which only GOV.UK services may use (ADR 0002).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const require = createRequire(import.meta.url);
const govukDir = path.dirname(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'));
const ownAssetsDir = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'assets');
// Not the fonts folder: GDS Transport is for GOV.UK services only (ADR 0002).
const ALLOWED = /^(?!\/?fonts\/).*\.(css|js|mjs|map|png|svg|ico|json)$/;

export function govukCssWithoutTransportFont(css: string): string {
  return css.replace(/@font-face\{[^}]*GDS Transport[^}]*\}/g, '').replace(/GDS Transport,/g, '');
}

export const assets = fp(async (app: FastifyInstance) => {
  const css = govukCssWithoutTransportFont(fs.readFileSync(path.join(govukDir, 'govuk-frontend.min.css'), 'utf8'));
  const cacheFor = 'public, max-age=86400';
  app.get('/assets/govuk-frontend.min.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('Cache-Control', cacheFor).type('text/css; charset=utf-8').send(css),
  );
  const serve = { allowedPath: (pathName: string) => ALLOWED.test(pathName), cacheControl: true, maxAge: 86_400_000, schemaHide: true };
  await app.register(fastifyStatic, { root: ownAssetsDir, prefix: '/assets/app/', decorateReply: false, ...serve });
  await app.register(fastifyStatic, { root: path.join(govukDir, 'assets'), prefix: '/assets/', decorateReply: false, ...serve });
  app.get('/assets/govuk-frontend.min.js', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('Cache-Control', cacheFor)
      .type('text/javascript; charset=utf-8')
      .send(fs.createReadStream(path.join(govukDir, 'govuk-frontend.min.js'))),
  );
});
