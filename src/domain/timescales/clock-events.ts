// What the clocks are computed from (clocks.ts, ClockEvents), mapped from a case's chronology
// entries, its recorded meetings, its birth and its due date. Pure. The mapping, kind by kind
// (docs/domain.md, "Clocks and timescales"; README.md here):
//
// - referrals received by children's social care: `referral` entries recorded by children's social
//   care. An entry does not say to whom a referral was made, so a referral another agency records
//   (to whomever) starts no clock.
// - decisions on a referral: `referral-decision` entries recorded by children's social care, on or
//   after the first referral (a decision another agency records, or one dated before any referral,
//   decides nothing here). A strategy discussion (entry or meeting) on or after a referral is a
//   decision too, on its day: it decides the referral needs enquiries. Until one, the decision clock
//   runs (and goes overdue).
// - assessments completed: `assessment-completed` entries recorded by children's social care.
// - strategy discussions: `strategy-discussion` entries and meetings (a meeting says whether it
//   started section 47 enquiries; an entry does not, which counts as started).
// - conferences: meetings say which (initial, review, pre-birth) and whether a plan followed. A
//   `conference` entry does not: it is a pre-birth conference before the birth and an initial one
//   after it when no conference with a plan came before, and a review when one did.
// - core groups: `core-group` meetings and `core-group` entries, recorded by any agency.
// An entry on the same day as a meeting of the same kind is the same event told twice: the meeting,
// which says more, is kept. Corrected entries are left out (their corrections count).
import { currentEntries } from '../chronology/current-entries.ts';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { isConference, type Meeting } from '../meetings/meeting.types.ts';
import { dayOf } from '../shared/calendar-date.ts';
import type { ClockEvents, ConferenceHeld, ConferenceKind, StrategyDiscussionHeld } from './clocks.ts';

export interface CaseClockSources {
  entries: readonly ChronologyEntry[];
  meetings: readonly Pick<Meeting, 'kind' | 'heldOn' | 'section47' | 'protectionPlan'>[];
  bornOn: string | null;
  expectedDeliveryOn: string | null;
}

const CONFERENCE_KIND: Partial<Record<Meeting['kind'], ConferenceKind>> = { 'initial-conference': 'initial', 'review-conference': 'review', 'pre-birth-conference': 'pre-birth' };
const SOCIAL_CARE = 'childrens-social-care';

/** The kinds of entry the clocks read: the chronology is walked once for them, whatever its length. */
const CLOCK_KINDS: ReadonlySet<string> = new Set(['birth', 'strategy-discussion', 'conference', 'referral', 'referral-decision', 'assessment-completed', 'core-group']);

/** Whether clockEventsFrom reads the entry: one of the clocks' kinds, or a correction (which can leave one of them out). */
function readByTheClocks(entry: ChronologyEntry): boolean {
  return CLOCK_KINDS.has(entry.kind) || typeof entry.corrects === 'string';
}

/** The current entries of the kinds the clocks read, by kind, in the chronology's order. */
function clockEntriesByKind(chronology: readonly ChronologyEntry[]): Map<string, ChronologyEntry[]> {
  const byKind = new Map<string, ChronologyEntry[]>();
  for (const entry of chronology) {
    if (!CLOCK_KINDS.has(entry.kind)) continue;
    const list = byKind.get(entry.kind);
    if (list) list.push(entry);
    else byKind.set(entry.kind, [entry]);
  }
  if (byKind.size === 0) return byKind;
  // Only an entry of these kinds can be left out as corrected: the corrections are read from every entry.
  const current = new Set(currentEntries(chronology.filter(readByTheClocks)));
  for (const [kind, list] of byKind) byKind.set(kind, list.filter((entry) => current.has(entry)));
  return byKind;
}

/** A chronology and the entries of it clockEventsFrom reads, kept so that a longer chronology is read only where it is longer. */
export interface ClockEntriesState {
  /** The chronology read. */
  readonly chronology: readonly ChronologyEntry[];
  /** Its entries of the clocks' kinds and its corrections, in its order: clockEventsFrom gives the same from them as from the whole chronology. */
  readonly entries: readonly ChronologyEntry[];
}

