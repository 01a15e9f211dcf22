// A person's dispute of a recorded fact (issue 21): who disputes it and what they say, both needed.
// The dispute is kept beside the entry and never replaces it; the profile reads it as conflicting
// information (profile/dispute-evidence.ts). Pure.

export const DISPUTE_LIMITS = { disputedBy: 200, text: 4000 } as const;

export interface DisputeDraft {
  disputedBy?: string;
  text?: string;
}

export type DisputeProblemCode = 'disputed-by-missing' | 'disputed-by-too-long' | 'text-missing' | 'text-too-long';

export interface DisputeProblem {
  path: '/disputedBy' | '/text';
  code: DisputeProblemCode;
}

export const DISPUTE_PROBLEM_MESSAGES: Record<DisputeProblemCode, string> = {
  'disputed-by-missing': 'Enter who disputes the entry, such as "the mother, Jo Smith"',
  'disputed-by-too-long': `Who disputes the entry must be ${String(DISPUTE_LIMITS.disputedBy)} characters or fewer`,
  'text-missing': 'Enter what they say is wrong, in their words',
  'text-too-long': `What they say must be ${String(DISPUTE_LIMITS.text)} characters or fewer`,
};

export type CheckedDispute = { ok: true; dispute: { disputedBy: string; text: string } } | { ok: false; problems: DisputeProblem[] };

/** Both trimmed; either missing or too long is a problem at its own path. */
export function checkDispute(draft: DisputeDraft): CheckedDispute {
  const disputedBy = draft.disputedBy?.trim() ?? '';
  const text = draft.text?.trim() ?? '';
  const problems: DisputeProblem[] = [];
  if (disputedBy === '') problems.push({ path: '/disputedBy', code: 'disputed-by-missing' });
  else if (disputedBy.length > DISPUTE_LIMITS.disputedBy) problems.push({ path: '/disputedBy', code: 'disputed-by-too-long' });
  if (text === '') problems.push({ path: '/text', code: 'text-missing' });
  else if (text.length > DISPUTE_LIMITS.text) problems.push({ path: '/text', code: 'text-too-long' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dispute: { disputedBy, text } };
}
