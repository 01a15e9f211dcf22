// The authorisation matrix's rows of the printable profile and case summary.
// How a row is tried: ../matrix-helpers.ts; its tests: ../print.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: printable profile', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/print/profile`) },
  { name: 'page: printable case summary', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/print/summary`) },
];
