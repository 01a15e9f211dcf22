// One entry's own page, adding an entry to the chronology, and correcting one. The entry's page shows
// all it records (the list shows a line of each), the baby's lived experience when a contact recorded
// it, and its corrections both ways; it leads back to the page of the list it was opened from. A
// correction is a new entry that names the one it corrects, with the reason; the original stays,
// marked. Only the current version can be corrected: asking to correct an entry already corrected
// opens its newest correction instead, so the versions form one chain and exactly one of them is current.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { readChronology, type ChronologyRecord } from '../../../application/chronology/read-chronology.ts';
import { recordEntry, type RecordEntryResult } from '../../../application/chronology/record-entry.ts';
import type { ListedEntry } from '../../../domain/chronology/filter-entries.ts';
import { EVIDENCE_SOURCES } from '../../../domain/catalogue/evidence-sources.ts';
import { formSubmission, sendAgainWhenRaced } from '../../forms/submission.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';
import { presentEntries, type EntryView } from './chronology.presenter.ts';
import { listQuery, readFilters, readOrder } from './chronology-filters.ts';
import { pageNumber } from './chronology-pages.ts';
import { KIND_GROUPS, NEW_ENTRY_KIND_GROUPS } from './entry-kinds.ts';
import { defaultReferralSource, REFERRAL_SOURCE_CODES, REFERRAL_SOURCES } from '../../../domain/chronology/referral-source.ts';
import { orderedErrors, problemErrors, readEntryForm, valuesFromEntry, type EntryValues } from './entry.form.ts';

type CaseParams = { Params: { caseId: string } };
type EntryParams = { Params: { caseId: string; entryId: string } };

interface FormLocals {
  heading: string;
  action: string;
  values: EntryValues;
  /** When correcting: the entry being corrected. */
  correcting?: EntryView;
  [key: string]: unknown;
}

const sourceItems = Object.entries(EVIDENCE_SOURCES).map(([value, source]) => ({ value, text: source.label }));
const referralSourceItems = REFERRAL_SOURCE_CODES.map((value) => ({ value, text: `${value} ${REFERRAL_SOURCES[value]}` }));

const CORRECTED_MEANWHILE =
  'Someone has corrected this entry since you opened it. Your correction has not been saved: read their correction, then correct that one if it is still wrong';

/** The newest correction at the end of an entry's chain of corrections (the entry itself when uncorrected). */
function currentVersion(entry: ListedEntry, all: readonly ListedEntry[]): ListedEntry {
  const byId = new Map(all.map((e) => [e.id, e]));
  const seen = new Set<string>();
  let current = entry;
  while (current.correctedBy.length > 0 && !seen.has(current.id)) {
    seen.add(current.id);
    const corrections = current.correctedBy.map((id) => byId.get(id)).filter((e) => e !== undefined);
    const newest = corrections.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).at(-1);
    if (!newest) break;
    current = newest;
  }
  return current;
}

