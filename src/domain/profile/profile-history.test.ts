import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersions, stateChanged, type FindingSnapshot, type ProfileComparison, type ProfileVersion } from './profile-history.ts';

const hiddenRisk: FindingSnapshot = { id: 'hidden-risk', severity: 'high', rationale: 'Nobody knows who Sam is.' };
const unverified: FindingSnapshot = { id: 'unverified-exclusion', severity: 'attention', rationale: 'Ann’s drinking is excluded on her word.' };

function factorVersion(version: number, factorId: string, subjectKey: string, before: string | null, after: string, findings: FindingSnapshot[] | null = []): ProfileVersion {
  return {
    version,
    kind: 'factor',
    changedAt: `2026-11-0${version}T10:00:00.000Z`,
    changedBy: 'Hana Health Visitor',
    factorId,
    subjectKey,
    before: before === null ? null : { status: before },
    after: { status: after },
    evidenceAdded: [{ source: 'carer-account', note: `note ${version}`, indicates: after === 'excluded' ? 'absent' : 'present' }],
    summary: null,
    why: `why ${version}`,
    findings,
  };
}

function compared(versions: ProfileVersion[], a: number, b: number): ProfileComparison {
  const result = compareVersions(versions, a, b);
  assert.ok(typeof result !== 'string', `expected a comparison, got ${JSON.stringify(result)}`);
  return result;
}

const history: ProfileVersion[] = [
  factorVersion(1, 'alcohol-misuse', 'ann', null, 'excluded', [unverified, hiddenRisk]),
  factorVersion(2, 'injury', 'infant', null, 'excluded', [unverified, hiddenRisk]),
  factorVersion(3, 'alcohol-misuse', 'ann', 'excluded', 'present', [hiddenRisk]),
  { ...factorVersion(4, 'x', 'y', null, 'z', [hiddenRisk]), kind: 'review', factorId: null, subjectKey: null, before: null, after: null, evidenceAdded: [], summary: 'Marked reviewed' },
  factorVersion(5, 'alcohol-misuse', 'ann', 'present', 'excluded', [{ ...hiddenRisk, rationale: 'Nobody knows who Sam or Lee is.' }, unverified]),
];

