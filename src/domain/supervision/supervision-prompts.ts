// The prompts of reflective supervision (issue 16), as data: what the supervisor and the practitioner
// talk through on a case, each with where in the reviews it comes from. The Derby review asks for
// supervision "reflective as well as task-based" that keeps a practitioner from being "enmeshed in a
// family script or dominant narrative" and helps them "think the unthinkable" (§6.4); its social
// worker's case was "stuck" (§5.35); the wider family gave a different picture from the mother's
// (§5.13, §5.14). docs/domain.md, "Supervision of a case", says what each is for.
import { cite, SOURCES, type Cites } from '../catalogue/sources.ts';

export const PROMPT_IDS = ['script', 'missing-voices', 'unthinkable', 'changed', 'stuck'] as const;
export type PromptId = (typeof PROMPT_IDS)[number];

export interface SupervisionPrompt {
  id: PromptId;
  /** The question, as the form asks it. */
  question: string;
  /** What to think about, in plain words. */
  hint: string;
  cites: Cites;
}

const { derby, bsw, nspccBriefing } = SOURCES;

export const SUPERVISION_PROMPTS: readonly SupervisionPrompt[] = [
  {
    id: 'script',
    question: "What is the family's story about themselves, and what evidence tests it?",
    hint: 'The account the parents give (their "script"): what has been seen, checked or heard from others that supports it or does not.',
    cites: [cite(derby, '§5.8, §5.14 and §6.4')],
  },
  {
    id: 'missing-voices',
    question: 'Whose voice is missing?',
    hint: "The father's and the wider family's above all: who cares for the baby or visits, who has not been seen or asked, and what they might say.",
    cites: [cite(derby, '§5.13, §5.14 and §9.2'), cite(bsw, '"Invisible men"'), cite(nspccBriefing, 'key issue f')],
  },
  {
    id: 'unthinkable',
    question: 'What would have to be true for this baby to be harmed?',
    hint: 'Think the unthinkable: the worst explanation of what is known, and what would show it is or is not so.',
    cites: [cite(derby, '§6.4')],
  },
  {
    id: 'changed',
    question: 'What has changed since the last supervision?',
    hint: "For the baby, not only for the adults: what the profile shows changed is set out above the form.",
    cites: [cite(derby, '§6.4 and §9.2')],
  },
  {
    id: 'stuck',
    question: 'Is the case stuck?',
    hint: 'When progress in one area is matched by a new worry in another, nothing is moving: say what is stuck and whether to escalate.',
    cites: [cite(derby, '§5.35 and §9.2')],
  },
];

export function isPromptId(value: string): value is PromptId {
  return (PROMPT_IDS as readonly string[]).includes(value);
}

/** The answer to "Is the case stuck?" besides the words. */
export const STUCK_ANSWERS = ['yes', 'no', 'not-sure'] as const;
export type StuckAnswer = (typeof STUCK_ANSWERS)[number];
export const STUCK_ANSWER_LABELS: Record<StuckAnswer, string> = { yes: 'Yes, it is stuck', no: 'No, it is moving', 'not-sure': 'Not sure' };

export function isStuckAnswer(value: string): value is StuckAnswer {
  return (STUCK_ANSWERS as readonly string[]).includes(value);
}
