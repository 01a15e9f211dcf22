// The fixed-page baseline: a route registered only in the bench's app (in-process, or in each server
// process with --processes), with no database and no template: what Fastify and its hooks cost.
import type { FastifyInstance } from 'fastify';

const FIXED_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Fixed page</title></head><body><main>${'<p>A fixed paragraph for the baseline.</p>'.repeat(50)}</main></body></html>`;
export const FIXED_PAGE_PATH = '/bench/fixed-page';

export function addFixedPage(app: FastifyInstance): void {
  app.get(FIXED_PAGE_PATH, (_request, reply) => reply.type('text/html; charset=utf-8').send(FIXED_PAGE));
}
