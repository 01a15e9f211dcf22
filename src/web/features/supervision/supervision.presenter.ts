// Puts supervisions into words for the pages: each one's day, who took part, the answers to the
// prompts with the questions asked, whether the case was stuck, the analysis, the decisions and the
// actions; what the profile shows changed since the supervision before (the profile history's own
// words: profile/history.presenter.ts); and the cases due supervision.
import type { DueCase } from '../../../application/supervision/list-supervision-due.ts';
import type { Choice } from '../../../application/supervision/view-supervisions.ts';
import { CASE_LEVELS, isCaseLevel } from '../../../domain/shared/case-levels.ts';
import { countOf } from '../../../domain/profile/plain-words.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import type { ChangesSinceLast } from '../../../domain/supervision/supervision-changes.ts';
import { STUCK_ANSWER_LABELS, STUCK_ANSWERS, SUPERVISION_PROMPTS } from '../../../domain/supervision/supervision-prompts.ts';
import type { RecordedSupervision } from '../../../domain/supervision/supervision.types.ts';
import { findingTitle } from '../../views/severity.ts';
import { presentComparison } from '../profile/history.presenter.ts';

export function presentSummary(s: RecordedSupervision, caseId: string) {
  return {
    href: `/cases/${caseId}/supervision/${s.id}`,
    title: `Supervision on ${dayInWords(s.heldOn)}`,
    who: `${s.practitionerName}, supervised by ${s.supervisorName}`,
    stuck: STUCK_ANSWER_LABELS[s.stuck],
    actions: s.actions.length,
  };
}

export function presentSupervision(s: RecordedSupervision) {
  return {
    title: `Supervision on ${dayInWords(s.heldOn)}`,
    practitioner: s.practitionerName,
    supervisor: s.supervisorName,
    answers: SUPERVISION_PROMPTS.map((prompt) => ({ id: prompt.id, question: prompt.question, answer: s.answers[prompt.id] })),
    stuck: STUCK_ANSWER_LABELS[s.stuck],
    analysis: s.analysis,
    decisions: s.decisions,
    actions: s.actions.map((a) => ({ text: a.text, owner: a.owner, due: dayInWords(a.dueOn) })),
    profileVersion: s.profileVersion,
    planVersion: s.planVersion,
    recorded: `${s.recordedBy}, ${dayInWords(s.recordedAt.slice(0, 10))}`,
  };
}

/** What changed since the supervision before, for the changes partial. */
export function presentChanges(changes: ChangesSinceLast, names: ReadonlyMap<string, string>) {
  switch (changes.kind) {
    case 'changed':
      return { kind: changes.kind, c: presentComparison(changes.comparison, names) };
    case 'unchanged':
      return { kind: changes.kind, version: changes.sinceVersion };
    default:
      return { kind: changes.kind };
  }
}

export const stuckItems = (selected: string) => STUCK_ANSWERS.map((value) => ({ value, text: STUCK_ANSWER_LABELS[value], checked: value === selected }));

export const choiceItems = (choices: readonly Choice[], selected: string, prompt: string) => [
  { value: '', text: prompt, selected: selected === '' },
  ...choices.map((c) => ({ value: c.id, text: `${c.name} (${c.role})`, selected: c.id === selected })),
];

export function presentDueCase(due: DueCase) {
  return {
    href: `/cases/${due.caseId}/supervision`,
    babyName: due.babyName,
    level: isCaseLevel(due.level) ? CASE_LEVELS[due.level].label : due.level,
    findings: due.serious.map((f) => `${findingTitle(f.id)} (${f.severity})`),
    last: due.lastHeldOn === null ? 'Never supervised' : `${dayInWords(due.lastHeldOn)} (${countOf(due.daysSinceLast ?? 0, 'day')} ago)`,
  };
}
