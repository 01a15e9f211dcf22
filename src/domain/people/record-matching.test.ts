import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assessMatch,
  checkNewRecord,
  checkRecordedBirth,
  compareStrength,
  matchGroundsInWords,
  matchWindows,
  nameSimilarity,
  normaliseName,
  parseNameQuery,
  searchDueDateRange,
  SIBLING_REASON,
  asksWhetherMobile,
  mobilityToKeep,
  MOTHER_IDENTITY_APART_REASON,
  MOTHER_IDENTITY_REASON,
  nameKey,
  sameMotherIdentity,
  YOUNG_BABY_MOBILE_WORDS,
  type InfantRecordFacts,
  type MatchStrength,
  type NewRecordInput,
} from './record-matching.ts';
import { addDays } from '../shared/calendar-date.ts';

const today = '2026-11-22';

function born(dateOfBirth: string, givenName: string | null, familyName: string | null, nhsNumber: string | null = null): InfantRecordFacts {
  return { status: 'born', givenName, familyName, nhsNumber, dateOfBirth, expectedDeliveryDate: null };
}

function unborn(expectedDeliveryDate: string, givenName: string | null, familyName: string | null): InfantRecordFacts {
  return { status: 'unborn', givenName, familyName, nhsNumber: null, dateOfBirth: null, expectedDeliveryDate };
}

function fields(input: NewRecordInput): string[] {
  return checkNewRecord(input, today).map((problem) => problem.field);
}

function messages(input: NewRecordInput): string[] {
  return checkNewRecord(input, today).map((problem) => problem.message);
}

describe('names', () => {
  it('normalises letter case, accents and spaces', () => {
    assert.equal(normaliseName('  Zoë   O’Neil '), 'zoe o’neil');
    assert.equal(normaliseName(null), '');
  });

  it('scores likeness as PostgreSQL pg_trgm does', () => {
    assert.equal(nameSimilarity('jon smyth', 'john smith'), 0.3125);
    assert.equal(Math.round(nameSimilarity('smith', 'john smith') * 1000) / 1000, 0.545);
    assert.equal(nameSimilarity('Ruby Okafor', 'ruby okafor'), 1);
    assert.equal(nameSimilarity('', 'ruby'), 0);
    assert.equal(nameSimilarity('ruby', 'xavier'), 0);
  });

  it('reads a typed name as given and family name, either way round', () => {
    assert.deepEqual(parseNameQuery(' Jon   Smyth '), { full: 'jon smyth', given: 'Jon', family: 'Smyth' });
    assert.deepEqual(parseNameQuery('Smith, John'), { full: 'john smith', given: 'John', family: 'Smith' });
    assert.deepEqual(parseNameQuery('Mary Anne Smith'), { full: 'mary anne smith', given: 'Mary Anne', family: 'Smith' });
    assert.deepEqual(parseNameQuery('Okafor'), { full: 'okafor', given: null, family: 'Okafor' });
  });

  it('refuses a name too short to search for', () => {
    assert.equal(parseNameQuery('J'), null);
    assert.equal(parseNameQuery('  - '), null);
  });
});

