// The authorisation matrix's rows of quality assurance audits (issue 16). They are the organisation's,
// not the team's: its safeguarding leads start and answer them, its safeguarding leads and managers read
// them. The audit here is the GP practice's (oversightLead's), of its cases (the target case among
// them); nobody else may open it. Each row names whom it allows, so these are `moreRequests`, outside
// the need model of `rows` (which all-routes.test.ts tries with swapped and guessed case ids).
// How a row is tried: ../quality-audits.test.ts.
import type { LightMyRequestResponse } from 'fastify';
import type { Caller, Ids, RouteCase, Subject } from '../matrix-helpers.ts';

type AuditSubjects = readonly Subject[];
const AUDIT_READERS: AuditSubjects = ['oversightLead'];

export interface AuditRoute {
  name: string;
  allowed: AuditSubjects;
  request(client: Caller, ids: Ids & { auditId: string }): Promise<LightMyRequestResponse>;
}

export const rows: RouteCase[] = [];

export const moreRequests: AuditRoute[] = [
  { name: 'page: quality audits', allowed: ['oversightLead', 'oversightManager', 'otherOrgLead', 'otherOrgManager'], request: (c) => c.web.get('/quality-audits') },
  { name: 'page: start a quality audit (form)', allowed: ['oversightLead', 'otherOrgLead'], request: (c) => c.web.get('/quality-audits/new') },
  { name: 'page: start a quality audit (post, nothing chosen)', allowed: ['oversightLead', 'otherOrgLead'], request: (c) => c.web.post('/quality-audits/new', {}) },
  { name: 'page: a quality audit', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}`) },
  { name: 'page: a case in a quality audit', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}/cases/${ids.caseId}`) },
  { name: 'page: answer a case in a quality audit (post, nothing answered)', allowed: AUDIT_READERS, request: (c, ids) => c.web.post(`/quality-audits/${ids.auditId}/cases/${ids.caseId}`, {}) },
  { name: 'page: quality audit results', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}/report`) },
  { name: 'page: quality audit results, printable', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}/report/print`) },
  { name: 'page: quality audit results, CSV', allowed: AUDIT_READERS, request: (c, ids) => c.web.get(`/quality-audits/${ids.auditId}/report.csv`) },
  { name: 'api: GET quality audits', allowed: ['oversightLead', 'oversightManager', 'otherOrgLead', 'otherOrgManager'], request: (c) => c.api('GET', '/quality-audits') },
  { name: 'api: GET a quality audit’s results', allowed: AUDIT_READERS, request: (c, ids) => c.api('GET', `/quality-audits/${ids.auditId}`) },
];
