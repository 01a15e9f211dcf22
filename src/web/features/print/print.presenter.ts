// Turns what the printable pages read (application/cases/view-case-print.ts) into what they show:
// the case's identifiers, the findings with what to do, every factor by subject with its status,
// what is known, the evidence and who assessed it when (the profile), or the level and its history,
// the people, the plan, the team and the open alerts (the summary), and who printed it when.
import type { CasePrint } from '../../../application/cases/view-case-print.ts';
import { assessmentKey, subjectKey } from '../../../application/profile/profile-facts.ts';
import type { SignedInUser } from '../../../application/auth/signed-in-user.ts';
import { alertTitle } from '../../../domain/alerts/alert-words.ts';
import { factorDefinition } from '../../../domain/catalogue/catalogue.ts';
import { EVIDENCE_SOURCES, isEvidenceSource } from '../../../domain/catalogue/evidence-sources.ts';
import { citationsText } from '../../../domain/catalogue/sources.ts';
import { SUBSTANCE_PATTERNS } from '../../../domain/catalogue/statuses.ts';
import { STRESS_RESPONSES } from '../../../domain/catalogue/stress-responses.ts';
import type { EvaluatedFactor, Evidence } from '../../../domain/profile/profile.types.ts';
import { countReceivedNotConfirmed } from '../../../domain/profile/received-not-confirmed.ts';
import { personDisplayName } from '../../../domain/people/relationships.ts';
import { caseLevelLabel } from '../../../domain/shared/case-levels.ts';
import { CHECK_FREQUENCY_LABELS } from '../../../domain/plan/plan.types.ts';
import { filterEntries } from '../../../domain/chronology/filter-entries.ts';
import { presentCase } from '../cases/case.presenter.ts';
import { printRows } from '../chronology/chronology-export.ts';
import { presentEntries } from '../chronology/chronology.presenter.ts';
import { presentActions, presentVisits, whoChecks } from '../plan/plan.presenter.ts';
import { presentProfile, receivedText } from '../profile/profile.presenter.ts';
import { presentReview } from '../profile/review.presenter.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';
import { severityTag } from '../../views/severity.ts';

export const MARKING = 'OFFICIAL-SENSITIVE';

const TITLES = { profile: 'Infant Care Profile', summary: 'Case summary', transfer: 'Transfer pack' } as const;

function evidenceLine(evidence: Evidence): string {
  const source = isEvidenceSource(evidence.source) ? EVIDENCE_SOURCES[evidence.source].label : evidence.source;
  const direction = evidence.indicates === 'present' ? 'says it is present' : evidence.indicates === 'absent' ? 'says it is not present' : null;
  const givenBy = evidence.givenBy ? `, given by ${evidence.givenBy}` : '';
  // A note may end its own sentence ("Born at 40 weeks."): one full stop, never two.
  const note = /[.!?]$/.test(evidence.note.trim()) ? evidence.note.trim() : `${evidence.note.trim()}.`;
  const seen = evidence.seenOn ? ` Seen on ${formatDate(evidence.seenOn)}.` : '';
  return `${source}${givenBy}${direction ? ` (${direction})` : ''}: ${note}${seen} Recorded by ${evidence.recordedBy}, ${evidence.agency}, ${formatDate(evidence.recordedAt)}`;
}

/** What is known about a factor besides its status: detail, pattern, reason, how a partner protects, responses to stress. */
function knownLines(factor: EvaluatedFactor): string[] {
  return [
    ...(factor.detail ? [factor.detail] : []),
    ...(factor.pattern ? [`Pattern of use: ${SUBSTANCE_PATTERNS[factor.pattern].toLowerCase()}`] : []),
    ...(factor.reason ? [`Why it cannot be assessed: ${factor.reason}`] : []),
    ...(factor.protection ? [`How they protect the baby: ${factor.protection.how}`, `When they are there: ${factor.protection.whenPresent}`] : []),
    ...(factor.responses && factor.responses.length > 0 ? [`Known responses to stress: ${factor.responses.map((id) => STRESS_RESPONSES[id].label.toLowerCase()).join('; ')}`] : []),
  ];
}

