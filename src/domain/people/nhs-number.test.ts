import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNhsNumber, formatNhsNumber, nhsNumberWords, normaliseNhsNumber } from './nhs-number.ts';

describe('NHS number check', () => {
  it('accepts a number whose check digit matches', () => {
    assert.equal(checkNhsNumber('9434765919'), null);
  });

  it('accepts spaces and hyphens between the digit groups', () => {
    assert.equal(checkNhsNumber('943 476 5919'), null);
    assert.equal(checkNhsNumber('943-476-5919'), null);
  });

  it('refuses a number whose check digit does not match', () => {
    assert.equal(checkNhsNumber('1234567890'), 'check-digit');
    assert.equal(checkNhsNumber('9434765918'), 'check-digit');
  });

  it('accepts a check digit of 0 when 11 - (sum mod 11) is 11', () => {
    // 1*10 + 6*2 = 22; 22 mod 11 = 0; 11 - 0 = 11, which becomes 0.
    assert.equal(checkNhsNumber('1000000060'), null);
    assert.equal(checkNhsNumber('1000000061'), 'check-digit');
  });

  it('refuses every number whose check would be 10', () => {
    // 1*10 + 1*2 = 12; 12 mod 11 = 1; 11 - 1 = 10, which is never a valid check digit.
    for (let last = 0; last <= 9; last++) assert.equal(checkNhsNumber(`100000001${last}`), 'check-digit');
  });

  it('refuses anything that is not ten digits', () => {
    for (const input of ['', '123', '94347659190', '943476591A', 'nine four three']) {
      assert.equal(checkNhsNumber(input), 'not-ten-digits', input);
    }
  });

  it('formats ten digits as 3-3-4 groups and normalises input', () => {
    assert.equal(formatNhsNumber('9434765919'), '943 476 5919');
    assert.equal(normaliseNhsNumber(' 943 476-5919 '), '9434765919');
  });

  it('says what is wrong in one set of words: not 10 digits, or a check digit that does not match, for the person’s own number or another’s', () => {
    assert.equal(nhsNumberWords('943 476 5919'), null);
    assert.equal(nhsNumberWords('943 476 591'), 'Enter a valid NHS number: 10 digits, like 943 476 5919');
    assert.equal(nhsNumberWords('943 476 5918'), 'This NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit');
    assert.equal(nhsNumberWords('401 023 213', "the mother's"), "Enter the mother's NHS number as 10 digits, like 943 476 5919");
    assert.equal(nhsNumberWords('401 023 2138', "the mother's"), "The mother's NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit");
  });
});
