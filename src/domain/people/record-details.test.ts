import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ageBand,
  changedRecordDetails,
  checkRecordDetails,
  isGpPracticeOdsCode,
  matchReasons,
  matchReasonsInWords,
  NO_RECORD_DETAILS,
  normalisePostcode,
  normaliseRecordDetails,
  orderSearchHits,
  type CriteriaMet,
  type RecordDetails,
} from './record-details.ts';

const details = (over: Partial<RecordDetails>): RecordDetails => ({ ...NO_RECORD_DETAILS, ...over });
const fields = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('the details that help find a record', () => {
  it('writes a postcode as Royal Mail does, and leaves anything else as typed', () => {
    assert.equal(normalisePostcode(' de1 2ab '), 'DE1 2AB');
    assert.equal(normalisePostcode('sw1a1aa'), 'SW1A 1AA');
    assert.equal(normalisePostcode('M1 1AE'), 'M1 1AE');
    assert.equal(normalisePostcode(' not a postcode '), 'not a postcode');
  });

  it('takes a GP practice code of a letter and five digits, and nothing else', () => {
    assert.ok(isGpPracticeOdsCode('A81001'));
    assert.ok(isGpPracticeOdsCode(' c84 001 '), 'lower case and spaces are tidied');
    for (const code of ['A8100', 'A810012', '81001A', 'AB1001', 'RX1', '']) assert.equal(isGpPracticeOdsCode(code), false, code);
  });

  it('trims, blanks to null, and puts the postcode, code and NHS number in their standard forms', () => {
    assert.deepEqual(
      normaliseRecordDetails({ address: ' 14 Mill Lane \n Derby  ', postcode: 'de12ab', gpPracticeName: '  ', gpPracticeOdsCode: 'c84001', motherNhsNumber: '943 476 5919' }),
      { address: '14 Mill Lane\n Derby', postcode: 'DE1 2AB', addressRestricted: false, gpPracticeName: null, gpPracticeOdsCode: 'C84001', birthHospital: null, motherNhsNumber: '9434765919' },
    );
  });

  it('accepts full details for an unborn baby, and none at all', () => {
    const full = details({ address: '14 Mill Lane, Derby', postcode: 'DE1 2AB', addressRestricted: true, gpPracticeName: 'Mill Lane Surgery', gpPracticeOdsCode: 'C84001', birthHospital: 'Royal Derby Hospital', motherNhsNumber: '9434765919' });
    assert.deepEqual(checkRecordDetails(full, 'unborn'), []);
    assert.deepEqual(checkRecordDetails(NO_RECORD_DETAILS, 'born'), []);
  });

  it("checks the mother's NHS number with the modulus 11 check", () => {
    assert.deepEqual(fields(checkRecordDetails(details({ motherNhsNumber: '9434765918' }), 'unborn')), ['motherNhsNumber']);
    assert.deepEqual(fields(checkRecordDetails(details({ motherNhsNumber: '943476591' }), 'unborn')), ['motherNhsNumber']);
    assert.deepEqual(checkRecordDetails(details({ motherNhsNumber: '9434765919' }), 'unborn'), []);
  });

  it("takes the mother's NHS number only before the birth, but a born baby's record keeps the one it had", () => {
    assert.deepEqual(fields(checkRecordDetails(details({ motherNhsNumber: '9434765919' }), 'born')), ['motherNhsNumber']);
    const stored = details({ motherNhsNumber: '9434765919' });
    assert.deepEqual(checkRecordDetails(stored, 'born', stored), []);
    assert.deepEqual(fields(checkRecordDetails(details({ motherNhsNumber: '4010232137' }), 'born', stored)), ['motherNhsNumber']);
  });

  it('refuses a postcode that is not one, a code in the wrong form, and a code without the practice name', () => {
    assert.deepEqual(fields(checkRecordDetails(details({ postcode: 'DE1' }), 'born')), ['postcode']);
    assert.deepEqual(fields(checkRecordDetails(details({ gpPracticeName: 'Mill Lane', gpPracticeOdsCode: '81001' }), 'born')), ['gpPracticeOdsCode']);
    assert.deepEqual(fields(checkRecordDetails(details({ gpPracticeOdsCode: 'C84001' }), 'born')), ['gpPracticeName']);
    assert.deepEqual(checkRecordDetails(details({ gpPracticeName: 'Mill Lane Surgery' }), 'born'), [], 'a practice name without its code is fine');
  });

  it('refuses a restricted flag with no address to restrict, and text that is too long', () => {
    assert.deepEqual(fields(checkRecordDetails(details({ addressRestricted: true }), 'born')), ['addressRestricted']);
    assert.deepEqual(checkRecordDetails(details({ addressRestricted: true, postcode: 'DE1 2AB' }), 'born'), []);
    assert.deepEqual(fields(checkRecordDetails(details({ address: 'x'.repeat(301), birthHospital: 'y'.repeat(201) }), 'born')), ['address', 'birthHospital']);
    assert.deepEqual(checkRecordDetails(details({ address: 'x'.repeat(300), birthHospital: 'y'.repeat(200) }), 'born'), []);
  });

  it('names the fields that changed, and none when nothing did', () => {
    const before = details({ address: '1 A Street', postcode: 'DE1 2AB' });
    assert.deepEqual(changedRecordDetails(before, { ...before }), []);
    assert.deepEqual(changedRecordDetails(before, { ...before, postcode: 'DE1 2AD', addressRestricted: true }), ['postcode', 'addressRestricted']);
  });
});

