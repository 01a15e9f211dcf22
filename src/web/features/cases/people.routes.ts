// Adding and changing the people around the baby, and the relationships between them. The person's
// forms are kept when posted too late (kept-forms.ts), never with a restricted address.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { viewCase, type CaseView } from '../../../application/cases/view-case.ts';
import { addPerson, addRelationship, updatePerson, type SavePersonResult } from '../../../application/people/save-person.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { infantDisplayName } from '../../../domain/people/infant-name.ts';
import { personDisplayName, RELATIONSHIPS_TO_INFANT } from '../../../domain/people/relationships.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors, validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { addressNotKept, keptValues } from './case-details.kept-address.ts';
import { checkPersonForm, PERSON_PROBLEM_MESSAGES, toFormValues } from './person.schema.ts';
import { KIND_ITEMS, relationshipForm } from './relationship.schema.ts';
import { SEX_ITEMS } from '../find-record/find-record.schema.ts';

type CaseParams = { Params: { caseId: string } };
type PersonParams = { Params: { caseId: string; personId: string } };

const relationshipItems = Object.entries(RELATIONSHIPS_TO_INFANT).map(([value, text]) => ({ value, text }));

export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  /** The case, if the user may change it (a refusal audited under the form's action); otherwise the error page has been sent. */
  async function changeableCase(request: FastifyRequest<CaseParams>, reply: FastifyReply, action: 'person.add' | 'person.update' | 'relationship.add'): Promise<CaseView | null> {
    const result = await viewCase(ctx, actor(request), request.params.caseId, { action, need: 'change' });
    if (!result.ok) {
      await sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
      return null;
    }
    return result.value;
  }

  const personPage = (reply: FastifyReply, view: CaseView, locals: { action: string; heading: string; [key: string]: unknown }, status = 200) =>
    reply.page(
      'cases/person.njk',
      {
        title: locals.heading,
        caseName: infantDisplayName(view.record),
        canSeeRestricted: view.access.canSeeRestricted,
        relationshipItems,
        sexItems: SEX_ITEMS,
        values: { identityKnown: 'yes' },
        backLink: `/cases/${view.record.id}`,
        ...locals,
      },
      status,
    );

  /** Re-renders the form for any refusal that is the user's to fix; sends error pages for the rest. */
  async function answerRefusal(reply: FastifyReply, view: CaseView, result: Exclude<SavePersonResult, { ok: true }>, values: Record<string, string>, locals: { action: string; heading: string }) {
    if (result.code === 'version-conflict') {
      // Keep what the user typed; show what the other person saved; the next save is deliberate.
      return personPage(reply, view, { ...locals, values: { ...values, version: String(result.current.version) }, conflict: { message: result.message, current: toFormValues(result.current) } }, 409);
    }
    if (result.code !== 'invalid') return sendErrorPage(reply, result.code);
    const problems = Object.values(result.problems).filter((problem) => problem !== undefined);
    const errors = Object.fromEntries(problems.map((problem) => [PERSON_PROBLEM_MESSAGES[problem].field, PERSON_PROBLEM_MESSAGES[problem].text]));
    // Someone already on the record: a link to change their details instead (already-on-record.ts).
    const existing = result.existingPersonId ? view.people.find((p) => p.id === result.existingPersonId) : undefined;
    const alreadyOnRecord = existing ? { name: personDisplayName(existing), href: `/cases/${view.record.id}/people/${existing.id}` } : undefined;
    return personPage(reply, view, { ...locals, ...formErrors(errors), values, alreadyOnRecord }, 400);
  }

  app.get<CaseParams>('/cases/:caseId/people/new', { preHandler: requireUser }, async (request, reply) => {
    const view = await changeableCase(request, reply, 'person.add');
    if (!view) return reply;
    const kept = request.keptForm;
    const typed = kept ? { values: keptValues(kept, {}), addressNotKept: addressNotKept(kept, {}) } : {};
    return personPage(reply, view, { action: `/cases/${view.record.id}/people/new`, heading: 'Add a person around the baby', ...typed });
  });

  app.post<CaseParams>('/cases/:caseId/people/new', { preHandler: requireUser, errorHandler: sendAgainWhenRaced, config: { keptAddressOf: 'person' } }, async (request, reply) => {
    const added = (personId: string) => {
      flashSuccess(request, 'Person added to the record');
      return reply.redirect(`/cases/${request.params.caseId}#person-${personId}`, 303);
    };
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return added(submission.recordedBefore);
    const view = await changeableCase(request, reply, 'person.add');
    if (!view) return reply;
    const locals = { action: `/cases/${view.record.id}/people/new`, heading: 'Add a person around the baby' };
    // Every error at once: the form's, its date's and the domain's rules (web/forms/all-errors.ts).
    const form = checkPersonForm(request.body, serviceToday(ctx.clock.now()));
    if (!form.ok) return personPage(reply, view, { ...locals, ...form }, 400);
    const result = await addPerson(ctx, actor(request), view.record.id, form.details, submission.id);
    if (!result.ok) return answerRefusal(reply, view, result, form.form, locals);
    return added(result.personId);
  });

  app.get<PersonParams>('/cases/:caseId/people/:personId', { preHandler: requireUser }, async (request, reply) => {
    const view = await changeableCase(request, reply, 'person.update');
    if (!view) return reply;
    const person = view.people.find((p) => p.id === request.params.personId);
    if (!person) return sendErrorPage(reply, 'not-found');
    const saved = toFormValues({ ...person, sex: person.sex as 'female' | 'male' | 'unknown' | null });
    const kept = request.keptForm;
    return personPage(reply, view, {
      action: `/cases/${view.record.id}/people/${person.id}`,
      heading: `Change details of ${personDisplayName(person)}`,
      // What was typed (with the version it was typed against) after a form was kept; else what is saved.
      values: kept ? keptValues(kept, saved) : saved,
      addressNotKept: addressNotKept(kept, saved),
      withdrawalLink: `/cases/${view.record.id}/people/${person.id}/withdrawal`,
    });
  });

  app.post<PersonParams>('/cases/:caseId/people/:personId', { preHandler: requireUser, config: { keptAddressOf: 'person' } }, async (request, reply) => {
    const view = await changeableCase(request, reply, 'person.update');
    if (!view) return reply;
    const person = view.people.find((p) => p.id === request.params.personId);
    if (!person) return sendErrorPage(reply, 'not-found');
    const locals = { action: `/cases/${view.record.id}/people/${person.id}`, heading: `Change details of ${personDisplayName(person)}` };
    const form = checkPersonForm(request.body, serviceToday(ctx.clock.now()));
    if (!form.ok) return personPage(reply, view, { ...locals, ...form }, 400);
    const result = await updatePerson(ctx, actor(request), view.record.id, person.id, form.details, Number(form.form.version ?? '0'));
    if (!result.ok) return answerRefusal(reply, view, result, form.form, locals);
    flashSuccess(request, 'Person’s details saved');
    return reply.redirect(`/cases/${view.record.id}#person-${person.id}`, 303);
  });

  const relationshipPage = (reply: FastifyReply, view: CaseView, locals: object, status = 200) => {
    const peopleItems = [{ value: '', text: 'Choose a person' }, ...view.people.map((p) => ({ value: p.id, text: personDisplayName(p) }))];
    return reply.page('cases/relationship.njk', { title: 'Record a relationship', caseId: view.record.id, caseName: infantDisplayName(view.record), peopleItems, kindItems: KIND_ITEMS, values: {}, backLink: `/cases/${view.record.id}`, ...locals }, status);
  };

  app.get<CaseParams>('/cases/:caseId/relationships/new', { preHandler: requireUser }, async (request, reply) => {
    const view = await changeableCase(request, reply, 'relationship.add');
    if (!view) return reply;
    return relationshipPage(reply, view, {});
  });

  app.post<CaseParams>('/cases/:caseId/relationships/new', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const recorded = () => {
      flashSuccess(request, 'Relationship recorded');
      return reply.redirect(`/cases/${request.params.caseId}#people`, 303);
    };
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return recorded();
    const view = await changeableCase(request, reply, 'relationship.add');
    if (!view) return reply;
    const form = validateForm(relationshipForm, request.body);
    if (!form.ok) return relationshipPage(reply, view, form, 400);
    const result = await addRelationship(ctx, actor(request), view.record.id, form.value, submission.id);
    if (!result.ok) {
      if (result.code === 'invalid') return relationshipPage(reply, view, { ...formErrors({ otherPersonId: result.message }), values: form.value }, 400);
      return sendErrorPage(reply, result.code === 'not-found' ? 'not-found' : 'forbidden');
    }
    return recorded();
  });
}
