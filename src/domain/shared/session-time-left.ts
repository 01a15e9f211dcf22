// How long a signed-in session has left, and when to warn about it (the GOV.UK timeout warning
// pattern). Pure: the caller passes now and the limits, as for sessionEndedBecause.
import type { SessionLimits, SessionTimes } from './session-expiry.ts';

export interface SessionTimeLeft {
  /** Whole seconds until the session ends (0 once it has). */
  seconds: number;
  /** What ends it first: no use for the idle limit ('idle', which using the service puts off), or the time limit since sign-in ('absolute', which nothing does). */
  endsBy: 'idle' | 'absolute';
}

export function sessionTimeLeft({ signedInAt, lastSeenAt }: SessionTimes, now: number, limits: SessionLimits): SessionTimeLeft {
  const idleEnd = (lastSeenAt ?? 0) + limits.idleMs;
  const absoluteEnd = (signedInAt ?? 0) + limits.absoluteMs;
  const endsBy = absoluteEnd < idleEnd ? 'absolute' : 'idle';
  return { seconds: Math.max(0, Math.floor((Math.min(idleEnd, absoluteEnd) - now) / 1000)), endsBy };
}

/** Warn two minutes before the end, as GOV.UK services do; half the idle limit when that is shorter. */
export function warningLeadSeconds(idleMinutes: number): number {
  return Math.min(120, idleMinutes * 30);
}
