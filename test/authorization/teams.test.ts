// Authorisation of teams within an organisation, for every kind of requester (matrix-helpers.ts).
// H3's rows for the teams pages (19ba415), written in the old test/authorization.test.ts and moved
// here when the matrix was split per feature (5ea3b6d).
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { refused, useMatrix, type Caller, type Subject } from './matrix-helpers.ts';

/**
 * Teams within an organisation (issue 16, docs/adr/0019-teams.md) take no case id: an organisation's
 * teams (here health visiting's, the lead's) are for an administrator and that organisation's managers,
 * never a practitioner, a safeguarding lead or another organisation's manager, each refusal audited
 * (the teams tests hold the rest: another organisation's team or person, an archived team, the names).
 * The changes send an empty name, or no team, so an allowed caller changes nothing; archiving comes last.
 */
const TEAM_ROUTES: { name: string; request(c: Caller, ids: { organisationId: string; teamId: string; userId: string }): Promise<LightMyRequestResponse> }[] = [
  { name: 'page: an organisation’s teams', request: (c, ids) => c.web.get(`/organisations/${ids.organisationId}/teams`) },
  { name: 'page: add a team (post)', request: (c, ids) => c.web.post(`/organisations/${ids.organisationId}/teams`, { name: '' }) },
  { name: 'page: rename a team (form)', request: (c, ids) => c.web.get(`/organisations/${ids.organisationId}/teams/${ids.teamId}/rename`) },
  { name: 'page: rename a team (post)', request: (c, ids) => c.web.post(`/organisations/${ids.organisationId}/teams/${ids.teamId}/rename`, { name: '' }) },
  { name: 'page: a person’s team (form)', request: (c, ids) => c.web.get(`/organisations/${ids.organisationId}/people/${ids.userId}/team`) },
  { name: 'page: a person’s team (post)', request: (c, ids) => c.web.post(`/organisations/${ids.organisationId}/people/${ids.userId}/team`, { teamId: 'none' }) },
  { name: 'page: archive a team (post)', request: (c, ids) => c.web.post(`/organisations/${ids.organisationId}/teams/${ids.teamId}/archive`) },
];
const TEAMS_ALLOWED: Record<Subject, boolean> = {
  lead: false,
  member: false,
  oversightLead: false, // the GP practice's
  oversightManager: true, // health visiting's manager
  otherOrgLead: false,
  otherOrgManager: false, // police's manager
  otherOrgFeed: false,
  sameOrgPractitioner: false,
  admin: true,
  breakGlass: false,
};

describe('authorisation: teams', () => {
  const m = useMatrix();

  let teamMade: Promise<{ organisationId: string; teamId: string; userId: string }> | null = null;
  /** Health visiting's team, made once, and its practitioner outside the case's team. */
  const teamIds = () =>
    (teamMade ??= (async () => {
      const { t, callers } = m;
      const { organisation_id: organisationId } = await t.ctx.db.selectFrom('users').select('organisation_id').where('id', '=', callers.lead.userId).executeTakeFirstOrThrow();
      const teamId = randomUUID();
      await t.ctx.db.insertInto('teams').values({ id: teamId, organisation_id: organisationId, name: 'Probe team', created_at: t.clock.now(), archived_at: null }).execute();
      return { organisationId, teamId, userId: callers.sameOrgPractitioner.userId };
    })());

  for (const route of TEAM_ROUTES) {
    for (const subject of Object.keys(TEAMS_ALLOWED) as Subject[]) {
      const allowed = TEAMS_ALLOWED[subject];
      it(`${route.name}: ${allowed ? 'allows' : 'refuses'} ${subject}`, async () => {
        const ids = await teamIds();
        const caller = m.callers[subject];
        await caller.web.get('/');
        const before = await m.deniedAudits(caller.userId);
        const rowsBefore = await m.watchedRows();
        const response = await route.request(caller, ids);
        if (allowed) {
          assert.ok(!refused(response) && response.statusCode < 500, `${response.statusCode}: ${response.body.slice(0, 200)}`);
        } else {
          assert.equal(response.statusCode, 403, response.body.slice(0, 200));
          assert.doesNotMatch(response.body, /Probe team/, 'a refusal shows nothing of the teams');
          assert.equal(await m.deniedAudits(caller.userId), before + 1, 'the refusal is audited');
          assert.deepEqual(await m.watchedRows(), rowsBefore, 'a refusal changes no row');
        }
      });
    }
  }
});
