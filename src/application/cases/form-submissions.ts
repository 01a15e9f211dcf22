// A form posted twice records once (ADR 0026). A page's form that records something new carries a
// one-time submission id, made when the form was shown. The change that records it notes the id with
// the new record's id, in the record's own transaction (form_submissions, migrations 061 and 062),
// so that:
// - a post sent again after the first was recorded (a double click without JavaScript, a browser
//   sending again on a flaky connection) is found before anything is checked or written
//   (`recordedBefore`), and the page sends the user to the first post's record;
// - a post sent while the first is still being recorded fails on the table's key as it notes its id:
//   its transaction, record and all, is rolled back and `SubmittedBeforeError` thrown, which the page's
//   route answers by asking the browser to send it again (web/forms/submission.ts), to be found as above.
// A post with no id (the API, a page opened before the id existed) or one not shaped like an id is
// taken as a new submission: nothing typed is lost for want of it. A user's id names one form: a form
// on a case is known by its case, a form without one (a new record, a quality audit, a legal hold by
// rule) by the action it asks for. An id this user's post of another form noted is not this form's:
// what the post records is kept, and the id is not noted again.
import type { Queryable, Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A submission id as a form sends it back: a UUID, or nothing (taken as a new submission). */
export function submissionIdOf(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;
}

/** A post whose submission id was noted by another post while it was being recorded: nothing of it was stored. */
export class SubmittedBeforeError extends Error {
  override readonly name = 'SubmittedBeforeError';
  /** Not a failure of the service: the post is answered as its twin was. */
  readonly statusCode = 409;

  /** caseId: the case the first post's form was on or made; null for a form without a case. */
  constructor(readonly caseId: string | null, readonly recordId: string) {
    super('This form was sent before and what it recorded is kept: this post recorded nothing.');
  }
}

export function isSubmittedBefore(error: unknown): error is SubmittedBeforeError {
  return error instanceof SubmittedBeforeError;
}

/** What a submission id was noted with. */
interface Note {
  /** The case its form was on, or the case a new record made; null for a form without a case. */
  caseId: string | null;
  action: string;
  recordId: string;
}

/** The form a post came from: one on a case by its case, one without a case by its action. */
type PostedFrom = { caseId: string } | { action: string };

/** The note of this user's submission id: the one read of form_submissions. */
async function noteOf(db: Queryable, userId: string, submissionId: string): Promise<Note | undefined> {
  const row = await db
    .selectFrom('form_submissions')
    .select(['case_id', 'action', 'record_id'])
    .where('user_id', '=', userId)
    .where('submission_id', '=', submissionId)
    .executeTakeFirst();
  return row && { caseId: row.case_id, action: row.action, recordId: row.record_id };
}

const isFrom = (note: Note, form: PostedFrom): boolean => ('caseId' in form ? note.caseId === form.caseId : note.action === form.action);

async function recordedFrom(ctx: AppContext, actor: UserActor, form: PostedFrom, submissionId: string | undefined): Promise<string | null> {
  if (submissionId === undefined) return null;
  const note = await noteOf(ctx.db, actor.userId, submissionId);
  return note && isFrom(note, form) ? note.recordId : null;
}

/**
 * For a change that checks under a lock of its own what an earlier post would change (a new record:
 * the first post's case is a possible match for the second): throws SubmittedBeforeError when this
 * user's post of the same form, committed while this one waited on the lock, noted the id.
 */
export async function refuseIfSubmittedBefore(trx: Tx, actor: UserActor, action: string, submissionId: string | undefined): Promise<void> {
  if (submissionId === undefined) return;
  const first = await noteOf(trx, actor.userId, submissionId);
  if (first && isFrom(first, { action })) throw new SubmittedBeforeError(first.caseId, first.recordId);
}

/**
 * The id of what this user's earlier post of the same form recorded on the case, or null when the
 * submission is new. Only the user's own posts count, so no one is told of another's record; the
 * record's own page still decides whether they may see it.
 */
export async function recordedBefore(ctx: AppContext, actor: UserActor, caseId: string, submissionId: string | undefined): Promise<string | null> {
  return recordedFrom(ctx, actor, { caseId }, submissionId);
}

/** As recordedBefore, for a form without a case, known by the action it asks for (its audit action). */
export async function recordedBeforeWithoutCase(ctx: AppContext, actor: UserActor, action: string, submissionId: string | undefined): Promise<string | null> {
  return recordedFrom(ctx, actor, { action }, submissionId);
}

export interface Submission {
  caseId: string;
  submissionId: string;
  action: string;
  recordId: string;
}

/** A submission of a form without a case; `caseId`: the case it made (a new record), removed with it. */
export interface SubmissionWithoutCase {
  caseId?: string;
  submissionId: string;
  action: string;
  recordId: string;
}

/**
 * Notes a submission with what it recorded, in the transaction that recorded it. A post that noted
 * the same id first (committed while this one waited on the key) makes this throw, so this post's
 * transaction stores nothing.
 */
export async function noteSubmission(trx: Tx, actor: UserActor, now: Date, submission: Submission): Promise<void> {
  await note(trx, actor, now, submission, { caseId: submission.caseId });
}

/** As noteSubmission, for a form without a case. */
export async function noteSubmissionWithoutCase(trx: Tx, actor: UserActor, now: Date, submission: SubmissionWithoutCase): Promise<void> {
  await note(trx, actor, now, submission, { action: submission.action });
}

async function note(trx: Tx, actor: UserActor, now: Date, submission: SubmissionWithoutCase, form: PostedFrom): Promise<void> {
  const { caseId, submissionId, action, recordId } = submission;
  const noted = await trx
    .insertInto('form_submissions')
    .values({ case_id: caseId ?? null, submission_id: submissionId, user_id: actor.userId, action, record_id: recordId, submitted_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'submission_id']).doNothing())
    .returning('record_id')
    .executeTakeFirst();
  if (noted) return;
  const first = await noteOf(trx, actor.userId, submissionId);
  if (first && isFrom(first, form)) throw new SubmittedBeforeError(first.caseId, first.recordId);
}
