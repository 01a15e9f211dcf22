import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthEntryProblem, checkNewEntry, dayOfOccurrence, ENTRY_PROBLEM_MESSAGES, significantByKind, type EntryContext, type NewEntry } from './entry-rules.ts';

const context = { today: '2026-11-22', personIds: new Set(['mum', 'dad']), isCorrection: false };
const good: NewEntry = { kind: 'home-visit', occurredAt: '2026-11-21', summary: 'Baby seen', source: 'observed', personIds: ['mum'] };
const codes = (entry: Partial<NewEntry>, ctx: EntryContext = context) => checkNewEntry({ ...good, ...entry }, ctx).map((p) => `${p.code} ${p.path}`);

describe('the day an entry happened', () => {
  it('takes a date as it is and a date-time’s own day, whatever its offset', () => {
    assert.equal(dayOfOccurrence('2026-11-21'), '2026-11-21');
    assert.equal(dayOfOccurrence('2026-11-21T23:30:00+01:00'), '2026-11-21');
    assert.equal(dayOfOccurrence('2026-11-21T00:10Z'), '2026-11-21');
    assert.equal(dayOfOccurrence('2026-11-21T10:00:00.123456Z'), '2026-11-21');
  });

  it('refuses what is not a real date or a date-time with an offset', () => {
    for (const value of ['2026-02-30', '21/11/2026', '2026-11-21T10:00', '2026-11-21T25:00Z', '', 'yesterday', '2026-11-21 10:00Z']) {
      assert.equal(dayOfOccurrence(value), null, value);
    }
  });
});

describe('a new chronology entry', () => {
  it('is accepted when every part is right', () => {
    assert.deepEqual(codes({}), []);
    assert.deepEqual(codes({ occurredAt: '2026-11-22T08:00:00Z', presentIds: ['dad'], indicates: [{ factorId: 'alcohol-misuse', personId: 'dad' }, { factorId: 'unsafe-sleep' }] }), []);
  });

  it('needs a kind from the catalogue, a summary and a known source', () => {
    assert.deepEqual(codes({ kind: 'tea-party', summary: '  ', source: 'rumour' }), ['unknown-kind /kind', 'summary-needed /summary', 'unknown-source /source']);
    assert.deepEqual(codes({ kind: 'toString' }), ['unknown-kind /kind']);
  });

  it('cannot have happened after today, but today is fine', () => {
    assert.deepEqual(codes({ occurredAt: '2026-11-23' }), ['occurred-in-future /occurredAt']);
    assert.deepEqual(codes({ occurredAt: '2026-11-22' }), []);
    assert.deepEqual(codes({ occurredAt: 'soon' }), ['occurred-at-invalid /occurredAt']);
  });

  it('cannot have happened before 1900, as a day or a date-time', () => {
    for (const occurredAt of ['0001-01-01', '1899-12-31', '1026-11-22', '0001-01-01T00:00:00Z', '1899-12-31T23:59:00+01:00']) {
      assert.deepEqual(codes({ occurredAt }), ['occurred-at-invalid /occurredAt'], occurredAt);
    }
    for (const occurredAt of ['1900-01-01', '1900-01-01T00:00:00Z', '1994-03-17']) assert.deepEqual(codes({ occurredAt }), [], occurredAt);
  });

  it('names only people in the record, saying which one is not', () => {
    assert.deepEqual(codes({ personIds: ['mum', 'ghost'], presentIds: ['ghost'], victimIds: ['dad'], perpetratorIds: ['x'] }), ['unknown-person /personIds/1', 'unknown-person /presentIds/0', 'unknown-person /perpetratorIds/0']);
  });

  it('points only to factors in the catalogue that are not filled from the record, with a person only for adult factors', () => {
    assert.deepEqual(codes({ indicates: [{ factorId: 'gremlins' }, { factorId: 'prematurity' }, { factorId: 'unsafe-sleep', personId: 'mum' }, { factorId: 'mental-health', personId: 'ghost' }] }), [
      'unknown-factor /indicates/0/factorId',
      'derived-factor /indicates/1/factorId',
      'person-not-expected /indicates/2/personId',
      'unknown-person /indicates/3/personId',
    ]);
  });

  it('takes weeks of pregnancy only as a whole number in range', () => {
    assert.deepEqual(codes({ kind: 'antenatal-booking', gestationWeeks: 14 }), []);
    for (const weeks of [3, 45, 12.5, Number.NaN]) assert.deepEqual(codes({ kind: 'antenatal-booking', gestationWeeks: weeks }), ['gestation-invalid /gestationWeeks'], String(weeks));
  });

  it('needs a reason when it corrects another entry', () => {
    const correcting = { ...context, isCorrection: true };
    assert.deepEqual(codes({}, correcting), ['correction-reason-needed /correctionReason']);
    assert.deepEqual(codes({ correctionReason: ' ' }, correcting), ['correction-reason-needed /correctionReason']);
    assert.deepEqual(codes({ correctionReason: 'Wrong date' }, correcting), []);
  });

  it('has a message in plain words for every problem', () => {
    for (const message of Object.values(ENTRY_PROBLEM_MESSAGES)) assert.match(message, /^[A-Z][^.]+$/);
  });
});