export async function entryRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const chronologyUrl = (caseId: string) => `/cases/${caseId}/chronology`;

  /** The chronology, if the user may add to it; otherwise the error page has been sent and a refusal audited. */
  async function changeable(request: FastifyRequest<CaseParams>, reply: FastifyReply): Promise<ChronologyRecord | null> {
    const result = await readChronology(ctx, actor(request), request.params.caseId, { intent: { action: 'chronology.record', need: 'change' } });
    if (!result.ok) {
      await sendErrorPage(reply, result.code);
      return null;
    }
    return result.value;
  }

  const entryContext = (record: ChronologyRecord, isCorrection: boolean) => ({
    today: serviceToday(ctx.clock.now()),
    personIds: new Set(record.people.map((person) => person.id)),
    isCorrection,
  });

  const formPage = (reply: FastifyReply, caseId: string, record: ChronologyRecord, locals: FormLocals, status = 200) =>
    reply.page(
      'chronology/entry.njk',
      {
        title: locals.heading,
        caseId,
        caseName: record.caseName,
        // A new entry's kinds leave out contacts with the family: the page links to the contact form for them.
        kindGroups: locals.correcting ? KIND_GROUPS : NEW_ENTRY_KIND_GROUPS,
        contactFormLink: locals.correcting ? undefined : `/cases/${caseId}/contacts/new`,
        sourceItems,
        referralSourceItems,
        peopleItems: record.people.map((person) => ({ value: person.id, text: person.name })),
        backLink: chronologyUrl(caseId),
        ...locals,
      },
      status,
    );

  /** The form again for what the user can fix; error pages for the rest. */
  async function answerRefusal(reply: FastifyReply, caseId: string, record: ChronologyRecord, result: Exclude<RecordEntryResult, { ok: true }>, locals: FormLocals) {
    if (result.code === 'invalid') return formPage(reply, caseId, record, { ...locals, ...orderedErrors(problemErrors(result.problems)) }, 400);
    if (result.code === 'already-corrected') {
      return formPage(reply, caseId, record, { ...locals, ...formErrors({ correctionReason: CORRECTED_MEANWHILE }), newestCorrection: result.newestId }, 409);
    }
    return sendErrorPage(reply, result.code === 'forbidden' ? 'forbidden' : 'not-found');
  }

  app.get<CaseParams>('/cases/:caseId/chronology/new', { preHandler: requireUser }, async (request, reply) => {
    const { caseId } = request.params;
    const record = await changeable(request, reply);
    if (!record) return reply;
    // A referral by an agency whose kind names its census source starts with that source chosen.
    const values = request.keptForm ? readEntryForm(request.keptForm, entryContext(record, false)).values : { referralSource: defaultReferralSource(request.user!.organisationKind) ?? '' };
    return formPage(reply, caseId, record, { heading: 'Add an entry to the chronology', action: `${chronologyUrl(caseId)}/new`, values });
  });

  app.post<CaseParams>('/cases/:caseId/chronology/new', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { caseId } = request.params;
    const added = (entryId: string) => {
      flashSuccess(request, 'Entry added to the chronology');
      return reply.redirect(`${chronologyUrl(caseId)}/${entryId}`, 303);
    };
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return added(submission.recordedBefore);
    const record = await changeable(request, reply);
    if (!record) return reply;
    const locals = { heading: 'Add an entry to the chronology', action: `${chronologyUrl(caseId)}/new` };
    const form = readEntryForm(request.body, entryContext(record, false));
    if (!form.ok) return formPage(reply, caseId, record, { ...locals, ...form }, 400);
    const result = await recordEntry(ctx, actor(request), caseId, form.input, submission.id);
    if (!result.ok) return answerRefusal(reply, caseId, record, result, { ...locals, values: form.values });
    return added(result.entry.id);
  });

  app.get<EntryParams>('/cases/:caseId/chronology/:entryId', { preHandler: requireUser }, async (request, reply) => {
    const { caseId, entryId } = request.params;
    const result = await readChronology(ctx, actor(request), caseId, { entryId });
    if (!result.ok) return sendErrorPage(reply, result.code);
    const { all, entries, people, caseName, canChange } = result.value;
    const entry = presentEntries(entries, all, people)[0]!;
    // Back to the page of the list it was opened from: its filters, order and page, at this entry.
    const { values } = readFilters(request.query);
    const back = listQuery(values, readOrder(request.query), pageNumber((request.query as Record<string, unknown>)['page']));
    return reply.page('chronology/entry-detail.njk', {
      title: `${entry.kind}, ${entry.occurred}`,
      caseId,
      caseName,
      e: entry,
      canCorrect: canChange && entry.correctedBy.length === 0,
      canChange,
      backLink: `${chronologyUrl(caseId)}${back}#entry-${entry.id}`,
    });
  });

  app.get<EntryParams>('/cases/:caseId/chronology/:entryId/correct', { preHandler: requireUser }, async (request, reply) => {
    const { caseId, entryId } = request.params;
    const record = await changeable(request, reply);
    if (!record) return reply;
    const entry = record.all.find((e) => e.id === entryId);
    if (!entry) return sendErrorPage(reply, 'not-found');
    const current = currentVersion(entry, record.all);
    if (current.id !== entry.id) return reply.redirect(`${chronologyUrl(caseId)}/${current.id}/correct`, 303);
    return formPage(reply, caseId, record, {
      heading: 'Correct an entry',
      action: `${chronologyUrl(caseId)}/${entry.id}/correct`,
      // What was typed, after a form was kept (posted once the session had ended); else the entry as it is.
      values: request.keptForm ? readEntryForm(request.keptForm, entryContext(record, true)).values : valuesFromEntry(entry),
      correcting: presentEntries([entry], record.all, record.people)[0]!,
    });
  });

  app.post<EntryParams>('/cases/:caseId/chronology/:entryId/correct', { preHandler: requireUser, errorHandler: sendAgainWhenRaced }, async (request, reply) => {
    const { caseId, entryId } = request.params;
    const corrected = (correctionId: string) => {
      flashSuccess(request, 'Correction saved: the entry it corrects is kept, marked as corrected');
      return reply.redirect(`${chronologyUrl(caseId)}/${correctionId}`, 303);
    };
    // Before the check that the entry is still uncorrected: this post's twin may have corrected it.
    const submission = await formSubmission(request, caseId);
    if (submission.recordedBefore) return corrected(submission.recordedBefore);
    const record = await changeable(request, reply);
    if (!record) return reply;
    const entry = record.all.find((e) => e.id === entryId);
    if (!entry) return sendErrorPage(reply, 'not-found');
    const locals = {
      heading: 'Correct an entry',
      action: `${chronologyUrl(caseId)}/${entry.id}/correct`,
      correcting: presentEntries([entry], record.all, record.people)[0]!,
    };
    const form = readEntryForm(request.body, entryContext(record, true));
    if (entry.correctedBy.length > 0) {
      // Someone corrected it while this form was open: saving would make two current versions.
      return formPage(reply, caseId, record, { ...locals, values: form.values, ...formErrors({ correctionReason: CORRECTED_MEANWHILE }), newestCorrection: currentVersion(entry, record.all).id }, 409);
    }
    if (!form.ok) return formPage(reply, caseId, record, { ...locals, ...form }, 400);
    // What the form does not show (factors given "as stated" by an agency's system) is kept.
    const result = await recordEntry(ctx, actor(request), caseId, { ...form.input, corrects: entry.id, indicates: entry.indicates }, submission.id);
    if (!result.ok) return answerRefusal(reply, caseId, record, result, { ...locals, values: form.values });
    return corrected(result.entry.id);
  });
}
