// The dashboards by team (issue 16, docs/adr/0019-teams.md), counted by hand on a small partnership: a
// case counts once in the team of each person on the team around the family, as their team is now; a
// person in no team counts in none; the organisation's dashboard counts its own people's teams and lists
// its teams in use with no case too, never an archived one; the partnership's counts every organisation's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countDashboard, selectCases, type CountOptions, type DashboardTeam } from './count-dashboard.ts';
import type { DashboardCase, DashboardTeamMember } from './dashboard.types.ts';
import { dashboardCase } from '../../../test/helpers/dashboard-case.ts';

const today = '2026-11-22';

const organisations = { hv: 'Health visiting', police: 'Police' } as const;
type Organisation = keyof typeof organisations;
const team = (id: string, name: string, organisationId: Organisation): DashboardTeam => ({ id, name, organisationId, organisationName: organisations[organisationId] });
const alpha = team('alpha', 'Alpha', 'hv');
const beta = team('beta', 'Beta', 'hv');
const gamma = team('gamma', 'Gamma, nobody on a case', 'hv');
const response = team('response', 'Response', 'police');

const person = (userId: string, organisationId: Organisation, inTeam: DashboardTeam | null): DashboardTeamMember => ({
  userId,
  name: `Name of ${userId}`,
  organisationId,
  organisationName: organisations[organisationId],
  role: 'member',
  teamId: inTeam?.id ?? null,
  teamName: inTeam?.name ?? null,
});
const people = { hv1: person('hv1', 'hv', alpha), hv2: person('hv2', 'hv', beta), hv3: person('hv3', 'hv', null), hv4: person('hv4', 'hv', alpha), pol1: person('pol1', 'police', response) };

const aCase = (caseId: string, team: DashboardTeamMember[], over: Partial<DashboardCase> = {}): DashboardCase => dashboardCase({ caseId, team, ...over });

// P: two people of Alpha; Q: Alpha, Beta and Response; R: someone in no team; S: Response alone (not on health visiting's dashboard).
const partnershipOf = (p: typeof people) => [
  aCase('P', [p.hv1, p.hv4], { findings: [{ id: 'hidden-risk', severity: 'high' }] }),
  aCase('Q', [p.hv1, p.hv2, p.pol1], { review: 'overdue' }),
  aCase('R', [p.hv3], { review: 'overdue' }),
  aCase('S', [p.pol1], { alertsNotTakenUp: 1 }),
];
const partnership = partnershipOf(people);
const healthVisiting = partnership.filter((c) => c.team.some((m) => m.organisationId === 'hv'));
const ownDashboard: CountOptions = { today, practitionersOf: 'hv', teamsOf: 'hv', teamsInUse: [alpha, beta, gamma] };

/** Each team's row as [organisation, team, cases, serious finding, review overdue, alert not taken up]. */
const rows = (cases: readonly DashboardCase[], options: CountOptions) =>
  countDashboard(cases, options).teams.map((row) => [row.organisationName, row.name, row.total, row.measures['serious-finding'], row.measures['review-overdue'], row.measures['alert-not-taken-up']]);

describe('the dashboard counts by team', () => {
  it('counts each of an organisation’s cases once in the team of each of its people on it, every team in use listed', () => {
    assert.deepEqual(rows(healthVisiting, ownDashboard), [
      ['Health visiting', 'Alpha', 2, 1, 1, 0], // P (two of Alpha's people, counted once), Q
      ['Health visiting', 'Beta', 1, 0, 1, 0], // Q
      ['Health visiting', 'Gamma, nobody on a case', 0, 0, 0, 0],
    ]);
  });

  it('counts a case whose people are in no team in no team: R is in the totals, in no team’s row', () => {
    const counts = countDashboard(healthVisiting, ownDashboard);
    assert.equal(counts.measures['review-overdue'], 2); // Q and R
    assert.equal(counts.teams.reduce((n, row) => n + row.measures['review-overdue'], 0), 2); // Q, in Alpha and in Beta
    assert.ok(counts.teams.every((row) => !selectCases(healthVisiting, { teamId: row.id }, today).some((c) => c.caseId === 'R')));
  });

  it('leaves out another organisation’s teams on an organisation’s dashboard, and an archived team, which nobody is in and is not in use', () => {
    const names = countDashboard(healthVisiting, ownDashboard).teams.map((row) => row.name);
    assert.ok(!names.includes('Response'), 'the police officer on Q is not of health visiting');
    assert.ok(!names.includes('Archived'));
  });

  it('counts every organisation’s teams that have a case on the partnership’s, by organisation then team', () => {
    assert.deepEqual(rows(partnership, { today, practitionersOf: 'hv' }), [
      ['Health visiting', 'Alpha', 2, 1, 1, 0], // P, Q
      ['Health visiting', 'Beta', 1, 0, 1, 0], // Q
      ['Police', 'Response', 2, 0, 1, 1], // Q, S
    ]);
  });

  it('counts someone who moves team, with all their cases, in the new team from then on', () => {
    // hv1 (on P and Q) moves from Alpha to Beta: P now has one person in each; Q two in Beta, counted once.
    const moved = partnershipOf({ ...people, hv1: person('hv1', 'hv', beta) });
    assert.deepEqual(rows(moved, { today, practitionersOf: 'hv' }), [
      ['Health visiting', 'Alpha', 1, 1, 0, 0], // P (hv4)
      ['Health visiting', 'Beta', 2, 1, 1, 0], // P (hv1), Q (hv1 and hv2)
      ['Police', 'Response', 2, 0, 1, 1],
    ]);
  });

  it('picks exactly the cases each team’s number counts', () => {
    for (const [cases, options] of [
      [healthVisiting, ownDashboard],
      [partnership, { today, practitionersOf: 'hv' }],
    ] as const) {
      for (const row of countDashboard(cases, options).teams) assert.equal(selectCases(cases, { teamId: row.id }, today).length, row.total, row.name);
    }
    assert.deepEqual(selectCases(partnership, { teamId: 'alpha' }, today).map((c) => c.caseId), ['P', 'Q']);
    assert.deepEqual(selectCases(partnership, { teamId: 'response', measure: 'alert-not-taken-up' }, today).map((c) => c.caseId), ['S']);
  });
});