function presentFactors(view: CasePrint) {
  if (!view.profile) return [];
  const received = view.profile.receivedUnconfirmed;
  const sections = presentProfile(view.case.record.id, view.profile.evaluation, received).sections;
  return view.profile.evaluation.subjects.map((subject, index) => {
    const section = sections[index]!;
    const key = subjectKey(subject.subject, subject.personId);
    const row = (factor: EvaluatedFactor, item: (typeof section.risk)[number]) => {
      const assessed = view.assessedBy.get(assessmentKey(factor.factorId, key));
      const mark = received.get(assessmentKey(factor.factorId, key));
      return {
        id: `${factor.factorId}-${key}`,
        name: factorDefinition(factor.factorId).label,
        status: 'tag' in item.status ? item.status.tag.text : item.status.text,
        known: knownLines(factor),
        evidence: factor.evidence.map(evidenceLine),
        received: mark ? `${receivedText(mark)}: confirm it on what you have seen, or re-assess it` : null,
        assessed: factor.derived ? 'From the record' : assessed ? `${assessed.by ?? 'Someone no longer in the service'}, ${formatDateTime(assessed.at)}` : 'Not assessed yet',
      };
    };
    return {
      id: section.id,
      heading: section.heading,
      counts: section.counts,
      risk: subject.risk.map((factor, i) => row(factor, section.risk[i]!)),
      protective: subject.protective.map((factor, i) => row(factor, section.protective[i]!)),
    };
  });
}

function presentPlanForPrint(view: CasePrint) {
  const { plan } = view;
  if (!plan) return null;
  const names = new Map(view.case.people.map((p) => [p.id, personDisplayName(p)]));
  return {
    level: caseLevelLabel(plan.level),
    version: plan.version,
    recorded: `${plan.recordedBy ?? 'Someone'}, ${formatDateTime(plan.recordedAt)}`,
    outcomes: plan.outcomes,
    checkItems: plan.checkItems.map((item) => ({
      text: item.text,
      question: item.question,
      about: item.personId ? (names.get(item.personId) ?? null) : null,
      whoChecks: whoChecks(item.checkedBy),
      howOften: CHECK_FREQUENCY_LABELS[item.frequency],
    })),
    actions: presentActions(plan, view.ownerNames, view.today),
    visits: presentVisits(plan.visits, view.visits),
  };
}

/** The transfer pack's chronology, oldest first, as the chronology's printed copy shows it (every correction beside what it corrects). */
function presentChronologyForPrint(view: CasePrint) {
  if (view.chronology.length === 0) return [];
  const listed = filterEntries(view.chronology, {});
  return printRows(presentEntries(listed, listed, view.case.people.map((p) => ({ id: p.id, name: personDisplayName(p) }))));
}

export function presentPrint(view: CasePrint, printedBy: SignedInUser) {
  const c = presentCase(view.case, view.printedAt);
  const profile = view.profile ? presentProfile(c.id, view.profile.evaluation) : null;
  const review = view.profile ? presentReview(view.profile) : null;
  return {
    kind: view.kind,
    title: `${TITLES[view.kind]}: ${c.name}`,
    heading: TITLES[view.kind],
    marking: MARKING,
    today: view.today,
    c,
    profileVersion: view.profile?.profileVersion ?? null,
    nextReview: review?.nextReview ?? null,
    lastReviewed: review?.lastReviewed ?? null,
    summary: view.profile?.evaluation.summary ?? null,
    receivedUnconfirmed: view.profile ? countReceivedNotConfirmed(view.profile.evaluation.subjects, view.profile.receivedUnconfirmed) : 0,
    findings: (profile?.findings ?? []).map((f) => ({ id: f.id, tag: severityTag(f.severity), title: f.title, rationale: f.rationale, facts: f.facts, whatToDo: f.suggestedAction, guidance: citationsText(f.citations) })),
    factors: view.kind !== 'summary' ? presentFactors(view) : [],
    decisions: view.kind !== 'summary' ? (review?.decisions ?? []) : [],
    chronology: presentChronologyForPrint(view),
    transfer: view.transfer ? `Sent by ${view.transfer.fromArea} to ${view.transfer.toArea} on ${formatDateTime(view.transfer.sentAt)}` : null,
    levelHistory: view.levelHistory.map((change) => ({
      when: formatDateTime(change.at),
      change: `${change.from ? caseLevelLabel(change.from) : 'Not known'} to ${change.to ? caseLevelLabel(change.to) : 'not known'}`,
      who: change.by ?? 'Someone no longer in the service',
      why: change.why ?? '',
    })),
    plan: presentPlanForPrint(view),
    openAlerts: view.openAlerts.map((alert) => ({
      id: alert.id,
      tag: severityTag(alert.severity),
      title: alertTitle(alert.reason, alert.findingId),
      message: alert.message,
      steps: alert.steps,
      raised: formatDateTime(alert.raisedAt),
      escalated: alert.escalatedAt ? formatDateTime(alert.escalatedAt) : null,
    })),
    printed: `Printed by ${printedBy.name}, ${printedBy.organisationName}, on ${formatDateTime(view.printedAt)}`,
  };
}

const FILE_NAMES = { profile: 'infant-care-profile', summary: 'case-summary', transfer: 'transfer-pack' } as const;

/** The PDF's file name: what it is, the baby's name in plain letters, and the day. */
export function pdfFileName(kind: CasePrint['kind'], caseName: string, today: string): string {
  const slug = caseName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'case';
  return `${FILE_NAMES[kind]}-${slug}-${today}.pdf`;
}