describe('possible matches', () => {
  const strength = (a: InfantRecordFacts, b: InfantRecordFacts, soundsAlike = {}): MatchStrength => assessMatch(a, b, soundsAlike).strength;

  it('is certain about the same NHS number, whatever else differs', () => {
    const result = assessMatch(born('2026-10-01', 'Ruby', 'Okafor', '943 476 5919'), born('2026-06-01', 'Someone', 'Else', '9434765919'));
    assert.equal(result.strength, 'certain');
    assert.equal(result.reasons[0], 'Same NHS number');
  });

  it('rules out a record with a different NHS number, however alike the rest', () => {
    assert.deepEqual(assessMatch(born('2026-10-01', 'Ruby', 'Okafor', '9434765919'), born('2026-10-01', 'Ruby', 'Okafor', '1000000060')), {
      strength: 'none',
      reasons: ['Different NHS numbers'],
      grounds: [],
    });
  });

  it('calls the same date of birth and the same name likely', () => {
    assert.deepEqual(assessMatch(born('2026-10-01', 'Ruby', 'Okafor'), born('2026-10-01', 'ruby', 'OKAFOR')), {
      strength: 'likely',
      reasons: ['Same date of birth', 'Same name'],
      grounds: ['name', 'date'],
    });
  });

  it('finds "Jon Smyth" likely to be "John Smith" born two days apart, when the names sound alike', () => {
    const result = assessMatch(born('2026-10-03', 'Jon', 'Smyth'), born('2026-10-01', 'John', 'Smith'), { givenName: true, familyName: true });
    assert.deepEqual(result, { strength: 'likely', reasons: ['Dates of birth 2 days apart', 'Similar name: the family name sounds the same'], grounds: ['name', 'date'] });
  });

  it('counts a small misspelling of the family name as similar without a phonetic match', () => {
    assert.equal(strength(born('2026-10-01', 'Ruby', 'Okafor'), born('2026-10-01', 'Ruby', 'Okafer')), 'likely');
  });

  it('notices the day and month swapped in a date of birth', () => {
    const result = assessMatch(born('2026-03-04', 'Ruby', 'Okafor'), born('2026-04-03', 'Ruby', 'Okafor'));
    assert.deepEqual(result, { strength: 'likely', reasons: ['Same date of birth with the day and month swapped', 'Same name'], grounds: ['name', 'date'] });
  });

  it('does not match the same name born weeks apart', () => {
    assert.equal(strength(born('2026-10-01', 'Ruby', 'Okafor'), born('2026-08-01', 'Ruby', 'Okafor')), 'none');
    assert.equal(strength(born('2026-10-01', 'Ruby', 'Okafor'), born('2026-10-05', 'Ruby', 'Okafor')), 'none');
  });

  it('does not match different names on the same date of birth', () => {
    assert.equal(strength(born('2026-10-01', 'Ruby', 'Okafor'), born('2026-10-01', 'Harry', 'Bramley')), 'none');
  });

  it('flags a possible twin: same family name and date of birth, different first name', () => {
    assert.deepEqual(assessMatch(born('2026-10-01', 'Ruby', 'Okafor'), born('2026-10-01', 'Rose', 'Okafor')), {
      strength: 'possible',
      reasons: ['Same date of birth', 'Same family name but a different first name: this may be a twin'],
      grounds: ['name', 'date'],
    });
  });

  it('flags a possible change of family name', () => {
    const result = assessMatch(born('2026-10-01', 'Ruby', 'Okafor'), born('2026-10-01', 'Ruby', 'Bramley'));
    assert.equal(result.strength, 'possible');
    assert.match(result.reasons[1]!, /family name may have changed/);
  });

  it('notices first and family names the other way round', () => {
    assert.equal(strength(born('2026-10-01', 'Okafor', 'Ruby'), born('2026-10-01', 'Ruby', 'Okafor')), 'likely');
    assert.equal(strength(born('2026-10-01', null, 'Ruby'), born('2026-10-01', 'Ruby', null)), 'likely');
  });

  it('treats an unborn baby with no name and a close due date as possible', () => {
    assert.deepEqual(assessMatch(unborn('2027-02-10', null, null), unborn('2027-02-03', null, 'Okafor')), {
      strength: 'possible',
      reasons: ['Due dates 7 days apart', 'No name on one of the records to compare'],
      grounds: ['date'],
    });
    assert.equal(strength(unborn('2027-02-10', null, 'Okafor'), unborn('2027-02-26', null, 'Okafor')), 'none');
  });

  it('matches a new born baby to the unborn record it was, near the due date', () => {
    const result = assessMatch(born('2026-11-15', 'Ruby', 'Okafor'), unborn('2026-11-20', null, 'Okafor'));
    assert.deepEqual(result, { strength: 'likely', reasons: ['Unborn baby due 5 days after the date of birth you entered', 'Same family name'], grounds: ['name', 'date'] });
    assert.equal(assessMatch(born('2026-11-22', 'Ruby', 'Okafor'), unborn('2026-11-20', null, 'Okafor')).reasons[0], 'Unborn baby due 2 days before the date of birth you entered');
  });

  it('matches a very premature birth to an unborn record only when the name is alike', () => {
    // Born at 26 weeks: 14 weeks before the due date.
    assert.equal(strength(born('2026-11-01', 'Ruby', 'Okafor'), unborn('2027-02-07', null, 'Okafor')), 'possible');
    assert.equal(strength(born('2026-11-01', null, null), unborn('2027-02-07', null, 'Okafor')), 'none');
    // Before 22 weeks is not a birth this record could be.
    assert.equal(strength(born('2026-11-01', 'Ruby', 'Okafor'), unborn('2027-03-20', null, 'Okafor')), 'none');
  });

  it('matches a new unborn record to a baby already born near its due date', () => {
    const result = assessMatch(unborn('2026-11-20', null, 'Okafor'), born('2026-11-18', 'Ruby', 'Okafor'));
    assert.deepEqual(result, { strength: 'likely', reasons: ['Born 2 days before the due date you entered', 'Same family name'], grounds: ['name', 'date'] });
  });

  it('sorts certain first and none last', () => {
    const sorted = (['none', 'possible', 'certain', 'likely'] as MatchStrength[]).sort(compareStrength);
    assert.deepEqual(sorted, ['certain', 'likely', 'possible', 'none']);
  });
});

