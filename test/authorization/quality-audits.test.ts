// Authorisation of quality assurance audits: every row of rows/quality-audits.ts for every kind of
// requester, each allowed or refused as the row says (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refused, SUBJECTS, useMatrix } from './matrix-helpers.ts';
import { moreRequests as AUDIT_ROUTES } from './rows/quality-audits.ts';

describe('authorisation: quality-audits', () => {
  const m = useMatrix();

  let auditStarted: Promise<string> | null = null;
  /** The GP practice's audit of its cases, started once, by its safeguarding lead. */
  const auditId = () =>
    (auditStarted ??= m.callers.oversightLead.web.post('/quality-audits/new', { scope: 'all' }).then((response) => {
      assert.equal(response.statusCode, 303, response.body.slice(0, 300));
      return String(response.headers.location).split('/').pop()!;
    }));

  for (const route of AUDIT_ROUTES) {
    for (const subject of SUBJECTS) {
      const allowed = route.allowed.includes(subject);
      it(`${route.name}: ${allowed ? 'allows' : 'refuses'} ${subject}`, async () => {
        const ids = { ...m.target, auditId: await auditId() };
        const caller = m.callers[subject];
        const before = await m.deniedAudits(caller.userId);
        const rowsBefore = await m.watchedRows();
        const response = await route.request(caller, ids);
        if (allowed) {
          assert.ok(!refused(response) && response.statusCode < 500, `${response.statusCode}: ${response.body.slice(0, 200)}`);
        } else {
          assert.ok(refused(response), `expected 403, got ${response.statusCode}`);
          assert.doesNotMatch(response.body, /Visible|Target/, 'a refusal shows nothing of the record');
          assert.equal(await m.deniedAudits(caller.userId), before + 1, 'the refusal is audited');
          assert.deepEqual(await m.watchedRows(), rowsBefore, 'a refusal changes no row');
        }
      });
    }
  }
});
