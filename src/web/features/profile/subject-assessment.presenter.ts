// The subject's page in words: every factor of the baby, one adult or the household that can be
// assessed (risk, then protective), what each holds now, the chronology's records waiting under a
// factor nobody has assessed yet, and, after someone else's change, theirs beside the user's answer.
import type { OtherChange } from '../../../domain/profile/subject-answers.ts';
import { factorDefinition } from '../../../domain/catalogue/catalogue.ts';
import { FACTOR_STATUSES, isFactorStatus, SUBSTANCE_PATTERNS, isSubstancePattern } from '../../../domain/catalogue/statuses.ts';
import { evidenceWaiting } from '../../../domain/profile/evidence-waiting.ts';
import type { EvaluatedFactor, SubjectProfile } from '../../../domain/profile/profile.types.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';
import { subjectKeyOf, subjectPossessive } from './profile.presenter.ts';
import { field, type SubjectValues } from './subject-assessment.schema.ts';

/** The factors the page asks about: every one the record does not fill, risk first. */
export function assessableFactors(subject: SubjectProfile): EvaluatedFactor[] {
  return [...subject.risk, ...subject.protective].filter((f) => !f.derived);
}

/** Each field as the record holds it now. */
export function valuesFromProfile(subject: SubjectProfile, profileVersion: number): SubjectValues {
  const values: SubjectValues = { profileVersion: String(profileVersion) };
  for (const f of assessableFactors(subject)) {
    values[field('status', f.factorId)] = f.status;
    values[field('detail', f.factorId)] = f.detail ?? '';
    values[field('pattern', f.factorId)] = f.pattern ?? '';
    values[field('reason', f.factorId)] = f.reason ?? '';
    values[field('responses', f.factorId)] = [...(f.responses ?? [])];
    values[field('protectionHow', f.factorId)] = f.protection?.how ?? '';
    values[field('protectionWhen', f.factorId)] = f.protection?.whenPresent ?? '';
  }
  return values;
}

function stateInWords(state: OtherChange['theirs']): string {
  if (state === null) return FACTOR_STATUSES['not-assessed'].label;
  const status = isFactorStatus(state.status) ? FACTOR_STATUSES[state.status].label : state.status;
  return [
    status,
    ...(state.detail ? [`what is known: ${state.detail}`] : []),
    ...(state.pattern && isSubstancePattern(state.pattern) ? [`pattern: ${SUBSTANCE_PATTERNS[state.pattern].toLowerCase()}`] : []),
    ...(state.reason ? [`why it cannot be assessed: ${state.reason}`] : []),
  ].join('; ');
}

export function presentSubjectAssessment(caseId: string, subject: SubjectProfile, conflicts: readonly OtherChange[] = []) {
  const key = subjectKeyOf(subject);
  const theirs = new Map(conflicts.map((c) => [c.factorId, c]));
  const present = (f: EvaluatedFactor) => {
    const definition = factorDefinition(f.factorId);
    const waiting = evidenceWaiting(f);
    const other = theirs.get(f.factorId);
    return {
      id: f.factorId,
      label: definition.label,
      help: definition.help,
      substanceUse: definition.substanceUse,
      recordsResponses: f.factorId === 'harmful-stress-response',
      partner: f.factorId === 'supportive-partner',
      evidenceCount: f.evidence.length,
      href: `/cases/${caseId}/profile/${key}/${f.factorId}`,
      waiting: waiting.map((r) => ({ date: formatDate(r.occurredAt), agency: r.agency, summary: r.summary, points: r.indicates === 'absent' ? 'shows it is not there' : 'shows it is there' })),
      ...(other ? { theirs: { by: other.by, at: formatDateTime(other.at), words: stateInWords(other.theirs) } } : {}),
    };
  };
  const factors = assessableFactors(subject);
  return {
    key,
    possessive: subjectPossessive(subject),
    risk: factors.filter((f) => f.kind === 'risk').map(present),
    protective: factors.filter((f) => f.kind === 'protective').map(present),
    waitingTotal: factors.reduce((n, f) => n + evidenceWaiting(f).length, 0),
  };
}