describe("likely duplicates by the mother's NHS number", () => {
  const mother = '943 476 5919';
  const otherMother = '9876543210';
  const withMother = (facts: InfantRecordFacts, ...numbers: (string | null)[]): InfantRecordFacts => ({ ...facts, motherNhsNumbers: numbers });

  it('calls the same mother and a close due date likely, whatever the names', () => {
    const result = assessMatch(withMother(unborn('2027-02-10', null, null), mother), withMother(unborn('2027-02-12', null, 'Okafor'), '9434765919'));
    assert.deepEqual(result, {
      strength: 'likely',
      reasons: ["Same mother's NHS number", 'Due dates 2 days apart', 'No name on one of the records to compare'],
      grounds: ['mother-nhs-number', 'date'],
    });
  });

  it('calls the same mother likely for two unborn records whose due dates are far apart: one pregnancy, dated differently', () => {
    const result = assessMatch(withMother(unborn('2027-02-10', null, 'Okafor'), mother), withMother(unborn('2027-04-01', null, 'Bramley'), mother));
    assert.equal(result.strength, 'likely');
    assert.equal(result.reasons[0], "Same mother's NHS number");
    assert.match(result.reasons[1]!, /Both unborn, due 50 days apart: the same pregnancy/);
    assert.deepEqual(result.grounds, ['mother-nhs-number', 'date']);
  });

  it('calls a born record of the same mother with a date that fits the due date likely: the baby may be born already', () => {
    assert.equal(assessMatch(withMother(unborn('2027-02-10', null, null), mother), withMother(born('2026-11-20', 'Ruby', 'Okafor'), mother)).strength, 'likely');
  });

  it("shows a brother or sister's record as possible: the same mother, dates that cannot be one pregnancy", () => {
    const result = assessMatch(withMother(unborn('2027-05-20', null, null), mother), withMother(born('2026-03-01', 'Ruby', 'Okafor'), mother));
    assert.equal(result.strength, 'possible');
    assert.deepEqual(result.reasons, ["Same mother's NHS number", 'No name on one of the records to compare', SIBLING_REASON]);
    assert.deepEqual(result.grounds, ['mother-nhs-number']);
  });

  it("finds the mother by the person recorded as her as well as by the number recorded before the birth", () => {
    assert.equal(assessMatch(withMother(unborn('2027-02-10', null, null), mother), withMother(unborn('2027-02-11', null, null), null, '9434765919')).strength, 'likely');
  });

  it("rules out a record of a different mother, however alike the rest", () => {
    assert.deepEqual(assessMatch(withMother(unborn('2027-02-10', null, 'Okafor'), mother), withMother(unborn('2027-02-10', null, 'Okafor'), otherMother)), {
      strength: 'none',
      reasons: ["Different mothers' NHS numbers"],
      grounds: [],
    });
  });

  it("falls back on names and dates when either record has no mother's NHS number", () => {
    assert.equal(assessMatch(withMother(unborn('2027-02-10', null, 'Okafor'), mother), unborn('2027-02-12', null, 'Okafor')).strength, 'likely');
    assert.equal(assessMatch(unborn('2027-02-10', null, 'Okafor'), withMother(unborn('2027-02-12', null, 'Okafor'), mother)).strength, 'likely');
    assert.equal(assessMatch(withMother(unborn('2027-02-10', null, null), null), withMother(unborn('2027-06-12', null, null), null)).strength, 'none');
    assert.equal(assessMatch(withMother(unborn('2027-02-10', null, 'Okafor')), unborn('2027-05-12', null, 'Okafor')).strength, 'none');
  });

  it("keeps the same NHS number certain, and names the same mother beside it", () => {
    const result = assessMatch(withMother(born('2026-10-01', 'Ruby', 'Okafor', '1000000060'), mother), withMother(born('2026-10-01', 'Ruby', 'Okafor', '1000000060'), mother));
    assert.equal(result.strength, 'certain');
    assert.deepEqual(result.grounds, ['nhs-number', 'mother-nhs-number', 'name', 'date']);
  });

  it('keeps two different baby NHS numbers two babies, even of one mother (a twin is told apart by her own number)', () => {
    assert.equal(assessMatch(withMother(born('2026-10-01', 'Ruby', 'Okafor', '9434765919'), mother), withMother(born('2026-10-01', 'Rose', 'Okafor', '1000000060'), mother)).strength, 'none');
  });

  it('says the grounds in words that tell nothing of the other record', () => {
    assert.deepEqual(matchGroundsInWords(['mother-nhs-number', 'name', 'date']), [
      "Same mother's NHS number",
      'A name like the one you entered',
      'A date of birth or due date close to the one you entered',
    ]);
    assert.deepEqual(matchGroundsInWords(['nhs-number']), ['Same NHS number']);
    assert.deepEqual(matchGroundsInWords([]), []);
  });
});

