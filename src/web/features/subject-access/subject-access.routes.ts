// Subject access pages (issue 21), for data protection officers: the requests with their due days
// (/subject-access), a new request (by NHS number, or by choosing among the people a search by name
// and date of birth finds), the draft review (/subject-access/:requestId: each item marked
// for redaction with a form to redact or disclose it with the reason, and a form for each other
// agency to record its agreement or refusal for all its items at once), the extension, the release and
// the released disclosure, printable and as a PDF. The administrator's page grants the duty
// (/admin/data-protection-officers). The use cases refuse, audited, anyone else; no JavaScript
// needed; a refused form comes back with the GOV.UK error summary and everything typed kept.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { recordAgencyAnswer } from '../../../application/subject-access/agency-answer.ts';
import { decideRedaction, viewDraft } from '../../../application/subject-access/draft.ts';
import { releaseDisclosure, viewReleased } from '../../../application/subject-access/release.ts';
import { createRequest, extendRequest, listRequests } from '../../../application/subject-access/requests.ts';
import { searchSubjects } from '../../../application/subject-access/subject-search.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { AGENCY_REASON_MAX } from '../../../domain/subject-access/agency-answer.ts';
import { DECISION_REASON_MAX } from '../../../domain/subject-access/apply-decisions.ts';
import { EXTENSION_REASON_MAX } from '../../../domain/subject-access/response-due.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import type { PdfRenderer } from '../../../infrastructure/pdf/pdf-renderer.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { printResources } from '../print/print.routes.ts';
import { dateInputValues } from '../../forms/date-input.ts';
import { withTypedCounts } from '../../forms/too-long.ts';
import { DATE_OF_BIRTH, dateFieldNames, isoDay, RECEIVED_ON, withDateProblems } from './request-dates.ts';
import { namedByChoice, presentDraft, presentRequests, presentSubjectSearch, SECTION_HEADINGS, type TypedAgencyAnswer, type TypedDecision } from './subject-access.presenter.ts';

type Values = Record<string, string>;
type Params = { Params: { requestId: string } };
type Problem = { field: string; message: string };

const SEARCH_FIELDS = ['name', ...dateFieldNames(DATE_OF_BIRTH), 'postcode'];

/** The form's fields exactly as typed, however long: a form given back must hold all of it (the domain refuses what is too long). */
function typed(body: unknown, fields: readonly string[]): Values {
  const given = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return Object.fromEntries(fields.map((field) => [field, typeof given[field] === 'string' ? given[field] : '']));
}

/** Each form's reason: its name in an error and the domain's limit ("... must be 2,000 characters or fewer: you have 2,001."). */
const REASON_LIMITS = {
  decision: { reason: { label: 'The reason', limit: DECISION_REASON_MAX } },
  agency: { reason: { label: 'What the agency said', limit: AGENCY_REASON_MAX } },
  extension: { reason: { label: 'The reason', limit: EXTENSION_REASON_MAX } },
} as const;

/** The error summary and the messages by field; `ids` maps a field to the id of its input on the page. */
function formErrors(problems: readonly Problem[], ids: Record<string, string> = {}) {
  return {
    errorList: problems.map((p) => ({ text: p.message, href: `#${ids[p.field] ?? p.field}` })),
    fieldErrors: Object.fromEntries(problems.map((p) => [p.field, { text: p.message }])),
  };
}

