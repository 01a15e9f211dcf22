// "GP informed" as a recorded fact (issue 13): telling the GP of the concerns is a chronology entry
// of kind `gp-informed` with its day, who told the GP and what was shared, recorded through the
// chronology like any entry (an agency system sends the same kind on the events API). The GP often
// holds the parents' mental health and childhood history (Northamptonshire briefing, 5.0), and the
// BSW workshop's audits found a "gap in informing GPs of concerns" ("Local practice themes –
// audits"). A page shows when the GP was last told and by whom, or that there is no record of it.
import { currentEntries } from '../chronology/current-entries.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { dayOfOccurrence } from '../chronology/entry-rules.ts';
import { dayInWords } from '../shared/calendar-date.ts';
import { happenedDayProblem, tooEarlyWords } from '../shared/date-rules.ts';

export const GP_TOLD_KIND = 'gp-informed';
/** The mark the GP-told form leaves in an entry's details; an agency system cannot send it (the events API refuses `details.form`). */
export const GP_TOLD_FORM = 'gp-told';

export const GP_TOLD_LIMITS = { toldBy: 200, shared: 2000 } as const;

/** The form's fields: the day, who told the GP (the recorder when left blank) and what was shared. */
export interface GpToldDraft {
  toldOn: string;
  toldBy?: string;
  shared: string;
}

export const GP_TOLD_PROBLEM_MESSAGES = {
  'date-needed': 'Enter the date the GP was told.',
  'not-a-date': 'The date the GP was told must be a real date.',
  'too-early': tooEarlyWords('The date the GP was told'),
  'in-future': 'The date the GP was told cannot be in the future.',
  'shared-needed': 'Say what was shared with the GP.',
  'too-long': 'This is too long.',
} as const;
export type GpToldProblemCode = keyof typeof GP_TOLD_PROBLEM_MESSAGES;
export interface GpToldProblem {
  path: '/toldOn' | '/toldBy' | '/shared';
  code: GpToldProblemCode;
}

/** Checks the form on the service's day: every problem with its path, none when it may be recorded. */
export function checkGpTold(draft: GpToldDraft, today: string): GpToldProblem[] {
  const problems: GpToldProblem[] = [];
  const toldOn = draft.toldOn.trim();
  if (toldOn === '') problems.push({ path: '/toldOn', code: 'date-needed' });
  else {
    const wrong = happenedDayProblem(toldOn, today);
    if (wrong) problems.push({ path: '/toldOn', code: wrong });
  }
  if ((draft.toldBy ?? '').trim().length > GP_TOLD_LIMITS.toldBy) problems.push({ path: '/toldBy', code: 'too-long' });
  const shared = draft.shared.trim();
  if (shared === '') problems.push({ path: '/shared', code: 'shared-needed' });
  else if (shared.length > GP_TOLD_LIMITS.shared) problems.push({ path: '/shared', code: 'too-long' });
  return problems;
}

/** The chronology entry a checked form is recorded as: who told the GP is the recorder unless named. */
export function gpToldEntry(draft: GpToldDraft, recorderName: string) {
  const toldBy = (draft.toldBy ?? '').trim() || recorderName;
  const shared = draft.shared.trim();
  return {
    kind: GP_TOLD_KIND,
    occurredAt: draft.toldOn.trim(),
    summary: `GP told by ${toldBy}: ${shared}`,
    source: 'agency-record',
    details: { form: GP_TOLD_FORM, toldBy, shared },
  };
}

export interface GpTold {
  entryId: string;
  on: string;
  /** Who told the GP: as the form named them, else who recorded the entry. */
  by: string;
  agency: string;
  /** What was shared: as the form wrote it, else the entry's summary. */
  shared: string;
}

/**
 * The latest current `gp-informed` entry (a corrected one no longer counts), or null when none. Who
 * told and what was shared are read from the entry's details only when the GP-told form wrote them.
 */
export function gpLastTold(entries: readonly ChronologyEntry[], details: (entry: ChronologyEntry) => Record<string, unknown> = () => ({})): GpTold | null {
  let latest: { entry: ChronologyEntry; day: string } | null = null;
  for (const entry of currentEntries(entries)) {
    if (entry.kind !== GP_TOLD_KIND) continue;
    const day = dayOfOccurrence(entry.occurredAt) ?? entry.occurredAt.slice(0, 10);
    if (!latest || day > latest.day || (day === latest.day && entry.recordedAt > latest.entry.recordedAt)) latest = { entry, day };
  }
  if (!latest) return null;
  const raw = details(latest.entry);
  const said = raw['form'] === GP_TOLD_FORM ? raw : {};
  const text = (key: string) => {
    const value = said[key];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  return { entryId: latest.entry.id, on: latest.day, by: text('toldBy') ?? latest.entry.recordedBy, agency: latest.entry.agency, shared: text('shared') ?? latest.entry.summary };
}

/** "GP last told: 3 November 2026, by Hana Visitor (Health visiting)", or that there is no record. */
export function gpToldInWords(told: GpTold | null): string {
  return told ? `GP last told: ${dayInWords(told.on)}, by ${told.by} (${told.agency})` : 'No record of the GP being told';
}
