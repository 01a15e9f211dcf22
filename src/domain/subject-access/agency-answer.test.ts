import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AGENCY_REASON_MAX, agenciesToAsk, checkAgencyAnswer } from './agency-answer.ts';
import type { DraftItem } from './redaction-rules.ts';

const police = { organisationId: 'org-police', name: 'Riverside Police' };
const housing = { organisationId: 'org-housing', name: 'Riverside Housing' };
const item = (key: string, overrides: Partial<DraftItem> = {}): DraftItem => ({ key, caseId: 'c1', section: 'chronology', heading: `Heading ${key}`, text: `Text ${key}`, aboutPeople: [], grounds: [], concerns: [], ...overrides });
const draft = [
  item('own', { agency: { organisationId: 'org-council', name: 'Riverside Council' } }),
  item('police-1', { agency: police, grounds: ['other-agency'] }),
  item('police-2', { caseId: 'c2', agency: police, grounds: ['other-agency'] }),
  item('police-father', { agency: police, grounds: ['other-adult', 'other-agency'] }),
  item('housing-1', { agency: housing, grounds: ['other-agency'] }),
  item('by-name', { agency: { name: 'Riverside Police' }, grounds: ['other-agency'] }),
  item('neighbour', { grounds: ['reporter'] }),
];
const answer = (typed: { agency: string; answer: string; reason: string }) => checkAgencyAnswer(typed, draft);

describe('another agency’s answer for all its items at once', () => {
  it('lists each other agency the draft waits on, with its items and those marked for another reason too; an agency known only by name apart from one with an id', () => {
    assert.deepEqual(agenciesToAsk(draft), [
      { key: 'org-housing', name: 'Riverside Housing', items: 1, alsoOtherGrounds: 0 },
      { key: 'name:Riverside Police', name: 'Riverside Police', items: 1, alsoOtherGrounds: 0 },
      { key: 'org-police', name: 'Riverside Police', items: 3, alsoOtherGrounds: 1 },
    ]);
  });

  it('never lists the officer’s own agency, an item marked only for another reason, or an item already disclosable', () => {
    const keys = agenciesToAsk([item('own', { agency: police }), item('reporter', { agency: police, grounds: ['reporter'] })]).map((a) => a.key);
    assert.deepEqual(keys, []);
  });

  it('on agreement discloses the agency’s items marked for that reason alone, in every case, and leaves the others to the officer', () => {
    const agreed = answer({ agency: 'org-police', answer: 'agreed', reason: ' Sgt Ash agreed by email on 1 December ' });
    assert.ok(agreed.ok);
    assert.deepEqual(agreed.value.decisions, [
      { itemKey: 'police-1', decision: 'disclose', reason: 'Riverside Police agreed to its disclosure: Sgt Ash agreed by email on 1 December' },
      { itemKey: 'police-2', decision: 'disclose', reason: 'Riverside Police agreed to its disclosure: Sgt Ash agreed by email on 1 December' },
    ]);
    assert.deepEqual(agreed.value.left, ['police-father']);
  });

  it('on refusal redacts every one of the agency’s marked items, those marked for another reason too, and nothing of another agency', () => {
    const refused = answer({ agency: 'org-police', answer: 'refused', reason: 'An investigation is open' });
    assert.ok(refused.ok);
    assert.deepEqual(refused.value.decisions.map((d) => [d.itemKey, d.decision]), [['police-1', 'redact'], ['police-2', 'redact'], ['police-father', 'redact']]);
    assert.match(refused.value.decisions[0]!.reason, /^Riverside Police refused its disclosure: An investigation is open$/);
    assert.deepEqual(refused.value.left, []);
  });

  it('refuses an agency not in the draft (its own, another’s key, a near miss), no answer, and no reason or one too long, each at its field', () => {
    for (const agency of ['org-council', 'org-Police', 'Riverside Police', '']) {
      const wrong = answer({ agency, answer: 'agreed', reason: 'Yes' });
      assert.deepEqual(!wrong.ok && wrong.problems.map((p) => p.field), ['agency'], agency);
    }
    const blank = answer({ agency: 'org-housing', answer: 'maybe', reason: '  ' });
    assert.deepEqual(!blank.ok && blank.problems.map((p) => p.field), ['answer', 'reason']);
    const long = answer({ agency: 'org-housing', answer: 'refused', reason: 'x'.repeat(AGENCY_REASON_MAX + 1) });
    assert.match(!long.ok ? long.problems[0]!.message : '', new RegExp(`${String(AGENCY_REASON_MAX)} characters`));
    assert.equal(answer({ agency: 'org-housing', answer: 'refused', reason: 'x'.repeat(AGENCY_REASON_MAX) }).ok, true);
  });
});
