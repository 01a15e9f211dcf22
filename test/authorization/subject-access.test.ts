// Authorisation of the subject access search by name and date of birth, for every kind of requester
// (matrix-helpers.ts).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { SUBJECTS, useMatrix, type Caller } from './matrix-helpers.ts';

/**
 * Finding the person of a subject access request by name and date of birth takes no case id: only a
 * data protection officer (a grant, docs/adr/0012) may, which none of these callers holds, whatever
 * their role; each refusal audited (the subject access tests hold the officer's rows).
 */
const SUBJECT_SEARCH_REQUESTS: { name: string; request(c: Caller): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: subject access search by name and date of birth', request: (c) => c.web.post('/subject-access/new/search', { name: 'Visible X', 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '1990', postcode: '' }) },
  { name: 'api: POST subject access search', request: (c) => c.api('POST', '/subject-access-searches', { name: 'Visible X', dateOfBirth: '1990-01-01' }) },
];

describe('authorisation: subject-access', () => {
  const m = useMatrix();

  for (const route of SUBJECT_SEARCH_REQUESTS) {
    for (const subject of SUBJECTS) {
      it(`${route.name}: refuses ${subject}`, async () => {
        const caller = m.callers[subject];
        const before = await m.deniedAudits(caller.userId);
        const response = await route.request(caller);
        assert.equal(response.statusCode, 403, response.body.slice(0, 200));
        assert.doesNotMatch(response.body, /Visible|Target|Secretfamily/, 'a refusal shows nothing of any record');
        assert.equal(await m.deniedAudits(caller.userId), before + 1, 'the refusal is audited');
      });
    }
  }
});
