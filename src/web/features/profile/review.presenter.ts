// The review page in words: when the profile was and is next reviewed, what needs a decision, and
// the decisions recorded so far.
import type { ProfileView } from '../../../application/profile/view-profile.ts';
import { ESCALATION_DECISIONS, ESCALATION_DECISION_IDS } from '../../../domain/profile/escalation.ts';
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

export function presentReview(view: ProfileView, cap: ReviewCap | null = null) {
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
    })),
  };
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