describe('search windows', () => {
  it('finds due dates a week either side of a searched date', () => {
    assert.deepEqual(searchDueDateRange('2026-12-01'), { from: '2026-11-24', to: '2026-12-08' });
  });

  it('looks at close dates for any name and at the whole 22 to 44 weeks range for like names', () => {
    assert.deepEqual(matchWindows({ status: 'born', dateOfBirth: '2026-03-04', expectedDeliveryDate: null }), {
      close: {
        dateOfBirth: [
          { from: '2026-03-01', to: '2026-03-07' },
          { from: '2026-04-03', to: '2026-04-03' },
        ],
        expectedDeliveryDate: [{ from: '2026-02-18', to: '2026-03-25' }],
      },
      wide: { dateOfBirth: [], expectedDeliveryDate: [{ from: '2026-02-04', to: '2026-07-08' }] },
    });
    assert.deepEqual(matchWindows({ status: 'unborn', dateOfBirth: null, expectedDeliveryDate: '2027-02-10' }), {
      close: { dateOfBirth: [{ from: '2027-01-20', to: '2027-02-24' }], expectedDeliveryDate: [{ from: '2027-01-27', to: '2027-02-24' }] },
      wide: { dateOfBirth: [{ from: '2026-10-07', to: '2027-03-10' }], expectedDeliveryDate: [] },
    });
  });

  it('leaves out a swapped date that is not a real date, or the same date', () => {
    assert.equal(matchWindows({ status: 'born', dateOfBirth: '2026-03-15', expectedDeliveryDate: null }).close.dateOfBirth.length, 1);
    assert.equal(matchWindows({ status: 'born', dateOfBirth: '2026-03-03', expectedDeliveryDate: null }).close.dateOfBirth.length, 1);
  });

  it('finds every record the assessment would call a match', () => {
    // Property: for a grid of existing records, assessMatch finding a match implies a window holds its date.
    const inWindow = (date: string, ranges: { from: string; to: string }[]) => ranges.some((range) => date >= range.from && date <= range.to);
    const inputs = [born('2026-06-15', 'Ruby', 'Okafor'), unborn('2026-06-15', null, 'Okafor')];
    for (const input of inputs) {
      const windows = matchWindows(input);
      for (let offset = -200; offset <= 200; offset++) {
        const date = addDays('2026-06-15', offset);
        for (const existing of [born(date, 'Ruby', 'Okafor'), unborn(date, null, 'Okafor'), born(date, null, null), unborn(date, null, null)]) {
          if (assessMatch(input, existing).strength === 'none') continue;
          const found = existing.dateOfBirth
            ? inWindow(date, windows.close.dateOfBirth) || inWindow(date, windows.wide.dateOfBirth)
            : inWindow(date, windows.close.expectedDeliveryDate) || inWindow(date, windows.wide.expectedDeliveryDate);
          assert.ok(found, `${input.status} ${JSON.stringify(existing)}`);
        }
      }
    }
  });
});

