// A supervision discussion on a case (issue 16): a supervisor and a practitioner talk through the
// case with the prompts of reflective supervision (supervision-prompts.ts), record their analysis,
// their decisions and actions (which join the plan), and the profile's version at that moment, so the
// next supervision shows what changed since. Recorded once, never changed. Plain data.
import type { PromptId, StuckAnswer } from './supervision-prompts.ts';

export const SUPERVISION_LIMITS = {
  answer: 4000,
  analysis: 8000,
  decisions: 4000,
  actions: 20,
  actionText: 500,
  owner: 200,
} as const;

export interface SupervisionAction {
  text: string;
  /** Who will do it: a name (and role) in words. */
  owner: string;
  /** YYYY-MM-DD. */
  dueOn: string;
}

/** A supervision as checked (supervision-rules.ts): trimmed, every prompt answered. */
export interface Supervision {
  /** YYYY-MM-DD, not after the day it is recorded. */
  heldOn: string;
  practitionerId: string;
  supervisorId: string;
  answers: Record<PromptId, string>;
  stuck: StuckAnswer;
  analysis: string;
  decisions: string;
  actions: SupervisionAction[];
}

/** A supervision as stored. */
export interface RecordedSupervision extends Supervision {
  id: string;
  caseId: string;
  practitionerName: string;
  supervisorName: string;
  /** The profile's version when it was recorded: the next one is compared with it. */
  profileVersion: number;
  /** The plan's version its actions joined; null when it agreed none. */
  planVersion: number | null;
  /** ISO date-time. */
  recordedAt: string;
  recordedBy: string;
}

/** A supervision as a form or a client sends it: anything may be missing or wrong. */
export interface SupervisionDraft {
  heldOn?: string;
  practitionerId?: string;
  supervisorId?: string;
  answers?: Partial<Record<string, string>>;
  stuck?: string;
  analysis?: string;
  decisions?: string;
  actions?: readonly { text?: string; owner?: string; dueOn?: string }[];
}
