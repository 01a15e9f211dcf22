// The authorisation matrix's rows of supervision (the notes' narrower readers: supervision.test.ts).
// How a row is tried: ../matrix-helpers.ts; its tests: ../supervision.test.ts.
import type { RouteCase } from '../matrix-helpers.ts';

export const rows: RouteCase[] = [
  // Supervision is narrower than the team (the notes only for the two who took part and safeguarding
  // leads: 'supervision notes' in ../supervision.test.ts); its page and form are for the team and oversight, not emergency access.
  { name: 'page: supervision', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/supervision`) },
  { name: 'page: record a supervision (form)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/supervision/new`) },
  { name: 'page: record a supervision (post)', need: 'change', request: (c, ids) => c.web.post(`/cases/${ids.caseId}/supervision/new`, { analysis: 'probe' }) },
  { name: 'page: a supervision (none with this id)', need: 'change', request: (c, ids) => c.web.get(`/cases/${ids.caseId}/supervision/no-such-supervision`) },
  { name: 'api: GET supervisions', need: 'change', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/supervisions`) },
  { name: 'api: GET a supervision (none with this id)', need: 'change', request: (c, ids) => c.api('GET', `/cases/${ids.caseId}/supervisions/no-such-supervision`) },
  {
    name: 'api: POST supervision',
    need: 'change',
    request: (c, ids) => c.api('POST', `/cases/${ids.caseId}/supervisions`, { heldOn: '1999-01-01', practitionerId: 'probe', supervisorId: 'probe', answers: {}, stuck: 'no', analysis: 'probe', decisions: 'probe' }),
  },
];
