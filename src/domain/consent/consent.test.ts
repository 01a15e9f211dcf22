import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChronologyEntry } from '../chronology/chronology.types.ts';
import { CONSENT_PROBLEM_MESSAGES, checkConsentRecord, consentsStillGiven, type ConsentContext, type ConsentProblem } from './consent-rules.ts';
import { summariseConsent } from './consent-summary.ts';
import { CONSENT_LIMITS, LAWFUL_BASES, LAWFUL_BASIS_LABELS, consentDay, type ConsentDraft, type RecordedConsent } from './consent.types.ts';
import { GP_TOLD_PROBLEM_MESSAGES, checkGpTold, gpLastTold, gpToldEntry, gpToldInWords } from './gp-told.ts';

const today = '2026-11-22';

const given: RecordedConsent = { id: 'c1', kind: 'consent', askedPersonId: 'mum', purpose: 'sharing with the GP', soughtOn: '2026-11-10', answer: 'given', recordedAt: '2026-11-10T10:00:00.000Z', recordedBy: 'Hana' };
const refused: RecordedConsent = { id: 'c2', kind: 'consent', askedName: 'Dan Smith', purpose: 'sharing with housing', soughtOn: '2026-11-11', answer: 'refused', recordedAt: '2026-11-11T10:00:00.000Z', recordedBy: 'Hana' };

const context = (over: Partial<ConsentContext> = {}): ConsentContext => ({
  today,
  personIds: new Set(['mum', 'dad']),
  records: [given, refused],
  users: new Map([['u-lead', 'Sue Lead']]),
  ...over,
});

const consent = (over: Partial<ConsentDraft> = {}): ConsentDraft => ({ kind: 'consent', askedPersonId: 'mum', purpose: ' sharing with the GP and housing ', soughtOn: '2026-11-20', answer: 'given', ...over });
const withdrawal = (over: Partial<ConsentDraft> = {}): ConsentDraft => ({ kind: 'withdrawal', withdraws: 'c1', withdrawnOn: '2026-11-21', ...over });
const sharing = (over: Partial<ConsentDraft> = {}): ConsentDraft => ({
  kind: 'shared-without-consent',
  sharedWhat: 'The police log of 19 November',
  sharedWith: 'The health visitor',
  sharedOn: '2026-11-21',
  basis: 'safeguarding-child',
  decidedBy: 'u-lead',
  reason: 'Asking the father would put the baby at greater risk',
  ...over,
});

const problems = (draft: ConsentDraft, over: Partial<ConsentContext> = {}): ConsentProblem[] => {
  const checked = checkConsentRecord(draft, context(over));
  assert.equal(checked.ok, false, 'expected problems');
  return checked.ok ? [] : checked.problems;
};

describe('lawful bases', () => {
  it('has words for each, naming the law, and "other"', () => {
    assert.deepEqual([...LAWFUL_BASES], ['safeguarding-child', 'public-task', 'legal-obligation', 'vital-interests', 'preventing-crime', 'other']);
    for (const basis of LAWFUL_BASES.filter((b) => b !== 'other')) assert.match(LAWFUL_BASIS_LABELS[basis], /(UK GDPR|Data Protection Act 2018)/);
    assert.equal(Object.keys(CONSENT_PROBLEM_MESSAGES).length, new Set(Object.values(CONSENT_PROBLEM_MESSAGES)).size, 'each problem its own message');
  });
});

