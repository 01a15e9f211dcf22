// The authorisation matrix's rows of contacts (a visit or call and what was seen of the baby's day).
// How a row is tried: ../matrix-helpers.ts; its tests: ../contacts.test.ts.
import { randomUUID } from 'node:crypto';
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: contact (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/contacts/new`) },
  { name: 'page: contact (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/contacts/new`, {}) },
  { name: 'page: contact recorded', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/contacts/${randomUUID()}`) },
];
