// The authorisation matrix's rows of the profile: factors, stress and response, history and comparison, review, escalation decisions, the level and proposals to change it.
// How a row is tried: ../matrix-helpers.ts; its tests: ../profile.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  { name: 'page: profile', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile`) },
  { name: 'page: profile factor (read, or form)', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/household/housing-instability`) },
  { name: 'page: stress and response', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/stress`) },
  { name: 'page: profile factor (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/household/housing-instability`, { version: '999', status: 'not-assessed' }) },
  { name: 'page: every factor of a subject (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/household/all-factors`) },
  { name: 'page: every factor of a subject (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/household/all-factors`, { profileVersion: '999', 'status-housing-instability': 'not-assessed' }) },
  { name: 'page: profile history', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/history`) },
  { name: 'page: profile comparison', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/history/compare?from=0&to=1`) },
  { name: 'page: profile review', need: 'read', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/review`) },
  { name: 'page: mark profile reviewed (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/review`, { profileVersion: '999' }) },
  { name: 'page: escalation decision (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/decision`) },
  {
    name: 'page: escalation decision (post)',
    need: 'change',
    request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/decision`, { profileVersion: '999', decision: 'no-further-action', reasoning: 'probe', leadConsulted: 'no' }),
  },
  { name: 'page: level (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/level`) },
  { name: 'page: level (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/level`, { level: 'universal', why: 'probe' }) },
  { name: 'page: propose a change of level (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/profile/level/propose`) },
  { name: 'page: propose a change of level (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/profile/level/propose`, { level: 'universal', reason: 'probe' }) },
  { name: 'page: answer a level proposal (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/level-proposals/no-such-proposal/decision`, { answer: 'decline', reason: 'probe' }) },
  { name: 'api: GET profile versions', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/profile/versions`) },
  { name: 'api: GET profile comparison', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/profile/compare?from=0&to=0`) },
  { name: 'api: GET profile decisions', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/profile/decisions`) },
  {
    name: 'api: POST profile decision',
    need: 'change',
    request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/profile/decisions`, { decision: 'no-further-action', reasoning: 'probe', leadConsulted: false, profileVersion: 999 }),
  },
  { name: 'api: POST profile review', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/profile/review`, { profileVersion: 999 }) },
  { name: 'api: PUT level', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/level`, { level: 'universal', why: 'probe' }) },
  { name: 'api: GET level proposals', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/level-proposals`) },
  { name: 'api: POST level proposal', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/level-proposals`, { level: 'universal', reason: 'probe' }) },
  { name: 'api: POST level proposal decision', need: 'change', request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/level-proposals/no-such-proposal/decision`, { accept: false, reason: 'probe' }) },
  { name: 'api: GET profile', need: 'read', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/profile`) },
  {
    name: 'api: PUT profile factor',
    need: 'change',
    request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/profile/factors/housing-instability`, { status: 'excluded', evidence: [{ source: 'observed', note: 'Settled tenancy seen' }], version: 999 }),
  },
  { name: 'api: PUT profile subject', need: 'change', request: (c, ids) => c.api('PUT', `/cases/${ids.caseId}/profile/subjects/household`, { profileVersion: 999, answers: [{ factorId: 'housing-instability', status: 'not-assessed' }] }) },
];
