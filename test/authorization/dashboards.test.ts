// Authorisation of the dashboards, for every kind of requester (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { useMatrix, type Caller, type Subject } from './matrix-helpers.ts';

/**
 * The dashboards (issue 16) take no case id: the organisation's is for managers and safeguarding
 * leads of any organisation (each sees their own organisation's cases), never a practitioner, an
 * agency's feed token or an administrator; the partnership view is granted by an administrator, and
 * only an administrator may open its page (dashboards tests hold the counts and the grant).
 */
const DASHBOARD_ROUTES: { name: string; admin?: true; request(c: Caller): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: organisation dashboard', request: (c) => c.web.get('/dashboards') },
  { name: 'page: dashboard list', request: (c) => c.web.get('/dashboards/organisation/cases?measure=never-reviewed') },
  { name: 'page: dashboard list CSV', request: (c) => c.web.get('/dashboards/organisation/cases.csv') },
  { name: 'api: GET dashboard', request: (c) => c.api('GET', '/dashboards/organisation') },
  { name: 'page: partnership view grants', admin: true, request: (c) => c.web.get('/admin/partnership-view') },
];

const DASHBOARD_ALLOWED: Record<Subject, boolean> = {
  lead: false,
  member: false,
  oversightLead: true,
  oversightManager: true,
  otherOrgLead: true,
  otherOrgManager: true,
  otherOrgFeed: false,
  sameOrgPractitioner: false,
  admin: false,
  breakGlass: false,
};

describe('authorisation: dashboards', () => {
  const m = useMatrix();

  for (const route of DASHBOARD_ROUTES) {
    for (const subject of Object.keys(DASHBOARD_ALLOWED) as Subject[]) {
      const allowed = route.admin ? subject === 'admin' : DASHBOARD_ALLOWED[subject];
      it(`${route.name}: ${allowed ? 'allows' : 'refuses'} ${subject}`, async () => {
        const caller = m.callers[subject];
        const before = await m.deniedAudits(caller.userId);
        const response = await route.request(caller);
        if (allowed) {
          assert.equal(response.statusCode, 200, response.body.slice(0, 200));
        } else {
          assert.equal(response.statusCode, 403, response.body.slice(0, 200));
          assert.doesNotMatch(response.body, /Visible|Target|Secretfamily/, 'a refusal shows nothing of any record');
          assert.equal(await m.deniedAudits(caller.userId), before + 1, 'the refusal is audited');
        }
      });
    }
  }
});
