// The text alternative: the same facts as the picture, in plain words. A short summary (also the
// picture's description) and headed lists: entries by agency, the significant entries in order,
// the patterns, and anything the picture leaves out.
import type { ChronologyEntry, ChronologyPattern } from '../../../domain/chronology/chronology.types.ts';
import { peopleInWords, spanInWords } from '../../../domain/chronology/pattern-words.ts';
import { countOf, listInWords } from '../../../domain/profile/plain-words.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import type { TextSection, TimelineInput } from './timeline.model.ts';
import type { TimelinePlan } from './timeline.plan.ts';
import { entryWords, kindLabel, trimmed } from './timeline.words.ts';

const SEVERITY_WORDS: Record<ChronologyPattern['severity'], string> = { high: 'high concern', attention: 'needs attention' };

function isAre(count: number): string {
  return count === 1 ? 'is' : 'are';
}

function nothingDrawn(plan: TimelinePlan, input: TimelineInput): string {
  if (input.entries.length === 0) return 'There are no entries in the chronology yet, so there is no timeline to draw.';
  if (plan.drawn.length === 0 && plan.outside.length === 0) return 'No entry has a date that can be read, so there is no timeline to draw.';
  const { from, to } = plan.asked;
  const period = from !== null && to !== null ? spanInWords(from, to) : from !== null ? `from ${dayInWords(from)}` : `up to ${dayInWords(to ?? '')}`;
  return `There are no entries ${period}, so there is no timeline to draw.`;
}

function agencyCounts(plan: TimelinePlan): string {
  return listInWords(plan.lanes.map((lane) => `${lane.entries.length} from ${trimmed(lane.agency, 80)}`));
}

function patternsSentence(plan: TimelinePlan, input: TimelineInput): string {
  if (plan.patterns.length === 0) return input.patterns.length === 0 ? 'No patterns were found.' : 'No pattern falls in this period.';
  const items = plan.patterns.map((p) => `${p.pattern.title} (${spanInWords(p.from, p.to)})`);
  return `${plan.patterns.length === 1 ? 'One pattern is' : `${plan.patterns.length} patterns are`} shaded: ${listInWords(items)}.`;
}

function notDrawnSentence(plan: TimelinePlan): string {
  const left = plan.outside.length + plan.undated.length;
  if (left === 0) return '';
  const reasons = [plan.outside.length > 0 ? `${plan.outside.length} outside the period shown` : '', plan.undated.length > 0 ? `${plan.undated.length} with a date that cannot be read` : ''];
  return ` ${countOf(left, 'entry is', 'entries are')} not drawn: ${listInWords(reasons.filter(Boolean))}.`;
}

/** The summary in a few sentences, or why there is no picture. */
export function summarise(plan: TimelinePlan, input: TimelineInput): string {
  if (plan.period === null) return nothingDrawn(plan, input);
  const { drawn, lanes } = plan;
  const significant = drawn.filter((p) => p.entry.significant).length;
  const corrected = drawn.filter((p) => p.corrected).length;
  const sentences = [
    `The timeline shows ${countOf(drawn.length, 'entry', 'entries')} from ${countOf(lanes.length, 'agency', 'agencies')} ${spanInWords(drawn[0]!.day, drawn.at(-1)!.day)}: ${agencyCounts(plan)}.`,
    significant === 0 ? 'None is marked significant.' : `${significant} ${isAre(significant)} significant.`,
    corrected === 0 ? '' : `${corrected} ${corrected === 1 ? 'has' : 'have'} been corrected by a later entry and ${corrected === 1 ? 'is' : 'are'} drawn hollow.`,
    patternsSentence(plan, input),
  ];
  return `${sentences.filter(Boolean).join(' ')}${notDrawnSentence(plan)}`;
}

function aboutWhom(entry: ChronologyEntry, names: ReadonlyMap<string, string>): string {
  const ids = [...entry.personIds, ...entry.victimIds, ...entry.perpetratorIds];
  return ids.length === 0 ? '' : `, about ${peopleInWords(ids, names)}`;
}

function leftOut(entry: ChronologyEntry, why: string): string {
  return `${kindLabel(entry.kind)}, ${trimmed(entry.agency, 80) || 'agency not recorded'}: ${why}`;
}

export function describeSections(plan: TimelinePlan, input: TimelineInput): TextSection[] {
  const sections: TextSection[] = [
    {
      heading: 'Entries by agency',
      items: plan.lanes.map((lane) => {
        const significant = lane.entries.filter((p) => p.entry.significant).length;
        const first = lane.entries[0]!.day;
        const last = lane.entries.at(-1)!.day;
        return `${trimmed(lane.agency, 80)}: ${countOf(lane.entries.length, 'entry', 'entries')} ${spanInWords(first, last)}${significant > 0 ? `, ${significant} significant` : ''}`;
      }),
    },
    { heading: 'Significant entries, in date order', items: plan.drawn.filter((p) => p.entry.significant).map((p) => entryWords(p, aboutWhom(p.entry, input.names))) },
    {
      heading: 'Patterns',
      items: input.patterns.map((p) => `${p.title}, ${spanInWords(p.from, p.to)} (${SEVERITY_WORDS[p.severity]}): ${p.rationale}`),
    },
    {
      heading: 'Not on the timeline',
      items: [
        ...plan.outside.map((entry) => leftOut(entry, `${dayInWords(entry.occurredAt)}, outside the period shown`)),
        ...plan.undated.map((entry) => leftOut(entry, `the date "${trimmed(entry.occurredAt, 40)}" cannot be read`)),
      ],
    },
  ];
  return sections.filter((section) => section.items.length > 0);
}
