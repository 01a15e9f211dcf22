// Finding a record, making one (after seeing any that may be the same baby), and recording the
// birth of an unborn baby. The use cases check access and audit; these routes parse, call, render.
// The search form is posted, not sent in the address, so NHS numbers and names stay out of
// browser history and server logs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { CREATE_CASE, createCase, type PossibleMatch } from '../../../application/cases/create-case.ts';
import { loadUnbornRecord, recordBirth, type UnbornRecord } from '../../../application/cases/record-birth.ts';
import { maySearchByPostcode, searchCases, type CaseHit, type SearchHit } from '../../../application/cases/search-cases.ts';
import { formatNhsNumber } from '../../../domain/people/nhs-number.ts';
import { matchReasonsInWords } from '../../../domain/people/record-details.ts';
import { matchGroundsInWords } from '../../../domain/people/record-matching.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { personMatchInWords } from '../../../domain/search/person-match.ts';
import { formSubmission, formSubmissionWithoutCase, sendAgainWhenRaced } from '../../forms/submission.ts';
import { validateForm } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/sessions.ts';
import {
  asksMobilityOf,
  BIRTH_FIELD_ORDER,
  NEW_RECORD_FIELD_ORDER,
  orderedErrors,
  problemErrors,
  readBirthForm,
  readNewRecordForm,
  readSearchForm,
  SEARCH_FIELD_ORDER,
  type FormProblems,
  type Values,
} from './find-record.forms.ts';
import { DUPLICATE_MESSAGES, RECORD_KIND_ITEMS, recordKindForm, SEX_ITEMS } from './find-record.schema.ts';

type CaseParams = { Params: { caseId: string } };

/** What the second page of making a record shows: what was typed, errors, and any possible matches. */
type NewRecordLocals = { values: Values; matches?: PresentedMatch[]; nhsTaken?: boolean; checkedCaseIds?: string | undefined } & Partial<FormProblems>;

/** A possible match as the new-record page shows it: one the user may not open as who holds it and the grounds in kinds. */
type PresentedMatch = ReturnType<typeof presentMatch>;

/** What the birth form shows besides the record: what was typed, errors, a conflict, the version read. */
type BirthLocals = { values: Values; version?: number | string; conflict?: boolean; matches?: CaseHit[] } & Partial<FormProblems>;

const SEX_LABELS = Object.fromEntries(SEX_ITEMS.map((item) => [item.value, item.text]));
const NO_ERRORS: FormProblems = { errorList: [], fieldErrors: {}, dateParts: {} };

function actor(request: FastifyRequest) {
  return actorFor(request.user!, 'web', request.ip);
}

/** A record found, as the tables show it: the NHS number in its 3-3-4 groups. */
function present<T extends CaseHit | PossibleMatch>(hit: T): T & { nhsNumberText?: string } {
  if (hit.restricted || !hit.nhsNumber) return hit;
  return { ...hit, nhsNumberText: formatNhsNumber(hit.nhsNumber) };
}