describe('checking a new record', () => {
  const unbornRecord: NewRecordInput = { status: 'unborn', familyName: 'Okafor', expectedDeliveryDate: '2027-02-10' };
  const bornRecord: NewRecordInput = {
    status: 'born',
    givenName: 'Ruby',
    familyName: 'Okafor',
    sex: 'female',
    nhsNumber: '943 476 5919',
    dateOfBirth: '2026-11-01',
    gestationAtBirthWeeks: 39,
    birthWeightGrams: 3400,
    multipleBirth: false,
    independentlyMobile: false,
  };

  it('accepts a sensible unborn or born record', () => {
    assert.deepEqual(checkNewRecord(unbornRecord, today), []);
    assert.deepEqual(checkNewRecord(bornRecord, today), []);
    assert.deepEqual(checkNewRecord({ status: 'born', dateOfBirth: today }, today), []);
  });

  it('asks for the due date of an unborn baby, and for a real one', () => {
    assert.deepEqual(messages({ status: 'unborn' }), ['Enter the due date']);
    assert.deepEqual(messages({ status: 'unborn', expectedDeliveryDate: '2027-02-30' }), ['Due date must be a real date']);
  });

  it('allows a due date up to 45 weeks ahead and up to 4 weeks past', () => {
    assert.deepEqual(fields({ status: 'unborn', expectedDeliveryDate: addDays(today, 315) }), []);
    assert.deepEqual(messages({ status: 'unborn', expectedDeliveryDate: addDays(today, 316) }), ['Due date must be on or before 3 October 2027, 45 weeks from today']);
    assert.deepEqual(fields({ status: 'unborn', expectedDeliveryDate: addDays(today, -28) }), []);
    assert.deepEqual(messages({ status: 'unborn', expectedDeliveryDate: addDays(today, -29) }), [
      'Due date must be on or after 25 October 2026. If the baby has been born, make a record for a born baby.',
    ]);
  });

  it('refuses details of a birth, and an NHS number, for an unborn baby', () => {
    assert.deepEqual(fields({ ...unbornRecord, dateOfBirth: '2026-11-01', nhsNumber: '9434765919', multipleBirth: false }), ['dateOfBirth', 'multipleBirth', 'nhsNumber']);
  });

  it('asks for the date of birth of a born baby, in the past two years', () => {
    assert.deepEqual(messages({ status: 'born' }), ['Enter the date of birth']);
    assert.deepEqual(messages({ status: 'born', dateOfBirth: '2026-02-31' }), ['Date of birth must be a real date']);
    assert.deepEqual(messages({ status: 'born', dateOfBirth: '2026-11-23' }), ['Date of birth must be today or in the past']);
    assert.deepEqual(fields({ status: 'born', dateOfBirth: '2024-11-22' }), []);
    assert.deepEqual(messages({ status: 'born', dateOfBirth: '2024-11-21' }), ['Date of birth must be on or after 22 November 2024. This service is for babies under 2.']);
  });

  it('takes a born baby’s due date, when given, as a real day in 1900 or later', () => {
    assert.deepEqual(messages({ ...bornRecord, expectedDeliveryDate: '1026-11-08' }), ['Due date must be in 1900 or later: check the year.']);
    assert.deepEqual(messages({ ...bornRecord, expectedDeliveryDate: '2026-11-31' }), ['Due date must be a real date']);
    assert.deepEqual(messages({ ...bornRecord, expectedDeliveryDate: '2026-11-08' }), []);
  });

  it('allows gestation from 22 to 44 weeks and birth weight from 300 to 6500 grams', () => {
    for (const [gestation, ok] of [[21, false], [22, true], [44, true], [45, false], [38.5, false]] as const) {
      assert.deepEqual(fields({ ...bornRecord, gestationAtBirthWeeks: gestation }), ok ? [] : ['gestationAtBirthWeeks'], String(gestation));
    }
    for (const [weight, ok] of [[299, false], [300, true], [6500, true], [6501, false]] as const) {
      assert.deepEqual(fields({ ...bornRecord, birthWeightGrams: weight }), ok ? [] : ['birthWeightGrams'], String(weight));
    }
    assert.deepEqual(fields({ ...bornRecord, gestationAtBirthWeeks: null, birthWeightGrams: null }), []);
  });

  it('checks the NHS number with the modulus 11 check', () => {
    assert.deepEqual(messages({ ...bornRecord, nhsNumber: '1234567890' }), ['This NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit']);
    assert.deepEqual(messages({ ...bornRecord, nhsNumber: '12345' }), ['Enter a valid NHS number: 10 digits, like 943 476 5919']);
    assert.deepEqual(fields({ ...bornRecord, nhsNumber: '12345' }), ['nhsNumber']);
  });

  it('counts every baby under 6 months as not independently mobile', () => {
    assert.deepEqual(messages({ ...bornRecord, dateOfBirth: '2026-05-23', independentlyMobile: true }), [YOUNG_BABY_MOBILE_WORDS]);
    assert.deepEqual(fields({ ...bornRecord, dateOfBirth: '2026-05-22', independentlyMobile: true }), []);
  });

  it('limits names to 100 characters and sex to female, male or not known', () => {
    assert.deepEqual(fields({ ...bornRecord, givenName: 'a'.repeat(101), familyName: 'b'.repeat(101), sex: 'other' }), ['givenName', 'familyName', 'sex']);
    assert.deepEqual(fields({ ...bornRecord, sex: 'unknown' }), []);
  });
});

