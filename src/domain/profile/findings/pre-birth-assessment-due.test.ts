import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TODAY, assess, event, everythingExcluded, facts, finding, mother, person, unbornBaby, withAssessment } from '../profile.test-support.ts';
import { addDays } from '../../shared/calendar-date.ts';
import type { ProfileFacts } from '../profile.types.ts';

/** The expected date of delivery that makes today `weeks` of pregnancy. */
const eddAt = (weeks: number) => addDays(TODAY, (40 - weeks) * 7);
const drinking = withAssessment(everythingExcluded(['mother']), assess('alcohol-misuse', 'present', { personId: 'mother', pattern: 'stable' }));
const unborn = (weeks: number, overrides: Partial<ProfileFacts> = {}) => facts({ infant: unbornBaby(eddAt(weeks)), assessments: drinking, ...overrides });

describe('pre-birth-assessment-due', () => {
  it('fires, high, for an unborn baby with concerns two weeks before the 28-week milestone', () => {
    const found = finding(unborn(26), 'pre-birth-assessment-due');
    assert.equal(found?.severity, 'high');
    assert.equal(
      found?.rationale,
      "Unborn baby Okafor is at 26 weeks of pregnancy, near the 28-week pre-birth milestone, with concerns (Grace Okafor's alcohol misuse) and no pre-birth assessment completed.",
    );
  });

  it('fires past the milestone', () => {
    assert.match(finding(unborn(31), 'pre-birth-assessment-due')?.rationale ?? '', /at 31 weeks of pregnancy, past the 28-week/);
  });

  it('does not fire earlier in the pregnancy', () => {
    assert.equal(finding(unborn(25), 'pre-birth-assessment-due'), undefined);
  });

  it('follows the milestone an area configures', () => {
    const settings = { preBirthMilestoneWeeks: 34 };
    assert.equal(finding(unborn(31, { settings }), 'pre-birth-assessment-due'), undefined);
    assert.match(finding(unborn(32, { settings }), 'pre-birth-assessment-due')?.rationale ?? '', /near the 34-week pre-birth milestone/);
  });

  it('does not fire without concerns', () => {
    assert.equal(finding(unborn(30, { assessments: everythingExcluded(['mother']) }), 'pre-birth-assessment-due'), undefined);
  });

  it('counts a young mother, an adult nobody can identify, or a factor that cannot be assessed as a concern', () => {
    const young = unborn(30, { assessments: everythingExcluded(['mother']), people: [mother({ dateOfBirth: '2009-01-01' })] });
    assert.match(finding(young, 'pre-birth-assessment-due')?.rationale ?? '', /young parenthood/);
    const stranger = person('x', { name: 'Unknown partner', relationshipToInfant: 'mothers-partner', identityKnown: false, historyChecked: false });
    assert.ok(finding(unborn(30, { assessments: everythingExcluded(['mother', 'x']), people: [mother(), stranger] }), 'pre-birth-assessment-due'));
    const hidden = withAssessment(everythingExcluded(['mother']), assess('mental-health', 'cannot-assess', { personId: 'mother' }));
    assert.ok(finding(unborn(30, { assessments: hidden }), 'pre-birth-assessment-due'));
  });

  it('does not count a history not yet checked as a concern by itself', () => {
    const unchecked = unborn(30, { assessments: everythingExcluded(['mother']), people: [mother({ historyChecked: false })] });
    assert.equal(finding(unchecked, 'pre-birth-assessment-due'), undefined);
  });

  it('stops once an assessment is completed', () => {
    assert.equal(finding(unborn(30, { events: [event('a1', 'assessment-completed', { occurredAt: '2026-11-15' })] }), 'pre-birth-assessment-due'), undefined);
  });

  it('fires when the expected date of delivery is not recorded: nobody can say the milestone is far off', () => {
    const input = facts({ infant: unbornBaby('not a date', { expectedDeliveryDate: null }), assessments: drinking });
    assert.match(finding(input, 'pre-birth-assessment-due')?.rationale ?? '', /has no expected date of delivery recorded/);
  });

  it('does not fire once the baby is born', () => {
    assert.equal(finding(facts({ assessments: drinking }), 'pre-birth-assessment-due'), undefined);
  });
});
