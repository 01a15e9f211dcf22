// The authorisation matrix's rows of the case itself: its overview, address, GP and hospital, the household address, the birth and its correction, the other children at home, the team and who has looked, and the case's timescales.
// How a row is tried: ../matrix-helpers.ts; its tests: ../cases.test.ts.
import { randomUUID } from 'node:crypto';
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: case overview', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}`) },
  { name: 'page: address, GP and hospital (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/details`) },
  { name: 'page: address, GP and hospital (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/details`, { version: '999', birthHospital: 'Probe Hospital' }) },
  { name: 'page: the household address (not restricted: anyone who may read the case)', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/address`) },
  { name: 'page: record the birth (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/birth`) },
  { name: 'page: record the birth (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/birth`, { version: '1' }) },
  { name: 'page: correct the birth details (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/birth-details`) },
  { name: 'page: correct the birth details (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/birth-details`, { version: '999', reason: 'Probe' }) },
  { name: 'page: other children who live with the baby (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/household-children`) },
  { name: 'page: other children who live with the baby (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/household-children`, { answer: 'none', source: 'observed' }) },
  { name: 'page: team (form)', need: 'manage', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/team`) },
  { name: 'page: team (post)', need: 'manage', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/team`, { email: 'nobody@test.example', role: 'member' }) },
  { name: 'page: who has looked', need: 'manage', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/looks`) },
  { name: 'api: GET case', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}`) },
  { name: 'api: PUT case details', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/details`, { version: 999, birthHospital: 'Probe Hospital' }) },
  { name: 'api: PUT birth details', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/birth-details`, { version: 999, reason: 'Probe', givenName: 'Probe' }) },
  { name: 'api: GET the household address (not restricted)', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/address`) },
  { name: 'api: GET timescales', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/timescales`) },
  { name: 'api: POST team', need: 'manage', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/team`, { userId: randomUUID(), role: 'member' }) },
];
