// The printable profile and case summary (issue 14), and the transfer pack's PDF (issue 21): a page laid out for A4 with the protective
// marking on every sheet, and the same page made into a PDF on the server by a headless Chromium
// (infrastructure/pdf). Without a browser (CHROMIUM_PATH=none, or none installed) the pages do not
// offer the PDF and its address answers 503 saying to print to PDF from the browser.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { PRINT_KINDS, viewCasePrint, type PrintFormat, type PrintKind } from '../../../application/cases/view-case-print.ts';
import type { PdfRenderer, PdfResource } from '../../../infrastructure/pdf/pdf-renderer.ts';
import { govukCssWithoutTransportFont } from '../../plugins/assets.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { pdfFileName, presentPrint } from './print.presenter.ts';

type PrintParams = { Params: { caseId: string } };

const require = createRequire(import.meta.url);
const ownAssetsDir = path.join(path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url)))), 'assets');

/** The service's own CSS the print pages link to: all a PDF render may load. */
export function printResources(): Map<string, PdfResource> {
  const css = (body: string): PdfResource => ({ body, contentType: 'text/css; charset=utf-8' });
  return new Map([
    ['/assets/govuk-frontend.min.css', css(govukCssWithoutTransportFont(fs.readFileSync(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8')))],
    ['/assets/app/app.css', css(fs.readFileSync(path.join(ownAssetsDir, 'app.css'), 'utf8'))],
    ['/assets/app/print.css', css(fs.readFileSync(path.join(ownAssetsDir, 'print.css'), 'utf8'))],
  ]);
}

const UNAVAILABLE = {
  unavailable: 'This service cannot make PDFs here: no browser is installed on its server to make them.',
  busy: 'The service is making many PDFs at the moment. Try again in a minute.',
  'timed-out': 'Making the PDF took too long. Try again in a minute.',
  failed: 'The PDF could not be made.',
} as const;

export async function printRoutes(app: FastifyInstance, { renderer }: { renderer: PdfRenderer }): Promise<void> {
  const { ctx } = app;
  const resources = renderer.available ? printResources() : new Map<string, PdfResource>();
  const href = (caseId: string, kind: PrintKind) => `/cases/${caseId}/print/${kind}`;

  async function read(request: FastifyRequest<PrintParams>, reply: FastifyReply, kind: PrintKind, format: PrintFormat) {
    const { caseId } = request.params;
    const result = await viewCasePrint(ctx, actorFor(request.user!, 'web', request.ip), caseId, kind, format);
    if (result.ok) {
      const p = presentPrint(result.value, request.user!);
      return { ok: true as const, locals: { title: p.title, p, bodyClasses: 'app-case-print', backLink: `/cases/${caseId}` } };
    }
    if (result.code === 'not-found') return { ok: false as const, sent: await sendErrorPage(reply, 'not-found') };
    if (result.code === 'not-transferred') {
      const link = { href: `/cases/${caseId}/transfer`, text: 'Go to the case’s transfer' };
      return { ok: false as const, sent: await reply.page('errors/error.njk', { title: 'There is no transfer pack to print', paragraphs: [result.message], link, reference: null }, 409) };
    }
    return { ok: false as const, sent: await sendErrorPage(reply, 'forbidden') };
  }

  for (const kind of PRINT_KINDS) {
    app.get<PrintParams>(`/cases/:caseId/print/${kind}`, { preHandler: requireUser }, async (request, reply) => {
      const page = await read(request, reply, kind, 'html');
      if (!page.ok) return page.sent;
      return reply.page(`print/${kind}.njk`, { ...page.locals, pdfHref: renderer.available ? `${href(request.params.caseId, kind)}.pdf` : null });
    });

    app.get<PrintParams>(`/cases/:caseId/print/${kind}.pdf`, { preHandler: requireUser }, async (request, reply) => {
      const printHref = href(request.params.caseId, kind);
      const cannot = (reason: keyof typeof UNAVAILABLE) => {
        if (reason === 'busy' || reason === 'timed-out') reply.header('Retry-After', '60');
        return reply.page('print/pdf-unavailable.njk', { title: 'Print to PDF from your browser', reason: UNAVAILABLE[reason], printHref, backLink: printHref }, 503);
      };
      if (!renderer.available) return cannot('unavailable');
      const page = await read(request, reply, kind, 'pdf');
      if (!page.ok) return page.sent;
      const html = await app.view(`print/${kind}.njk`, { ...page.locals, user: request.user, navigation: [], currentPath: printHref, pdfHref: null });
      const made = await renderer.render({ html, resources });
      if (!made.ok) {
        if (made.reason === 'failed' || made.reason === 'unavailable') request.log.error({ err: made.error }, 'PDF render failed');
        return cannot(made.reason);
      }
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${pdfFileName(kind, page.locals.p.c.name, page.locals.p.today)}"`)
        .send(made.pdf);
    });
  }
}
