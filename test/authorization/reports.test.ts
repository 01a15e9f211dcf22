// Authorisation of the partnership's reports and the census return, for every kind of requester
// (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { useMatrix, type Caller, type Subject } from './matrix-helpers.ts';

/**
 * The partnership's reports (/reports, the census return, their CSV files and GET
 * /api/v1/reports/cin-census) take no case id: they answer managers and safeguarding leads, over the
 * cases their own organisation works on, and refuse everyone else, audited (reports tests hold the rows).
 */
const REPORTS_ALLOWED: Record<Subject, boolean> = {
  lead: false,
  member: false,
  oversightLead: true, // the GP practice, in the team: sees the target case
  oversightManager: true, // health visiting, in the team: sees the target case
  otherOrgLead: true, // police, not in the team: sees nothing of it
  otherOrgManager: true,
  otherOrgFeed: false,
  sameOrgPractitioner: false,
  admin: false,
  breakGlass: false,
};

const REPORT_REQUESTS: { name: string; request(c: Caller): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: reports', request: (c) => c.web.get('/reports?from=2026-04-01&to=2027-03-31') },
  { name: 'page: a report as CSV', request: (c) => c.web.get('/reports/was-not-brought.csv?from=2026-04-01&to=2027-03-31') },
  { name: 'page: census return', request: (c) => c.web.get('/reports/cin-census?from=2026-04-01&to=2027-03-31') },
  { name: 'page: census return as CSV', request: (c) => c.web.get('/reports/cin-census.csv?from=2026-04-01&to=2027-03-31') },
  { name: 'api: GET census return', request: (c) => c.api('GET', '/reports/cin-census?from=2026-04-01&to=2027-03-31') },
];

describe('authorisation: reports', () => {
  const m = useMatrix();

  for (const route of REPORT_REQUESTS) {
    for (const subject of Object.keys(REPORTS_ALLOWED) as Subject[]) {
      it(`${route.name}: ${REPORTS_ALLOWED[subject] ? 'answers' : 'refuses'} ${subject}`, async () => {
        const caller = m.callers[subject];
        const before = await m.deniedAudits(caller.userId);
        const response = await route.request(caller);
        if (REPORTS_ALLOWED[subject]) {
          assert.equal(response.statusCode, 200, response.body.slice(0, 200));
          if (subject.startsWith('otherOrg')) assert.doesNotMatch(response.body, /Visible|Target/, 'another organisation’s reports show nothing of a case it does not work on');
        } else {
          assert.equal(response.statusCode, 403, response.body.slice(0, 200));
          assert.doesNotMatch(response.body, /Visible|Target|Secretfamily/, 'a refusal shows nothing of any record');
          assert.equal(await m.deniedAudits(caller.userId), before + 1, 'the refusal is audited');
        }
      });
    }
  }
});
