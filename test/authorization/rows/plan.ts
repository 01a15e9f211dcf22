// The authorisation matrix's rows of the plan.
// How a row is tried: ../matrix-helpers.ts; its tests: ../plan.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: plan', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/plan`) },
  { name: 'page: plan (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/plan/edit`) },
  { name: 'page: plan (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/plan/edit`, { version: '999', level: 'universal', 'outcome-0': 'probe' }) },
  { name: 'api: GET plan', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/plan`) },
  { name: 'api: PUT plan', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/plan`, { version: 999, level: 'universal', outcomes: [], checkItems: [], actions: [] }) },
];