describe('a consent sought', () => {
  it('is accepted from a person on the case, trimmed, dated today', () => {
    const checked = checkConsentRecord(consent({ soughtOn: today, note: '  asked at the home visit ' }), context());
    assert.deepEqual(checked, { ok: true, record: { kind: 'consent', askedPersonId: 'mum', purpose: 'sharing with the GP and housing', soughtOn: today, answer: 'given', note: 'asked at the home visit' } });
  });

  it('is accepted from someone named who is not on the case', () => {
    const checked = checkConsentRecord(consent({ askedPersonId: undefined, askedName: ' Grandmother, Jo Smith ' }), context());
    assert.ok(checked.ok && checked.record.kind === 'consent' && checked.record.askedName === 'Grandmother, Jo Smith' && !('askedPersonId' in checked.record));
  });

  it('needs nothing more when refused: no reason, no note', () => {
    const checked = checkConsentRecord(consent({ answer: 'refused' }), context());
    assert.ok(checked.ok && checked.record.kind === 'consent' && checked.record.answer === 'refused' && !('note' in checked.record));
  });

  it('refuses a date after today, a day that does not exist, one before 1900, and no date, each at /soughtOn', () => {
    assert.deepEqual(problems(consent({ soughtOn: '2026-11-23' })), [{ path: '/soughtOn', code: 'in-future' }]);
    assert.deepEqual(problems(consent({ soughtOn: '2026-02-30' })), [{ path: '/soughtOn', code: 'not-a-date' }]);
    assert.deepEqual(problems(consent({ soughtOn: '1026-11-20' })), [{ path: '/soughtOn', code: 'too-early' }]);
    assert.ok(checkConsentRecord(consent({ soughtOn: '1900-01-01' }), context()).ok, 'the first day of 1900');
    assert.deepEqual(problems(consent({ soughtOn: ' ' })), [{ path: '/soughtOn', code: 'date-needed' }]);
    assert.deepEqual(problems(consent({ soughtOn: undefined })), [{ path: '/soughtOn', code: 'date-needed' }]);
  });

  it('needs who was asked, one way only, and someone on this case', () => {
    assert.deepEqual(problems(consent({ askedPersonId: undefined })), [{ path: '/askedName', code: 'asked-needed' }]);
    assert.deepEqual(problems(consent({ askedPersonId: ' ', askedName: ' ' })), [{ path: '/askedName', code: 'asked-needed' }]);
    assert.deepEqual(problems(consent({ askedName: 'Jo' })), [{ path: '/askedName', code: 'asked-twice' }]);
    assert.deepEqual(problems(consent({ askedPersonId: 'someone-elses' })), [{ path: '/askedPersonId', code: 'unknown-person' }]);
    assert.deepEqual(problems(consent({ askedPersonId: undefined, askedName: 'x'.repeat(CONSENT_LIMITS.name + 1) })), [{ path: '/askedName', code: 'too-long' }]);
    assert.ok(checkConsentRecord(consent({ askedPersonId: undefined, askedName: 'x'.repeat(CONSENT_LIMITS.name) }), context()).ok, 'at the limit');
  });

  it('needs the purpose and an answer of given or refused ("withdrawn" is a record of its own)', () => {
    assert.deepEqual(problems(consent({ purpose: '  ', answer: 'withdrawn' })), [
      { path: '/purpose', code: 'purpose-needed' },
      { path: '/answer', code: 'answer-needed' },
    ]);
    assert.deepEqual(problems(consent({ answer: undefined })), [{ path: '/answer', code: 'answer-needed' }]);
  });

  it('refuses the fields of another kind rather than dropping them, but not blank ones', () => {
    assert.deepEqual(problems(consent({ basis: 'public-task', withdraws: 'c1' })), [
      { path: '/withdraws', code: 'not-for-this-kind' },
      { path: '/basis', code: 'not-for-this-kind' },
    ]);
    assert.ok(checkConsentRecord(consent({ basis: '', reason: '  ' }), context()).ok);
  });

  it('refuses a kind the service does not know, and nothing else is said', () => {
    assert.deepEqual(problems({ kind: 'verbal' }), [{ path: '/kind', code: 'unknown-kind' }]);
    assert.deepEqual(problems({ kind: 'toString' }), [{ path: '/kind', code: 'unknown-kind' }]);
  });
});

