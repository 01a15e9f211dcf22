// The questions of a quality assurance audit (issue 16), as data: what a safeguarding lead asks of
// each case in an audit, each with where in the reviews it comes from. The Derby review asks managers
// to address "quality assurance by auditing and using data to improve outcomes" (§6.4), and after the
// deaths both councils reviewed every open case of a child under one (§8.2); the Bath and North East
// Somerset, Swindon and Wiltshire partnership's audits found work with fathers the first gap ("Local
// practice themes – audits"). docs/domain.md, "Quality assurance audits", says what each is for.
import { cite, SOURCES, type Cites } from '../catalogue/sources.ts';

export const QUESTION_IDS = ['profile-current', 'father-assessed', 'seen-awake', 'plan-checked', 'supervision'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface AuditQuestion {
  id: QuestionId;
  /** The question, as the form asks it. */
  question: string;
  /** A short name, for the report's tables and the CSV's columns. */
  short: string;
  /** What counts as yes, in plain words. */
  hint: string;
  cites: Cites;
}

const { derby, bsw, northants, nspccInfants } = SOURCES;

export const AUDIT_QUESTIONS: readonly AuditQuestion[] = [
  {
    id: 'profile-current',
    question: 'Is the profile current?',
    short: 'Profile current',
    hint: 'Reviewed within the period its level asks for, and again after every trigger event since.',
    cites: [cite(derby, '§8.2 and §9.1')],
  },
  {
    id: 'father-assessed',
    question: 'Have the father and any male carers been assessed?',
    short: 'Father assessed',
    hint: 'Who they are, their history checked, and their factors assessed, not only the mother’s.',
    cites: [cite(bsw, '"Local practice themes – audits" (working with fathers)'), cite(northants, '§2.0, "The role of fathers"')],
  },
  {
    id: 'seen-awake',
    question: 'Has the baby been seen awake?',
    short: 'Seen awake',
    hint: 'Seen by a professional, awake, at recent contacts: not only asleep or in a car seat. Not applicable before the birth.',
    cites: [cite(nspccInfants, '"Learning for improving practice"'), cite(northants, '§5.0')],
  },
  {
    id: 'plan-checked',
    question: 'Is the plan checked at contacts?',
    short: 'Plan checked',
    hint: 'The plan’s check items answered at the visits since it was made. Not applicable when there is no plan with check items.',
    cites: [cite(derby, '§9.4')],
  },
  {
    id: 'supervision',
    question: 'Has the case been supervised within the period?',
    short: 'Supervision',
    hint: 'A supervision recorded on the case within the area’s supervision period.',
    cites: [cite(derby, '§6.4 and §9.2')],
  },
];

export function isQuestionId(value: string): value is QuestionId {
  return (QUESTION_IDS as readonly string[]).includes(value);
}

export const AUDIT_ANSWERS = ['yes', 'no', 'not-applicable'] as const;
export type AuditAnswer = (typeof AUDIT_ANSWERS)[number];
export const AUDIT_ANSWER_LABELS: Record<AuditAnswer, string> = { yes: 'Yes', no: 'No', 'not-applicable': 'Not applicable' };

export function isAuditAnswer(value: string): value is AuditAnswer {
  return (AUDIT_ANSWERS as readonly string[]).includes(value);
}