/**
 * The entries of `chronology` clockEventsFrom reads: `kept`'s and those of the entries after the ones it
 * read, when `chronology` begins with them (the same objects, as the chronology cache hands them on);
 * otherwise, as after an entry dated before the last or a change that rolled back, read whole. Which
 * entries are read depends on each entry alone, so a correction added at the end needs no more than that.
 * The very chronology read (the same list, as a page view is handed the one kept) is not looked at again.
 */
export function clockEntriesKept(chronology: readonly ChronologyEntry[], kept?: ClockEntriesState): ClockEntriesState {
  if (kept?.chronology === chronology) return kept;
  if (!kept || !beginsWith(chronology, kept.chronology)) return { chronology, entries: chronology.filter(readByTheClocks) };
  const added = chronology.slice(kept.chronology.length).filter(readByTheClocks);
  return { chronology, entries: added.length === 0 ? kept.entries : [...kept.entries, ...added] };
}

function beginsWith(chronology: readonly ChronologyEntry[], read: readonly ChronologyEntry[]): boolean {
  if (chronology.length < read.length) return false;
  // From the end: an entry put in before the last moves every later one, so the first look finds it.
  for (let i = read.length - 1; i >= 0; i--) if (chronology[i] !== read[i]) return false;
  return true;
}

export function clockEventsFrom(sources: CaseClockSources): ClockEvents {
  const byKind = clockEntriesByKind(sources.entries);
  const daysOf = (kind: ChronologyEntry['kind'], socialCareOnly: boolean) =>
    (byKind.get(kind) ?? []).flatMap((entry) => (!socialCareOnly || entry.agencyKind === SOCIAL_CARE ? [dayOf(entry.occurredAt)] : [])).filter((day): day is string => day !== null);
  const bornOn = dayOf(sources.bornOn) ?? daysOf('birth', false).sort()[0] ?? null;

  const meetingDays = (test: (kind: Meeting['kind']) => boolean) => new Set(sources.meetings.filter((m) => test(m.kind)).map((m) => m.heldOn));

  const strategyMeetingDays = meetingDays((kind) => kind === 'strategy-discussion');
  const strategyDiscussions: StrategyDiscussionHeld[] = [
    ...sources.meetings.filter((m) => m.kind === 'strategy-discussion').map((m) => ({ heldOn: m.heldOn, ...(m.section47 !== undefined ? { section47: m.section47 } : {}) })),
    ...daysOf('strategy-discussion', false).filter((day) => !strategyMeetingDays.has(day)).map((heldOn) => ({ heldOn })),
  ];

  const conferenceMeetingDays = meetingDays(isConference);
  const fromMeetings: ConferenceHeld[] = sources.meetings.flatMap((m) => {
    const kind = CONFERENCE_KIND[m.kind];
    return kind ? [{ kind, heldOn: m.heldOn, ...(m.protectionPlan !== undefined ? { plan: m.protectionPlan } : {}) }] : [];
  });
  const conferences: ConferenceHeld[] = [...fromMeetings];
  for (const heldOn of daysOf('conference', false).filter((day) => !conferenceMeetingDays.has(day)).sort()) {
    const earlier = conferences.filter((c) => c.heldOn < heldOn).sort((a, b) => a.heldOn.localeCompare(b.heldOn)).at(-1);
    const kind: ConferenceKind = earlier !== undefined && earlier.plan !== false ? 'review' : bornOn === null || heldOn < bornOn ? 'pre-birth' : 'initial';
    conferences.push({ kind, heldOn });
  }

  const referralsReceivedOn = daysOf('referral', true);
  const firstReferral = [...referralsReceivedOn].sort()[0];
  const decisionDays = [...daysOf('referral-decision', true), ...strategyDiscussions.map((s) => s.heldOn)];
  const referralDecisions = firstReferral === undefined ? [] : [...new Set(decisionDays.filter((day) => day >= firstReferral))].sort().map((decidedOn) => ({ decidedOn }));

  const coreGroupMeetingDays = meetingDays((kind) => kind === 'core-group');
  const coreGroupsHeldOn = [...coreGroupMeetingDays, ...new Set(daysOf('core-group', false).filter((day) => !coreGroupMeetingDays.has(day)))];

  return {
    referralsReceivedOn,
    referralDecisions,
    assessmentsCompletedOn: daysOf('assessment-completed', true),
    strategyDiscussions,
    conferences,
    coreGroupsHeldOn,
    bornOn,
    expectedDeliveryOn: dayOf(sources.expectedDeliveryOn),
  };
}
