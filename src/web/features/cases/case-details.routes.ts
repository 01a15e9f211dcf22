// The record's details page (issue 14): the household's address (restricted for a refuge), the GP
// practice, the birth hospital and, before the birth, the mother's NHS number; and the reveal of a
// restricted address. A form posted too late is kept and given back (kept-forms.ts), never its
// restricted address. The use cases (application/cases/case-details.ts) check access, audit and
// change the record through the one pipeline; these routes parse, call and render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { loadCaseDetailsForEdit, revealAddress, updateCaseDetails, type CaseDetailsForEdit, type ShownRecordDetails } from '../../../application/cases/case-details.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { validateForm, type FormSpec } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { addressNotKept, keptValues } from './case-details.kept-address.ts';
import { orderedErrors, problemErrors, recordDetailsFrom, type Values } from '../find-record/find-record.forms.ts';
import { RECORD_DETAIL_FIELDS, RECORD_DETAIL_MESSAGES, RECORD_DETAIL_ORDER } from '../find-record/find-record.schema.ts';

type CaseParams = { Params: { caseId: string } };

const detailsSchema = Type.Object({ version: Type.String({ pattern: '^\\d{1,9}$' }), ...RECORD_DETAIL_FIELDS });

const detailsForm: FormSpec<typeof detailsSchema> = {
  schema: detailsSchema,
  messages: { version: { default: 'This page is out of date. Go back to the record and start again.' }, ...RECORD_DETAIL_MESSAGES },
};

const FIELD_ORDER = ['version', ...RECORD_DETAIL_ORDER];

/** The stored details as the form's fields. */
function formValues(details: ShownRecordDetails): Values {
  return {
    address: details.address ?? '',
    postcode: details.postcode ?? '',
    addressRestricted: details.addressRestricted ? 'yes' : '',
    gpPracticeName: details.gpPracticeName ?? '',
    gpPracticeOdsCode: details.gpPracticeOdsCode ?? '',
    birthHospital: details.birthHospital ?? '',
    motherNhsNumber: details.motherNhsNumber ?? '',
  };
}

export async function caseDetailsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);

  const detailsPage = (reply: FastifyReply, record: CaseDetailsForEdit, locals: { values: Values; [key: string]: unknown }, status = 200) =>
    reply.page(
      'cases/case-details.njk',
      { title: 'Address, GP and hospital', backLink: `/cases/${record.id}`, errorList: [], fieldErrors: {}, record, version: record.version, addressEditable: !record.details.addressWithheld, ...locals },
      status,
    );

  /** The record for the page, or the page that says why not (sent). */
  async function load(request: FastifyRequest<CaseParams>, reply: FastifyReply): Promise<CaseDetailsForEdit | null> {
    const loaded = await loadCaseDetailsForEdit(ctx, actor(request), request.params.caseId);
    if (loaded.ok) return loaded.value;
    await sendErrorPage(reply, loaded.code);
    return null;
  }

  app.get<CaseParams>('/cases/:caseId/details', { preHandler: requireUser }, async (request, reply) => {
    const record = await load(request, reply);
    if (!record) return reply;
    const saved = formValues(record.details);
    const kept = request.keptForm;
    if (!kept) return detailsPage(reply, record, { values: saved });
    // What was typed, and the version it was typed against: a change saved since shows as a conflict.
    const values = keptValues(kept, saved);
    return detailsPage(reply, record, { values, version: values['version'] ?? record.version, addressNotKept: addressNotKept(kept, saved) });
  });

  app.post<CaseParams>('/cases/:caseId/details', { preHandler: requireUser, errorHandler: sendAgainWhenRaced, config: { keptAddressOf: 'record' } }, async (request, reply) => {
    const saved = () => {
      flashSuccess(request, 'Address, GP and hospital saved');
      return reply.redirect(`/cases/${request.params.caseId}#record-details`, 303);
    };
    // Before the version is checked: this post's twin saved the version this one would conflict with.
    const submission = await formSubmission(request, request.params.caseId);
    if (submission.recordedBefore) return saved();
    const form = validateForm(detailsForm, request.body);
    if (!form.ok) {
      const record = await load(request, reply);
      if (!record) return reply;
      return detailsPage(reply, record, { values: form.values, version: form.values['version'] ?? record.version, errorList: form.errorList, fieldErrors: form.fieldErrors }, 400);
    }
    const caseId = request.params.caseId;
    const values: Values = Object.fromEntries(Object.entries(form.value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    // Fields the page did not show (a restricted address, the mother's NHS number after the birth) stay as stored: the use case sees to it.
    const result = await updateCaseDetails(ctx, actor(request), caseId, recordDetailsFrom(values), Number(form.value.version), submission.id);
    if (result.ok) return result.value.changed.length > 0 ? saved() : reply.redirect(`/cases/${caseId}#record-details`, 303);
    if (result.code === 'not-found') return sendErrorPage(reply, 'not-found');
    if (result.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    const record = await load(request, reply);
    if (!record) return reply;
    // A conflict with this post's twin, sent at the same moment and saved first: answered as the twin was.
    if (result.code === 'version-conflict' && (await formSubmission(request, caseId)).recordedBefore) return saved();
    if (result.code === 'version-conflict') {
      // What they typed stays; the other person's details are shown; the next save is deliberate.
      return detailsPage(reply, record, { values, version: result.current.version, conflict: { message: result.message, current: result.current.details } }, 409);
    }
    const { errors } = problemErrors(result.problems);
    return detailsPage(reply, record, { values, version: form.value.version, ...orderedErrors(FIELD_ORDER, errors) }, 400);
  });

  app.get<CaseParams>('/cases/:caseId/address', { preHandler: requireUser }, async (request, reply) => {
    const result = await revealAddress(ctx, actor(request), request.params.caseId);
    if (result.ok) return reply.page('cases/case-details.address.njk', { title: 'Address', backLink: `/cases/${request.params.caseId}`, caseId: request.params.caseId, address: result.value });
    if (result.code === 'not-found' || result.code === 'forbidden') return sendErrorPage(reply, result.code);
    // Someone in the team from whom a restricted address is kept: told why, and whom to ask.
    return reply.page('cases/case-details.address.njk', { title: 'You cannot see this address', backLink: `/cases/${request.params.caseId}`, caseId: request.params.caseId, refused: result.message, contact: result.contact }, 403);
  });
}
