// What the case page shows of a case closed for transfer (docs/domain.md, "Transfer to another area"):
// its banner, and no change offered (its change forms refuse: application/cases/case-intent.ts).
import type { CaseClosure } from '../../../application/cases/case-closure.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';

/** A contact typed on several lines, on one: "Rita Receiver, duty team" and "01234 567890" joined by a comma. */
const oneLine = (text: string) => text.split('\n').map((line) => line.trim().replace(/[,;]$/, '')).filter(Boolean).join(', ');

/**
 * The banner of a case closed for transfer (docs/domain.md, "Transfer to another area"):
 * when, where the family went, that the record is read-only here and whom to send anything new to.
 */
function presentClosure(closed: CaseClosure) {
  if (closed === null) return null;
  return {
    heading: `This case was closed on ${dayInWords(closed.closedOn)} because the family moved to ${closed.toArea}.`,
    readOnly: 'The record is read-only here: nothing can be added to it or changed. You can still read and print it.',
    sendTo: `Send anything new about the family to ${closed.toArea}${closed.contact ? `: the lead professional named ${oneLine(closed.contact)} to receive the record there` : ''}.`,
  };
}


/** The case page's view with the closure: its banner, and nothing to change while the case is closed. */
export function withClosure<T extends { canChange: boolean }>(page: T, closed: CaseClosure): T & { closed: ReturnType<typeof presentClosure> } {
  return { ...page, canChange: page.canChange && closed === null, closed: presentClosure(closed) };
}
