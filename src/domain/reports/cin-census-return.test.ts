import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../chronology/chronology.test-support.ts';
import { censusAssessmentDays, cinCensusRows, cinCensusTable, protectionPlanIn, type CensusCaseSources, type CensusConference } from './cin-census-return.ts';
import type { CinCensusFactors } from '../profile/cin-census.ts';

const year = { from: '2026-04-01', to: '2027-03-31' };
const care = { agency: "Children's social care", agencyKind: 'childrens-social-care' };
const police = { agency: 'Police', agencyKind: 'police' };
const factors = { codes: ['1B', '4C'], toConfirm: ['18C'] };
/** The same factors at the end of every assessment's day, unless the test gives them by day. */
const sameOn = (entries: CensusCaseSources['entries'], on: CinCensusFactors = factors) => new Map(censusAssessmentDays(entries).map((day) => [day, on]));
const source = (caseId: string, over: Partial<CensusCaseSources> = {}): CensusCaseSources => ({ caseId, entries: [], meetings: [], factorsOn: sameOn(over.entries ?? []), ...over });
const conference = (heldOn: string, over: Partial<CensusConference> = {}): CensusConference => ({ kind: 'initial-conference', heldOn, ...over });

describe('the Children in Need census return', () => {
  it('has a row for each assessment by children’s social care completed in the period, and none for another agency’s', () => {
    const rows = cinCensusRows(year, [
      source('case-b', {
        entries: [
          entry('r1', 'referral', '2026-05-01', care),
          entry('a1', 'assessment-completed', '2026-06-10', care),
          entry('r2', 'referral', '2026-12-01', care),
          entry('a2', 'assessment-completed', '2027-01-20T10:00:00Z', care),
          entry('a3', 'assessment-completed', '2027-04-01', care),
        ],
      }),
      source('case-a', { entries: [entry('hv', 'assessment-completed', '2026-07-01'), entry('old', 'assessment-completed', '2026-03-31', care)] }),
    ]);
    assert.deepEqual(rows.map((r) => [r.caseId, r.assessmentCompletedOn, r.referralDate]), [
      ['case-b', '2026-06-10', '2026-05-01'],
      ['case-b', '2027-01-20', '2026-12-01'],
    ]);
  });

  it('leaves out a corrected assessment and counts its correction', () => {
    const wrong = entry('a1', 'assessment-completed', '2026-03-30', care);
    const rows = cinCensusRows(year, [source('case-a', { entries: [wrong, correction('a1b', wrong, { occurredAt: '2026-04-02' })] })]);
    assert.deepEqual(rows.map((r) => r.assessmentCompletedOn), ['2026-04-02']);
  });

  it('gives the referral source chosen on social care’s referral, over the referring agency’s choice and its kind', () => {
    const rows = cinCensusRows(year, [
      source('chosen', {
        entries: [entry('g', 'referral', '2026-04-30', { agencyKind: 'gp', referralSource: '3A' }), entry('r', 'referral', '2026-05-01', { ...care, referralSource: '1A' }), entry('a', 'assessment-completed', '2026-06-01', care)],
      }),
      source('by-agency', { entries: [entry('h', 'referral', '2026-04-30', { agencyKind: 'hospital', referralSource: '3E' }), entry('r', 'referral', '2026-05-01', care), entry('a', 'assessment-completed', '2026-06-01', care)] }),
    ]);
    assert.deepEqual(rows.map((r) => [r.caseId, r.referralSource]), [['by-agency', '3E'], ['chosen', '1A']]);
  });

  it('defaults the source from the referring agency’s kind where it names one, and leaves it not recorded where it does not or nobody referred', () => {
    const rows = cinCensusRows(year, [
      source('gp', { entries: [entry('g', 'referral', '2026-04-30', { agencyKind: 'gp' }), entry('r', 'referral', '2026-05-01', care), entry('a', 'assessment-completed', '2026-06-01', care)] }),
      source('police', { entries: [entry('hv', 'referral', '2026-04-01'), entry('p', 'referral', '2026-04-20', police), entry('r', 'referral', '2026-04-21', care), entry('a', 'assessment-completed', '2026-05-01', care)] }),
      source('hospital', { entries: [entry('h', 'referral', '2026-04-20', { agencyKind: 'hospital' }), entry('r', 'referral', '2026-04-21', care), entry('a', 'assessment-completed', '2026-05-01', care)] }),
      source('nobody', { entries: [entry('r', 'referral', '2026-05-01', care), entry('later', 'referral', '2026-05-03', police), entry('a', 'assessment-completed', '2026-06-01', care)] }),
    ]);
    assert.deepEqual(rows.map((r) => [r.caseId, r.referralSource]), [['gp', '3A'], ['hospital', null], ['nobody', null], ['police', '6']]);
  });

  it('does not take the referral of an earlier assessment for a later one', () => {
    const rows = cinCensusRows(year, [
      source('c', {
        entries: [entry('hv', 'referral', '2026-04-10'), entry('r1', 'referral', '2026-04-11', care), entry('a1', 'assessment-completed', '2026-05-01', care), entry('a2', 'assessment-completed', '2026-09-01', care)],
      }),
    ]);
    assert.deepEqual(rows.map((r) => [r.referralDate, r.referralSource]), [['2026-04-11', '3B'], [null, null]]);
  });

  it('gives each assessment the factors at the end of its own day', () => {
    const entries = [entry('a1', 'assessment-completed', '2026-05-01', care), entry('a2', 'assessment-completed', '2026-09-01', care)];
    const factorsOn = new Map([
      ['2026-05-01', { codes: ['4B'], toConfirm: [] }],
      ['2026-09-01', { codes: ['1B', '4B'], toConfirm: ['18C'] }],
    ]);
    const rows = cinCensusRows(year, [source('c', { entries, factorsOn })]);
    assert.deepEqual(rows.map((r) => [r.assessmentCompletedOn, r.factors, r.toConfirm]), [['2026-05-01', ['4B'], []], ['2026-09-01', ['1B', '4B'], ['18C']]]);
  });

  it('knows the days social care completed an assessment, each once, as corrected, not another agency’s', () => {
    const wrong = entry('a1', 'assessment-completed', '2026-05-02', care);
    assert.deepEqual(
      censusAssessmentDays([entry('a3', 'assessment-completed', '2026-09-01', care), wrong, correction('a1b', wrong, { occurredAt: '2026-05-01' }), entry('a4', 'assessment-completed', '2026-09-01T15:00:00+01:00', care), entry('hv', 'assessment-completed', '2026-06-01')]),
      ['2026-05-01', '2026-09-01'],
    );
  });
});

