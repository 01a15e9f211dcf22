// The authorisation matrix's rows of keeping the record: the disposal date and legal holds.
// How a row is tried: ../matrix-helpers.ts; its tests: ../retention.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: keeping this record (disposal date and legal holds)', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/holds`) },
  { name: 'page: set a legal hold (post)', need: 'hold', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/holds`, { reason: 'probe' }) },
  { name: 'page: lift a legal hold (post)', need: 'hold', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/holds/no-such-hold/lift`, {}) },
  { name: 'api: POST legal hold', need: 'hold', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/holds`, { reason: 'probe' }) },
  { name: 'api: DELETE legal hold', need: 'hold', request: (c, ids) => c.api('DELETE', `/cases/${ids.caseId}/holds/no-such-hold`) },
  { name: 'api: GET retention (disposal date and holds)', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/retention`) },
];
