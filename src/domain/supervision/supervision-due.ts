// When a case is due supervision (issue 16): it shows a high or critical finding and has had no
// supervision within the area's period (the setting supervision.periodDays). A supervision held
// exactly the period ago still counts; the day after, the case is due. A case with only findings that
// ask for attention, or none, is never due by this rule, however long since its last supervision.
import type { Severity } from '../catalogue/finding-definitions.ts';
import { addDays, daysFrom } from '../shared/calendar-date.ts';

export const DEFAULT_SUPERVISION_PERIOD_DAYS = 28;
export const SUPERVISION_PERIOD_BOUNDS = { min: 7, max: 182 } as const;

const SERIOUS: readonly Severity[] = ['critical', 'high'];

export interface SupervisionDueFacts {
  findings: readonly { severity: Severity }[];
  /** The day of the case's latest supervision; null when it has had none. */
  lastHeldOn: string | null;
  /** The service's day. */
  today: string;
  periodDays: number;
}

export type SupervisionDue =
  | { due: false }
  /** `since`: the first day it was due (the day after the period ran out), or null when it has never been supervised. */
  | { due: true; since: string | null; daysSinceLast: number | null };

export function supervisionDue({ findings, lastHeldOn, today, periodDays }: SupervisionDueFacts): SupervisionDue {
  if (!findings.some((finding) => SERIOUS.includes(finding.severity))) return { due: false };
  if (lastHeldOn === null) return { due: true, since: null, daysSinceLast: null };
  const days = daysFrom(lastHeldOn, today);
  if (days <= periodDays) return { due: false };
  return { due: true, since: addDays(lastHeldOn, periodDays + 1), daysSinceLast: days };
}
