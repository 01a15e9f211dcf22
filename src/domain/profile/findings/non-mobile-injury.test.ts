import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notMobileBecause } from './non-mobile-injury.ts';
import { TODAY, assess, baby, carerSays, event, facts, finding, withAssessment, everythingExcluded, unbornBaby } from '../profile.test-support.ts';
import type { InfantFacts } from '../profile.types.ts';

const withInjury = (infant: InfantFacts, status: 'present' | 'excluded' = 'present') =>
  facts({ infant, assessments: withAssessment(everythingExcluded(['mother']), assess('injury', status, { detail: 'Bruise to the left cheek' })) });

const fiveMonths = baby({ dateOfBirth: '2026-06-10', independentlyMobile: null });
const sevenMonths = (independentlyMobile: boolean | null) => baby({ dateOfBirth: '2026-04-15', independentlyMobile });

describe('non-mobile-injury', () => {
  it('fires, critical, for an injury to a baby of 5 months', () => {
    const found = finding(withInjury(fiveMonths), 'non-mobile-injury');
    assert.equal(found?.severity, 'critical');
    assert.equal(found?.rationale, 'Ruby Okafor (5 months old, under 6 months) has an injury: Bruise to the left cheek.');
    assert.deepEqual(found?.factorIds, ['injury']);
    assert.match(found?.suggestedAction ?? '', /same-day referral/i);
  });

  it('fires for a 5-month-old even when recorded as mobile: every baby under 6 months counts as not mobile', () => {
    assert.ok(finding(withInjury({ ...fiveMonths, independentlyMobile: true }), 'non-mobile-injury'));
  });

  it('does not fire for a 7-month-old recorded as independently mobile', () => {
    assert.equal(finding(withInjury(sevenMonths(true)), 'non-mobile-injury'), undefined);
  });

  it('fires for a 7-month-old recorded as not mobile', () => {
    assert.match(finding(withInjury(sevenMonths(false)), 'non-mobile-injury')?.rationale ?? '', /recorded as not independently mobile/);
  });

  it('fires for a 7-month-old whose mobility is not recorded: not mobile until someone records otherwise', () => {
    assert.match(finding(withInjury(sevenMonths(null)), 'non-mobile-injury')?.rationale ?? '', /mobility not recorded/);
  });

  it('fires for a premature baby under 6 months corrected age, even when recorded as mobile', () => {
    // Seven months old, born at 28 weeks: about four months corrected.
    const premature = { ...sevenMonths(true), gestationAtBirthWeeks: 28 };
    assert.match(finding(withInjury(premature), 'non-mobile-injury')?.rationale ?? '', /corrected age/);
  });

  it('does not fire when the injury is excluded', () => {
    assert.equal(finding(withInjury(fiveMonths, 'excluded'), 'non-mobile-injury'), undefined);
  });

  it('fires on an injury-observed event alone, before anyone has updated the factor', () => {
    const input = facts({
      infant: fiveMonths,
      events: [event('e1', 'injury-observed', { note: 'Two small bruises on the ear', agency: 'GP surgery' })],
    });
    assert.equal(finding(input, 'non-mobile-injury')?.rationale, 'Ruby Okafor (5 months old, under 6 months) has an injury: Two small bruises on the ear (GP surgery).');
  });

  it('fires when the carer’s account excluded an injury that an event then records', () => {
    const input = facts({
      infant: fiveMonths,
      assessments: withAssessment(everythingExcluded(['mother']), assess('injury', 'excluded', { evidence: [carerSays('absent', 'No marks')] })),
      events: [event('e1', 'injury-observed')],
    });
    assert.ok(finding(input, 'non-mobile-injury'));
  });

  it('does not fire for an unborn baby', () => {
    assert.equal(finding(withInjury(unbornBaby('2027-02-01')), 'non-mobile-injury'), undefined);
  });
});

describe('when a baby counts as not independently mobile', () => {
  it('is every baby under 6 months, to the day', () => {
    assert.equal(notMobileBecause(baby({ dateOfBirth: '2026-05-23', independentlyMobile: true }), TODAY), '5 months old, under 6 months');
    assert.equal(notMobileBecause(baby({ dateOfBirth: '2026-05-22', independentlyMobile: true }), TODAY), null);
  });

  it('is an older baby recorded as not mobile, or with mobility not recorded', () => {
    assert.equal(notMobileBecause(baby({ dateOfBirth: '2026-01-01', independentlyMobile: false }), TODAY), 'recorded as not independently mobile');
    assert.equal(notMobileBecause(baby({ dateOfBirth: '2026-01-01', independentlyMobile: null }), TODAY), 'mobility not recorded');
  });

  it('goes by the record when the date of birth is not known', () => {
    assert.equal(notMobileBecause(baby({ dateOfBirth: null, independentlyMobile: true }), TODAY), null);
    assert.equal(notMobileBecause(baby({ dateOfBirth: null, independentlyMobile: null }), TODAY), 'mobility not recorded');
  });
});
