// Evidence waiting (issue 14): a factor nobody has assessed yet that the chronology already has
// evidence for (a hospital record of a neonatal stay, a police record of conflict, event-evidence.ts).
// The practitioner sees those records beside the factor and assesses it from them, rather than
// typing again what an agency sent.
import type { EvaluatedFactor, EvidenceDirection } from './profile.types.ts';

/** One chronology record waiting under a factor: when, which agency, what it says, which way it points. */
export interface WaitingRecord {
  eventId: string;
  /** ISO date or date-time, as the entry gives it. */
  occurredAt: string;
  agency: string;
  summary: string;
  indicates?: EvidenceDirection;
}

/**
 * The chronology's records for a factor still recorded as not assessed, newest first; none for a
 * factor someone has assessed (whatever they found), for a factor the record fills, or when the
 * only evidence was typed in by hand.
 */
export function evidenceWaiting(factor: Pick<EvaluatedFactor, 'status' | 'derived' | 'evidence'>): WaitingRecord[] {
  if (factor.derived || factor.status !== 'not-assessed') return [];
  return factor.evidence
    .flatMap((evidence) =>
      evidence.eventId === undefined
        ? []
        : [{ eventId: evidence.eventId, occurredAt: evidence.recordedAt, agency: evidence.agency, summary: evidence.note, ...(evidence.indicates === undefined ? {} : { indicates: evidence.indicates }) }],
    )
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
}
