// The authorisation matrix's rows of the people around the baby, their relationships and the people another agency named.
// How a row is tried: ../matrix-helpers.ts; its tests: ../people.test.ts.
import { randomUUID } from 'node:crypto';
import { person, personForm, type RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: add a person (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/people/new`) },
  { name: 'page: add a person (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/people/new`, personForm) },
  { name: 'page: change a person (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/people/${ids.personId}`) },
  { name: 'page: change a person (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/people/${ids.personId}`, { ...personForm, version: '999' }) },
  { name: 'page: relationship (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/relationships/new`) },
  { name: 'page: relationship (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/relationships/new`, { personId: ids.personId, kind: 'partners', otherPersonId: 'nobody' }) },
  { name: 'api: GET people', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/people`) },
  { name: 'api: POST person', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/people`, person) },
  { name: 'api: PUT person', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/people/${ids.personId}`, { ...person, version: 999 }) },
  { name: 'page: people another agency named', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/proposed-people`) },
  { name: 'page: decide about a person another agency named (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/proposed-people/${randomUUID()}`, { decision: 'not-in-family' }) },
];
