// The day a visit's evidence was seen (issue 14): the subject's page records the day the health
// visitor saw, heard or checked it, which may be before the day it is saved (a visit written up the
// next morning). It can be neither after today (not yet seen) nor before the record began (evidence
// from before then comes in through the chronology, with its own date). Pure: the application gives
// today and the day the record began, on the service's calendar.
import { dayInWords, isRealIsoDate } from '../shared/calendar-date.ts';

export type SeenOnProblem = 'not-a-date' | 'in-the-future' | 'before-the-record';

/** Why the day cannot be the day the evidence was seen, or null when it can. */
export function checkEvidenceSeenOn(seenOn: string, today: string, recordBegan: string): SeenOnProblem | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(seenOn) || !isRealIsoDate(seenOn)) return 'not-a-date';
  if (seenOn > today) return 'in-the-future';
  if (seenOn < recordBegan) return 'before-the-record';
  return null;
}

/** What to do about it, in the words the page's error and the API's message use. */
export function seenOnMessage(problem: SeenOnProblem, recordBegan: string): string {
  switch (problem) {
    case 'not-a-date':
      return 'The date the evidence was seen must be a real date';
    case 'in-the-future':
      return 'The date the evidence was seen must be today or in the past';
    case 'before-the-record':
      return `The date the evidence was seen must be on or after ${dayInWords(recordBegan)}, when this record was started: add earlier evidence to the chronology`;
  }
}