export async function subjectAccessRoutes(app: FastifyInstance, { renderer }: { renderer: PdfRenderer }): Promise<void> {
  const { ctx } = app;
  const resources = renderer.available ? printResources() : new Map();
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const today = () => serviceToday(ctx.clock.now());
  const refused = (reply: FastifyReply, code: string) => sendErrorPage(reply, code === 'not-found' ? 'not-found' : 'forbidden');

  app.get('/subject-access', { preHandler: requireUser }, async (request, reply) => {
    const result = await listRequests(ctx, actor(request));
    if (!result.ok) return refused(reply, result.code);
    return reply.page('subject-access/requests.njk', { title: 'Subject access requests', requests: presentRequests(result.value, today()) });
  });

  const newPage = (reply: FastifyReply, locals: object = {}, status = 200) =>
    reply.page('subject-access/new-request.njk', { title: 'Record a subject access request', values: {}, fieldErrors: {}, dateParts: {}, backLink: '/subject-access', ...locals }, status);
  /** The form's dates as shown before anything is typed: received today. */
  const receivedToday = () => dateInputValues(RECEIVED_ON.prefix, today());

  /**
   * The page after a search by name and date of birth: the search form as typed, and the matches to
   * choose from (or the search's problems). Null when the search was refused (not an officer).
   */
  async function searchedPage(request: FastifyRequest, reply: FastifyReply, values: Values, requestProblems: readonly Problem[] = []) {
    const result = await searchSubjects(ctx, actor(request), { name: values['name'] ?? '', dateOfBirth: isoDay(values, DATE_OF_BIRTH), postcode: values['postcode'] ?? '' });
    if (!result.ok && result.code !== 'invalid') return refused(reply, result.code);
    const searched = result.ok ? presentSubjectSearch(result.value, values['subject'] ?? '') : null;
    const { problems, dateParts } = withDateProblems([...(result.ok ? [] : result.problems), ...requestProblems], values);
    const ids = { subject: searched && searched.items.length > 0 ? 'subject' : 'name', nhsNumber: 'subject', personId: 'subject' };
    const shown = problems.map((p) => (p.field === 'nhsNumber' || p.field === 'personId' ? { ...p, field: 'subject' } : p));
    return newPage(reply, { values: { ...receivedToday(), ...values }, searched, ...formErrors(shown, ids), dateParts }, problems.length > 0 ? 422 : 200);
  }

  app.get('/subject-access/new', { preHandler: requireUser }, async (request, reply) => {
    // Only an officer reaches the form: the list's refusal is the audited one.
    const result = await listRequests(ctx, actor(request));
    if (!result.ok) return refused(reply, result.code);
    return newPage(reply, { values: receivedToday() });
  });

  app.post('/subject-access/new/search', { preHandler: requireUser }, async (request, reply) => searchedPage(request, reply, typed(request.body, SEARCH_FIELDS)));

  app.post('/subject-access/new', { preHandler: requireUser }, async (request, reply) => {
    const values = typed(request.body, ['nhsNumber', 'parentNhsNumber', ...dateFieldNames(RECEIVED_ON), 'subject', ...SEARCH_FIELDS]);
    const fromSearch = ['name', ...dateFieldNames(DATE_OF_BIRTH)].some((field) => values[field] !== '');
    const chosen = namedByChoice(values['subject']!);
    if (fromSearch && !chosen) return searchedPage(request, reply, values, [{ field: 'subject', message: 'Choose the person the request is about, or search again' }]);
    const result = await createRequest(ctx, actor(request), { ...(fromSearch ? chosen : { nhsNumber: values['nhsNumber'] }), parentNhsNumber: values['parentNhsNumber'], receivedOn: isoDay(values, RECEIVED_ON) });
    if (result.ok) {
      flashSuccess(request, `Request recorded: the answer is due by ${dayInWords(result.value.dueOn)}`);
      return reply.redirect(`/subject-access/${result.value.id}`, 303);
    }
    if (result.code !== 'invalid') return refused(reply, result.code);
    if (fromSearch) return searchedPage(request, reply, values, result.problems);
    const { problems, dateParts } = withDateProblems(result.problems.filter((p) => p.field !== 'personId'), values);
    return newPage(reply, { values, ...formErrors(problems), dateParts }, 422);
  });

  type TypedForm<T> = { values: T; problems: Problem[] } | null;

  async function draftPage(request: FastifyRequest<Params>, reply: FastifyReply, typedDecision: TypedForm<TypedDecision> = null, typedAgency: TypedForm<TypedAgencyAnswer> = null) {
    const result = await viewDraft(ctx, actor(request), request.params.requestId);
    if (!result.ok) return refused(reply, result.code);
    const d = presentDraft(
      result.value,
      today(),
      typedDecision ? { values: typedDecision.values, fieldErrors: formErrors(typedDecision.problems).fieldErrors } : null,
      typedAgency ? { values: typedAgency.values, fieldErrors: formErrors(typedAgency.problems).fieldErrors } : null,
    );
    const index = d.marked.find((item) => item.key === typedDecision?.values.itemKey)?.index ?? 0;
    const agencyIndex = String(d.agencies.find((agency) => agency.key === typedAgency?.values.agency)?.index ?? 0);
    const errors = typedDecision
      ? formErrors(typedDecision.problems, { decision: `decision-${String(index)}`, reason: `reason-${String(index)}`, itemKey: `item-${String(index)}` })
      : typedAgency
        ? formErrors(typedAgency.problems, { answer: `answer-${agencyIndex}`, reason: `agency-reason-${agencyIndex}`, agency: `agency-${agencyIndex}` })
        : {};
    return reply.page('subject-access/request.njk', { title: `Subject access request: ${d.request.subjectName}`, d, backLink: '/subject-access', ...errors }, typedDecision || typedAgency ? 422 : 200);
  }

  app.get<Params>('/subject-access/:requestId', { preHandler: requireUser }, async (request, reply) => draftPage(request, reply));

  app.post<Params>('/subject-access/:requestId/redactions', { preHandler: requireUser }, async (request, reply) => {
    const values = typed(request.body, ['itemKey', 'decision', 'reason']) as TypedDecision;
    const result = await decideRedaction(ctx, actor(request), request.params.requestId, values);
    if (result.ok) {
      flashSuccess(request, result.value.unreviewed === 0 ? 'Decision saved. Every redaction is reviewed: you can release the disclosure.' : `Decision saved. ${String(result.value.unreviewed)} still to review.`);
      return reply.redirect(`/subject-access/${request.params.requestId}`, 303);
    }
    if (result.code === 'invalid') return draftPage(request, reply, { values, problems: withTypedCounts(result.problems, values, REASON_LIMITS.decision) });
    if (result.code === 'conflict') {
      flashSuccess(request, result.message);
      return reply.redirect(`/subject-access/${request.params.requestId}`, 303);
    }
    return refused(reply, result.code);
  });

  app.post<Params>('/subject-access/:requestId/agency-answers', { preHandler: requireUser }, async (request, reply) => {
    const values = typed(request.body, ['agency', 'answer', 'reason']) as TypedAgencyAnswer;
    const result = await recordAgencyAnswer(ctx, actor(request), request.params.requestId, values);
    if (result.ok) {
      const { agencyName, answer, decided, left } = result.value;
      const still = left === 0 ? '' : ` ${String(left)} of its items ${left === 1 ? 'is' : 'are'} marked for another reason too: decide ${left === 1 ? 'it' : 'them'} below.`;
      flashSuccess(request, `${agencyName} ${answer === 'agreed' ? 'agreed' : 'refused'}: ${String(decided)} ${decided === 1 ? 'item' : 'items'} ${answer === 'agreed' ? 'disclosed' : 'redacted'}.${still}`);
      return reply.redirect(`/subject-access/${request.params.requestId}`, 303);
    }
    if (result.code === 'invalid') return draftPage(request, reply, null, { values, problems: withTypedCounts(result.problems, values, REASON_LIMITS.agency) });
    if (result.code === 'conflict') {
      flashSuccess(request, result.message);
      return reply.redirect(`/subject-access/${request.params.requestId}`, 303);
    }
    return refused(reply, result.code);
  });

  const extensionPage = (reply: FastifyReply, requestId: string, locals: object = {}, status = 200) =>
    reply.page('subject-access/extension.njk', { title: 'Extend the time to answer', requestId, values: {}, fieldErrors: {}, backLink: `/subject-access/${requestId}`, ...locals }, status);

  app.get<Params>('/subject-access/:requestId/extension', { preHandler: requireUser }, async (request, reply) => {
    const result = await viewDraft(ctx, actor(request), request.params.requestId);
    if (!result.ok) return refused(reply, result.code);
    return extensionPage(reply, request.params.requestId);
  });

  app.post<Params>('/subject-access/:requestId/extension', { preHandler: requireUser }, async (request, reply) => {
    const values = typed(request.body, ['reason']);
    const result = await extendRequest(ctx, actor(request), request.params.requestId, values['reason']!);
    if (result.ok) {
      flashSuccess(request, `Extended: the answer is now due by ${dayInWords(result.value.dueOn)}. Tell the person asking why, within the first month.`);
      return reply.redirect(`/subject-access/${request.params.requestId}`, 303);
    }
    if (result.code === 'invalid') return extensionPage(reply, request.params.requestId, { values, ...formErrors(withTypedCounts(result.problems, values, REASON_LIMITS.extension)) }, 422);
    if (result.code === 'conflict') return extensionPage(reply, request.params.requestId, { values, ...formErrors([{ field: 'reason', message: result.message }]) }, 409);
    return refused(reply, result.code);
  });

  const releasePage = async (request: FastifyRequest<Params>, reply: FastifyReply, locals: object = {}, status = 200) => {
    const result = await viewDraft(ctx, actor(request), request.params.requestId);
    if (!result.ok) return refused(reply, result.code);
    const d = presentDraft(result.value, today());
    return reply.page('subject-access/release.njk', { title: 'Release the disclosure', d, backLink: `/subject-access/${request.params.requestId}`, ...locals }, status);
  };

  app.get<Params>('/subject-access/:requestId/release', { preHandler: requireUser }, async (request, reply) => releasePage(request, reply));

  app.post<Params>('/subject-access/:requestId/release', { preHandler: requireUser }, async (request, reply) => {
    const result = await releaseDisclosure(ctx, actor(request), request.params.requestId);
    if (result.ok) {
      flashSuccess(request, `Disclosure released: ${String(result.value.withheld)} of ${String(result.value.items)} items redacted. Download it below.`);
      return reply.redirect(`/subject-access/${request.params.requestId}`, 303);
    }
    if (result.code === 'unreviewed' || result.code === 'conflict') return releasePage(request, reply, { errorList: [{ text: result.message, href: '#release' }] }, result.code === 'unreviewed' ? 422 : 409);
    return refused(reply, result.code);
  });

  async function disclosure(request: FastifyRequest<Params>, reply: FastifyReply) {
    const result = await viewReleased(ctx, actor(request), request.params.requestId);
    if (!result.ok) {
      await refused(reply, result.code);
      return null;
    }
    const r = result.value;
    const sections = Object.entries(SECTION_HEADINGS).map(([section, heading]) => ({ heading, items: r.items.filter((item) => item.section === section) })).filter((group) => group.items.length > 0);
    return { title: `Your information: ${r.subjectName}`, r, sections, marking: 'OFFICIAL-SENSITIVE', bodyClasses: 'app-case-print', backLink: `/subject-access/${request.params.requestId}` };
  }

  app.get<Params>('/subject-access/:requestId/disclosure', { preHandler: requireUser }, async (request, reply) => {
    const locals = await disclosure(request, reply);
    if (!locals) return reply;
    return reply.page('subject-access/disclosure.njk', { ...locals, pdfHref: renderer.available ? `/subject-access/${request.params.requestId}/disclosure.pdf` : null });
  });

  app.get<Params>('/subject-access/:requestId/disclosure.pdf', { preHandler: requireUser }, async (request, reply) => {
    const printHref = `/subject-access/${request.params.requestId}/disclosure`;
    const cannot = (reason: string) => reply.page('print/pdf-unavailable.njk', { title: 'Print to PDF from your browser', reason, printHref, backLink: printHref }, 503);
    if (!renderer.available) return cannot('This service cannot make PDFs here: no browser is installed on its server to make them.');
    const locals = await disclosure(request, reply);
    if (!locals) return reply;
    const html = await app.view('subject-access/disclosure.njk', { ...locals, user: request.user, navigation: [], currentPath: printHref, pdfHref: null });
    const made = await renderer.render({ html, resources });
    if (!made.ok) {
      if (made.reason === 'failed' || made.reason === 'unavailable') request.log.error({ err: made.error }, 'PDF render failed');
      return cannot('The PDF could not be made just now. Try again in a minute.');
    }
    return reply.type('application/pdf').header('Content-Disposition', `attachment; filename="subject-access-${request.params.requestId.slice(0, 8)}.pdf"`).send(made.pdf);
  });
}
