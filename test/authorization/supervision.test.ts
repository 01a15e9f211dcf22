// Authorisation of supervision: every row of rows/supervision.ts for every kind of requester
// (matrix-helpers.ts), and the notes' own, narrower, readers.
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serviceToday } from '../../src/domain/shared/service-day.ts';
import { caseRouteTests, useMatrix } from './matrix-helpers.ts';
import { rows } from './rows/supervision.ts';

describe('authorisation: supervision', () => {
  const m = useMatrix();
  caseRouteTests(m, rows);

  it('supervision notes: the practitioner, the supervisor and a safeguarding lead read them; a team member who is neither is refused, audited', async () => {
    const { callers, target } = m;
    const [year = '', month = '', day = ''] = serviceToday(m.t.clock.now()).split('-');
    const recorded = await callers.lead.web.post(`/cases/${target.caseId}/supervision/new`, {
      'heldOn-day': day,
      'heldOn-month': month,
      'heldOn-year': year,
      practitionerId: callers.lead.userId,
      supervisorId: callers.oversightManager.userId,
      ...Object.fromEntries(['script', 'missing-voices', 'unthinkable', 'changed', 'stuck'].map((id) => [`answer-${id}`, 'probe'])),
      stuck: 'no',
      analysis: 'Probe analysis',
      decisions: 'probe',
    });
    assert.equal(recorded.statusCode, 303, recorded.body.slice(0, 300));
    const url = String(recorded.headers.location);
    for (const subject of ['lead', 'oversightManager', 'oversightLead'] as const) {
      const response = await callers[subject].web.get(url);
      assert.equal(response.statusCode, 200, subject);
      assert.match(response.body, /Probe analysis/, subject);
    }
    const before = await m.deniedAudits(callers.member.userId);
    const refusedPage = await callers.member.web.get(url);
    assert.equal(refusedPage.statusCode, 403);
    assert.doesNotMatch(refusedPage.body, /Probe analysis/);
    assert.equal(await m.deniedAudits(callers.member.userId), before + 1, 'the refusal is audited');
    assert.doesNotMatch((await callers.member.web.get(`/cases/${target.caseId}/supervision`)).body, /Probe analysis/);
  });
});
