// A case as the dashboards count it, kept as one row written with each change to the case (issue 16,
// ADR 0017): what the record decides (level, stage days, completeness, the measures that read the
// record alone) and the days on which the date-bound measures turn (the review's due day, the first
// running clock's due day), so that the dashboards count in SQL on any day without evaluating a case.
// Worked out here by the same rules the dashboards' counting uses (count-dashboard.ts, measures.ts).
import type { NextReview } from '../profile/review-schedule.ts';
import type { Clock } from '../timescales/clocks.ts';
import { completenessBand, type CompletenessBand } from './completeness.ts';
import type { DashboardCase } from './dashboard.types.ts';
import { measureCounts, RECORD_MEASURE_IDS, type MeasureId } from './measures.ts';
import { stageDays, type StageDays } from './stage.ts';

export interface CaseSummary extends StageDays {
  status: DashboardCase['status'];
  level: string;
  openedOn: string;
  completeness: CompletenessBand;
  /** The measures the record alone decides that count this case (measures.ts, reads 'record'). */
  recordMeasures: MeasureId[];
  /** The day the review falls due, overdue from the day after; null when never reviewed. */
  reviewDueOn: string | null;
  /** The due day of the running clock due first, overdue from the day after; null when no clock runs. */
  clockDueOn: string | null;
}

/** What the summary is made from: the case's facts as the dashboards read them, with its next review and its clocks. */
export type SummarisedCase = Omit<DashboardCase, 'review' | 'clockOverdue' | 'alertsNotTakenUp' | 'team'>;

/**
 * The summary of a case. Its clocks must be those of a day on or after the day of its last event
 * (events after the day they are worked out on are left out of the clocks, and none is recorded
 * ahead of its day), so that from then on a running clock is overdue exactly when today is past its
 * due day (timescaleClocks).
 */
export function summariseCase(c: SummarisedCase, next: NextReview, clocks: readonly Clock[]): CaseSummary {
  // The record's measures read none of the date-bound facts: these stand in for them.
  const onTheRecord: DashboardCase = { ...c, team: [], review: 'scheduled', clockOverdue: false, alertsNotTakenUp: 0 };
  const running = clocks.filter((clock) => clock.status !== 'met').map((clock) => clock.dueOn).sort();
  return {
    status: c.status,
    level: c.level,
    openedOn: c.openedOn,
    ...stageDays(c.status, c.dateOfBirth),
    completeness: completenessBand(c.assessedRiskFactors, c.significantAdults),
    recordMeasures: RECORD_MEASURE_IDS.filter((measure) => measureCounts(measure, onTheRecord)),
    reviewDueOn: next.dueOn,
    clockDueOn: running[0] ?? null,
  };
}
