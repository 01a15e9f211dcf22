import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_LEVEL_IDS, type CaseLevel } from '../shared/case-levels.ts';
import type { AccessBasis } from './case-access.ts';
import { decideLevelChange, isStatutoryLevel } from './level-change.ts';

const BASES: AccessBasis[] = ['lead-professional', 'organisation-oversight', 'team-member', 'break-glass'];
const pairs = CASE_LEVEL_IDS.flatMap((from) => CASE_LEVEL_IDS.filter((to) => to !== from).map((to) => [from, to] as [CaseLevel, CaseLevel]));

describe('who may change the level of support', () => {
  it('lets a housing officer in the team change no level at all', () => {
    for (const [from, to] of pairs) assert.equal(decideLevelChange({ basis: 'team-member', organisationKind: 'housing', from, to }).allowed, false, `${from} → ${to}`);
  });

  it('refuses a move into or out of child protection to a lead professional outside children’s social care', () => {
    assert.deepEqual(decideLevelChange({ basis: 'lead-professional', organisationKind: 'health-visiting', from: 'early-help', to: 'child-protection' }), { allowed: false, reason: 'statutory-level' });
    assert.deepEqual(decideLevelChange({ basis: 'organisation-oversight', organisationKind: 'midwifery', from: 'child-protection', to: 'universal' }), { allowed: false, reason: 'statutory-level' });
  });

  it('lets children’s social care in the team, lead, member or oversight, record any statutory move', () => {
    for (const basis of ['lead-professional', 'organisation-oversight', 'team-member'] as const) {
      for (const [from, to] of pairs.filter(([a, b]) => isStatutoryLevel(a) || isStatutoryLevel(b))) {
        assert.equal(decideLevelChange({ basis, organisationKind: 'childrens-social-care', from, to }).allowed, true, `${basis} ${from} → ${to}`);
      }
    }
  });

  it('lets the lead professional or oversight of any agency move between universal and early help, and no one else', () => {
    for (const basis of BASES) {
      for (const [from, to] of [['universal', 'early-help'], ['early-help', 'universal']] as const) {
        const expected = basis === 'lead-professional' || basis === 'organisation-oversight';
        assert.equal(decideLevelChange({ basis, organisationKind: 'health-visiting', from, to }).allowed, expected, `${basis} ${from} → ${to}`);
      }
    }
  });

  it('never lets emergency (break-glass) access change a level, whatever the agency', () => {
    for (const [from, to] of pairs) assert.equal(decideLevelChange({ basis: 'break-glass', organisationKind: 'childrens-social-care', from, to }).allowed, false);
  });
});
