import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIFFERENT_BABY_REASON_MAX_LENGTH, DIFFERENT_BABY_REASON_WORDS, differentBabyReasonProblem } from './duplicate-override.ts';

describe('the reason for making a record anyway', () => {
  it('takes a reason that says something', () => {
    assert.equal(differentBabyReasonProblem('Different mother; checked with the GP'), null);
    assert.equal(differentBabyReasonProblem('  x  '), null);
  });

  it('asks for a reason when none is given, or only spaces', () => {
    for (const reason of [null, undefined, '', '   ', '\n\t']) assert.equal(differentBabyReasonProblem(reason), DIFFERENT_BABY_REASON_WORDS.missing);
  });

  it('takes a reason up to the limit, counted without the spaces around it, and refuses a longer one', () => {
    assert.equal(differentBabyReasonProblem('a'.repeat(DIFFERENT_BABY_REASON_MAX_LENGTH)), null);
    assert.equal(differentBabyReasonProblem(` ${'a'.repeat(DIFFERENT_BABY_REASON_MAX_LENGTH)} `), null);
    assert.equal(differentBabyReasonProblem('a'.repeat(DIFFERENT_BABY_REASON_MAX_LENGTH + 1)), DIFFERENT_BABY_REASON_WORDS.tooLong);
  });
});
