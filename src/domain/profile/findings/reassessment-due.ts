// Attention: the profile is continuous (docs/domain.md, Re-assess when things change): a trigger event since the last review (an
// injury, a discharge, a police call, a move...) or the review date reached re-opens it.
import { eventKindById } from '../../catalogue/catalogue.ts';
import { countOf, listInWords } from '../plain-words.ts';
import { dayInWords, dayOf } from '../../shared/calendar-date.ts';
import { makeFinding, unique } from './rule-context.ts';
import type { FindingRule } from './rule-context.ts';

export const reassessmentDue: FindingRule = (context) => {
  const facts: string[] = [];
  const triggers = context.triggersSinceReview;
  if (triggers.length > 0) {
    // Each kind once before its label is looked up: a profile never reviewed lists every trigger of its chronology.
    const kinds = unique([...new Set(triggers.map((e) => e.kind))].map((kind) => (eventKindById(kind)?.label ?? kind).toLowerCase()));
    const since = context.lastReviewedAt === null ? 'and the profile has never been reviewed' : `since the last review on ${dayInWords(context.lastReviewedAt)}`;
    facts.push(`${countOf(triggers.length, 'trigger event')} ${since}: ${listInWords(kinds)}`);
  }
  const due = dayOf(context.reviewDueOn);
  const today = dayOf(context.today);
  if (due !== null && today !== null && due <= today) {
    facts.push(due === today ? 'the review is due today' : `the review was due on ${dayInWords(due)}`);
  }
  if (facts.length === 0) return null;
  return makeFinding('reassessment-due', { facts, factorIds: [], personIds: [] });
};
