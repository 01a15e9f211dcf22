// The authorisation matrix's rows of transfer to another area: closing for transfer, the receipt, cancelling, merging a pack into the record and the printable pack.
// How a row is tried: ../matrix-helpers.ts; its tests: ../transfer.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: transfer to another area', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/transfer`) },
  { name: 'page: close for transfer (post, blank area)', need: 'transfer', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/transfer`, { toArea: ' ', contact: 'probe' }) },
  { name: 'page: record the receipt of a transfer (post, none sent)', need: 'transfer', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/transfer/receipt`, { note: 'probe' }) },
  { name: 'page: cancel a transfer (post, none sent)', need: 'cancel-transfer', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/transfer/cancellation`, { reason: 'probe' }) },
  { name: 'page: merge a transfer pack into the record (post, not a pack)', need: 'change', request: (c, ids) => c.web.post('/transfers/import/merge', { pack: 'probe', mergeInto: ids.caseId }) },
  { name: 'page: printable transfer pack', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/print/transfer`) },
  { name: 'api: POST transfer (blank area)', need: 'transfer', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/transfer`, { toArea: ' ', contact: 'probe' }) },
  { name: 'api: GET transfer', need: 'change', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/transfer`) },
  { name: 'api: POST transfer receipt (none sent)', need: 'transfer', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/transfer/receipt`, { note: 'probe' }) },
  { name: 'api: POST transfer cancellation (none sent)', need: 'cancel-transfer', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/transfer/cancellation`, { reason: 'probe' }) },
];