describe('comparing two versions of a profile', () => {
  it('shows each factor as it stood at the earlier and the later version, with every piece of evidence added between', () => {
    const result = compared(history, 1, 3);
    assert.deepEqual(result.factors.map((f) => [f.factorId, f.before?.status ?? null, f.after?.status ?? null, f.versions]), [
      ['injury', null, 'excluded', [2]],
      ['alcohol-misuse', 'excluded', 'present', [3]],
    ]);
  });

  it('from the start (version 0), a factor first recorded in between was not assessed before', () => {
    const result = compared(history, 0, 5);
    const alcohol = result.factors.find((f) => f.factorId === 'alcohol-misuse');
    assert.equal(alcohol?.before, null);
    assert.equal(alcohol?.after?.status, 'excluded');
    assert.deepEqual(alcohol?.versions, [1, 3, 5]);
    assert.deepEqual(alcohol?.evidenceAdded.map((e) => e.note), ['note 1', 'note 3', 'note 5']);
  });

  it('a factor changed and changed back shows the same state at both ends, so it is not counted as a change of state', () => {
    const alcohol = compared(history, 1, 5).factors.find((f) => f.factorId === 'alcohol-misuse');
    assert.ok(alcohol);
    assert.equal(stateChanged(alcohol), false);
    assert.equal(alcohol.evidenceAdded.length, 2);
  });

  it('takes the versions in either order', () => {
    assert.deepEqual(compared(history, 3, 1), compared(history, 1, 3));
  });

  it('names the findings raised, cleared and changed between the two', () => {
    const result = compared(history, 3, 5);
    assert.deepEqual(result.findings?.raised.map((f) => f.id), ['unverified-exclusion']);
    assert.deepEqual(result.findings?.cleared, []);
    assert.deepEqual(result.findings?.changed.map((f) => [f.id, f.before?.rationale, f.after?.rationale]), [['hidden-risk', 'Nobody knows who Sam is.', 'Nobody knows who Sam or Lee is.']]);
    assert.deepEqual(compared(history, 2, 3).findings?.cleared.map((f) => f.id), ['unverified-exclusion']);
  });

  it('has no findings before anything was recorded, so every finding at the later version is raised', () => {
    assert.deepEqual(compared(history, 0, 2).findings?.raised.map((f) => f.id), ['unverified-exclusion', 'hidden-risk']);
  });

  it('says nothing about findings when a version did not keep them, rather than guessing', () => {
    const old = [factorVersion(1, 'injury', 'infant', null, 'excluded', null), ...history.slice(1)];
    assert.equal(compared(old, 1, 3).findings, null);
    assert.notEqual(compared(old, 2, 3).findings, null);
  });

  it('lists reviews, decisions and level changes in between apart from the factors', () => {
    assert.deepEqual(compared(history, 3, 5).otherChanges.map((v) => v.version), [4]);
    assert.deepEqual(compared(history, 4, 5).otherChanges, []);
  });

  it('takes each factor of a subject assessed in one sitting (one version, many factors) as changed by that version', () => {
    const sitting: ProfileVersion = {
      ...factorVersion(6, 'x', 'ann', null, 'z', [hiddenRisk]),
      factorId: null,
      before: null,
      after: null,
      factors: [
        { factorId: 'alcohol-misuse', before: { status: 'excluded' }, after: { status: 'present', detail: 'Drinks daily' }, evidenceAdded: [] },
        { factorId: 'smoking', before: null, after: { status: 'excluded' }, evidenceAdded: [{ source: 'observed', note: 'No smell of smoke', indicates: 'absent' }] },
      ],
    };
    const c = compared([...history, sitting], 5, 6);
    assert.deepEqual(c.factors.map((f) => [f.factorId, f.subjectKey, f.before?.status ?? null, f.after?.status, f.evidenceAdded.length, f.versions]), [
      ['alcohol-misuse', 'ann', 'excluded', 'present', 0, [6]],
      ['smoking', 'ann', null, 'excluded', 1, [6]],
    ]);
  });

  it('refuses the same version twice and versions that do not exist', () => {
    assert.equal(compareVersions(history, 2, 2), 'same-version');
    assert.equal(compareVersions(history, 2, 9), 'unknown-version');
    assert.equal(compareVersions(history, -1, 2), 'unknown-version');
    assert.equal(compareVersions([], 0, 1), 'unknown-version');
  });
});

describe('whether a factor’s recorded state changed', () => {
  it('compares status, detail, pattern, reason and responses, ignoring the order of responses', () => {
    assert.equal(stateChanged({ before: { status: 'present', detail: 'a' }, after: { status: 'present', detail: 'a' } }), false);
    assert.equal(stateChanged({ before: { status: 'present', detail: 'a' }, after: { status: 'present', detail: 'b' } }), true);
    assert.equal(stateChanged({ before: { status: 'present', pattern: 'stable' }, after: { status: 'present', pattern: 'chaotic' } }), true);
    assert.equal(stateChanged({ before: { status: 'cannot-assess', reason: 'x' }, after: { status: 'cannot-assess', reason: null } }), true);
    assert.equal(stateChanged({ before: { status: 'present', detail: null }, after: { status: 'present' } }), false);
    assert.equal(stateChanged({ before: { status: 'present', responses: ['a', 'b'] }, after: { status: 'present', responses: ['b', 'a'] } }), false);
    assert.equal(stateChanged({ before: { status: 'present', responses: ['a'] }, after: { status: 'present', responses: ['a', 'b'] } }), true);
    assert.equal(stateChanged({ before: null, after: { status: 'excluded' } }), true);
    assert.equal(stateChanged({ before: null, after: null }), false);
  });
});
