// Authorisation of the profile: every row of rows/profile.ts for every kind of requester
// (matrix-helpers.ts), and a factor read-only under emergency access.
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/profile.ts';

describe('authorisation: profile', () => {
  const m = useMatrix();
  caseRouteTests(m, rows);

  it('shows a factor read-only under emergency access: its facts and evidence, no form to change it', async () => {
    const response = await m.callers.breakGlass.web.get(`/cases/${m.target.caseId}/profile/household/housing-instability`);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /data-qa="read-only"/);
    assert.match(response.body, /data-qa="factor-summary"/);
    assert.doesNotMatch(response.body, /<form method="post" action="\/cases\//);
    const team = await m.callers.member.web.get(`/cases/${m.target.caseId}/profile/household/housing-instability`);
    assert.doesNotMatch(team.body, /data-qa="read-only"/);
    assert.match(team.body, /data-qa="save-factor"/);
  });
});