describe('the child protection plan of a census row', () => {
  it('starts at the conference that made it, with its category, the latest category from the latest conference that recorded one', () => {
    const plan = protectionPlanIn([conference('2026-05-01', { abuseCategory: 'NEG' }), conference('2026-08-01', { kind: 'review-conference', protectionPlan: true }), conference('2027-01-10', { kind: 'review-conference', abuseCategory: 'MUL' })], year);
    assert.deepEqual(plan, { startedOn: '2026-05-01', endedOn: null, initialCategory: 'NEG', latestCategory: 'MUL' });
  });

  it('ends at a conference that ended it, still given when it ended in the period, not when before it', () => {
    const meetings = [conference('2026-02-01', { abuseCategory: 'PHY' }), conference('2026-06-01', { kind: 'review-conference', protectionPlan: false })];
    assert.deepEqual(protectionPlanIn(meetings, year), { startedOn: '2026-02-01', endedOn: '2026-06-01', initialCategory: 'PHY', latestCategory: 'PHY' });
    assert.equal(protectionPlanIn(meetings, { from: '2026-06-02', to: '2027-03-31' }), null);
  });

  it('takes the latest plan, ignores conferences after the period, a conference that made no plan and other meetings', () => {
    const meetings: CensusConference[] = [
      conference('2026-04-10', { abuseCategory: 'EMO' }),
      conference('2026-05-10', { kind: 'review-conference', protectionPlan: false }),
      { kind: 'core-group', heldOn: '2026-06-01' },
      conference('2026-07-01', { protectionPlan: false }),
      conference('2026-09-01', { kind: 'pre-birth-conference', abuseCategory: 'SAB' }),
      conference('2027-05-01', { kind: 'review-conference', abuseCategory: 'NEG' }),
    ];
    assert.deepEqual(protectionPlanIn(meetings, year), { startedOn: '2026-09-01', endedOn: null, initialCategory: 'SAB', latestCategory: 'SAB' });
    assert.equal(protectionPlanIn([conference('2026-07-01', { protectionPlan: false })], year), null);
  });

  it('has no category where the conference did not record one', () => {
    assert.deepEqual(protectionPlanIn([conference('2026-05-01')], year), { startedOn: '2026-05-01', endedOn: null, initialCategory: null, latestCategory: null });
  });
});

describe('the census file', () => {
  it('is in the census’s column names, the factors comma separated in one cell, the codes to confirm left out, a source not recorded empty', () => {
    const rows = cinCensusRows(year, [
      source('case-1', { entries: [entry('r', 'referral', '2026-05-01', { ...care, referralSource: '6' }), entry('a', 'assessment-completed', '2026-06-01', care)], meetings: [conference('2026-07-01', { abuseCategory: 'NEG' })] }),
      source('case-2', { entries: [entry('a', 'assessment-completed', '2026-06-02', care)], factorsOn: new Map([['2026-06-02', { codes: ['21'], toConfirm: [] }]]) }),
    ]);
    assert.deepEqual(cinCensusTable(rows), [
      ['LAchildID', 'CINreferralDate', 'ReferralSource', 'AssessmentAuthorisationDate', 'AssessmentFactors', 'CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse'],
      ['case-1', '2026-05-01', '6', '2026-06-01', '1B,4C', '2026-07-01', '', 'NEG', 'NEG'],
      ['case-2', '', '', '2026-06-02', '21', '', '', '', ''],
    ]);
  });
});
