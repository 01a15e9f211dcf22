// High: an unborn baby with concerns, near or past the pre-birth milestone (weeks of pregnancy,
// configured per area), and no assessment completed yet (docs/domain.md, Pre-birth timescales: in good time).
import { gestationToday } from '../../people/age.ts';
import { capitalise, countOf, listInWords } from '../plain-words.ts';
import { dayOf } from '../../shared/calendar-date.ts';
import { allSubjects, babyName, factorOf, makeFinding } from './rule-context.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import type { FindingRule } from './rule-context.ts';

/** Where the pregnancy stands against the milestone ("is at 27 weeks..."), or null when the milestone is not near yet. */
function timing(expectedDeliveryDate: string | null, today: string, milestone: number, notice: number): string | null {
  const edd = dayOf(expectedDeliveryDate);
  const now = dayOf(today);
  // Without an expected date nobody can say the milestone is far off: assume it is near.
  if (edd === null || now === null) return 'has no expected date of delivery recorded';
  const { weeks, days } = gestationToday(edd, now);
  const exact = weeks + days / 7;
  if (exact < milestone - notice) return null;
  const at = `is at ${weeks} weeks of pregnancy`;
  return exact < milestone ? `${at}, near the ${milestone}-week pre-birth milestone` : `${at}, past the ${milestone}-week pre-birth milestone`;
}

export const preBirthAssessmentDue: FindingRule = (context) => {
  if (context.infant.status !== 'unborn') return null;
  if (context.events.some((e) => e.kind === 'assessment-completed')) return null;
  const concerns: string[] = [];
  const factorIds: FactorId[] = [];
  const personIds: string[] = [];
  for (const profile of allSubjects(context)) {
    for (const factor of profile.risk) {
      // Derived factors other than young parenthood say nothing yet; an unchecked history is not a concern by itself.
      if (factor.derived && factor.factorId !== 'young-parent') continue;
      if (!factor.indicated && factor.status !== 'cannot-assess') continue;
      concerns.push(factorOf(profile, factor.factorId));
      factorIds.push(factor.factorId);
      if (profile.personId !== undefined) personIds.push(profile.personId);
    }
  }
  for (const { person } of context.adults) {
    if (person.identityKnown) continue;
    concerns.push(`an adult whose identity is not known (${person.name})`);
    factorIds.push('identity-unknown');
    personIds.push(person.id);
  }
  if (concerns.length === 0) return null;
  const when = timing(context.infant.expectedDeliveryDate, context.today, context.settings.preBirthMilestoneWeeks, context.settings.preBirthNoticeWeeks);
  if (when === null) return null;
  const shown = concerns.length > 3 ? [...concerns.slice(0, 3), countOf(concerns.length - 3, 'more', 'more')] : concerns;
  const first = `${capitalise(babyName(context.infant))} ${when}`;
  return makeFinding('pre-birth-assessment-due', {
    facts: [first, ...concerns.map(capitalise), 'No pre-birth assessment is recorded as completed'],
    rationale: `${first}, with concerns (${listInWords(shown)}) and no pre-birth assessment completed.`,
    factorIds,
    personIds,
  });
};
