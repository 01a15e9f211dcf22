// The decisions awaiting the caller's answer as a safeguarding lead (ADR 0027, amendment): those whose
// request for an answer reached them (named on the decision, escalated to them, or sent on to them when
// no lead it reached could answer) and that no lead has confirmed or overturned yet. The home page
// lists them until they are answered, whatever was written on the alert: it is the lead's to-do list,
// not news to acknowledge. Oldest first: the longest waiting is the most pressing.
import { ESCALATION_DECISIONS, type EscalationDecision } from '../../domain/profile/escalation.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import { decisionAnswered } from './profile-decisions.ts';

export interface DecisionAwaitingAnswer {
  caseId: string;
  caseName: string;
  decisionId: string;
  decision: EscalationDecision;
  decisionLabel: string;
  decidedAt: Date;
  decidedBy: string;
  agency: string;
}

/** Read after the caller signed in; not audited here (the home page's one entry names them: cases/view-home.ts). */
export async function decisionsAwaitingAnswer(db: Queryable, userId: string): Promise<DecisionAwaitingAnswer[]> {
  const rows = await db
    .selectFrom('alert_recipients')
    .innerJoin('alerts', 'alerts.id', 'alert_recipients.alert_id')
    .innerJoin('profile_decisions', (join) => join.onRef('profile_decisions.case_id', '=', 'alerts.case_id').onRef('profile_decisions.id', '=', 'alerts.decision_id'))
    .innerJoin('cases', 'cases.id', 'alerts.case_id')
    .select(['cases.id as case_id', 'cases.status', 'cases.given_name', 'cases.family_name', 'profile_decisions.id', 'profile_decisions.decision', 'profile_decisions.decided_at', 'profile_decisions.decided_by_name', 'profile_decisions.agency'])
    .where('alert_recipients.user_id', '=', userId)
    .where('profile_decisions.confirming_lead_id', 'is not', null)
    .where((eb) => eb.not(decisionAnswered({ caseId: eb.ref('profile_decisions.case_id'), decisionId: eb.ref('profile_decisions.id') })))
    .orderBy('profile_decisions.decided_at')
    .orderBy('profile_decisions.id')
    .execute();
  return rows.map((row) => ({
    caseId: row.case_id,
    caseName: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
    decisionId: row.id,
    decision: row.decision,
    decisionLabel: ESCALATION_DECISIONS[row.decision].label,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by_name,
    agency: row.agency,
  }));
}