describe('the age band of a record the searcher cannot open', () => {
  const born = (dateOfBirth: string) => ({ status: 'born' as const, dateOfBirth, expectedDeliveryDate: null });

  it('gives an unborn baby the month it is due, never the day', () => {
    assert.equal(ageBand({ status: 'unborn', dateOfBirth: null, expectedDeliveryDate: '2027-03-14' }, '2026-11-22'), 'unborn, due March 2027');
  });

  it('puts a born baby in calendar-month bands, changing on the day the months are complete', () => {
    const today = '2026-11-22';
    assert.equal(ageBand(born('2026-11-22'), today), 'under 3 months');
    assert.equal(ageBand(born('2026-08-23'), today), 'under 3 months', 'a day short of 3 months');
    assert.equal(ageBand(born('2026-08-22'), today), '3 to 6 months');
    assert.equal(ageBand(born('2026-05-23'), today), '3 to 6 months');
    assert.equal(ageBand(born('2026-05-22'), today), '6 to 12 months');
    assert.equal(ageBand(born('2025-11-23'), today), '6 to 12 months');
    assert.equal(ageBand(born('2025-11-22'), today), '1 to 2 years');
    assert.equal(ageBand(born('2024-11-22'), today), '2 years or older');
  });

  it('counts a baby born on the 31st as 3 months old on the last day of a shorter month', () => {
    assert.equal(ageBand(born('2026-08-31'), '2026-11-29'), 'under 3 months');
    assert.equal(ageBand(born('2026-08-31'), '2026-11-30'), '3 to 6 months');
  });
});

describe('why a search found a record', () => {
  const none: CriteriaMet = { nhsNumber: false, motherNhsNumber: false, name: false, dateOfBirth: false, dueDate: false, postcode: false };

  it('gives each criterion met as a reason', () => {
    assert.deepEqual(matchReasons({ ...none, nhsNumber: true }), ['nhs-number']);
    assert.deepEqual(matchReasons({ ...none, motherNhsNumber: true }), ['mother-nhs-number']);
    assert.deepEqual(matchReasons({ ...none, postcode: true }), ['postcode']);
    assert.deepEqual(matchReasons({ ...none, name: true }), ['name']);
    assert.deepEqual(matchReasons({ ...none, dateOfBirth: true }), ['date-of-birth']);
    assert.deepEqual(matchReasons(none), []);
  });

  it('makes a name with a date one reason, and lists others strongest first', () => {
    assert.deepEqual(matchReasons({ ...none, name: true, dateOfBirth: true }), ['surname-and-date-of-birth']);
    assert.deepEqual(matchReasons({ ...none, name: true, dueDate: true }), ['surname-and-due-date']);
    assert.deepEqual(matchReasons({ ...none, postcode: true, motherNhsNumber: true, nhsNumber: true }), ['nhs-number', 'mother-nhs-number', 'postcode']);
  });

  it('says the reasons in words', () => {
    assert.equal(matchReasonsInWords(['surname-and-date-of-birth']), 'surname and date of birth');
    assert.equal(matchReasonsInWords(['nhs-number', 'mother-nhs-number', 'postcode']), "NHS number, mother's NHS number and postcode");
    assert.equal(matchReasonsInWords([]), '');
  });
});

describe('the order of search results', () => {
  it("puts the searcher's own cases first, then the strongest match, keeping the database's order between equals", () => {
    const hits = [
      { id: 'a', own: false, matchedOn: ['name' as const] },
      { id: 'b', own: false, matchedOn: ['nhs-number' as const] },
      { id: 'c', own: true, matchedOn: ['postcode' as const] },
      { id: 'd', own: false, matchedOn: ['name' as const] },
      { id: 'e', own: true, matchedOn: ['mother-nhs-number' as const] },
    ];
    assert.deepEqual(orderSearchHits(hits).map((hit) => hit.id), ['e', 'c', 'b', 'a', 'd']);
  });

  it('leaves results that are all alike as they came', () => {
    const hits = ['x', 'y', 'z'].map((id) => ({ id, own: false, matchedOn: ['name' as const] }));
    assert.deepEqual(orderSearchHits(hits).map((hit) => hit.id), ['x', 'y', 'z']);
  });
});
