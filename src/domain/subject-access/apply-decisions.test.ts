import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDecision, releasedDisclosure, unreviewed } from './apply-decisions.ts';
import type { DraftItem } from './redaction-rules.ts';

const item = (key: string, overrides: Partial<DraftItem> = {}): DraftItem => ({ key, caseId: 'c1', section: 'chronology', heading: `Heading ${key}`, text: `Text ${key}`, aboutPeople: [], grounds: [], concerns: [], ...overrides });
const draft = [item('plain'), item('police', { grounds: ['other-agency'], concerns: ['c1/mother'] }), item('person:father', { section: 'people', heading: 'Tom Reed (Father)', grounds: ['other-adult'], concerns: ['c1/father'] })];

describe('reviewing a draft disclosure', () => {
  it('takes a decision with a reason on an item marked for redaction', () => {
    assert.deepEqual(checkDecision({ itemKey: 'police', decision: 'disclose', reason: ' The police agreed on 2 December ' }, draft), { ok: true, decision: { itemKey: 'police', decision: 'disclose', reason: 'The police agreed on 2 December' } });
  });

  it('refuses a decision without a reason, with no choice, or on an item not marked', () => {
    const refused = checkDecision({ itemKey: 'plain', decision: 'maybe', reason: ' ' }, draft);
    assert.equal(refused.ok, false);
    assert.deepEqual(!refused.ok && refused.problems.map((p) => p.field), ['itemKey', 'decision', 'reason']);
    const unknown = checkDecision({ itemKey: 'no-such-item', decision: 'redact', reason: 'x' }, draft);
    assert.deepEqual(!unknown.ok && unknown.problems.map((p) => p.field), ['itemKey']);
    const long = checkDecision({ itemKey: 'police', decision: 'redact', reason: 'x'.repeat(2001) }, draft);
    assert.match(!long.ok ? long.problems[0]!.message : '', /2000 characters/);
  });

  it('lists the marked items nobody has decided', () => {
    assert.deepEqual(unreviewed(draft, new Map()).map((i) => i.key), ['police', 'person:father']);
    assert.deepEqual(unreviewed(draft, new Map([['police', { decision: 'disclose' as const }]])).map((i) => i.key), ['person:father']);
  });

  it('releases the unmarked and disclosed items as they are and withholds the redacted, a person’s heading too, with the grounds’ words', () => {
    const released = releasedDisclosure(draft, new Map([['police', { decision: 'disclose' as const }], ['person:father', { decision: 'redact' as const }]]));
    assert.deepEqual(released, [
      { caseId: 'c1', section: 'chronology', heading: 'Heading plain', text: 'Text plain', withheld: null, aboutPeople: [] },
      { caseId: 'c1', section: 'chronology', heading: 'Heading police', text: 'Text police', withheld: null, aboutPeople: ['mother'] },
      { caseId: 'c1', section: 'people', heading: 'Another person', text: '', withheld: 'Another adult’s details', aboutPeople: ['father'] },
    ]);
  });

  it('keeps with each item, disclosed or withheld, the ids of the people in its case it concerns', () => {
    const released = releasedDisclosure([item('two', { caseId: 'case-7', concerns: ['case-7/p1', 'case-7/p2'] }), item('withheld', { caseId: 'case-7', grounds: ['other-adult'], concerns: ['case-7/p2'] })], new Map([['withheld', { decision: 'redact' as const }]]));
    assert.deepEqual(released.map((r) => r.aboutPeople), [['p1', 'p2'], ['p2']]);
  });

  it('keeps a redacted item’s heading outside the people section, and names every ground', () => {
    const [released] = releasedDisclosure([item('both', { grounds: ['reporter', 'other-agency'] })], new Map([['both', { decision: 'redact' as const }]]));
    assert.deepEqual(released, { caseId: 'c1', section: 'chronology', heading: 'Heading both', text: '', withheld: 'The identity of someone who reported a concern; Information from another agency, until it agrees to its disclosure', aboutPeople: [] });
  });

  it('will not release while a redaction is unreviewed', () => {
    assert.throws(() => releasedDisclosure(draft, new Map([['police', { decision: 'redact' as const }]])), /unreviewed/);
  });
});
