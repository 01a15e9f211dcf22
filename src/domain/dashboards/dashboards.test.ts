import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applicableRiskFactors, completenessBand } from './completeness.ts';
import { countDashboard, selectCases } from './count-dashboard.ts';
import { dashboardsFor, inDashboard, mayOpenFromDashboard, mayViewDashboard, type DashboardViewer } from './dashboard-access.ts';
import type { DashboardTeamMember } from './dashboard.types.ts';
import { MEASURE_IDS } from './measures.ts';
import { stageOf } from './stage.ts';
import { dashboardCase } from '../../../test/helpers/dashboard-case.ts';

const today = '2026-11-22';
const now = new Date('2026-11-22T12:00:00Z');

const orgs = { hv: 'Health visiting', gp: 'Riverside surgery', police: 'Police' } as const;
const member = (userId: string, organisationId: keyof typeof orgs, role: DashboardTeamMember['role'] = 'member'): DashboardTeamMember => ({
  userId,
  name: `Name of ${userId}`,
  organisationId,
  organisationName: orgs[organisationId],
  role,
});

// A small partnership of four babies, counted by hand in the tests below.
const A = dashboardCase({
  caseId: 'A',
  status: 'unborn',
  dateOfBirth: null,
  openedOn: '2026-11-03',
  team: [member('hv1', 'hv', 'lead-professional'), member('gp1', 'gp')],
  findings: [{ id: 'hidden-risk', severity: 'high' }],
  review: 'never-reviewed',
  significantAdults: 1,
});
const B = dashboardCase({
  caseId: 'B',
  dateOfBirth: '2026-08-01',
  level: 'child-protection',
  openedOn: '2026-08-02',
  team: [member('hv1', 'hv', 'lead-professional')],
  findings: [
    { id: 'non-mobile-injury', severity: 'critical' },
    { id: 'unverified-exclusion', severity: 'attention' },
  ],
  decisions: [{ decidedAt: '2026-09-01T10:00:00Z', findings: [{ id: 'non-mobile-injury', severity: 'critical' }] }],
  review: 'overdue',
  clockOverdue: true,
  alertsNotTakenUp: 2,
  assessedRiskFactors: applicableRiskFactors(2),
  significantAdults: 2,
});
const C = dashboardCase({
  caseId: 'C',
  dateOfBirth: '2026-03-10',
  level: 'child-in-need',
  openedOn: '2026-03-15',
  team: [member('hv2', 'hv', 'lead-professional'), member('pol1', 'police')],
  findings: [
    { id: 'baby-not-seen', severity: 'high' },
    { id: 'gp-not-informed', severity: 'attention' },
  ],
  // Decided before the last review: no longer in view.
  decisions: [{ decidedAt: '2026-04-01T10:00:00Z', findings: [{ id: 'baby-not-seen', severity: 'high' }] }],
  lastReviewedAt: '2026-05-01T10:00:00Z',
  assessedRiskFactors: 5,
  significantAdults: 1,
});
const D = dashboardCase({
  caseId: 'D',
  dateOfBirth: '2025-10-01',
  level: 'early-help',
  openedOn: '2025-10-02',
  team: [member('pol1', 'police', 'lead-professional')],
  findings: [{ id: 'discharge-without-plan', severity: 'high' }],
  review: 'due-soon',
  alertsNotTakenUp: 1,
  assessedRiskFactors: Math.ceil(applicableRiskFactors(0) / 2),
});
const partnership = [A, B, C, D];

