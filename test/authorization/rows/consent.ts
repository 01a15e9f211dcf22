// The authorisation matrix's rows of consent and information sharing.
// How a row is tried: ../matrix-helpers.ts; its tests: ../consent.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: consent and information sharing', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent`) },
  { name: 'page: record consent sought (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/consent/consent`, { askedName: 'probe' }) },
  { name: 'page: record consent withdrawn (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/consent/withdrawal`, { withdraws: 'no-such-consent' }) },
  { name: 'page: record sharing without consent (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/consent/sharing`, { sharedWhat: 'probe' }) },
  { name: 'page: record the GP told (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/consent/gp-told`, { gpShared: 'probe' }) },
  // Each consent form's address answers a GET with the page (where a kept form comes back): for those who may record.
  { name: 'page: record consent sought (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent/consent`) },
  { name: 'page: record consent withdrawn (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent/withdrawal`) },
  { name: 'page: record sharing without consent (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent/sharing`) },
  { name: 'page: record the GP told (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/consent/gp-told`) },
  { name: 'api: GET consents', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/consents`) },
  { name: 'api: POST consent', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/consents`, { kind: 'consent', askedName: 'probe' }) },
];
