// The authorisation matrix's rows of meetings.
// How a row is tried: ../matrix-helpers.ts; its tests: ../meetings.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: meetings', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/meetings`) },
  { name: 'page: record a meeting (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/meetings/new`) },
  { name: 'page: record a meeting (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/meetings/new`, { kind: 'core-group', chair: 'probe' }) },
  { name: 'api: GET meetings', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/meetings`) },
  { name: 'api: POST meeting', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/meetings`, { kind: 'core-group', heldOn: '1999-01-01', chair: 'probe', parentsPresent: false, attendees: [], decisions: [] }) },
];