describe('the dashboard counts of a small partnership', () => {
  const counts = countDashboard(partnership, { today, practitionersOf: 'hv' });

  it('counts cases by level and stage', () => {
    const grid = Object.fromEntries(counts.levels.map((l) => [l.level, { total: l.total, ...l.stages }]));
    assert.deepEqual(grid, {
      universal: { total: 1, unborn: 1, 'under-6-months': 0, '6-to-12-months': 0, 'over-12-months': 0 },
      'early-help': { total: 1, unborn: 0, 'under-6-months': 0, '6-to-12-months': 0, 'over-12-months': 1 },
      'child-in-need': { total: 1, unborn: 0, 'under-6-months': 0, '6-to-12-months': 1, 'over-12-months': 0 },
      'child-protection': { total: 1, unborn: 0, 'under-6-months': 1, '6-to-12-months': 0, 'over-12-months': 0 },
      'looked-after': { total: 0, unborn: 0, 'under-6-months': 0, '6-to-12-months': 0, 'over-12-months': 0 },
    });
    assert.deepEqual(counts.stages, { unborn: 1, 'under-6-months': 1, '6-to-12-months': 1, 'over-12-months': 1 });
    assert.equal(counts.total, 4);
  });

  it('counts profiles by how far they are assessed', () => {
    assert.deepEqual(counts.completeness, { 'not-started': 1, begun: 1, most: 1, 'all-assessed': 1 });
  });

  it('counts each measure by hand', () => {
    assert.deepEqual(counts.measures, {
      'serious-finding': 4, // A high, B critical, C high, D high
      'serious-without-decision': 3, // B's critical finding was decided on; C's decision came before the last review
      'unverified-exclusion': 1, // B
      'hidden-risk': 1, // A
      'review-overdue': 1, // B
      'never-reviewed': 1, // A
      'clock-overdue': 1, // B
      'baby-not-seen': 1, // C
      'alert-not-taken-up': 2, // B and D
      'discharge-without-plan': 1, // D
      'gp-not-informed': 1, // C
    });
  });

  it('breaks the counts down by organisation, a case counting once for each organisation in its team', () => {
    const rows = counts.organisations.map((o) => [o.name, o.total, o.measures['serious-without-decision'], o.measures['alert-not-taken-up']]);
    assert.deepEqual(rows, [
      ['Health visiting', 3, 2, 1], // A, B, C; without decision A and C; alerts B
      ['Police', 2, 2, 1], // C, D; both without decision; alerts D
      ['Riverside surgery', 1, 1, 0], // A
    ]);
  });

  it('breaks the counts down by the practitioners of the viewer’s organisation', () => {
    assert.deepEqual(
      counts.practitioners.map((p) => [p.id, p.total, p.measures['review-overdue']]),
      [
        ['hv1', 2, 1], // A, B; B overdue
        ['hv2', 1, 0], // C
      ],
    );
  });

  it('gives the cases opened month by month over the last twelve months, and how many of them show a high or critical finding now', () => {
    assert.equal(counts.trend.length, 12);
    assert.equal(counts.trend[0]!.month, '2025-12');
    assert.equal(counts.trend[11]!.month, '2026-11');
    const opened = counts.trend.filter((m) => m.opened > 0).map((m) => [m.month, m.opened, m.serious]);
    assert.deepEqual(opened, [
      ['2026-03', 1, 1],
      ['2026-08', 1, 1],
      ['2026-11', 1, 1],
    ]); // D, opened in October 2025, is before the window
  });

  it('picks exactly the cases behind each number', () => {
    const ids = (selector: Parameters<typeof selectCases>[1]) => selectCases(partnership, selector, today).map((c) => c.caseId);
    assert.deepEqual(ids({ measure: 'serious-without-decision' }), ['A', 'C', 'D']);
    assert.deepEqual(ids({ measure: 'serious-without-decision', organisationId: 'police' }), ['C', 'D']);
    assert.deepEqual(ids({ level: 'child-protection', stage: 'under-6-months' }), ['B']);
    assert.deepEqual(ids({ completeness: 'begun' }), ['C']);
    assert.deepEqual(ids({ openedIn: '2026-11' }), ['A']);
    assert.deepEqual(ids({ practitionerId: 'hv1', measure: 'clock-overdue' }), ['B']);
    assert.deepEqual(ids({}), ['A', 'B', 'C', 'D']);
    for (const measure of MEASURE_IDS) assert.equal(ids({ measure }).length, counts.measures[measure], measure);
  });

  it('counts nothing on an empty dashboard, every row of levels still there', () => {
    const empty = countDashboard([], { today, practitionersOf: 'hv' });
    assert.equal(empty.total, 0);
    assert.equal(empty.levels.length, 5);
    assert.ok(Object.values(empty.measures).every((n) => n === 0));
    assert.deepEqual(empty.organisations, []);
  });
});