describe('a withdrawal', () => {
  it('withdraws a consent given, on or after the day it was given', () => {
    assert.deepEqual(checkConsentRecord(withdrawal({ withdrawnOn: '2026-11-10', note: 'Phoned' }), context()), { ok: true, record: { kind: 'withdrawal', withdraws: 'c1', withdrawnOn: '2026-11-10', note: 'Phoned' } });
  });

  it('refuses a day before the consent was given, and a day in the future', () => {
    assert.deepEqual(problems(withdrawal({ withdrawnOn: '2026-11-09' })), [{ path: '/withdrawnOn', code: 'withdrawn-before-given' }]);
    assert.deepEqual(problems(withdrawal({ withdrawnOn: '2026-11-23' })), [{ path: '/withdrawnOn', code: 'in-future' }]);
  });

  it('refuses a refusal, a consent not on this case, a sharing record and none at all', () => {
    assert.deepEqual(problems(withdrawal({ withdraws: 'c2' })), [{ path: '/withdraws', code: 'not-given' }]);
    assert.deepEqual(problems(withdrawal({ withdraws: 'elsewhere' })), [{ path: '/withdraws', code: 'unknown-consent' }]);
    const shared: RecordedConsent = { id: 's1', kind: 'shared-without-consent', sharedWhat: 'x', sharedWith: 'y', sharedOn: '2026-11-01', basis: 'public-task', decidedBy: 'u-lead', decidedByName: 'Sue Lead', reason: 'z', recordedAt: '2026-11-01T10:00:00Z', recordedBy: 'Sue' };
    assert.deepEqual(problems(withdrawal({ withdraws: 's1' }), { records: [given, shared] }), [{ path: '/withdraws', code: 'not-given' }]);
    assert.deepEqual(problems(withdrawal({ withdraws: undefined })), [{ path: '/withdraws', code: 'withdraws-needed' }]);
  });

  it('refuses withdrawing twice', () => {
    const first: RecordedConsent = { id: 'w1', kind: 'withdrawal', withdraws: 'c1', withdrawnOn: '2026-11-15', recordedAt: '2026-11-15T10:00:00Z', recordedBy: 'Hana' };
    assert.deepEqual(problems(withdrawal(), { records: [given, refused, first] }), [{ path: '/withdraws', code: 'already-withdrawn' }]);
    assert.deepEqual([...consentsStillGiven([given, refused, first]).keys()], []);
    assert.deepEqual([...consentsStillGiven([given, refused]).keys()], ['c1']);
  });

  it('takes none of a consent’s fields', () => {
    assert.deepEqual(problems(withdrawal({ answer: 'refused' })), [{ path: '/answer', code: 'not-for-this-kind' }]);
  });
});

describe('sharing without consent', () => {
  it('is accepted with what, with whom, the basis, the decider (named from the service) and why', () => {
    const checked = checkConsentRecord(sharing(), context());
    assert.deepEqual(checked, {
      ok: true,
      record: { kind: 'shared-without-consent', sharedWhat: 'The police log of 19 November', sharedWith: 'The health visitor', sharedOn: '2026-11-21', basis: 'safeguarding-child', decidedBy: 'u-lead', decidedByName: 'Sue Lead', reason: 'Asking the father would put the baby at greater risk' },
    });
  });

  it('needs the basis, the decider and the reason', () => {
    assert.deepEqual(problems(sharing({ basis: undefined, decidedBy: undefined, reason: ' ' })), [
      { path: '/basis', code: 'basis-needed' },
      { path: '/decidedBy', code: 'decider-needed' },
      { path: '/reason', code: 'reason-needed' },
    ]);
    assert.deepEqual(problems(sharing({ basis: 'consent' })), [{ path: '/basis', code: 'basis-needed' }]);
  });

  it('needs a decider who uses the service', () => {
    assert.deepEqual(problems(sharing({ decidedBy: 'Sue Lead' })), [{ path: '/decidedBy', code: 'unknown-decider' }]);
  });

  it('says which basis for "other", and only then', () => {
    assert.deepEqual(problems(sharing({ basis: 'other' })), [{ path: '/basisOther', code: 'basis-other-needed' }]);
    assert.deepEqual(problems(sharing({ basisOther: 'Court order' })), [{ path: '/basisOther', code: 'basis-other-only-for-other' }]);
    const other = checkConsentRecord(sharing({ basis: 'other', basisOther: ' A MARAC information-sharing protocol ' }), context());
    assert.ok(other.ok && other.record.kind === 'shared-without-consent' && other.record.basisOther === 'A MARAC information-sharing protocol');
  });

  it('needs what was shared, with whom and when, not in the future', () => {
    assert.deepEqual(problems(sharing({ sharedWhat: '', sharedWith: '', sharedOn: '2026-12-01' })), [
      { path: '/sharedWhat', code: 'shared-what-needed' },
      { path: '/sharedWith', code: 'shared-with-needed' },
      { path: '/sharedOn', code: 'in-future' },
    ]);
    assert.ok(checkConsentRecord(sharing({ sharedOn: today }), context()).ok, 'today is not the future');
  });
});