describe('significance by kind', () => {
  it('marks reassessment triggers and nothing else', () => {
    assert.equal(significantByKind('injury-observed'), true);
    assert.equal(significantByKind('hospital-discharge'), true);
    assert.equal(significantByKind('home-visit'), false);
    assert.equal(significantByKind('nonsense'), false);
  });
});

describe('a Birth entry beside the record (docs/domain.md, "Recording the birth")', () => {
  const unborn = { status: 'unborn', dateOfBirth: null } as const;
  const born = { status: 'born', dateOfBirth: '2026-11-20' } as const;
  const birth: Partial<NewEntry> = { kind: 'birth', occurredAt: '2026-11-20', summary: 'Born at Southvale', source: 'agency-record' };

  it('fires on an unborn baby’s record, pointing at the kind, with words that send the user to record the birth', () => {
    assert.deepEqual(birthEntryProblem({ kind: 'birth', occurredAt: '2026-11-20' }, unborn), { code: 'birth-not-recorded', path: '/kind' });
    assert.deepEqual(codes(birth, { ...context, record: unborn }), ['birth-not-recorded /kind']);
    assert.match(ENTRY_PROBLEM_MESSAGES['birth-not-recorded'], /Record the birth/);
  });

  it('fires on a born baby’s record when the day is not the date of birth the record holds, whatever the time', () => {
    assert.deepEqual(codes({ ...birth, occurredAt: '2026-11-19' }, { ...context, record: born }), ['birth-date-differs /occurredAt']);
    assert.deepEqual(codes({ ...birth, occurredAt: '2026-11-21T01:00:00+01:00' }, { ...context, record: born }), ['birth-date-differs /occurredAt']);
    assert.match(ENTRY_PROBLEM_MESSAGES['birth-date-differs'], /Correct the birth details/);
  });

  it('must not fire on a born baby’s record on its date of birth, on another kind, or when the record is not known', () => {
    assert.deepEqual(codes(birth, { ...context, record: born }), []);
    assert.deepEqual(codes({ ...birth, occurredAt: '2026-11-20T09:15:00Z' }, { ...context, record: born }), []);
    assert.deepEqual(codes({}, { ...context, record: unborn }), []);
    assert.deepEqual(codes({ kind: 'hospital-discharge', source: 'agency-record' }, { ...context, record: unborn }), []);
    assert.deepEqual(codes(birth), []);
    assert.equal(birthEntryProblem({ kind: 'birth', occurredAt: '2026-11-01' }, { status: 'born', dateOfBirth: null }), null);
  });

  it('gives its problem beside the entry’s others, in one pass', () => {
    assert.deepEqual(codes({ ...birth, summary: ' ', occurredAt: '2026-11-19' }, { ...context, record: born }), ['summary-needed /summary', 'birth-date-differs /occurredAt']);
  });
});
