// The authorisation matrix's rows of the chronology: its list, CSV, printable page and timeline, entries, corrections and disputes, and the events API.
// How a row is tried: ../matrix-helpers.ts; its tests: ../chronology.test.ts.
import { randomUUID } from 'node:crypto';
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: chronology', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology`) },
  { name: 'page: chronology CSV', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology.csv`) },
  { name: 'page: chronology printable', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/print`) },
  { name: 'page: chronology timeline', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/timeline`) },
  { name: 'page: chronology entry (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/new`) },
  { name: 'page: chronology entry (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/chronology/new`, {}) },
  { name: 'page: chronology correction (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/${randomUUID()}/correct`) },
  { name: 'page: chronology correction (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/chronology/${randomUUID()}/correct`, {}) },
  { name: 'page: chronology entry', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/${randomUUID()}`) },
  { name: 'page: dispute of an entry (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/chronology/${randomUUID()}/dispute`) },
  { name: 'page: dispute of an entry (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/chronology/${randomUUID()}/dispute`, { disputedBy: 'probe', text: 'probe' }) },
  { name: 'api: GET events', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/events`) },
  { name: 'api: POST dispute of an event', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/events/${randomUUID()}/disputes`, { disputedBy: 'probe', text: 'probe' }) },
  {
    name: 'api: POST event',
    need: 'change',
    request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/events`, { kind: 'case-note', occurredAt: '2099-01-01', summary: 'probe', source: 'observed' }),
  },
];
