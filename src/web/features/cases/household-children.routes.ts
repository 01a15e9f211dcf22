// Who the other children living with the baby are: all recorded among the people on the record, or
// none (docs/domain.md, "Another child under two at home"). Until someone answers, an empty list of
// people does not exclude the factor. Posted twice, it records once (ADR 0026).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { loadHouseholdChildren, recordHouseholdChildren, type HouseholdChildrenView } from '../../../application/people/household-children.ts';
import { EVIDENCE_SOURCES, EVIDENCE_SOURCE_IDS } from '../../../domain/catalogue/evidence-sources.ts';
import { GIVEN_BY_MAX, HOUSEHOLD_CHILDREN_ANSWERS, HOUSEHOLD_CHILDREN_ANSWER_IDS } from '../../../domain/people/household-children.ts';
import { isChildRelationship, personDisplayName } from '../../../domain/people/relationships.ts';
import { infantDisplayName } from '../../../domain/people/infant-name.ts';
import { choiceItems, oneOf } from '../../forms/choices.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { validateForm, type FormSpec } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';

type CaseParams = { Params: { caseId: string } };

const householdChildrenSchema = Type.Object({
  answer: oneOf(HOUSEHOLD_CHILDREN_ANSWER_IDS),
  source: oneOf(EVIDENCE_SOURCE_IDS),
  givenBy: Type.Optional(Type.String({ maxLength: GIVEN_BY_MAX })),
});

const householdChildrenForm: FormSpec<typeof householdChildrenSchema> = {
  schema: householdChildrenSchema,
  messages: {
    answer: { default: 'Select who the other children living with the baby are' },
    source: { default: 'Select how this is known' },
    givenBy: { default: `Who said so must be ${GIVEN_BY_MAX} characters or fewer` },
  },
};

const answerItems = choiceItems(HOUSEHOLD_CHILDREN_ANSWERS);
const sourceItems = EVIDENCE_SOURCE_IDS.map((value) => ({ value, text: EVIDENCE_SOURCES[value].label }));

export async function householdChildrenRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  const page = (reply: FastifyReply, { view, current }: HouseholdChildrenView, locals: object = {}, status = 200) => {
    const children = view.people.filter((p) => isChildRelationship(p.relationshipToInfant) && p.livesInHousehold).map((p) => personDisplayName(p));
    const values = current ? { answer: current.answer, source: current.source, givenBy: current.givenBy ?? '' } : {};
    return reply.page(
      'cases/household-children.njk',
      {
        title: 'Other children who live with the baby',
        caseId: view.record.id,
        caseName: infantDisplayName(view.record),
        children,
        current: current ? { answer: HOUSEHOLD_CHILDREN_ANSWERS[current.answer], source: EVIDENCE_SOURCES[current.source].label, givenBy: current.givenBy, recordedBy: current.recordedBy, agency: current.agency, recordedOn: current.recordedAt.slice(0, 10) } : null,
        answerItems,
        sourceItems,
        values,
        backLink: `/cases/${view.record.id}#people`,
        ...locals,
      },
      status,
    );
  };

  app.get<CaseParams>('/cases/:caseId/household-children', { preHandler: requireUser }, async (request, reply) => {
    const result = await loadHouseholdChildren(ctx, actor(request), request.params.caseId);
    if (!result.ok) return sendErrorPage(reply, result.code);
    return page(reply, result.value);
  });

  app.post<CaseParams>('/cases/:caseId/household-children', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const saved = () => {
      flashSuccess(request, 'Other children at home recorded');
      return reply.redirect(`/cases/${request.params.caseId}/profile`, 303);
    };
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return saved();
    const form = validateForm(householdChildrenForm, request.body);
    // The use case checks the answer again and audits a refusal of its content (or of the caller) once.
    const input = form.ok ? form.value : { answer: form.values['answer'], source: form.values['source'], givenBy: form.values['givenBy'] };
    const result = await recordHouseholdChildren(ctx, actor(request), request.params.caseId, input, submission.id);
    if (!result.ok && result.code !== 'invalid') return sendErrorPage(reply, result.code);
    if (!result.ok) {
      const loaded = await loadHouseholdChildren(ctx, actor(request), request.params.caseId);
      if (!loaded.ok) return sendErrorPage(reply, loaded.code);
      return page(reply, loaded.value, form.ok ? {} : form, 400);
    }
    return saved();
  });
}
