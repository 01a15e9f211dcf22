// Legal holds (issue 21): who may set and lift them, and what a hold must say. A hold on one case is
// set or lifted by a safeguarding lead or a manager who may change the case (the team or their
// organisation's oversight): they know of the review, inquiry or litigation that needs the record.
// A hold on every case a rule matches (an organisation in the team, babies born or due within dates)
// reaches cases nobody setting it works on, so it is an administrator's, with the area's settings.
// Practitioners set neither: they ask their safeguarding lead. Every hold says why.
import type { Role } from '../shared/roles.ts';
import { EARLIEST_YEAR } from '../shared/calendar-date.ts';
import { anyDayProblem } from '../shared/date-rules.ts';

export const HOLD_REASON_MAX = 2000;

/** May set or lift a hold on one case (besides being allowed to change it). */
export function mayHoldCase(role: Role): boolean {
  return role === 'safeguarding-lead' || role === 'manager';
}

export interface HoldRuleDraft {
  organisationId: string;
  bornFrom: string;
  bornTo: string;
  reason: string;
}

export interface HoldRule {
  organisationId: string | null;
  bornFrom: string | null;
  bornTo: string | null;
  reason: string;
}

export interface HoldProblem {
  field: 'reason' | 'organisationId' | 'bornFrom' | 'bornTo';
  message: string;
}

/** The reason, trimmed, or what is wrong with it. */
export function checkHoldReason(reason: string): { ok: true; reason: string } | { ok: false; problem: HoldProblem } {
  const trimmed = reason.trim();
  if (trimmed === '') return { ok: false, problem: { field: 'reason', message: 'Enter why the records are held, such as the review, inquiry or claim and who asked' } };
  if (trimmed.length > HOLD_REASON_MAX) return { ok: false, problem: { field: 'reason', message: `The reason must be ${String(HOLD_REASON_MAX)} characters or fewer` } };
  return { ok: true, reason: trimmed };
}

/** A rule as typed (empty fields not set), or every problem with it; `organisations` are the ids that exist. */
export function checkHoldRule(draft: HoldRuleDraft, organisations: ReadonlySet<string>): { ok: true; rule: HoldRule } | { ok: false; problems: HoldProblem[] } {
  const problems: HoldProblem[] = [];
  const organisationId = draft.organisationId.trim() || null;
  const bornFrom = draft.bornFrom.trim() || null;
  const bornTo = draft.bornTo.trim() || null;
  if (organisationId !== null && !organisations.has(organisationId)) problems.push({ field: 'organisationId', message: 'Choose an organisation from the list' });
  // Either bound may be any day of the service's: a hold may reach babies not yet due.
  const fromProblem = bornFrom === null ? null : anyDayProblem(bornFrom);
  const toProblem = bornTo === null ? null : anyDayProblem(bornTo);
  if (fromProblem === 'not-a-date') problems.push({ field: 'bornFrom', message: 'Born or due from must be a real date, such as 2026-01-31' });
  else if (fromProblem === 'too-early') problems.push({ field: 'bornFrom', message: `Born or due from must be in ${String(EARLIEST_YEAR)} or later: check the year` });
  if (toProblem === 'not-a-date') problems.push({ field: 'bornTo', message: 'Born or due until must be a real date, such as 2026-12-31' });
  else if (toProblem === 'too-early') problems.push({ field: 'bornTo', message: `Born or due until must be in ${String(EARLIEST_YEAR)} or later: check the year` });
  if (bornFrom !== null && bornTo !== null && fromProblem === null && toProblem === null && bornFrom > bornTo) problems.push({ field: 'bornTo', message: 'Born or due until must be the same as or after born or due from' });
  if (organisationId === null && bornFrom === null && bornTo === null) problems.push({ field: 'organisationId', message: 'Choose an organisation, or give dates of birth, or both: a rule must say which records it holds' });
  const reason = checkHoldReason(draft.reason);
  if (!reason.ok) problems.push(reason.problem);
  if (problems.length > 0 || !reason.ok) return { ok: false, problems };
  return { ok: true, rule: { organisationId, bornFrom, bornTo, reason: reason.reason } };
}

/** A rule in words: "cases with Northshire Council in the team, born or due from 1 January 2020". */
export function holdRuleInWords(rule: { organisationName: string | null; bornFrom: string | null; bornTo: string | null }, dayInWords: (day: string) => string): string {
  const parts: string[] = [];
  if (rule.organisationName !== null) parts.push(`with ${rule.organisationName} in the team`);
  if (rule.bornFrom !== null && rule.bornTo !== null) parts.push(`born or due from ${dayInWords(rule.bornFrom)} to ${dayInWords(rule.bornTo)}`);
  else if (rule.bornFrom !== null) parts.push(`born or due from ${dayInWords(rule.bornFrom)}`);
  else if (rule.bornTo !== null) parts.push(`born or due until ${dayInWords(rule.bornTo)}`);
  return `Every case ${parts.join(', ')}`;
}
