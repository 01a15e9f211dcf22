// Recording a contact or home visit: one form that asks what the reviews say gets missed, saved as
// chronology entries and profile evidence in one step, then a confirmation of what was added.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { viewCase, type CaseView } from '../../../application/cases/view-case.ts';
import { recordContact } from '../../../application/chronology/record-contact.ts';
import { answersAtContact, dueChecksForVisitor } from '../../../application/plan/visitor-checks.ts';
import { contactProblems, type ContactProblems } from '../../../application/chronology/contact-problems.ts';
import type { CheckItem } from '../../../domain/plan/plan.types.ts';
import { viewContact } from '../../../application/chronology/view-contact.ts';
import { infantDisplayName } from '../../../domain/people/infant-name.ts';
import { schemaPass } from '../../forms/all-errors.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { keptText } from '../../plugins/kept-forms.ts';
import { kindItems, planCheckItems, presentItems, presentRecorded } from './contact.presenter.ts';
import { answersFrom, contactErrors, contactForm, PLAN_CHECKS_ANCHOR, planChecksFrom, presentFrom, readContactDate, type ContactValues } from './contact.schema.ts';

type CaseParams = { Params: { caseId: string } };
type ContactParams = { Params: { caseId: string; entryId: string } };

export async function contactRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  /** The case, if the user may change it; otherwise the error page has been sent. */
  async function changeableCase(request: FastifyRequest<CaseParams>, reply: FastifyReply): Promise<CaseView | null> {
    const result = await viewCase(ctx, actor(request), request.params.caseId, { action: 'chronology.contact', need: 'change' });
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  /** The form, with the plan's check items due for this visitor (none without a plan). */
  const formPage = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, view: CaseView, locals: { values: ContactValues; present: string[]; [key: string]: unknown }, status = 200) => {
    const due: CheckItem[] = await dueChecksForVisitor(ctx, actor(request), view.record.id);
    return reply.page(
      'contacts/contact.njk',
      {
        title: 'Record a contact or home visit',
        caseName: infantDisplayName(view.record),
        born: view.record.status === 'born',
        action: `/cases/${view.record.id}/contacts/new`,
        kindItems,
        presentItems: presentItems(view.people),
        fieldErrors: {},
        dateParts: {},
        backLink: `/cases/${view.record.id}`,
        planChecks: planCheckItems(due),
        planChecksAnchor: PLAN_CHECKS_ANCHOR,
        ...locals,
      },
      status,
    );
  };

  app.get<CaseParams>('/cases/:caseId/contacts/new', { preHandler: requireUser }, async (request, reply) => {
    const view = await changeableCase(request, reply);
    if (!view) return reply;
    const kept = request.keptForm;
    return formPage(request, reply, view, kept ? { values: { ...keptText(kept), ...planChecksFrom(kept).values }, present: presentFrom(kept) } : { values: {}, present: [] });
  });

  app.post<CaseParams>('/cases/:caseId/contacts/new', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { caseId } = request.params;
    const saved = (entryId: string) => {
      flashSuccess(request, 'Contact saved');
      return reply.redirect(`/cases/${caseId}/contacts/${entryId}`, 303);
    };
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return saved(submission.recordedBefore);
    const present = presentFrom(request.body);
    const typed = planChecksFrom(request.body);
    // Every error at once (web/forms/all-errors.ts): a field too long, the date as typed, the domain's
    // problems and the plan's checks', whichever of them there are.
    const form = schemaPass(contactForm, request.body);
    const date = readContactDate(form.values);
    // A call cannot check an item that needs the baby or the home seen and find no concern (refused);
    // one it left unanswered is recorded as not checked, with the reason. A concern stays a concern.
    const kind = form.values['kind'] ?? '';
    const checks = { ...typed, answers: await answersAtContact(ctx, actor(request), caseId, kind, typed.answers) };
    // A date that cannot be read goes as none: the domain then reports every other problem with it.
    const answers = { ...answersFrom(form.values, present, date.ok ? (date.iso ?? '') : ''), planChecks: checks.answers };
    const refused = async (problems: ContactProblems) => {
      const view = await changeableCase(request, reply);
      if (!view) return reply;
      const texts = new Map(problems.due.map((item) => [item.id, item.text]));
      const errors = contactErrors(form.errors, problems.problems, date, { problems: problems.planCheckProblems, answers: checks.answers, texts });
      return formPage(request, reply, view, { ...errors, values: { ...form.values, ...checks.values }, present }, 400);
    };
    // Refused before anything is recorded: the answers are still checked as recording them would, so
    // every problem shows now with the fields', not only once the fields are put right.
    if (form.errors.errorList.length > 0) return refused(await contactProblems(ctx, actor(request), caseId, answers));
    const result = await recordContact(ctx, actor(request), caseId, answers, submission.id);
    if (!result.ok) {
      if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
      return refused({ problems: result.problems, planCheckProblems: result.planCheckProblems, due: await dueChecksForVisitor(ctx, actor(request), caseId) });
    }
    return saved(result.entries[0]!.id);
  });

  app.get<ContactParams>('/cases/:caseId/contacts/:entryId', { preHandler: requireUser }, async (request, reply) => {
    const { caseId, entryId } = request.params;
    const result = await viewContact(ctx, actor(request), caseId, entryId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    return reply.page('contacts/contact-recorded.njk', {
      title: 'Contact recorded',
      r: presentRecorded(caseId, result.value),
      backLink: `/cases/${caseId}`,
    });
  });
}
