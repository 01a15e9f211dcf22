// Assessing a subject in one sitting (issue 14): of every factor's answer on the subject's page, which
// are changes to write, and which clash with someone else's change saved since the page was loaded.
// A factor the user left as it was is never written, so it cannot undo another person's change.
/** A factor's answer as the subject's page sends it, or as the record held it. */
export interface FactorAnswer {
  factorId: string;
  status: string;
  detail?: string | null;
  pattern?: string | null;
  reason?: string | null;
  responses?: readonly string[];
  protection?: { how: string; whenPresent: string } | null;
  /** Evidence typed for this factor alone: an answer with it is a change even when the status stays. */
  note?: string;
}

const text = (value: string | null | undefined) => value?.trim() || null;
const set = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort().join('|');

/** True when the answer says something the held state does not (a new note counts); null held = never recorded. */
export function answerChanged(held: FactorAnswer | null, answer: FactorAnswer): boolean {
  if (text(answer.note) !== null) return true;
  const was = held ?? { factorId: answer.factorId, status: 'not-assessed' };
  return (
    was.status !== answer.status ||
    text(was.detail) !== text(answer.detail) ||
    text(was.pattern) !== text(answer.pattern) ||
    text(was.reason) !== text(answer.reason) ||
    set(was.responses) !== set(answer.responses) ||
    text(was.protection?.how) !== text(answer.protection?.how) ||
    text(was.protection?.whenPresent) !== text(answer.protection?.whenPresent)
  );
}

/** A factor's recorded state, as a profile version keeps it before and after a change. */
export type HeldState = Omit<FactorAnswer, 'factorId' | 'note'>;

/** Someone else's change to one factor since the page was loaded: the state they left and who. */
export interface OtherChange {
  factorId: string;
  /** The factor as the page showed it (before their first change); null when never recorded. */
  loaded: HeldState | null;
  /** As they left it. */
  theirs: HeldState | null;
  by: string;
  at: string;
}

export interface SubjectChanges<A extends FactorAnswer> {
  /** Answers to write: changed from what the page showed, on factors nobody else has changed since. */
  toWrite: A[];
  /** Factors both people changed: the answer is kept for the user to look at beside theirs. */
  conflicts: { answer: A; theirs: OtherChange }[];
}

/**
 * Splits the page's answers. `held` is each factor as stored now; `others` are the changes saved by
 * anyone since the page was loaded (newest last per factor), so a factor both changed is a conflict,
 * one only they changed is left as they left it, and one only this user changed is written.
 */
export function sortAnswers<A extends FactorAnswer>(answers: readonly A[], held: ReadonlyMap<string, FactorAnswer>, others: ReadonlyMap<string, OtherChange>): SubjectChanges<A> {
  const toWrite: A[] = [];
  const conflicts: { answer: A; theirs: OtherChange }[] = [];
  for (const answer of answers) {
    const other = others.get(answer.factorId);
    if (other === undefined) {
      if (answerChanged(held.get(answer.factorId) ?? null, answer)) toWrite.push(answer);
      continue;
    }
    const loaded = other.loaded === null ? null : { factorId: answer.factorId, ...other.loaded };
    // Changed from what the page showed: the user means it, and it clashes unless it says what they said.
    if (!answerChanged(loaded, answer)) continue;
    const theirs = other.theirs === null ? null : { factorId: answer.factorId, ...other.theirs };
    if (text(answer.note) === null && !answerChanged(theirs, answer)) continue;
    conflicts.push({ answer, theirs: other });
  }
  return { toWrite, conflicts };
}
