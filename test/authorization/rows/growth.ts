// The authorisation matrix's rows of growth measurements.
// How a row is tried: ../matrix-helpers.ts; its tests: ../growth.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: growth', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/growth`) },
  { name: 'page: add a growth measurement (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/growth`, { kind: 'weight', value: '4000', 'measuredOn-day': '1', 'measuredOn-month': '1', 'measuredOn-year': '1999' }) },
  { name: 'api: GET growth measurements', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/growth/measurements`) },
  { name: 'api: POST growth measurement', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/growth/measurements`, { kind: 'weight', value: 4000, unit: 'g', measuredOn: '1999-01-01' }) },
];