describe('the summary a page shows', () => {
  const names = (id: string) => ({ mum: 'Amy Smith (mother)' })[id] ?? 'someone';
  it('says given, refused, withdrawn and shared without consent, latest first, a withdrawal on its consent', () => {
    const withdrawn: RecordedConsent = { id: 'w1', kind: 'withdrawal', withdraws: 'c1', withdrawnOn: '2026-11-15', recordedAt: '2026-11-15T10:00:00Z', recordedBy: 'Hana' };
    const shared: RecordedConsent = { id: 's1', kind: 'shared-without-consent', sharedWhat: 'x', sharedWith: 'the police', sharedOn: '2026-11-12', basis: 'other', basisOther: 'Court order', decidedBy: 'u-lead', decidedByName: 'Sue Lead', reason: 'z', recordedAt: '2026-11-12T10:00:00Z', recordedBy: 'Sue' };
    assert.deepEqual(summariseConsent([given, refused, withdrawn, shared], names), [
      { id: 's1', status: 'shared-without-consent', on: '2026-11-12', text: 'Shared without consent on 12 November 2026 with the police: Another basis: Court order (decided by Sue Lead)' },
      { id: 'c2', status: 'refused', on: '2026-11-11', text: 'Consent refused by Dan Smith on 11 November 2026 for sharing with housing' },
      { id: 'c1', status: 'withdrawn', on: '2026-11-10', withdrawnOn: '2026-11-15', text: 'Consent given by Amy Smith (mother) on 10 November 2026 for sharing with the GP; withdrawn on 15 November 2026' },
    ]);
    assert.deepEqual(summariseConsent([given], names).map((l) => [l.status, l.text]), [['given', 'Consent given by Amy Smith (mother) on 10 November 2026 for sharing with the GP']]);
    assert.deepEqual(summariseConsent([], names), []);
    assert.equal(consentDay(withdrawn), '2026-11-15');
  });

  it('names the law for a basis from the list', () => {
    const shared: RecordedConsent = { id: 's1', kind: 'shared-without-consent', sharedWhat: 'x', sharedWith: 'children’s social care', sharedOn: '2026-11-12', basis: 'safeguarding-child', decidedBy: 'u', decidedByName: 'Sue Lead', reason: 'z', recordedAt: '2026-11-12T10:00:00Z', recordedBy: 'Sue' };
    assert.match(summariseConsent([shared], names)[0]!.text, /^Shared without consent on 12 November 2026 with children’s social care: Safeguarding a child at risk of significant harm \(Data Protection Act 2018, Schedule 1, paragraph 18\) \(decided by Sue Lead\)$/);
  });
});

