// Which alert a chronology entry raises, from its kind alone. A hospital or neonatal discharge is
// also a trigger, but raises the one discharge alert (docs/domain.md, Hospital discharge: the social worker was never told
// of the discharge); an emergency attendance likewise; any other trigger raises a trigger alert.
import { eventKindById } from '../catalogue/catalogue.ts';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import type { Severity } from '../catalogue/finding-definitions.ts';
import { dayInWords, dayOf } from '../shared/calendar-date.ts';
import type { AlertDraft, AlertReason } from './alert.types.ts';

/**
 * Triggers that change the picture but need no same-day action: they bring the review forward and
 * the team should know, at `attention`. Every other trigger is `high`.
 */
export const LOWER_STAKES_TRIGGERS: readonly EventKindId[] = ['sibling-born', 'new-pregnancy', 'change-of-address', 'adult-left-household'];

const DISCHARGED_FROM: Partial<Record<EventKindId, string>> = {
  'hospital-discharge': 'hospital',
  'neonatal-discharge': 'the neonatal unit',
};

export function reasonForKind(kind: string): AlertReason | null {
  if (kind in DISCHARGED_FROM) return 'discharge';
  if (kind === 'emergency-attendance') return 'emergency-attendance';
  return eventKindById(kind)?.trigger ? 'trigger-event' : null;
}

export interface EntryFacts {
  kind: string;
  /** ISO date or date-time. */
  occurredAt: string;
}

export interface EntryAlertContext {
  /** As shown on screen (infantDisplayName): "Ruby Okafor", "Unborn baby Okafor". */
  babyName: string;
  /** YYYY-MM-DD in the service's time zone. */
  today: string;
  /**
   * When the entry corrects another: that entry's kind. A correction of the same reason raises
   * nothing (the team was told when the first was recorded); one that changes the reason does.
   */
  correctsKind?: string;
}

const REVIEW_STEP = 'Review the profile: this brings the review forward.';

function when(occurredAt: string, today: string): { day: string; isToday: boolean } {
  const day = dayOf(occurredAt) ?? today;
  return { day: dayInWords(day), isToday: day === today };
}

/** The one alert an entry raises, or null when its kind raises none. */
export function alertForEntry(entry: EntryFacts, context: EntryAlertContext): AlertDraft | null {
  const reason = reasonForKind(entry.kind);
  if (reason === null) return null;
  if (context.correctsKind !== undefined && reasonForKind(context.correctsKind) === reason) return null;
  const { babyName } = context;
  const { day, isToday } = when(entry.occurredAt, context.today);
  switch (reason) {
    case 'discharge': {
      const from = DISCHARGED_FROM[entry.kind as EventKindId]!;
      const message = isToday
        ? `${babyName} was discharged from ${from} today (${day}). Everyone in the team must know today.`
        : `${babyName} was discharged from ${from} on ${day} and has gone home. Everyone in the team must know.`;
      return { reason, severity: 'high', message, steps: ['Agree who sees the baby at home first, and when.', REVIEW_STEP] };
    }
    case 'emergency-attendance':
      return {
        reason,
        severity: 'high',
        message: `${babyName} was taken to the emergency department ${isToday ? `today (${day})` : `on ${day}`}. Everyone in the team must know.`,
        steps: ['Find out why the baby was brought, and what was found.', REVIEW_STEP],
      };
    default: {
      // The birth is what the serious case reviews found nobody told the social worker about (docs/domain.md, "Recording the birth").
      if (entry.kind === 'birth') {
        return {
          reason,
          severity: 'high',
          message: `${babyName} was born ${isToday ? `today (${day})` : `on ${day}`}. Everyone in the team must know.`,
          steps: ['Agree who sees the baby at home first, and when.', REVIEW_STEP],
        };
      }
      const label = eventKindById(entry.kind)!.label;
      const severity: Severity = LOWER_STAKES_TRIGGERS.includes(entry.kind as EventKindId) ? 'attention' : 'high';
      return { reason, severity, message: `For ${babyName}: ${label} (${isToday ? `today, ${day}` : day}).`, steps: [REVIEW_STEP] };
    }
  }
}
