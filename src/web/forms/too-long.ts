// The words for text longer than a field may hold: the field, its limit and how much was typed, so the
// person knows how much to cut (the form gives back everything typed, never cut).
const count = (n: number): string => n.toLocaleString('en-GB');

/** "Decision 1 must be 2,000 characters or fewer: you have 5,290". */
export function tooLongWords(label: string, limit: number, typed: number): string {
  return `${label} must be ${count(limit)} characters or fewer: you have ${count(typed)}`;
}
