// The authorisation matrix's rows of withdrawing a record or a person made in error.
// How a row is tried: ../matrix-helpers.ts; its tests: ../withdrawal.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: withdraw a record made in error', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/withdrawal`) },
  // A blank reason: the lead's proposal is a slip in the form (400), so nothing is proposed for a confirmation to act on.
  { name: 'page: propose withdrawing the record (post)', need: 'propose-withdrawal', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/withdrawal`, { reason: ' ' }) },
  { name: 'page: confirm withdrawing the record (post: nothing proposed)', need: 'confirm-withdrawal', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/withdrawal/confirm`, {}) },
  { name: 'api: POST withdrawal (blank reason)', need: 'propose-withdrawal', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/withdrawal`, { reason: ' ' }) },
  { name: 'api: POST withdrawal confirm (nothing proposed)', need: 'confirm-withdrawal', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/withdrawal/confirm`) },
  { name: 'page: withdraw a person added to the wrong family', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/people/${ids.personId}/withdrawal`) },
  { name: 'page: propose withdrawing a person (post, blank reason)', need: 'propose-withdrawal', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/people/${ids.personId}/withdrawal`, { reason: ' ' }) },
  { name: 'page: confirm withdrawing a person (post: nothing proposed)', need: 'confirm-withdrawal', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/people/${ids.personId}/withdrawal/confirm`, {}) },
  { name: 'api: POST person withdrawal (blank reason)', need: 'propose-withdrawal', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/people/${ids.personId}/withdrawal`, { reason: ' ' }) },
  { name: 'api: POST person withdrawal confirm (nothing proposed)', need: 'confirm-withdrawal', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/people/${ids.personId}/withdrawal/confirm`) },
];
