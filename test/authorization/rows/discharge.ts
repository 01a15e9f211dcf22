// The authorisation matrix's rows of discharge plans.
// How a row is tried: ../matrix-helpers.ts; its tests: ../discharge.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: discharge plans', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/discharge-plan`) },
  { name: 'page: record a discharge plan (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/discharge-plan`, { stay: 'hospital', 'firstVisit-name': 'probe' }) },
  { name: 'page: discharge plan, add another row (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/discharge-plan`, { add: 'followUps', 'followUp-0-what': 'probe' }) },
  { name: 'api: GET discharge plans', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/discharge-plans`) },
  {
    name: 'api: POST discharge plan',
    need: 'change',
    request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/discharge-plans`, { stay: 'hospital', dischargeOn: '1999-01-01', firstVisit: { agency: 'gp', name: 'probe', by: '1999-01-01' }, socialWorker: { status: 'no-social-worker' }, gp: { status: 'not-yet-told' } }),
  },
];
