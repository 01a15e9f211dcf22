// The fixed choices a form field takes. A domain list (levels, statuses, sources, roles …) is used
// as the domain gives it, so a value added there is taken by every form at once; the only lists of
// the forms' own are the answers to yes-or-no questions.
import { Type } from 'typebox';

export const YES_NO = ['yes', 'no'] as const;
export const YES_NO_NOT_KNOWN = [...YES_NO, 'not-known'] as const;

/** One of a fixed set of strings, as Type.Union of Type.Literal, typed as the union of the values (a Type.Union over a mapped list would type as never). */
export const oneOf = <const T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((value) => Type.Literal(value))));

export interface ChoiceWords {
  text: string;
  hint?: string;
}

/**
 * GOV.UK radio or select items for a domain list, in the order the words are written. The words are
 * a record over the domain's values, so a value added in the domain cannot be left off the form.
 */
export function choiceItems<T extends string>(words: Readonly<Record<T, string | ChoiceWords>>): { value: T; text: string; hint?: { text: string } }[] {
  return (Object.entries(words) as [T, string | ChoiceWords][]).map(([value, word]) =>
    typeof word === 'string' ? { value, text: word } : { value, text: word.text, ...(word.hint ? { hint: { text: word.hint } } : {}) },
  );
}
