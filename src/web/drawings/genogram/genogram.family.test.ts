import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFamily } from './genogram.family.ts';
import type { Family } from './genogram.family.ts';
import { hrefForExample, largeHousehold } from './genogram.examples.ts';
import { assignLanes } from './genogram.lanes.ts';
import type { GenogramInput, GenogramPerson } from './genogram.model.ts';
import { textWidth, wrapText } from './genogram.text-measure.ts';

function person(id: string, relationshipToInfant: GenogramPerson['relationshipToInfant'], more: Partial<GenogramPerson> = {}): GenogramPerson {
  return { id, label: id, sex: 'female', relationshipToInfant, livesInHousehold: false, caresForInfant: false, identityKnown: true, deceased: false, ...more };
}

function family(people: GenogramPerson[], relationships: GenogramInput['relationships'] = []): Family {
  return buildFamily({ infant: { id: 'baby', label: 'Baby', sex: 'male', unborn: false }, people, relationships, hrefFor: hrefForExample });
}

const unionOf = (f: Family, childId: string) => f.unions.find((u) => u.childIds.includes(childId));
const member = (f: Family, id: string) => f.members.find((m) => m.id === id)!;

describe('genogram family: recorded relationships first, stated defaults otherwise', () => {
  it('makes the mother and father the baby’s parents, joined by a dashed line when no relationship is recorded', () => {
    const f = family([person('mum', 'mother'), person('dad', 'father', { sex: 'male' })]);
    assert.deepEqual(unionOf(f, 'baby')?.partnerIds, ['mum', 'dad']);
    assert.equal(unionOf(f, 'baby')?.kind, 'co-parents');
    assert.deepEqual(unionOf(f, 'baby')?.assumedChildIds, []);
  });

  it('puts a sibling under the baby’s parents and a half-sibling under the mother, marked as assumed', () => {
    const f = family([person('mum', 'mother'), person('dad', 'father'), person('sis', 'sibling'), person('half', 'half-sibling')]);
    assert.deepEqual(unionOf(f, 'sis')?.partnerIds, ['mum', 'dad']);
    assert.deepEqual(unionOf(f, 'sis')?.assumedChildIds, ['sis']);
    assert.deepEqual(unionOf(f, 'half')?.partnerIds, ['mum']);
    assert.deepEqual(unionOf(f, 'half')?.assumedChildIds, ['half']);
  });

  it('prefers a recorded parent to any default', () => {
    const f = family([person('mum', 'mother'), person('dad', 'father'), person('half', 'half-sibling')], [{ personId: 'dad', otherPersonId: 'half', kind: 'parent-of' }]);
    assert.deepEqual(unionOf(f, 'half')?.partnerIds, ['dad']);
    assert.deepEqual(unionOf(f, 'half')?.assumedChildIds, []);
  });

  it('takes a mother’s partner with no recorded partnership as her current partner, and names former partners as such', () => {
    const f = family([person('mum', 'mother'), person('new', 'mothers-partner', { sex: 'male' }), person('old', 'mothers-partner', { sex: 'male' })], [
      { personId: 'mum', otherPersonId: 'old', kind: 'ex-partners' },
    ]);
    const assumed = f.unions.find((u) => u.partnerIds.includes('new'))!;
    assert.equal(assumed.kind, 'partners');
    assert.equal(assumed.assumed, true);
    assert.equal(member(f, 'new').role, "Mother's partner");
    assert.equal(member(f, 'old').role, "Mother's former partner");
  });

  it('names grandparents by side and sex when their child is recorded', () => {
    const f = family([person('mum', 'mother'), person('gran', 'grandparent'), person('grandad', 'grandparent', { sex: 'male' }), person('other', 'grandparent', { sex: 'unknown' })], [
      { personId: 'gran', otherPersonId: 'mum', kind: 'parent-of' },
    ]);
    assert.equal(member(f, 'gran').role, 'Maternal grandmother');
    assert.equal(member(f, 'grandad').role, 'Grandfather');
    assert.equal(member(f, 'other').role, 'Grandparent');
    assert.deepEqual(unionOf(f, 'mum')?.partnerIds, ['gran']);
  });

  it('places a relative by relationship, then by date of birth, then beside the parents', () => {
    const f = family([
      person('mum', 'mother', { dateOfBirth: '1995-01-01' }),
      person('gran', 'grandparent', { dateOfBirth: '1970-01-01' }),
      person('great-gran', 'other-relative'),
      person('aunt', 'other-relative', { dateOfBirth: '1993-05-01' }),
      person('great-aunt', 'other-relative', { dateOfBirth: '1952-05-01' }),
      person('cousin', 'other-relative'),
      person('someone', 'unknown'),
    ], [{ personId: 'great-gran', otherPersonId: 'gran', kind: 'parent-of' }]);
    assert.equal(member(f, 'great-gran').generation, 0);
    assert.equal(member(f, 'gran').generation, 1);
    assert.equal(member(f, 'great-aunt').generation, 1);
    assert.equal(member(f, 'aunt').generation, 2);
    assert.equal(member(f, 'mum').generation, 2);
    assert.equal(member(f, 'someone').generation, 2);
    assert.equal(member(f, 'baby').generation, 3);
    assert.equal(f.generationCount, 4);
  });

  it('keeps aside what cannot be drawn: partners across generations, a third parent, a second record for one couple', () => {
    const f = family([person('mum', 'mother'), person('dad', 'father'), person('gran', 'grandparent'), person('other', 'mothers-partner')], [
      { personId: 'gran', otherPersonId: 'dad', kind: 'partners' },
      { personId: 'mum', otherPersonId: 'baby', kind: 'parent-of' },
      { personId: 'dad', otherPersonId: 'baby', kind: 'parent-of' },
      { personId: 'other', otherPersonId: 'baby', kind: 'parent-of' },
      { personId: 'mum', otherPersonId: 'dad', kind: 'partners' },
      { personId: 'dad', otherPersonId: 'mum', kind: 'separated' },
    ]);
    assert.deepEqual(f.notDrawn.map((r) => `${r.personId} ${r.kind} ${r.otherPersonId}`), ['gran partners dad', 'dad separated mum', 'other parent-of baby']);
    assert.equal(unionOf(f, 'baby')?.kind, 'partners');
  });

  it('draws each person and each repeated record once, and ignores relationships with people it was not given', () => {
    const f = family([person('mum', 'mother'), person('mum', 'mother'), person('baby', 'sibling'), person('dad', 'father')], [
      { personId: 'ghost', otherPersonId: 'mum', kind: 'partners' },
      { personId: 'mum', otherPersonId: 'dad', kind: 'partners' },
      { personId: 'dad', otherPersonId: 'mum', kind: 'partners' },
      { personId: 'mum', otherPersonId: 'baby', kind: 'parent-of' },
      { personId: 'mum', otherPersonId: 'baby', kind: 'parent-of' },
    ]);
    assert.deepEqual(f.members.map((m) => m.id), ['baby', 'mum', 'dad']);
    assert.equal(f.unions.length, 1);
    assert.deepEqual(f.unions[0]!.childIds, ['baby']);
    assert.deepEqual(f.notDrawn, []);
  });

  it('orders children oldest first, the baby last', () => {
    const f = buildFamily(largeHousehold());
    assert.deepEqual(unionOf(f, 'ruby')!.childIds, ['noah', 'ruby']);
    assert.deepEqual(unionOf(f, 'mia')!.childIds, ['mia', 'leo']);
  });
});

describe('genogram lanes and words', () => {
  it('gives overlapping or touching lines their own lanes, the narrow ones nearest', () => {
    const lanes = assignLanes([
      { id: 'wide', from: 0, to: 300 },
      { id: 'left', from: 0, to: 100 },
      { id: 'right', from: 100, to: 200 },
      { id: 'apart', from: 250, to: 280 },
    ]);
    assert.deepEqual(Object.fromEntries(lanes), { left: 0, apart: 0, right: 1, wide: 2 });
  });

  it('wraps words to the width and ends a cut label with an ellipsis', () => {
    const lines = wrapText('A very long name that will not fit on two short lines at all', 100, 2, 13);
    assert.equal(lines.length, 2);
    assert.ok(lines[1]!.endsWith('…'));
    for (const line of lines) assert.ok(textWidth(line, 13) <= 100, line);
    assert.deepEqual(wrapText('Supercalifragilisticexpialidocious', 60, 2, 13).length, 1);
    assert.deepEqual(wrapText('   ', 60, 2, 13), []);
  });
});