describe('checking a recorded birth', () => {
  it('accepts a birth with or without a name and NHS number', () => {
    assert.deepEqual(checkRecordedBirth({ dateOfBirth: '2026-11-20' }, today), []);
    assert.deepEqual(checkRecordedBirth({ dateOfBirth: '2026-11-20', givenName: 'Ruby', nhsNumber: '9434765919', gestationAtBirthWeeks: 38, birthWeightGrams: 3100 }, today), []);
  });

  it('refuses a birth in the future, a bad NHS number and an impossible weight together', () => {
    const problems = checkRecordedBirth({ dateOfBirth: '2026-11-23', nhsNumber: '1234567890', birthWeightGrams: 9000 }, today);
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['nhsNumber', 'dateOfBirth', 'birthWeightGrams'],
    );
  });
});

describe("likely duplicates by the mother's name and date of birth", () => {
  const amara = { givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '1998-04-17' };
  const withMothers = (facts: InfantRecordFacts, ...mothers: { givenName: string | null; familyName: string | null; dateOfBirth: string | null }[]): InfantRecordFacts => ({ ...facts, mothers });

  it('compares names without case, accents, spaces, hyphens or apostrophes', () => {
    assert.equal(nameKey("  Anne-Marie  O'Néil "), 'annemarieoneil');
    assert.ok(sameMotherIdentity({ givenName: 'ZOË', familyName: "O'Neil", dateOfBirth: '1998-04-17' }, { givenName: 'zoe', familyName: 'O Neil', dateOfBirth: '1998-04-17' }));
    assert.ok(sameMotherIdentity({ givenName: 'Anne-Marie', familyName: 'Smith-Jones', dateOfBirth: '1998-04-17' }, { givenName: 'Anne Marie', familyName: 'smith jones', dateOfBirth: '1998-04-17' }));
  });

  it('takes the first given name as enough: "Mary" is "Mary-Jane"', () => {
    assert.ok(sameMotherIdentity({ givenName: 'Mary', familyName: 'Okafor', dateOfBirth: '1998-04-17' }, { givenName: 'Mary-Jane', familyName: 'Okafor', dateOfBirth: '1998-04-17' }));
  });

  it('is not the same woman on another date of birth, another family name, another first name, or with a part missing', () => {
    assert.equal(sameMotherIdentity(amara, { ...amara, dateOfBirth: '1998-04-18' }), false);
    assert.equal(sameMotherIdentity(amara, { ...amara, familyName: 'Okafo' }), false);
    assert.equal(sameMotherIdentity(amara, { ...amara, givenName: 'Amira' }), false);
    assert.equal(sameMotherIdentity(amara, { ...amara, givenName: null }), false);
    assert.equal(sameMotherIdentity({ ...amara, familyName: null }, { ...amara, familyName: null }), false);
    assert.equal(sameMotherIdentity({ ...amara, dateOfBirth: null }, amara), false);
  });

  it('calls the same mother by name and date of birth with a close date likely, whatever the babies are called', () => {
    const result = assessMatch(withMothers(unborn('2027-02-10', null, null), amara), withMothers(unborn('2027-02-12', null, 'Bramley'), { givenName: 'amara', familyName: 'OKAFOR', dateOfBirth: '1998-04-17' }));
    assert.deepEqual(result, {
      strength: 'likely',
      reasons: [MOTHER_IDENTITY_REASON, 'Due dates 2 days apart', 'No name on one of the records to compare'],
      grounds: ['mother-name-and-date-of-birth', 'date'],
    });
  });

  it("a birth close to the due date of the same mother's unborn record is likely", () => {
    assert.equal(assessMatch(withMothers(born('2026-11-20', 'Ruby', null), amara), withMothers(unborn('2026-11-25', null, null), amara)).strength, 'likely');
  });

  it('is weaker than her NHS number: two unborn records of hers due far apart are only possible', () => {
    const result = assessMatch(withMothers(unborn('2027-02-10', null, null), amara), withMothers(unborn('2027-04-01', null, null), amara));
    assert.equal(result.strength, 'possible');
    assert.deepEqual(result.reasons, [MOTHER_IDENTITY_REASON, 'No name on one of the records to compare', MOTHER_IDENTITY_APART_REASON]);
    assert.deepEqual(result.grounds, ['mother-name-and-date-of-birth']);
  });

  it("shows a brother or sister's record, or another woman's of the same name and birthday, as possible", () => {
    assert.equal(assessMatch(withMothers(unborn('2027-05-20', null, null), amara), withMothers(born('2026-03-01', 'Ruby', 'Okafor'), amara)).strength, 'possible');
  });

  it('finds her among several mothers known for a record (as typed, and as the person recorded as mother)', () => {
    const existing = withMothers(unborn('2027-02-11', null, null), { givenName: 'A', familyName: 'Okafor', dateOfBirth: null }, amara);
    assert.equal(assessMatch(withMothers(unborn('2027-02-10', null, null), amara), existing).strength, 'likely');
  });

  it('does not fire without her name and date of birth on both records, or when they differ', () => {
    assert.equal(assessMatch(withMothers(unborn('2027-02-10', null, null), amara), unborn('2027-04-01', null, null)).strength, 'none');
    assert.equal(assessMatch(withMothers(unborn('2027-02-10', null, null), amara), withMothers(unborn('2027-04-01', null, null), { ...amara, dateOfBirth: '1999-04-17' })).strength, 'none');
    assert.equal(assessMatch(withMothers(unborn('2027-02-10', null, null), { ...amara, givenName: null }), withMothers(unborn('2027-04-01', null, null), amara)).strength, 'none');
  });

  it('never rules a match out: a different name or birthday leaves the names and dates to decide', () => {
    const result = assessMatch(withMothers(unborn('2027-02-10', null, 'Okafor'), amara), withMothers(unborn('2027-02-12', null, 'Okafor'), { ...amara, familyName: 'Bramley' }));
    assert.equal(result.strength, 'likely');
    assert.deepEqual(result.grounds, ['name', 'date']);
  });

  it("gives way to the mother's NHS number: different numbers are different mothers, even of one name and birthday", () => {
    const mine = { ...withMothers(unborn('2027-02-10', null, null), amara), motherNhsNumbers: ['9434765919'] };
    const theirs = { ...withMothers(unborn('2027-02-10', null, null), amara), motherNhsNumbers: ['1000000060'] };
    assert.equal(assessMatch(mine, theirs).strength, 'none');
    const same = assessMatch(mine, { ...theirs, motherNhsNumbers: ['9434765919'] });
    assert.deepEqual(same.grounds, ['mother-nhs-number', 'mother-name-and-date-of-birth', 'date']);
  });

  it('says of a record the user may not open only the kind of ground', () => {
    assert.deepEqual(matchGroundsInWords(['mother-name-and-date-of-birth']), ["Same mother's name and date of birth"]);
  });
});