describe('the GP told', () => {
  const entry = (over: Partial<ChronologyEntry>): ChronologyEntry => ({
    id: 'e1', kind: 'gp-informed', occurredAt: '2026-11-10', recordedAt: '2026-11-10T12:00:00Z', recordedBy: 'Hana Visitor', agency: 'Health visiting', agencyKind: 'health-visiting', summary: 'Told the GP by letter',
    source: 'agency-record', personIds: [], presentIds: [], significant: false, indicates: [], babySeen: null, victimIds: [], perpetratorIds: [], ...over,
  });

  it('checks the form: a date in 1900 or later, not in the future, and what was shared; who told may be left out', () => {
    assert.deepEqual(checkGpTold({ toldOn: today, shared: 'The concerns about drinking' }, today), []);
    assert.deepEqual(checkGpTold({ toldOn: '2026-11-23', shared: ' ' }, today), [{ path: '/toldOn', code: 'in-future' }, { path: '/shared', code: 'shared-needed' }]);
    assert.deepEqual(checkGpTold({ toldOn: '', shared: 'x' }, today), [{ path: '/toldOn', code: 'date-needed' }]);
    assert.deepEqual(checkGpTold({ toldOn: '2026-13-01', toldBy: 'x'.repeat(201), shared: 'x' }, today), [{ path: '/toldOn', code: 'not-a-date' }, { path: '/toldBy', code: 'too-long' }]);
    assert.deepEqual(checkGpTold({ toldOn: '0226-11-20', shared: 'x' }, today), [{ path: '/toldOn', code: 'too-early' }]);
    assert.deepEqual(checkGpTold({ toldOn: '1900-01-01', shared: 'x' }, today), []);
    assert.ok(Object.keys(GP_TOLD_PROBLEM_MESSAGES).length === 6);
  });

  it('records the GP told as a gp-informed entry, by the recorder unless someone is named', () => {
    assert.deepEqual(gpToldEntry({ toldOn: '2026-11-20', shared: ' Drinking ' }, 'Hana Visitor'), {
      kind: 'gp-informed', occurredAt: '2026-11-20', summary: 'GP told by Hana Visitor: Drinking', source: 'agency-record', details: { form: 'gp-told', toldBy: 'Hana Visitor', shared: 'Drinking' },
    });
    assert.equal(gpToldEntry({ toldOn: '2026-11-20', toldBy: ' Sue Lead ', shared: 'x' }, 'Hana').details.toldBy, 'Sue Lead');
  });

  it('finds the latest current entry: a later day wins, a corrected one does not count, other kinds are not read', () => {
    assert.equal(gpLastTold([]), null);
    assert.equal(gpLastTold([entry({ kind: 'case-note' })]), null);
    const older = entry({ id: 'a', occurredAt: '2026-11-01' });
    const newer = entry({ id: 'b', occurredAt: '2026-11-12T09:30:00+00:00', recordedBy: 'Sue Lead', agency: 'Social care' });
    assert.deepEqual(gpLastTold([newer, older]), { entryId: 'b', on: '2026-11-12', by: 'Sue Lead', agency: 'Social care', shared: 'Told the GP by letter' });
    const correction = entry({ id: 'c', occurredAt: '2026-11-02', corrects: 'b', correctionReason: 'wrong day' });
    assert.equal(gpLastTold([older, newer, correction])!.entryId, 'c');
    const sameDayLater = entry({ id: 'd', occurredAt: '2026-11-12', recordedAt: '2026-11-13T08:00:00Z' });
    assert.equal(gpLastTold([newer, sameDayLater])!.entryId, 'd');
  });

  it('reads who told and what was shared from the form’s details only, never an agency’s', () => {
    const e = entry({});
    assert.deepEqual(gpLastTold([e], () => ({ form: 'gp-told', toldBy: 'Dr Named', shared: 'The bruise' })), { entryId: 'e1', on: '2026-11-10', by: 'Dr Named', agency: 'Health visiting', shared: 'The bruise' });
    assert.deepEqual(gpLastTold([e], () => ({ toldBy: 'Spoofed', shared: 'Spoofed' })), { entryId: 'e1', on: '2026-11-10', by: 'Hana Visitor', agency: 'Health visiting', shared: 'Told the GP by letter' });
  });

  it('says when the GP was last told and by whom, or that there is no record', () => {
    assert.equal(gpToldInWords(null), 'No record of the GP being told');
    assert.equal(gpToldInWords({ entryId: 'e', on: '2026-11-03', by: 'Hana Visitor', agency: 'Health visiting', shared: 'x' }), 'GP last told: 3 November 2026, by Hana Visitor (Health visiting)');
  });
});
