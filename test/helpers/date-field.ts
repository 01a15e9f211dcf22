// Reading a date input (find-record/macros.njk's dateField) in route tests: the message beside it,
// the parts marked as in error, what each part holds, and what its fieldset is described by.
import { inputValue, textOf } from './html.ts';

export interface DateFieldState {
  /** The message beside the date, as a screen reader reads it ("Error: ..."), or '' when none. */
  message: string;
  /** The parts marked as in error, in the order shown. */
  marked: string[];
  /** What the day, month and year hold. */
  typed: string[];
  /** The ids the date's fieldset is described by. */
  describedBy: string;
}

const PARTS = ['day', 'month', 'year'] as const;

export function dateFieldState(html: string, prefix: string): DateFieldState {
  const message = new RegExp(`<p id="${prefix}-error"[\\s\\S]*?</p>`).exec(html)?.[0] ?? null;
  return {
    message: textOf(message),
    marked: PARTS.filter((part) => new RegExp(`class="[^"]*govuk-input--error[^"]*" id="${prefix}-${part}"`).test(html)),
    typed: PARTS.map((part) => inputValue(html, `${prefix}-${part}`) ?? ''),
    describedBy: new RegExp(`<fieldset[^>]*aria-describedby="([^"]*)"[^>]*>(?:(?!</?fieldset)[\\s\\S])*?id="${prefix}"`).exec(html)?.[1] ?? '',
  };
}
