// A case as the dashboards count it (domain/dashboards/dashboard.types.ts), for the domain's counting
// tests: born on 1 September 2026, universal, opened the next day, nothing found, decided, overdue or
// assessed; `over` says what differs.
import type { DashboardCase } from '../../src/domain/dashboards/dashboard.types.ts';

export function dashboardCase(over: Partial<DashboardCase> & Pick<DashboardCase, 'caseId'>): DashboardCase {
  return {
    status: 'born',
    dateOfBirth: '2026-09-01',
    level: 'universal',
    openedOn: '2026-09-02',
    team: [],
    findings: [],
    decisions: [],
    lastReviewedAt: null,
    review: 'scheduled',
    clockOverdue: false,
    alertsNotTakenUp: 0,
    assessedRiskFactors: 0,
    significantAdults: 0,
    ...over,
  };
}
