import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { babyNhsNumberProblem } from './baby-nhs-number.ts';

const adults = [
  { who: 'the mother', nhsNumber: '9434765919' },
  { who: 'Daniel Okafor (father)', nhsNumber: '485 777 3457' },
  { who: 'Sarah Hart (grandparent)', nhsNumber: null },
];

describe("the baby's NHS number is not an adult's on the record", () => {
  it("refuses the mother's number kept on the record, naming whose it is and what to do", () => {
    assert.equal(
      babyNhsNumberProblem('943 476 5919', adults),
      "This is the NHS number of the mother on this record. Enter the baby's own NHS number, from the birth notification or the red book, or leave it blank",
    );
  });

  it("refuses a person's number written with other spacing", () => {
    assert.match(babyNhsNumberProblem('4857773457', adults) ?? '', /^This is the NHS number of Daniel Okafor \(father\) on this record\./);
  });

  it('takes a number no adult on the record has, no number at all, and a record with no numbers', () => {
    assert.equal(babyNhsNumberProblem('9000000009', adults), null);
    assert.equal(babyNhsNumberProblem('', adults), null);
    assert.equal(babyNhsNumberProblem(null, adults), null);
    assert.equal(babyNhsNumberProblem(undefined, adults), null);
    assert.equal(babyNhsNumberProblem('9434765919', [{ who: 'the mother', nhsNumber: null }, { who: 'someone', nhsNumber: '  ' }]), null);
  });
});
