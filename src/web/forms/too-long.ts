// The words for text longer than a field may hold: the field, its limit and how much was typed, so the
// person knows how much to cut (the form gives back everything typed, never cut: a form reads each
// field whole, the body limit bounds it, and test/forms-never-cut.test.ts holds every form to it).
const count = (n: number): string => n.toLocaleString('en-GB');

/** "Decision 1 must be 2,000 characters or fewer: you have 5,290". */
export function tooLongWords(label: string, limit: number, typed: number): string {
  return `${label} must be ${count(limit)} characters or fewer: you have ${count(typed)}`;
}

/** What a text field is called in an error and the most it may hold (the domain's limit). */
export interface TextLimit {
  label: string;
  limit: number;
}

/**
 * "The reason must be 2,000 characters or fewer: you have 2,001.", counted as the domains count
 * (trimmed); null when what was typed fits, so a problem of another kind keeps its own words.
 */
export function tooLongMessage(field: TextLimit, typed: string | undefined): string | null {
  const length = (typed ?? '').trim().length;
  return length > field.limit ? `${tooLongWords(field.label, field.limit, length)}.` : null;
}

/**
 * A form's problems, each about a text field holding more than its limit worded with the limit and the
 * count typed; any other problem as it was.
 */
export function withTypedCounts<P extends { field: string; message: string }>(problems: readonly P[], typed: Readonly<Record<string, string | undefined>>, limits: Readonly<Record<string, TextLimit>>): P[] {
  return problems.map((problem) => {
    const limit = limits[problem.field];
    const message = limit ? tooLongMessage(limit, typed[problem.field]) : null;
    return message === null ? problem : { ...problem, message };
  });
}
