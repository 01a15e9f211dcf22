import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AGENCY_REASON_MAX, agenciesToAsk, checkAgencyAnswer, type KnownOrganisation } from './agency-answer.ts';
import type { DraftItem } from './redaction-rules.ts';

const police = { organisationId: 'org-police', name: 'Riverside Police' };
const housing = { organisationId: 'org-housing', name: 'Riverside Housing' };
const organisations: KnownOrganisation[] = [
  { id: 'org-council', name: 'Riverside Council' },
  { id: 'org-police', name: 'Riverside Police' },
  { id: 'org-housing', name: 'Riverside Housing' },
];
const item = (key: string, overrides: Partial<DraftItem> = {}): DraftItem => ({ key, caseId: 'c1', section: 'chronology', heading: `Heading ${key}`, text: `Text ${key}`, aboutPeople: [], grounds: [], concerns: [], ...overrides });
const draft = [
  item('own', { agency: { organisationId: 'org-council', name: 'Riverside Council' } }),
  item('police-1', { agency: police, grounds: ['other-agency'] }),
  item('police-2', { caseId: 'c2', agency: police, grounds: ['other-agency'] }),
  item('police-father', { agency: police, grounds: ['other-adult', 'other-agency'] }),
  item('housing-1', { agency: housing, grounds: ['other-agency'] }),
  item('neighbour', { grounds: ['reporter'] }),
];
const answer = (typed: { agency: string; answer: string; reason: string }) => checkAgencyAnswer(typed, draft, organisations);
const keysOf = (items: DraftItem[]) => agenciesToAsk(items, organisations).map((a) => [a.key, a.name, a.items]);

describe('another agency’s answer for all its items at once', () => {
  it('lists each other agency the draft waits on, with its items and those marked for another reason too', () => {
    assert.deepEqual(agenciesToAsk(draft, organisations), [
      { key: 'org-housing', name: 'Riverside Housing', items: 1, alsoOtherGrounds: 0 },
      { key: 'org-police', name: 'Riverside Police', items: 3, alsoOtherGrounds: 1 },
    ]);
  });

  it('lists an agency once when some of its items name it alone (evidence keeps only its name): matched to the organisation of that name, whatever the case', () => {
    const byName = [item('police-1', { agency: police, grounds: ['other-agency'] }), item('evidence', { agency: { name: 'Riverside Police' }, grounds: ['other-agency'] }), item('evidence-lower', { agency: { name: 'riverside police' }, grounds: ['other-agency', 'other-adult'] })];
    assert.deepEqual(agenciesToAsk(byName, organisations), [{ key: 'org-police', name: 'Riverside Police', items: 3, alsoOtherGrounds: 1 }]);
    assert.deepEqual(keysOf([item('evidence', { agency: { name: 'Riverside Police' }, grounds: ['other-agency'] })]), [['org-police', 'Riverside Police', 1]], 'by name alone, the organisation’s id all the same');
  });

  it('names an organisation by its name now, whatever name its items were recorded under', () => {
    const renamed = [item('old', { agency: { organisationId: 'org-police', name: 'Riverside Constabulary' }, grounds: ['other-agency'] }), item('new', { agency: police, grounds: ['other-agency'] })];
    assert.deepEqual(keysOf(renamed), [['org-police', 'Riverside Police', 2]]);
  });

  it('keeps apart two organisations with different names, an outside agency with no account from any organisation, and two outside agencies', () => {
    const apart = [
      item('police', { agency: police, grounds: ['other-agency'] }),
      item('housing', { agency: { name: 'Riverside Housing' }, grounds: ['other-agency'] }),
      item('ambulance', { agency: { name: 'Riverside Ambulance Trust' }, grounds: ['other-agency'] }),
      item('ambulance-again', { agency: { name: 'Riverside Ambulance Trust' }, grounds: ['other-agency'] }),
      item('police-scotland', { agency: { name: 'Riverside Police Scotland' }, grounds: ['other-agency'] }),
    ];
    assert.deepEqual(keysOf(apart), [
      ['name:Riverside Ambulance Trust', 'Riverside Ambulance Trust', 2],
      ['org-housing', 'Riverside Housing', 1],
      ['org-police', 'Riverside Police', 1],
      ['name:Riverside Police Scotland', 'Riverside Police Scotland', 1],
    ]);
    assert.equal(keysOf(apart.slice(0, 2)).length, 2, 'an id and another organisation’s name');
  });

  it('never lists the officer’s own agency, an item marked only for another reason, or an item already disclosable', () => {
    const keys = agenciesToAsk([item('own', { agency: police }), item('reporter', { agency: police, grounds: ['reporter'] })], organisations).map((a) => a.key);
    assert.deepEqual(keys, []);
  });

  it('settles an agency’s items by name alone with those by its id, and an outside agency’s items by its name, nothing else', () => {
    const mixed = [...draft, item('evidence', { agency: { name: 'Riverside Police' }, grounds: ['other-agency'] }), item('ambulance', { agency: { name: 'Riverside Ambulance Trust' }, grounds: ['other-agency'] })];
    const byPolice = checkAgencyAnswer({ agency: 'org-police', answer: 'refused', reason: 'Open investigation' }, mixed, organisations);
    assert.deepEqual(byPolice.ok && byPolice.value.decisions.map((d) => d.itemKey), ['police-1', 'police-2', 'police-father', 'evidence']);
    const ambulance = checkAgencyAnswer({ agency: 'name:Riverside Ambulance Trust', answer: 'agreed', reason: 'Agreed by letter' }, mixed, organisations);
    assert.deepEqual(ambulance.ok && [ambulance.value.agency.name, ambulance.value.decisions.map((d) => d.itemKey)], ['Riverside Ambulance Trust', ['ambulance']]);
    const listedBefore = checkAgencyAnswer({ agency: 'name:Riverside Police', answer: 'agreed', reason: 'Agreed' }, mixed, organisations);
    assert.deepEqual(listedBefore.ok && [listedBefore.value.agency.key, listedBefore.value.decisions.map((d) => d.itemKey)], ['org-police', ['police-1', 'police-2', 'evidence']], 'a page listed before the agencies were matched still answers for the organisation');
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
    for (const agency of ['org-council', 'org-Police', 'Riverside Police', 'name:Riverside Polic', 'name:', '']) {
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
