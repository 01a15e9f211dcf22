// How long a released subject access disclosure is kept (issue 21; docs/adr/0014): it is the
// organisation's record of its answer, kept for its own period counted from the day it was released,
// then removed by the retention run unless a legal hold stands on a record it drew on. The period
// is an area setting (domain/settings/service-settings.ts, `retention.releasedDisclosureKeepYears`).
// Pure.
import { addMonths } from '../shared/calendar-date.ts';

export const RELEASED_DISCLOSURE_KEEP = {
  label: 'Released subject access disclosures: keep for',
  defaultYears: 3,
  minimumYears: 1,
  maximumYears: 20,
  /**
   * Where the default comes from. Not confirmed against the code's own retention schedule: the library
   * this service was built from holds the code's opening pages, not its schedule (docs/adr/0014).
   */
  source:
    'Records Management Code of Practice 2021 (NHS), retention schedule, subject access requests: 3 years after the request is closed, 6 years where there was an appeal (not confirmed against the code’s own schedule; check it, and your council’s schedule, before relying on it)',
} as const;

/** The day a disclosure released on `releasedOn` reaches the end of its period: the same day `keepYears` later. */
export function releasedDisclosureDisposeOn(releasedOn: string, keepYears: number): string {
  return addMonths(releasedOn, 12 * keepYears);
}

export interface ReleasedDisclosureRetention {
  disposeOn: string;
  /** Its period has ended: today is its disposal day or later. */
  ended: boolean;
  /** The holds in force on a record it drew on, by their reasons: any one keeps it. */
  heldBy: string[];
  /** Its period has ended and nothing holds it. */
  due: boolean;
}

export function releasedDisclosureRetention(releasedOn: string, keepYears: number, holdsInForce: readonly string[], today: string): ReleasedDisclosureRetention {
  const disposeOn = releasedDisclosureDisposeOn(releasedOn, keepYears);
  const ended = today >= disposeOn;
  return { disposeOn, ended, heldBy: [...holdsInForce], due: ended && holdsInForce.length === 0 };
}
