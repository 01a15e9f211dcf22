// Making a record anyway when others may be the same baby (likely duplicates, under docs/domain.md, "Who is in the record"): the
// practitioner says why none of the records shown is this baby, and the reason is kept with the
// audit entry of the record made. Pure.

/** The longest reason kept: a few sentences, as the transfer import's own reason. */
export const DIFFERENT_BABY_REASON_MAX_LENGTH = 1000;

export const DIFFERENT_BABY_REASON_WORDS = {
  missing: 'Say why none of these records is this baby, such as "Different mother and due date; checked with the GP"',
  tooLong: `The reason must be ${String(DIFFERENT_BABY_REASON_MAX_LENGTH)} characters or fewer`,
} as const;

/** What is wrong with the reason given for making a record anyway; null when it may be kept. */
export function differentBabyReasonProblem(reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim();
  if (text === '') return DIFFERENT_BABY_REASON_WORDS.missing;
  if (text.length > DIFFERENT_BABY_REASON_MAX_LENGTH) return DIFFERENT_BABY_REASON_WORDS.tooLong;
  return null;
}
