// Turns a profile evaluation into the task list: a section per subject, a status tag per factor.
import type { EvaluatedFactor, ProfileEvaluation, SubjectProfile } from '../../../domain/profile/profile.types.ts';
import { factorDefinition } from '../../../domain/catalogue/catalogue.ts';
import { severityTag } from '../../views/severity.ts';
import { evidenceWaiting } from '../../../domain/profile/evidence-waiting.ts';
import { countReceivedNotConfirmed } from '../../../domain/profile/received-not-confirmed.ts';
import type { ReceivedMark } from '../../../domain/transfer/transfer-record.ts';
import { formatDate } from '../../views/london-time.ts';

/** Assessments received from another area and not yet confirmed here, by `factorId|subjectKey`. */
type Received = ReadonlyMap<string, ReceivedMark>;

/** "Assessed by <area>, received <date>: not yet confirmed here", for a received assessment. */
export function receivedText(mark: ReceivedMark): string {
  return `Assessed by ${mark.area}, received ${formatDate(mark.receivedOn)}: not yet confirmed here`;
}

function statusTag(factor: EvaluatedFactor): { tag: { text: string; classes: string } } | { text: string } {
  if (factor.conflict) return { tag: { text: 'Conflicting information', classes: 'govuk-tag--red' } };
  switch (factor.effectiveStatus) {
    case 'present':
      return { tag: { text: 'Present', classes: 'govuk-tag--red' } };
    case 'cannot-assess':
      return { tag: { text: 'Cannot be assessed', classes: 'govuk-tag--orange' } };
    case 'unverified-exclusion':
      return { tag: { text: "Excluded on the carer's word only", classes: 'govuk-tag--yellow' } };
    case 'excluded':
      return { text: factor.verified ? 'Excluded' : 'Excluded (not verified)' };
    case 'not-assessed':
      return { tag: { text: 'Not yet assessed', classes: 'govuk-tag--grey' } };
  }
}

export function subjectKeyOf(subject: Pick<SubjectProfile, 'subject' | 'personId'>): string {
  return subject.personId ?? subject.subject;
}

function taskItems(caseId: string, subject: SubjectProfile, factors: readonly EvaluatedFactor[], received: Received) {
  return factors.map((factor) => {
    const definition = factorDefinition(factor.factorId);
    const waiting = evidenceWaiting(factor).length;
    const mark = received.get(`${factor.factorId}|${subjectKeyOf(subject)}`);
    const hints = [...(mark ? [receivedText(mark)] : []), ...(waiting > 0 ? [`Evidence waiting: ${String(waiting)} ${waiting === 1 ? 'record' : 'records'}`] : [])];
    return {
      title: { text: definition.label },
      // Faltering growth comes from the weights: its page is the growth page, which shows them.
      // Another child under two comes from the people and who lives with the baby (docs/domain.md).
      ...(factor.factorId === 'faltering-growth'
        ? { href: `/cases/${caseId}/growth`, hint: { text: 'From the weights recorded' } }
        : factor.factorId === 'sibling-under-two'
          ? { href: `/cases/${caseId}/household-children`, hint: { text: 'From the people recorded and who lives with the baby' } }
          : factor.derived
            ? { hint: { text: 'From the record' } }
            : { href: `/cases/${caseId}/profile/${subjectKeyOf(subject)}/${factor.factorId}` }),
      ...(hints.length > 0 ? { hint: { text: hints.join('. ') } } : {}),
      status: statusTag(factor),
    };
  });
}

/** "the baby's", "Sarah Hart's", "the household's": for "Assess all of … factors". */
export function subjectPossessive(subject: Pick<SubjectProfile, 'subject' | 'name'>): string {
  if (subject.subject === 'infant') return "the baby's";
  if (subject.subject === 'household') return "the household's";
  return subject.name.endsWith('s') ? `${subject.name}'` : `${subject.name}'s`;
}

function heading(subject: SubjectProfile): string {
  if (subject.subject === 'infant') return `The baby: ${subject.name}`;
  if (subject.subject === 'household') return 'The household';
  return subject.relationshipToInfant ? `${subject.name} (${subject.relationshipToInfant.replace(/-/g, ' ')})` : subject.name;
}

/** For a section: how many of its risk factors are not assessed, excluded, present and cannot be assessed. */
export function sectionCounts(factors: readonly EvaluatedFactor[]): string {
  const count = (...statuses: EvaluatedFactor['effectiveStatus'][]) => factors.filter((f) => statuses.includes(f.effectiveStatus)).length;
  const unverified = count('unverified-exclusion');
  const excluded = `${String(count('excluded', 'unverified-exclusion'))} excluded${unverified > 0 ? ` (${String(unverified)} on the carer's word only)` : ''}`;
  return `${String(count('not-assessed'))} not yet assessed, ${excluded}, ${String(count('present'))} present, ${String(count('cannot-assess'))} cannot be assessed`;
}

/** The findings with their severity's tag: what the case overview shows of the profile, without the task list. */
export function presentFindings(evaluation: Pick<ProfileEvaluation, 'findings'>) {
  return evaluation.findings.map((finding) => ({ ...finding, tag: severityTag(finding.severity) }));
}

export function presentProfile(caseId: string, evaluation: ProfileEvaluation, received: Received = new Map()) {
  return {
    summary: evaluation.summary,
    /** How many of the profile's factors rest on an assessment another area made that no one here has confirmed or re-assessed: counted apart from the unverified exclusions. */
    receivedUnconfirmed: countReceivedNotConfirmed(evaluation.subjects, received),
    findings: presentFindings(evaluation),
    sections: evaluation.subjects.map((subject) => ({
      id: `subject-${subjectKeyOf(subject)}`,
      heading: heading(subject),
      counts: sectionCounts(subject.risk),
      assessAll: { href: `/cases/${caseId}/profile/${subjectKeyOf(subject)}/all-factors`, text: `Assess all of ${subjectPossessive(subject)} factors` },
      risk: taskItems(caseId, subject, subject.risk, received),
      protective: taskItems(caseId, subject, subject.protective, received),
    })),
  };
}
