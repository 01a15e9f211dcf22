// The case's clocks in words, for any page that shows them (the meetings page and the case page call
// presentClocks with the clocks of application/timescales/case-clocks.ts readCaseClocks and include
// "meetings/clocks.njk"): what has to happen, from when, by when, and a status tag.
import type { Clock } from '../../../domain/timescales/clocks.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';

export interface ClockRow {
  id: string;
  label: string;
  timescale: string;
  started: string;
  due: string;
  status: string;
  /** GOV.UK tag colour class. */
  tag: string;
  /** When met: on which day, and whether late. */
  met: string | null;
}

const STATUS: Record<Clock['status'], { text: string; tag: string }> = {
  due: { text: 'Due', tag: 'govuk-tag--blue' },
  'due-soon': { text: 'Due soon', tag: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  met: { text: 'Met', tag: 'govuk-tag--green' },
};

export function presentClocks(clocks: readonly Clock[]): ClockRow[] {
  return clocks.map((clock) => {
    const late = clock.status === 'met' && clock.late === true;
    return {
      id: clock.id,
      label: clock.label,
      timescale: clock.timescale,
      started: dayInWords(clock.startedOn),
      due: dayInWords(clock.dueOn),
      status: late ? 'Met late' : STATUS[clock.status].text,
      tag: late ? 'govuk-tag--orange' : STATUS[clock.status].tag,
      met: clock.metOn ? `${late ? 'Met late' : 'Met'} on ${dayInWords(clock.metOn)}` : null,
    };
  });
}
