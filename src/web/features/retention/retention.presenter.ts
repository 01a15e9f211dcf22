// The retention pages: a case's disposal date and why, with the legal holds that reach it (on the
// case page and the case's holds page), and the holds by rule (the administrator's page).
import type { CaseRetention, LegalHold } from '../../../application/retention/retention-rows.ts';
import { HOLD_REASON_MAX, holdRuleInWords, type HoldProblem } from '../../../domain/retention/legal-holds.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { withTypedCounts } from '../../forms/too-long.ts';
import { formatDateTime } from '../../views/london-time.ts';

export interface PresentedHold {
  id: string;
  reason: string;
  /** "This case only", or the rule in words. */
  scope: string;
  byCase: boolean;
  set: string;
  lifted: string | null;
  standing: boolean;
}

export function presentHold(hold: LegalHold, today: string): PresentedHold {
  const standing = hold.setOn <= today && (hold.liftedOn === null || hold.liftedOn > today);
  return {
    id: hold.id,
    reason: hold.reason,
    scope: hold.caseId !== null ? 'This case only' : holdRuleInWords(hold, dayInWords),
    byCase: hold.caseId !== null,
    set: `Set by ${hold.setByName}, ${formatDateTime(hold.setAt)}`,
    lifted: hold.liftedAt && hold.liftedByName ? `Lifted by ${hold.liftedByName}, ${formatDateTime(hold.liftedAt)}` : null,
    standing,
  };
}

/** The disposal date and why, for the case page and the holds page. */
export function presentRetention(retention: CaseRetention, today: string) {
  const { disposal } = retention;
  const holds = retention.holds.map((hold) => presentHold(hold, today));
  return {
    disposeOn: dayInWords(disposal.disposeOn),
    because: disposal.because,
    due: disposal.due,
    held: disposal.holds.length > 0,
    standing: holds.filter((hold) => hold.standing),
    lifted: holds.filter((hold) => !hold.standing),
  };
}

/** The GOV.UK error summary and field errors of a hold form; fields are named as the form names them; a reason too long says its limit and how much was typed. */
export function holdFormErrors(refused: readonly HoldProblem[], typed: Readonly<Record<string, string | undefined>>) {
  const problems = withTypedCounts(refused, typed, { reason: { label: 'The reason', limit: HOLD_REASON_MAX } });
  return {
    errorList: problems.map((problem) => ({ text: problem.message, href: `#${problem.field}` })),
    fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, { text: problem.message }])),
  };
}
