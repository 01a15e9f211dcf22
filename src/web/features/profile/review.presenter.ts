// The review page in words: when the profile was and is next reviewed, what needs a decision, and
// the decisions recorded so far.
import type { ProfileView } from '../../../application/profile/view-profile.ts';
import { confirmRefusal, ESCALATION_DECISIONS, ESCALATION_DECISION_IDS } from '../../../domain/profile/escalation.ts';
import type { LeadOffered } from '../../../application/profile/decision-leads.ts';
import type { RecordedDecision } from '../../../application/profile/profile-decisions.ts';
import { CASE_LEVELS, CASE_LEVEL_IDS, caseLevelLabel } from '../../../domain/shared/case-levels.ts';
import { REVIEW_INTERVAL_WEEKS } from '../../../domain/profile/review-schedule.ts';
import type { ReviewCap } from '../../../domain/profile/review-sign-off.ts';
import type { LevelProposal } from '../../../application/profile/level-proposals.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';
import { findingTitle } from '../../views/severity.ts';

function nextReviewInWords(view: ProfileView, cap: ReviewCap | null): string {
  const next = view.review.next;
  // docs/domain.md, Review and sign-off: never later than the next clock.
  if (cap) return `${formatDate(cap.dueOn)}: the ${cap.label.charAt(0).toLowerCase()}${cap.label.slice(1)} is due then`;
  if (next.reason === 'never-reviewed') return 'Now: the profile has never been reviewed';
  if (next.reason === 'trigger-event') return `${formatDate(next.dueOn)}, brought forward by a change in the family's circumstances`;
  return formatDate(next.dueOn);
}

/** Where a decision stands, in words (ADR 0027). */
export function standingInWords(d: RecordedDecision): string {
  if (d.standing === 'in-force') return 'In force';
  if (d.standing === 'awaiting-confirmation') return `Not in force: awaiting confirmation by ${d.confirmingLead?.name ?? 'a safeguarding lead'}, safeguarding lead. Until then it counts as no decision.`;
  const a = d.answer!;
  return `${d.standing === 'confirmed' ? 'Confirmed' : 'Overturned, so never in force'}: ${formatDateTime(a.answeredAt)} by ${a.answeredBy}, ${a.agency}: ${a.reasoning}`;
}

/** `viewer`: who reads the page, to offer a safeguarding lead the decisions they may confirm. */
export function presentReview(view: ProfileView, cap: ReviewCap | null = null, viewer: { userId: string; role: string } | null = null) {
  const level = caseLevelLabel(view.level);
  const weeks = (REVIEW_INTERVAL_WEEKS as Record<string, number | undefined>)[view.level];
  return {
    level,
    interval: weeks === undefined ? '' : `Reviewed every ${String(weeks)} weeks at ${level.toLowerCase()} level.`,
    lastReviewed: view.review.lastReviewedAt ? formatDateTime(view.review.lastReviewedAt) : 'Never',
    nextReview: nextReviewInWords(view, cap),
    needingDecision: view.needingDecision.map((f) => findingTitle(f.id)),
    decisions: view.decisions.map((d) => ({
      label: ESCALATION_DECISIONS[d.decision].label,
      reasoning: d.reasoning,
      lead: d.leadConsulted ? `Yes: ${d.leadName ?? ''}` : 'No',
      findings: d.findings.map((f) => findingTitle(f.id)),
      when: formatDateTime(d.decidedAt),
      who: `${d.decidedBy}, ${d.agency}`,
      version: d.profileVersion,
      id: d.id,
      standing: d.standing,
      standingWords: standingInWords(d),
      mayConfirm: viewer !== null && view.canChange && confirmRefusal({ userId: viewer.userId, role: viewer.role, decidedBy: d.decidedById, standing: d.standing }) === null,
    })),
  };
}

/**
 * What the profile page says needs a decision, true to the severities showing (critical and high
 * findings both need one before a review: docs/domain.md, "Review and sign-off"), and saying when a
 * decision on them awaits a safeguarding lead's confirmation (ADR 0027). Empty when nothing needs one.
 */
export function needingDecisionInWords(needing: readonly { id: string; severity: string }[], decisions: readonly RecordedDecision[]): string {
  if (needing.length === 0) return '';
  const critical = needing.filter((f) => f.severity === 'critical').length;
  const high = needing.length - critical;
  const kinds = [critical > 0 ? `${critical} critical` : '', high > 0 ? `${high} high` : ''].filter((k) => k !== '').join(' and ');
  const one = needing.length === 1;
  const awaiting = decisions.some((d) => d.standing === 'awaiting-confirmation' && d.findings.some((f) => needing.some((n) => n.id === f.id)));
  return `${kinds.charAt(0).toUpperCase()}${kinds.slice(1)} finding${one ? '' : 's'} need${one ? 's' : ''} an escalation decision before the profile can be marked reviewed.${awaiting ? ' A decision on them awaits a safeguarding lead’s confirmation.' : ''}`;
}

/** The leads who may be asked to confirm a decision: those who can see the case, never the one deciding. */
export function leadItems(offered: readonly LeadOffered[], me: string) {
  return offered
    .filter((l) => l.userId !== me)
    .map((l) => ({ value: l.userId, text: `${l.name}, ${l.organisationName}`, ...(l.partnership ? { hint: { text: 'A designated safeguarding lead for the partnership' } } : {}) }));
}

export function decisionItems() {
  return ESCALATION_DECISION_IDS.map((id) => ({ value: id, text: ESCALATION_DECISIONS[id].label, hint: { text: ESCALATION_DECISIONS[id].hint } }));
}

export function levelItems() {
  return CASE_LEVEL_IDS.map((id) => ({ value: id, text: CASE_LEVELS[id].label }));
}

const STATUS_TAGS = { open: { text: 'Open', classes: 'govuk-tag--blue' }, accepted: { text: 'Accepted', classes: 'govuk-tag--green' }, declined: { text: 'Declined', classes: 'govuk-tag--grey' } } as const;

/** A proposal to change the level, in words: who proposed what and why, and the answer. */
export function presentProposal(p: LevelProposal) {
  return {
    id: p.id,
    tag: STATUS_TAGS[p.status],
    status: p.status,
    change: `From ${caseLevelLabel(p.from).toLowerCase()} to ${caseLevelLabel(p.to).toLowerCase()}`,
    to: caseLevelLabel(p.to),
    reason: p.reason,
    proposed: `${formatDateTime(p.proposedAt)} by ${p.proposedBy}, ${p.agency}`,
    answer:
      p.status === 'open'
        ? null
        : `${p.status === 'accepted' ? 'Accepted' : 'Declined'} ${p.decidedAt ? formatDateTime(p.decidedAt) : ''} by ${p.decidedBy ?? ''}${p.decisionReason ? `: ${p.decisionReason}` : ''}`,
  };
}
