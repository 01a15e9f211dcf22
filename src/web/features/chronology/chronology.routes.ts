// The chronology pages: the list with its filters, the CSV file and the printable page (both with
// the same filters and order), and an entry's own page and the forms that add and correct entries
// (entry.routes.ts). All three list the entries newest first, so what happened last is what is seen
// first; the user can turn the order round (`?order=oldest`), as a chronology for a conference or a
// review reads, so a pattern reads as it built up. The list is a compact table, 50 entries a page,
// each opening to the whole entry.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { readChronology } from '../../../application/chronology/read-chronology.ts';
import { formatDateTime } from '../../views/london-time.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import { severityTag } from '../../views/severity.ts';
import { inOrder, pageOf, paginationLinks } from './chronology-pages.ts';
import { chronologyCsv, csvFileName, printRows, PROTECTIVE_MARKING } from './chronology-export.ts';
import { listQuery, readFilters, readOrder } from './chronology-filters.ts';
import { describeFilters, filterChoices, presentEntries, presentRows } from './chronology.presenter.ts';
import { entryRoutes } from './entry.routes.ts';
import { KeptEntryRows } from './kept-entry-rows.ts';
import { KeptFilterForms } from './kept-filter-forms.ts';
import { disputeRoutes } from './dispute.routes.ts';

type CaseParams = { Params: { caseId: string } };

export async function chronologyRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const keptRows = new KeptEntryRows();
  const keptForms = new KeptFilterForms();

  app.get<CaseParams>('/cases/:caseId/chronology', { preHandler: requireUser }, async (request, reply) => {
    const { caseId } = request.params;
    const asked = (request.query as Record<string, unknown>)['page'];
    // Dates that cannot be used are shown as errors; the other filters still apply meanwhile.
    const reading = readFilters(request.query);
    const order = readOrder(request.query);
    const result = await readChronology(ctx, actor(request), caseId, { filters: reading.filters });
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { all, agencies, kinds, entries, people, caseName, canChange, patterns } = result.value;
    const shown = pageOf(inOrder(entries, order), asked);
    const list = `/cases/${caseId}/chronology`;
    const hrefFor = (page: number) => `${list}${listQuery(reading.values, order, page)}#entries`;
    const flipped = order === 'newest' ? 'oldest' : 'newest';
    // An entry's page leads back to this page of the list, with its filters and order.
    const entryQuery = listQuery(reading.values, order, shown.page);
    const entryRows = await keptRows.rows(all, `${list}${entryQuery}`, () =>
      app.view('chronology/entry-rows.njk', { entries: presentRows(shown.items), caseId, entryQuery }),
    );
    const filtered = Object.keys(reading.values).length > 0;
    const errors = reading.ok ? {} : { errorList: reading.errorList, fieldErrors: reading.fieldErrors, dateParts: reading.dateParts };
    // The form depends on the list's query, its people and the listed chronology alone: kept for them.
    const filterForm = await keptForms.form(all, `${list}${listQuery(reading.values, order)}`, people, () =>
      app.view('chronology/filter-form.njk', { caseId, ...filterChoices({ agencies, kinds }, people), values: reading.values, order, filtered, clearQuery: listQuery({}, order), ...errors }),
    );
    return reply.page(
      'chronology/chronology.njk',
      {
        // Titled with the baby's name, as the timeline is: the tab and a screen reader say whose chronology.
        title: `Chronology: ${caseName}`,
        caseId,
        caseName,
        canChange,
        patterns: patterns.map((pattern) => ({ ...pattern, tag: severityTag(pattern.severity) })),
        filterForm,
        order,
        orderLink: { href: `${list}${listQuery(reading.values, flipped)}#entries`, text: `Show ${flipped} first` },
        entryRows,
        matching: entries.length,
        shown: { first: shown.first, last: shown.last, count: shown.items.length },
        pagination: paginationLinks(shown.page, shown.pages, hrefFor),
        total: all.length,
        filtered,
        exportQuery: listQuery(reading.values, order),
        clearQuery: listQuery({}, order),
        ...(reading.ok ? {} : { errorList: reading.errorList }),
        backLink: `/cases/${caseId}`,
      },
      reading.ok ? 200 : 400,
    );
  });

  app.get<CaseParams>('/cases/:caseId/chronology.csv', { preHandler: requireUser }, async (request, reply) => {
    const reading = readFilters(request.query);
    if (!reading.ok) return sendErrorPage(reply, 'bad-request');
    const result = await readChronology(ctx, actor(request), request.params.caseId, { filters: reading.filters, exportAs: 'csv' });
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { all, entries, people, caseName } = result.value;
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${csvFileName(caseName, serviceToday(ctx.clock.now()))}"`)
      .send(chronologyCsv(presentEntries(inOrder(entries, readOrder(request.query)), all, people)));
  });

  app.get<CaseParams>('/cases/:caseId/chronology/print', { preHandler: requireUser }, async (request, reply) => {
    const { caseId } = request.params;
    const reading = readFilters(request.query);
    if (!reading.ok) return sendErrorPage(reply, 'bad-request');
    const result = await readChronology(ctx, actor(request), caseId, { filters: reading.filters, exportAs: 'print' });
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { all, entries, people, caseName } = result.value;
    const order = readOrder(request.query);
    return reply.page('chronology/print.njk', {
      title: `Chronology for ${caseName}`,
      caseName,
      order,
      rows: printRows(presentEntries(inOrder(entries, order), all, people)),
      total: all.length,
      filters: describeFilters(reading.filters, people),
      marking: PROTECTIVE_MARKING,
      printed: `Printed by ${request.user!.name} on ${formatDateTime(ctx.clock.now())}: ${PROTECTIVE_MARKING}`,
      bodyClasses: 'app-print-page',
      backLink: `/cases/${caseId}/chronology${listQuery(reading.values, order)}`,
    });
  });

  await entryRoutes(app);
  await disputeRoutes(app);
}
