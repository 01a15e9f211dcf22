// Authorisation of the lookup by NHS number (GET /api/v1/lookup), for every kind of requester
// (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useMatrix, type Subject } from './matrix-helpers.ts';

/**
 * GET /api/v1/lookup (an NHS number: is this person, or are they around, a baby on the record) takes
 * no case id: it answers hospitals, midwifery, GPs, police and children's social care, never another
 * agency, an administrator or a token without the read scope (lookup tests hold the answers).
 */
const LOOKUP_ALLOWED: Record<Subject, boolean> = {
  lead: false, // health visiting
  member: true, // GP
  oversightLead: true, // GP
  oversightManager: false, // health visiting
  otherOrgLead: true, // police
  otherOrgManager: true, // police
  otherOrgFeed: false, // police, but a token that only sends entries
  sameOrgPractitioner: false, // health visiting
  admin: false,
  breakGlass: true, // police
};

describe('authorisation: lookup', () => {
  const m = useMatrix();

  for (const subject of Object.keys(LOOKUP_ALLOWED) as Subject[]) {
    it(`api: GET lookup by NHS number: ${LOOKUP_ALLOWED[subject] ? 'answers' : 'refuses'} ${subject}`, async () => {
      const caller = m.callers[subject];
      const before = await m.deniedAudits(caller.userId);
      const response = await caller.api('GET', '/lookup?nhsNumber=9434765919');
      if (LOOKUP_ALLOWED[subject]) {
        assert.equal(response.statusCode, 200, response.body.slice(0, 200));
      } else {
        assert.equal(response.statusCode, 403, response.body.slice(0, 200));
        assert.doesNotMatch(response.body, new RegExp(`${m.target.caseId}|Visible|Target`), 'a refusal shows nothing of any record');
        assert.equal(await m.deniedAudits(caller.userId), before + 1, 'the refusal is audited');
      }
    });
  }
});
