// Attention: risk factors are indicated for the baby, an adult who cares for the baby or the
// household, and the GP has not been told of them (docs/profile-catalogue.md, `gp-not-informed`).
// The BSW workshop's "Local practice themes – audits" found a gap in informing GPs of concerns; the
// Northamptonshire briefing (section 5.0) asks that what each agency knows is shared.
//
// The rule, factor by factor (derived factors are left out: they come from the birth record, ages
// and identity checks, which the GP holds already; but not faltering growth, which comes from
// weights other agencies record):
// - the factor counts from the earliest day any evidence says it is present (the day of the entry,
//   or the day the evidence was recorded), up to today;
// - the GP knows of it when a `gp-informed` entry is dated on or after that day, or when an entry
//   recorded by a GP practice is evidence of it (the GP recorded it);
// - a factor recorded as present with no dated evidence of presence counts from no known day: any
//   `gp-informed` entry up to today covers it.
// The finding fires while at least one indicated factor is not known to the GP.
import { dayInWords } from '../../shared/calendar-date.ts';
import { capitalise, countOf, listInWords } from '../plain-words.ts';
import type { FactorId } from '../../catalogue/factor-ids.ts';
import { factorOf, makeFinding, type FindingRule } from './rule-context.ts';

interface Untold {
  words: string;
  factorId: FactorId;
  personId?: string;
  since: string | null;
}

export const gpNotInformed: FindingRule = (context) => {
  const today = context.today;
  // The last day the GP was told, up to today: looked for only once a factor is indicated (most evaluations find none).
  let lastToldOn: { day: string | undefined } | undefined;
  const lastTold = () => (lastToldOn ??= { day: context.gpEvents.toldOn.filter((day) => day <= today).sort().at(-1) }).day;

  const subjects = [context.infantProfile, ...context.adults.filter((adult) => adult.carer).map((adult) => adult.profile), context.household];
  const untold: Untold[] = [];
  for (const profile of subjects) {
    for (const factor of profile.risk) {
      if ((factor.derived && factor.factorId !== 'faltering-growth') || !factor.indicated) continue;
      const { presenceByTheGp, firstPresentOn } = context.tallyOf(factor);
      if (presenceByTheGp) continue;
      // The earliest day of presence up to today: the earliest of all, unless even that is after today.
      const since = firstPresentOn !== null && firstPresentOn <= today ? firstPresentOn : null;
      const told = lastTold();
      if (told !== undefined && (since === null || told >= since)) continue;
      untold.push({ words: factorOf(profile, factor.factorId), factorId: factor.factorId, ...(profile.personId === undefined ? {} : { personId: profile.personId }), since });
    }
  }
  if (untold.length === 0) return null;

  const described = untold.map((u) => (u.since === null ? u.words : `${u.words} (from ${dayInWords(u.since)})`));
  const shown = described.length > 3 ? [...described.slice(0, 3), countOf(described.length - 3, 'more', 'more')] : described;
  const last = lastTold();
  const told = last === undefined ? 'No entry records that the GP has been told of the concerns' : `The GP was last told of the concerns on ${dayInWords(last)}`;
  return makeFinding('gp-not-informed', {
    facts: [...described.map(capitalise), told],
    factorIds: untold.map((u) => u.factorId),
    personIds: untold.flatMap((u) => (u.personId === undefined ? [] : [u.personId])),
    rationale: last === undefined
      ? `No entry records that the GP has been told of ${listInWords(shown)}.`
      : `The GP was last told of the concerns on ${dayInWords(last)}, before ${listInWords(shown)}.`,
  });
};