describe("the mother's details and the days of gestation on a new record", () => {
  const bornBaby: NewRecordInput = { status: 'born', dateOfBirth: '2026-10-01', multipleBirth: false, independentlyMobile: null };

  it("accepts the mother's name and a date of birth that makes her 10 to 70", () => {
    assert.deepEqual(fields({ ...bornBaby, motherGivenName: 'Amara', motherFamilyName: 'Okafor', motherDateOfBirth: '1998-04-17' }), []);
    assert.deepEqual(fields({ ...bornBaby, motherDateOfBirth: '2016-11-22' }), []);
    assert.deepEqual(fields({ status: 'unborn', expectedDeliveryDate: '2027-02-10', motherDateOfBirth: '1956-11-23' }), []);
  });

  it("refuses a mother's date of birth that is not real, too recent or too long ago, and names too long", () => {
    assert.deepEqual(fields({ ...bornBaby, motherDateOfBirth: '1998-02-30' }), ['motherDateOfBirth']);
    assert.deepEqual(messages({ ...bornBaby, motherDateOfBirth: '2016-11-23' }), ["Mother's date of birth must be between 23 November 1956 and 22 November 2016: check the year"]);
    assert.deepEqual(fields({ ...bornBaby, motherDateOfBirth: '1956-11-22' }), ['motherDateOfBirth']);
    assert.deepEqual(fields({ ...bornBaby, motherGivenName: 'a'.repeat(101), motherFamilyName: 'b'.repeat(101) }), ['motherGivenName', 'motherFamilyName']);
  });

  it('keeps days of gestation beside the weeks, 0 to 6', () => {
    assert.deepEqual(fields({ ...bornBaby, gestationAtBirthWeeks: 38, gestationAtBirthDays: 4 }), []);
    assert.deepEqual(fields({ ...bornBaby, gestationAtBirthWeeks: 38, gestationAtBirthDays: 0 }), []);
    assert.deepEqual(fields({ ...bornBaby, gestationAtBirthWeeks: 38, gestationAtBirthDays: 7 }), ['gestationAtBirthWeeks']);
    assert.deepEqual(fields({ ...bornBaby, gestationAtBirthDays: 3 }), ['gestationAtBirthWeeks']);
    assert.deepEqual(fields({ status: 'unborn', expectedDeliveryDate: '2027-02-10', gestationAtBirthDays: 3 }), ['gestationAtBirthDays']);
  });
});

describe('whether the baby is independently mobile', () => {
  it('is not asked of a baby under 6 months, nor kept for one', () => {
    assert.equal(asksWhetherMobile('2026-05-23', today), false);
    assert.equal(asksWhetherMobile(today, today), false);
    assert.equal(mobilityToKeep('2026-05-23', false, today), null);
    assert.equal(mobilityToKeep('2026-10-01', null, today), null);
  });

  it('is asked of a baby 6 months or older, and of one whose date of birth is not known or not real', () => {
    assert.equal(asksWhetherMobile('2026-05-22', today), true);
    assert.equal(asksWhetherMobile(null, today), true);
    assert.equal(asksWhetherMobile('2026-02-30', today), true);
    assert.equal(mobilityToKeep('2026-05-22', true, today), true);
    assert.equal(mobilityToKeep('2026-05-22', false, today), false);
  });

  it('refuses "yes" for a baby under 6 months with why, and accepts no answer', () => {
    assert.deepEqual(messages({ status: 'born', dateOfBirth: '2026-10-01', independentlyMobile: true }), [YOUNG_BABY_MOBILE_WORDS]);
    assert.deepEqual(fields({ status: 'born', dateOfBirth: '2026-10-01' }), []);
  });
});
