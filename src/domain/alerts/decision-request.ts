// The alert asking a safeguarding lead to confirm or overturn a decision below the level a critical
// finding suggests (ADR 0027 and its amendment; docs/domain.md, "Escalation decisions"). It is a
// request for an answer, not news to note: acknowledging it cannot close it while the decision awaits
// an answer (only confirming or overturning does, and that closes it for everyone it reached), and it
// must always rest with a lead who can answer: when none it reached can any more (their account
// switched off, or they no longer see the case), it goes to the leads who can, else to the
// partnership's designated leads, else it says it reached nobody.

/** Why an acknowledgement of the request is refused: the decision still awaits a lead's answer. */
export type DecisionRequestRefusal = 'answer-needed';

export const DECISION_REQUEST_MESSAGES: Readonly<Record<DecisionRequestRefusal, string>> = {
  'answer-needed':
    'This alert asks for a safeguarding lead’s answer: confirm or overturn the decision on its confirmation page. It stays open, and escalates as other critical alerts do, until a lead answers; acknowledging it cannot close it.',
};

/** Acknowledging is refused while the decision the alert asks about awaits an answer; any other alert, or one whose decision is answered, may be acknowledged. */
export function acknowledgementRefusal(request: { decisionId: string | null; awaitingAnswer: boolean }): DecisionRequestRefusal | null {
  return request.decisionId !== null && request.awaitingAnswer ? 'answer-needed' : null;
}

export interface RequestFacts {
  /** Everyone the request has reached so far. */
  reached: ReadonlySet<string>;
  /** Who recorded the decision: never asked to answer it. */
  decidedBy: string | null;
  /** The active safeguarding leads who can see the case now. */
  leadsWhoCanSee: readonly string[];
  /** The partnership's designated safeguarding leads (active). */
  partnershipLeads: readonly string[];
  /** The request already says it reached nobody. */
  saidUnreached: boolean;
}

/** Where an open request goes next: nowhere (a lead it reached can answer, or it was already sent on as far as it can go), to leads who can answer, to the partnership's leads (to put a lead in the team), or to nobody (said on the alert). */
export type RequestRoute =
  | { via: 'stays' }
  | { via: 'case-leads' | 'partnership'; leadIds: string[] }
  | { via: 'nobody' };

export function requestRoute({ reached, decidedBy, leadsWhoCanSee, partnershipLeads, saidUnreached }: RequestFacts): RequestRoute {
  const mayAnswer = [...new Set(leadsWhoCanSee)].filter((id) => id !== decidedBy);
  if (mayAnswer.some((id) => reached.has(id))) return { via: 'stays' };
  if (mayAnswer.length > 0) return { via: 'case-leads', leadIds: mayAnswer };
  const designated = [...new Set(partnershipLeads)].filter((id) => id !== decidedBy);
  if (designated.length > 0) {
    const fresh = designated.filter((id) => !reached.has(id));
    return fresh.length > 0 ? { via: 'partnership', leadIds: fresh } : { via: 'stays' };
  }
  return saidUnreached ? { via: 'stays' } : { via: 'nobody' };
}
