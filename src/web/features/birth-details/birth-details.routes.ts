// Correcting a born baby's birth details (docs/domain.md, "Recording the birth"): the page shows the
// details as the record holds them, asks for the corrected ones and why, and hands them to the use
// case (correct-birth-details.ts), which checks access, changes the record through changeCase and
// audits; once saved, the record says what changed in a success banner. Every problem comes back at once with what was typed; a refusal is audited by the use case.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { correctBirthDetails, loadBornRecord, type BornRecord } from '../../../application/cases/correct-birth-details.ts';
import type { CaseHit } from '../../../application/cases/search-cases.ts';
import { gestationAtBirthInWords } from '../../../domain/people/birth-details.ts';
import { formatNhsNumber } from '../../../domain/people/nhs-number.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { SEX_ITEMS } from '../find-record/find-record.schema.ts';
import { correctionInWords } from './correction-banner.ts';
import { orderedErrors, problemErrors, readCorrectionForm, valuesOf, type FormProblems, type Values } from './birth-details.form.ts';

type CaseParams = { Params: { caseId: string } };

/** What the page shows besides the record: what was typed, errors, a conflict, the version read (kept as posted after an error). */
type PageLocals = { values: Values; version?: number | string; conflict?: boolean; matches?: CaseHit[] } & Partial<FormProblems>;

const NO_ERRORS: FormProblems = { errorList: [], fieldErrors: {}, dateParts: {} };
const SEX_LABELS = Object.fromEntries(SEX_ITEMS.map((item) => [item.value, item.text]));

function actor(request: FastifyRequest) {
  return actorFor(request.user!, 'web', request.ip);
}

export async function birthDetailsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const guard = { preHandler: requireUser };

  const page = (reply: FastifyReply, record: BornRecord, locals: PageLocals, status = 200) =>
    reply.page(
      'birth-details/birth-details.njk',
      {
        title: `Correct the birth details: ${record.name}`,
        backLink: `/cases/${record.id}`,
        ...NO_ERRORS,
        sexItems: SEX_ITEMS,
        sexLabels: SEX_LABELS,
        record,
        nhsNumberText: record.details.nhsNumber ? formatNhsNumber(record.details.nhsNumber) : null,
        gestationText: gestationAtBirthInWords(record.details.gestationAtBirthWeeks, record.details.gestationAtBirthDays),
        version: record.version,
        ...locals,
        matches: locals.matches?.map((hit) => (hit.restricted || !hit.nhsNumber ? hit : { ...hit, nhsNumberText: formatNhsNumber(hit.nhsNumber) })),
      },
      status,
    );

  /** The record as it is now, or the answer that says why the page cannot be shown. */
  async function load(request: FastifyRequest<CaseParams>, reply: FastifyReply) {
    const loaded = await loadBornRecord(ctx, actor(request), request.params.caseId);
    if (loaded.ok) return loaded.value;
    if (loaded.code === 'not-found') await sendErrorPage(reply, 'not-found');
    else if (loaded.code === 'forbidden') await sendErrorPage(reply, 'forbidden');
    // Not born yet: the birth is recorded on its own page.
    else await reply.redirect(`/cases/${request.params.caseId}/birth`, 303);
    return null;
  }

  app.get<CaseParams>('/cases/:caseId/birth-details', guard, async (request, reply) => {
    const record = await load(request, reply);
    if (!record) return reply;
    return page(reply, record, { values: valuesOf(record.details) });
  });

  app.post<CaseParams>('/cases/:caseId/birth-details', { ...guard, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const caseId = request.params.caseId;
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return reply.redirect(`/cases/${caseId}`, 303);
    const record = await load(request, reply);
    if (!record) return reply;
    const form = readCorrectionForm(request.body, record.details, serviceToday(ctx.clock.now()));
    if (!form.ok) return page(reply, record, { values: form.values, errorList: form.errorList, fieldErrors: form.fieldErrors, dateParts: form.dateParts, version: form.values['version'] ?? '' }, 400);
    const { version, details, reason } = form.value;
    const result = await correctBirthDetails(ctx, actor(request), caseId, version, details, reason, submission.id);
    if (result.ok) {
      flashSuccess(request, correctionInWords(result.value.changed, record.details, result.value.details, SEX_LABELS));
      return reply.redirect(`/cases/${caseId}`, 303);
    }
    if (result.code === 'version-conflict' && (await formSubmission(request, caseId)).recordedBefore) return reply.redirect(`/cases/${caseId}`, 303);
    switch (result.code) {
      case 'not-found':
        return sendErrorPage(reply, 'not-found');
      case 'forbidden':
        return sendErrorPage(reply, 'forbidden');
      case 'not-born':
        return reply.redirect(`/cases/${caseId}/birth`, 303);
      case 'version-conflict': {
        // What they typed stays; the hidden version becomes the current one, so saving again works.
        const now = await load(request, reply);
        if (!now) return reply;
        return page(reply, now, { values: form.values, conflict: true }, 409);
      }
      case 'invalid':
        return page(reply, record, { values: form.values, version, ...problemErrors(result.problems) }, 400);
      case 'duplicate-nhs-number':
        return page(reply, record, { values: form.values, version, matches: result.matches, ...orderedErrors({ nhsNumber: 'Another record already has this NHS number. Check it before correcting the birth details.' }) }, 400);
    }
  });
}
