// A form posted twice records once (ADR 0026). A page's form that records something new on a case
// carries a one-time submission id, made when the form was shown. The change that records it notes
// the id with the new record's id, in the record's own transaction (form_submissions, migration 061),
// so that:
// - a post sent again after the first was recorded (a double click without JavaScript, a browser
//   sending again on a flaky connection) is found before anything is checked or written
//   (`recordedBefore`), and the page sends the user to the first post's record;
// - a post sent while the first is still being recorded fails on the table's key as it notes its id:
//   its transaction, record and all, is rolled back and `SubmittedBeforeError` thrown, which the page's
//   route answers by asking the browser to send it again (web/forms/submission.ts), to be found as above.
// A post with no id (the API, a page opened before the id existed) or one not shaped like an id is
// taken as a new submission: nothing typed is lost for want of it.
import type { Tx } from '../../infrastructure/db/schema.ts';
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

  constructor(readonly caseId: string, readonly recordId: string) {
    super('This form was sent before and what it recorded is kept: this post recorded nothing.');
  }
}

export function isSubmittedBefore(error: unknown): error is SubmittedBeforeError {
  return error instanceof SubmittedBeforeError;
}

/**
 * The id of what this user's earlier post of the same form recorded on the case, or null when the
 * submission is new. Only the user's own posts count, so no one is told of another's record; the
 * record's own page still decides whether they may see it.
 */
export async function recordedBefore(ctx: AppContext, actor: UserActor, caseId: string, submissionId: string | undefined): Promise<string | null> {
  if (submissionId === undefined) return null;
  const row = await ctx.db
    .selectFrom('form_submissions')
    .select('record_id')
    .where('case_id', '=', caseId)
    .where('submission_id', '=', submissionId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return row?.record_id ?? null;
}

export interface Submission {
  caseId: string;
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
  const { caseId, submissionId, action, recordId } = submission;
  const noted = await trx
    .insertInto('form_submissions')
    .values({ case_id: caseId, submission_id: submissionId, user_id: actor.userId, action, record_id: recordId, submitted_at: now })
    .onConflict((oc) => oc.columns(['case_id', 'user_id', 'submission_id']).doNothing())
    .returning('record_id')
    .executeTakeFirst();
  if (noted) return;
  const first = await trx
    .selectFrom('form_submissions')
    .select('record_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', actor.userId)
    .where('submission_id', '=', submissionId)
    .executeTakeFirstOrThrow();
  throw new SubmittedBeforeError(caseId, first.record_id);
}
