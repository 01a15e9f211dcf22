// The period a report is asked for (domain/reports/report-period.ts checkPeriod). One that cannot be read
// (a day missing or not real, or a period that ends before it starts) is refused with its problems, and
// the refusal is one audit entry under the report's own action, outcome failure (issue 16: every
// refusal audited), naming the problems and not the text typed.
import { checkPeriod, type PeriodProblem, type ReportPeriod } from '../../domain/reports/report-period.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

export type PeriodRefusal = { ok: false; code: 'invalid'; message: string; problems: PeriodProblem[] };

export async function checkReportPeriod(
  ctx: AppContext,
  actor: UserActor,
  action: string,
  asked: { from?: string | undefined; to?: string | undefined },
): Promise<{ ok: true; period: ReportPeriod } | PeriodRefusal> {
  const checked = checkPeriod(asked.from, asked.to);
  if (checked.ok) return checked;
  await recordAuditAlone(ctx, actor, { action, outcome: 'failure', subjectType: 'report', details: { reason: 'invalid-period', problems: checked.problems.map((p) => p.code) } });
  return { ok: false, code: 'invalid', message: 'The period cannot be read: see the problems.', problems: checked.problems };
}
