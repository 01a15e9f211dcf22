import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, carerSays, everythingExcluded, facts, finding, mother, person, record, withAssessment } from '../profile.test-support.ts';
import type { FactorAssessment } from '../profile.types.ts';

const visitor = person('friend', { name: 'Jo Reed', relationshipToInfant: 'friend', livesInHousehold: false, caresForInfant: false, visitsRegularly: true });
const people = [mother(), visitor];
const base = everythingExcluded(['mother', 'friend']);
const withAll = (...changes: FactorAssessment[]) => facts({ people, assessments: changes.reduce(withAssessment, base) });
const removed = (personId = 'mother') => assess('previous-child-harmed-or-removed', 'present', { personId, detail: 'Son adopted 2022' });
const onOwnWord = (id: 'alcohol-misuse' | 'drug-misuse' | 'mental-health', personId = 'mother') =>
  assess(id, 'excluded', { personId, evidence: [carerSays('absent', 'Says that is all behind her')] });

describe('fresh-start', () => {
  it('fires, high, for a mother who had a child removed whose drinking is excluded on her word alone', () => {
    const found = finding(withAll(removed(), onOwnWord('alcohol-misuse')), 'fresh-start');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, 'Grace Okafor has harmed a child or had a child removed before, yet her alcohol misuse was excluded on her own account alone.');
    assert.deepEqual(found?.factorIds, ['previous-child-harmed-or-removed', 'alcohol-misuse']);
  });

  it('fires for childhood adversity and more than one exclusion on her word', () => {
    const found = finding(withAll(assess('childhood-adversity', 'present', { personId: 'mother' }), onOwnWord('drug-misuse'), onOwnWord('mental-health')), 'fresh-start');
    assert.equal(found?.rationale, 'Grace Okafor had abuse or neglect in her own childhood, yet her mental ill health and drug misuse were excluded on her own account alone.');
  });

  it('fires for an earlier plan for a brother or sister', () => {
    assert.match(finding(withAll(assess('sibling-on-plan', 'present'), onOwnWord('alcohol-misuse')), 'fresh-start')?.rationale ?? '', /a brother or sister of the baby was on a plan/);
  });

  it('does not fire when the exclusions rest on other sources too', () => {
    const checked = assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent'), record('absent', 'Recovery service: abstinent, tested')] });
    assert.equal(finding(withAll(removed(), checked), 'fresh-start'), undefined);
  });

  it('does not fire without an earlier history', () => {
    assert.equal(finding(withAll(onOwnWord('alcohol-misuse')), 'fresh-start'), undefined);
  });

  it('does not fire for a visitor who is not a carer', () => {
    assert.equal(finding(withAll(removed('friend'), onOwnWord('alcohol-misuse', 'friend')), 'fresh-start'), undefined);
  });
});