/** A possible match of a new record: the reasons for one the user may open, the grounds in kinds (nothing of its content) for one they may not. */
function presentMatch(match: PossibleMatch) {
  return { ...present(match), groundLines: matchGroundsInWords(match.grounds) };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A record a search found, with why it matched in words: the baby's details, then each person around the baby who matched. */
function presentFound(hit: SearchHit) {
  const lines = [...(hit.matchedOn.length > 0 ? [matchReasonsInWords(hit.matchedOn)] : []), ...hit.peopleMatched.map(personMatchInWords)].map(sentence);
  return { ...present(hit), matchedOnLines: lines, ...(hit.restricted ? { ageBandText: sentence(hit.ageBand) } : {}) };
}

const SEARCH_FAILURE_FIELDS = {
  'no-criteria': 'nhsNumber',
  'invalid-nhs-number': 'nhsNumber',
  'invalid-name': 'name',
  'invalid-date': 'dateOfBirth-day',
  'invalid-postcode': 'postcode',
  'postcode-not-allowed': 'postcode',
} as const;

export async function findRecordRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const guard = { preHandler: requireUser };

  // ---- Find ------------------------------------------------------------------------------------

  const findPage = (request: FastifyRequest, reply: FastifyReply, locals: object, status = 200) =>
    reply.page(
      'find-record/find.njk',
      { title: 'Find or create a record', backLink: '/', values: {}, ...NO_ERRORS, searched: false, postcodeSearch: maySearchByPostcode(actor(request)), ...locals },
      status,
    );

  app.get('/cases/find', guard, async (request, reply) => findPage(request, reply, {}));

  app.post('/cases/find', guard, async (request, reply) => {
    const form = readSearchForm(request.body);
    if (!form.ok) return findPage(request, reply, form, 400);
    const result = await searchCases(ctx, actor(request), form.value);
    if (!result.ok) {
      const status = result.code === 'postcode-not-allowed' ? 403 : 400;
      return findPage(request, reply, { values: form.values, ...orderedErrors(SEARCH_FIELD_ORDER, { [SEARCH_FAILURE_FIELDS[result.code]]: result.message }) }, status);
    }
    return findPage(request, reply, { values: form.values, searched: true, hits: result.value.hits.map(presentFound), more: result.value.more });
  });

  // ---- Create ----------------------------------------------------------------------------------

  const startPage = (reply: FastifyReply, locals: object, status = 200) =>
    reply.page('find-record/new-record-start.njk', { title: 'Create a record: has the baby been born?', backLink: '/cases/find', recordKindItems: RECORD_KIND_ITEMS, values: {}, ...NO_ERRORS, ...locals }, status);
  const newRecordPage = (reply: FastifyReply, locals: NewRecordLocals, status = 200) =>
    reply.page(
      'find-record/new-record.njk',
      {
        title: locals.values['status'] === 'born' ? 'Create a record for a baby who has been born' : 'Create a record for an unborn baby',
        backLink: '/cases/new',
        ...NO_ERRORS,
        sexItems: SEX_ITEMS,
        asksMobility: asksMobilityOf(locals.values, serviceToday(ctx.clock.now())),
        ...locals,
      },
      status,
    );

  app.get('/cases/new', guard, async (_request, reply) => startPage(reply, {}));

  app.get('/cases/new/details', guard, async (request, reply) => {
    const kind = validateForm(recordKindForm, request.query);
    if (!kind.ok) return startPage(reply, { ...kind, dateParts: {} }, 400);
    return newRecordPage(reply, { values: { status: kind.value.status } });
  });

  // Posted twice, it makes one record (ADR 0026): a second post goes to the first one's record.
  app.post('/cases/new', { ...guard, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const created = (caseId: string) => reply.redirect(`/cases/${caseId}`, 303);
    const submission = await formSubmissionWithoutCase(request, CREATE_CASE);
    if (submission.recordedBefore) return created(submission.recordedBefore);
    const form = readNewRecordForm(request.body, serviceToday(ctx.clock.now()));
    // Every problem at once; after possible matches were shown, the confirmation and reason typed stay with their ids.
    if (!form.ok) return form.fieldErrors['status'] ? startPage(reply, form, 400) : newRecordPage(reply, { ...form, checkedCaseIds: form.values['checkedCaseIds'] }, 400);
    const { input, confirmedNoDuplicate, checkedCaseIds, differentBabyReason } = form.value;
    const result = await createCase(ctx, actor(request), input, {
      ...(confirmedNoDuplicate ? { confirmedNoDuplicate, checkedCaseIds: checkedCaseIds ?? [] } : {}),
      differentBabyReason,
      submission: submission.id,
    });
    if (result.ok) return created(result.value.id);

    const values: Values = { ...form.values, confirmedNoDuplicate: '' };
    switch (result.code) {
      case 'forbidden':
        return sendErrorPage(reply, 'forbidden');
      case 'invalid': {
        const { errors, dateParts } = problemErrors(result.problems);
        return newRecordPage(reply, { values, ...orderedErrors(NEW_RECORD_FIELD_ORDER, errors, dateParts) }, 400);
      }
      case 'duplicate-nhs-number':
        return newRecordPage(reply, { values, matches: result.matches.map(presentMatch), nhsTaken: true, ...orderedErrors(NEW_RECORD_FIELD_ORDER, { nhsNumber: DUPLICATE_MESSAGES.nhsTaken }) }, 400);
      case 'reason-needed':
        return newRecordPage(
          reply,
          { values: form.values, matches: result.matches.map(presentMatch), checkedCaseIds: result.matches.map((match) => match.id).join(','), ...orderedErrors(NEW_RECORD_FIELD_ORDER, { differentBabyReason: result.message }) },
          400,
        );
      case 'possible-duplicate': {
        const locals = { values, matches: result.matches.map(presentMatch), checkedCaseIds: result.matches.map((match) => match.id).join(',') };
        // The first time, the matches are a question, not a mistake; after that, say what is missing.
        if (checkedCaseIds === null) return newRecordPage(reply, locals);
        const message = confirmedNoDuplicate ? DUPLICATE_MESSAGES.newMatch : DUPLICATE_MESSAGES.confirmMissing;
        return newRecordPage(reply, { ...locals, ...orderedErrors(NEW_RECORD_FIELD_ORDER, { confirmedNoDuplicate: message }) }, 400);
      }
    }
  });

  // ---- Record a birth --------------------------------------------------------------------------

  const alreadyBorn = (reply: FastifyReply, caseId: string, status: number) =>
    reply.page('find-record/birth-already-recorded.njk', { title: 'The birth is already recorded', caseId, backLink: `/cases/${caseId}` }, status);

  const birthPage = (reply: FastifyReply, record: UnbornRecord, locals: BirthLocals, status = 200) =>
    reply.page(
      'find-record/record-birth.njk',
      {
        title: 'Record the birth',
        backLink: `/cases/${record.id}`,
        ...NO_ERRORS,
        sexItems: SEX_ITEMS,
        sexLabels: SEX_LABELS,
        record,
        version: record.version,
        asksMobility: asksMobilityOf(locals.values, serviceToday(ctx.clock.now())),
        ...locals,
      },
      status,
    );

  /** Shows the birth form again with the record as it is now, or the page that says why it cannot be. */
  async function birthPageAgain(request: FastifyRequest<CaseParams>, reply: FastifyReply, locals: BirthLocals, status: number) {
    const loaded = await loadUnbornRecord(ctx, actor(request), request.params.caseId);
    if (!loaded.ok) {
      if (loaded.code === 'not-found') return sendErrorPage(reply, 'not-found');
      if (loaded.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
      return alreadyBorn(reply, request.params.caseId, 409);
    }
    return birthPage(reply, loaded.value, locals, status);
  }

  app.get<CaseParams>('/cases/:caseId/birth', guard, async (request, reply) => {
    const loaded = await loadUnbornRecord(ctx, actor(request), request.params.caseId);
    if (!loaded.ok) {
      if (loaded.code === 'not-found') return sendErrorPage(reply, 'not-found');
      if (loaded.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
      return alreadyBorn(reply, request.params.caseId, 200);
    }
    const record = loaded.value;
    return birthPage(reply, record, { values: { givenName: record.givenName ?? '', sex: record.sex ?? '' } });
  });

  app.post<CaseParams>('/cases/:caseId/birth', { ...guard, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const caseId = request.params.caseId;
    // Before the record is checked: this post's twin recorded the birth this one would find already recorded.
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return reply.redirect(`/cases/${caseId}`, 303);
    const form = readBirthForm(request.body, serviceToday(ctx.clock.now()));
    if (!form.ok) return birthPageAgain(request, reply, { ...form, version: form.values['version'] ?? '' }, 400);
    const { version, input } = form.value;
    const result = await recordBirth(ctx, actor(request), caseId, version, input, submission.id);
    if (result.ok) return reply.redirect(`/cases/${result.value.id}`, 303);
    // A twin sent at the same moment recorded it first: answered as the twin was.
    if ((result.code === 'not-unborn' || result.code === 'version-conflict') && (await formSubmission(request, caseId)).recordedBefore) return reply.redirect(`/cases/${caseId}`, 303);
    switch (result.code) {
      case 'not-found':
        return sendErrorPage(reply, 'not-found');
      case 'forbidden':
        return sendErrorPage(reply, 'forbidden');
      case 'not-unborn':
        return alreadyBorn(reply, request.params.caseId, 409);
      case 'version-conflict':
        // What they typed stays; the hidden version becomes the current one, so saving again works.
        return birthPageAgain(request, reply, { values: form.values, conflict: true }, 409);
      case 'invalid': {
        const { errors, dateParts } = problemErrors(result.problems);
        return birthPageAgain(request, reply, { values: form.values, version, ...orderedErrors(BIRTH_FIELD_ORDER, errors, dateParts) }, 400);
      }
      case 'duplicate-nhs-number':
        return birthPageAgain(
          request,
          reply,
          { values: form.values, version, matches: result.matches.map(present), ...orderedErrors(BIRTH_FIELD_ORDER, { nhsNumber: DUPLICATE_MESSAGES.nhsTakenOnBirth }) },
          400,
        );
    }
  });
}
