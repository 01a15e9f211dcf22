import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../chronology/chronology.test-support.ts';
import { cinCensusRows, cinCensusTable, protectionPlanIn, REFERRAL_SOURCE_BY_AGENCY, type CensusCaseSources, type CensusConference } from './cin-census-return.ts';

const year = { from: '2026-04-01', to: '2027-03-31' };
const care = { agency: "Children's social care", agencyKind: 'childrens-social-care' };
const police = { agency: 'Police', agencyKind: 'police' };
const factors = { codes: ['1B', '4C'], toConfirm: ['18C'] };
const source = (caseId: string, over: Partial<CensusCaseSources> = {}): CensusCaseSources => ({ caseId, entries: [], meetings: [], factors, ...over });
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

  it('gives the referral source from the agency that referred before children’s social care recorded it, 10 when none did', () => {
    const rows = cinCensusRows(year, [
      source('gp', { entries: [entry('g', 'referral', '2026-04-30', { agencyKind: 'gp' }), entry('r', 'referral', '2026-05-01', care), entry('a', 'assessment-completed', '2026-06-01', care)] }),
      source('police', { entries: [entry('hv', 'referral', '2026-04-01'), entry('p', 'referral', '2026-04-20', police), entry('r', 'referral', '2026-04-21', care), entry('a', 'assessment-completed', '2026-05-01', care)] }),
      source('nobody', { entries: [entry('r', 'referral', '2026-05-01', care), entry('later', 'referral', '2026-05-03', police), entry('a', 'assessment-completed', '2026-06-01', care)] }),
    ]);
    assert.deepEqual(rows.map((r) => [r.caseId, r.referralSource]), [['gp', '3A'], ['nobody', '10'], ['police', '6']]);
  });

  it('does not take the referral of an earlier assessment for a later one', () => {
    const rows = cinCensusRows(year, [
      source('c', {
        entries: [entry('hv', 'referral', '2026-04-10'), entry('r1', 'referral', '2026-04-11', care), entry('a1', 'assessment-completed', '2026-05-01', care), entry('a2', 'assessment-completed', '2026-09-01', care)],
      }),
    ]);
    assert.deepEqual(rows.map((r) => [r.referralDate, r.referralSource]), [['2026-04-11', '3B'], [null, '10']]);
  });

  it('maps every kind of agency but children’s social care to a census source', () => {
    assert.deepEqual(REFERRAL_SOURCE_BY_AGENCY, {
      gp: '3A', 'health-visiting': '3B', midwifery: '3D', hospital: '3F', 'adult-mental-health': '3F', 'substance-misuse': '3F', housing: '4', 'early-help': '5D', police: '6', education: '2B',
    });
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
  it('is in the census’s column names, the factors comma separated in one cell, the codes to confirm left out', () => {
    const rows = cinCensusRows(year, [
      source('case-1', { entries: [entry('r', 'referral', '2026-05-01', care), entry('a', 'assessment-completed', '2026-06-01', care)], meetings: [conference('2026-07-01', { abuseCategory: 'NEG' })] }),
      source('case-2', { entries: [entry('a', 'assessment-completed', '2026-06-02', care)], factors: { codes: ['21'], toConfirm: [] } }),
    ]);
    assert.deepEqual(cinCensusTable(rows), [
      ['LAchildID', 'CINreferralDate', 'ReferralSource', 'AssessmentAuthorisationDate', 'AssessmentFactors', 'CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse'],
      ['case-1', '2026-05-01', '10', '2026-06-01', '1B,4C', '2026-07-01', '', 'NEG', 'NEG'],
      ['case-2', '', '10', '2026-06-02', '21', '', '', '', ''],
    ]);
  });
});
