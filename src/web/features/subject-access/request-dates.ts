// The new request's two dates, each typed as day, month and year (the shared date input): the date
// of birth a search finds the person by and the date the request was received. Read here into the
// ISO day the use cases take; one that cannot be read is worded as every date input words it, on the
// part in error, in place of the use case's problem with it.
import { readDateInput, type DatePartErrors, type DateWords, type Values } from '../../forms/date-input.ts';

type Problem = { field: string; message: string };

export const DATE_OF_BIRTH: DateWords = { prefix: 'dateOfBirth', label: 'Date of birth', enter: 'Enter their date of birth: a name alone finds too many people' };
export const RECEIVED_ON: DateWords = { prefix: 'receivedOn', label: 'The date the request was received', enter: 'Enter the date the request was received' };

/** The fields of a date input, as the form posts them. */
export const dateFieldNames = (words: DateWords): string[] => ['day', 'month', 'year'].map((part) => `${words.prefix}-${part}`);

/** The date as typed, its parts trimmed. */
function read(values: Values, words: DateWords) {
  const parts = Object.fromEntries(dateFieldNames(words).map((field) => [field, (values[field] ?? '').trim()]));
  return readDateInput(parts, words, true);
}

/** What the use case is sent for a typed date: its ISO day, or never a real date (so it is refused) when it cannot be read. */
export function isoDay(values: Values, words: DateWords): string {
  const reading = read(values, words);
  return reading.ok ? (reading.iso ?? '') : 'not-a-date';
}

/**
 * The use case's problems as the form shows them: a date's problem, when what was typed cannot be
 * read, in the shared words on the first part in error (its parts to mark in dateParts); otherwise on
 * its day, every part marked. Other problems are left as they are.
 */
export function withDateProblems(problems: readonly Problem[], values: Values): { problems: Problem[]; dateParts: DatePartErrors } {
  const dateParts: DatePartErrors = {};
  const shown = problems.map((problem) => {
    const words = [DATE_OF_BIRTH, RECEIVED_ON].find((date) => date.prefix === problem.field);
    if (!words) return problem;
    const reading = read(values, words);
    if (reading.ok) return { field: `${words.prefix}-day`, message: problem.message };
    dateParts[words.prefix] = reading.parts;
    return { field: reading.field, message: reading.text };
  });
  return { problems: shown, dateParts };
}