describe('the baby’s stage', () => {
  it('is unborn, under 6 months, 6 to 12 months or older, by whole calendar months', () => {
    assert.equal(stageOf('unborn', null, today), 'unborn');
    assert.equal(stageOf('born', '2026-05-23', today), 'under-6-months');
    assert.equal(stageOf('born', '2026-05-22', today), '6-to-12-months');
    assert.equal(stageOf('born', '2025-11-23', today), '6-to-12-months');
    assert.equal(stageOf('born', '2025-11-22', today), 'over-12-months');
    assert.equal(stageOf('born', null, today), 'under-6-months');
  });
});

describe('how far a profile is assessed', () => {
  it('grows with each significant adult, whose every adult factor applies', () => {
    assert.ok(applicableRiskFactors(1) > applicableRiskFactors(0));
    assert.equal(applicableRiskFactors(2) - applicableRiskFactors(1), applicableRiskFactors(1) - applicableRiskFactors(0));
  });

  it('bands none, fewer than half, half or more, and all', () => {
    const all = applicableRiskFactors(1);
    assert.equal(completenessBand(0, 1), 'not-started');
    assert.equal(completenessBand(1, 1), 'begun');
    assert.equal(completenessBand(Math.ceil(all / 2) - 1, 1), 'begun');
    assert.equal(completenessBand(Math.ceil(all / 2), 1), 'most');
    assert.equal(completenessBand(all - 1, 1), 'most');
    assert.equal(completenessBand(all, 1), 'all-assessed');
  });
});

describe('who sees which dashboard', () => {
  const viewer = (role: DashboardViewer['role'], organisationId: string, partnershipView = false, userId = 'viewer'): DashboardViewer => ({ userId, role, organisationId, partnershipView });

  it('shows a manager and a safeguarding lead their organisation’s, a practitioner and an administrator none', () => {
    assert.deepEqual(dashboardsFor(viewer('manager', 'hv')), ['organisation']);
    assert.deepEqual(dashboardsFor(viewer('safeguarding-lead', 'hv')), ['organisation']);
    assert.deepEqual(dashboardsFor(viewer('practitioner', 'hv')), []);
    assert.deepEqual(dashboardsFor(viewer('admin', 'hv')), []);
  });

  it('shows the partnership’s to an account granted the view, never to an administrator', () => {
    assert.deepEqual(dashboardsFor(viewer('manager', 'hv', true)), ['organisation', 'partnership']);
    assert.deepEqual(dashboardsFor(viewer('practitioner', 'hv', true)), ['partnership']);
    assert.equal(mayViewDashboard(viewer('admin', 'hv', true), 'partnership'), false);
  });

  it('counts on the organisation’s dashboard the cases whose team has a member of it; on the partnership’s, every case', () => {
    const manager = viewer('manager', 'hv', true);
    assert.deepEqual(partnership.filter((c) => inDashboard(manager, 'organisation', c.team)).map((c) => c.caseId), ['A', 'B', 'C']);
    assert.deepEqual(partnership.filter((c) => inDashboard(manager, 'partnership', c.team)).map((c) => c.caseId), ['A', 'B', 'C', 'D']);
  });

  it('lets the lists name only the cases the viewer may open', () => {
    const manager = viewer('manager', 'hv', true);
    assert.deepEqual(partnership.filter((c) => mayOpenFromDashboard(manager, c.team, now)).map((c) => c.caseId), ['A', 'B', 'C']);
    const practitioner = viewer('practitioner', 'hv', true, 'hv1');
    assert.deepEqual(partnership.filter((c) => mayOpenFromDashboard(practitioner, c.team, now)).map((c) => c.caseId), ['A', 'B']);
  });
});
