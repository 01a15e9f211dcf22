// The consent page under the case (/cases/:caseId/consent): when the GP was last told, the consents
// sought (given, refused, withdrawn) and information shared without consent, and four small forms,
// each posting to its own address: a consent sought, a withdrawal, sharing without consent, the GP
// told. No JavaScript needed; an error re-renders the page with the GOV.UK error summary linking to
// the field, and everything typed in that form kept. Each form's address also answers a GET with the
// page: a form posted after the session ended (or with an expired token) comes back there, filled as
// typed, after signing in again (web/plugins/kept-forms.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { recordConsent } from '../../../application/consent/record-consent.ts';
import { recordGpTold } from '../../../application/consent/record-gp-told.ts';
import { viewConsent, type ConsentView } from '../../../application/consent/view-consent.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { CONSENT_FORMS, draftFrom, gpDraftFrom, pageErrors, readForm, type ConsentForm, type FormValues } from './consent.form.ts';
import { formChoices, presentConsent } from './consent.presenter.ts';

type CaseRequest = FastifyRequest<{ Params: { caseId: string } }>;

const SAVED: Record<ConsentForm, string> = {
  consent: 'The consent is recorded.',
  withdrawal: 'The withdrawal of consent is recorded.',
  sharing: 'The information shared without consent is recorded.',
  'gp-told': 'That the GP was told is recorded in the chronology.',
};

export async function consentRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  async function load(request: CaseRequest, reply: FastifyReply, forChange: ConsentForm | null): Promise<ConsentView | null> {
    const intent = forChange ? { action: forChange === 'sharing' ? 'information-sharing.record' : forChange === 'gp-told' ? 'chronology.record' : 'consent.record', need: 'change' as const } : undefined;
    const result = await viewConsent(ctx, actor(request), request.params.caseId, intent);
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  function page(reply: FastifyReply, view: ConsentView, locals: { form?: ConsentForm; values?: FormValues } & object = {}, status = 200) {
    const values = locals.values ?? {};
    return reply.page(
      'consent/consent.njk',
      { title: 'Consent and information sharing', p: presentConsent(view), choices: formChoices(view, values), values, fieldErrors: {}, dateParts: {}, backLink: `/cases/${view.caseId}`, ...locals },
      status,
    );
  }

  app.get<{ Params: { caseId: string } }>('/cases/:caseId/consent', { preHandler: requireUser }, async (request, reply) => {
    const view = await load(request, reply, null);
    if (!view) return reply;
    return page(reply, view);
  });

  for (const form of CONSENT_FORMS) {
    app.get<{ Params: { caseId: string } }>(`/cases/:caseId/consent/${form}`, { preHandler: requireUser }, async (request, reply) => {
      const view = await load(request, reply, form);
      if (!view) return reply;
      return page(reply, view, request.keptForm ? { form, values: readForm(form, request.keptForm) } : {});
    });
  }

  /** Back to the page, with the banner saying what was recorded (shown once). */
  function saved(request: CaseRequest, reply: FastifyReply, form: ConsentForm) {
    flashSuccess(request, SAVED[form], 'consent-saved');
    return reply.redirect(`/cases/${request.params.caseId}/consent`, 303);
  }

  for (const form of ['consent', 'withdrawal', 'sharing'] as const) {
    app.post<{ Params: { caseId: string } }>(`/cases/:caseId/consent/${form}`, { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
      const submission = await formSubmission(request, request.params.caseId);
      if (submission.recordedBefore) return saved(request, reply, form);
      const values = readForm(form, request.body);
      const result = await recordConsent(ctx, actor(request), request.params.caseId, draftFrom(form, values), submission.id);
      if (result.ok) return saved(request, reply, form);
      if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
      const view = await load(request, reply, form);
      return view ? page(reply, view, { form, values, ...pageErrors(form, result.problems, values) }, 400) : reply;
    });
  }

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/consent/gp-told', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return saved(request, reply, 'gp-told');
    const values = readForm('gp-told', request.body);
    const result = await recordGpTold(ctx, actor(request), request.params.caseId, gpDraftFrom(values), submission.id);
    if (result.ok) return saved(request, reply, 'gp-told');
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
    const view = await load(request, reply, 'gp-told');
    return view ? page(reply, view, { form: 'gp-told', values, ...pageErrors('gp-told', result.problems, values) }, 400) : reply;
  });
}
