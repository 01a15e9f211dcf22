// When a signed-in session has ended: idle for the idle limit since it was last used, or past the
// absolute limit since sign-in. Pure: the caller passes now and the limits from its settings.
export interface SessionTimes {
  signedInAt?: number | undefined;
  lastSeenAt?: number | undefined;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** Why the session has ended ('idle' first), or null while it is in force. A time not known counts as long ago. */
export function sessionEndedBecause({ signedInAt, lastSeenAt }: SessionTimes, now: number, limits: SessionLimits): 'idle' | 'absolute' | null {
  if (now - (lastSeenAt ?? 0) >= limits.idleMs) return 'idle';
  if (now - (signedInAt ?? 0) >= limits.absoluteMs) return 'absolute';
  return null;
}
