import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { largeHousehold, motherOnly, unbornWithUnknownFather } from './genogram.examples.ts';
import { layoutGenogram } from './genogram.layout.ts';
import type { GenogramLayout } from './genogram.layout.ts';
import { crossings } from './genogram.score.ts';
import { allSegments, contains, linesThroughPeople, overlappingPairs, overlaps } from './genogram.test-support.ts';

function rowOf(layout: GenogramLayout, id: string): number {
  return layout.people.find((p) => p.member.id === id)!.cy;
}

describe('genogram layout of the 15-person household', () => {
  const input = largeHousehold();
  const layout = layoutGenogram(input);

  it('draws every person exactly once, the baby included', () => {
    const ids = layout.people.map((p) => p.member.id).sort();
    assert.equal(ids.length, 15);
    assert.deepEqual(ids, [input.infant.id, ...input.people.map((p) => p.id)].sort());
  });

  it('has no overlapping symbols, and no symbol or label touching another person’s', () => {
    assert.deepEqual(overlappingPairs(layout, (p) => p.symbol, 12), []);
    assert.deepEqual(overlappingPairs(layout, (p) => p.block, 4), []);
  });

  it('orders the generations top to bottom: grandparents above parents above children', () => {
    const grandparents = ['grace', 'samuel', 'pauline'].map((id) => rowOf(layout, id));
    const parents = ['jade', 'tom', 'kyle', 'dean', 'lisa'].map((id) => rowOf(layout, id));
    const children = ['ruby', 'mia', 'leo', 'noah', 'ava'].map((id) => rowOf(layout, id));
    assert.equal(new Set(grandparents).size, 1);
    assert.equal(new Set(parents).size, 1);
    assert.equal(new Set(children).size, 1);
    assert.ok(grandparents[0]! < parents[0]! && parents[0]! < children[0]!);
    assert.equal(layout.family.generationCount, 3);
  });

  it('places the great aunt among the grandparents by date of birth, and adults of unknown relationship with the parents', () => {
    assert.equal(rowOf(layout, 'beatrice'), rowOf(layout, 'grace'));
    assert.equal(rowOf(layout, 'unknown-man'), rowOf(layout, 'jade'));
  });

  it('draws the household as one boundary around every member and no one else', () => {
    assert.ok(layout.household);
    for (const p of layout.people) {
      if (p.member.livesInHousehold) assert.ok(contains(layout.household, p.block), `${p.member.id} is inside`);
      else assert.ok(!overlaps(layout.household, p.block), `${p.member.id} is outside`);
    }
    assert.ok(layout.people.find((p) => p.member.isInfant)!.member.livesInHousehold);
  });

  it('keeps lines clear of symbols and labels, and family lines from crossing', () => {
    assert.deepEqual(linesThroughPeople(layout), []);
    assert.equal(crossings(layout.unions), 0);
  });

  it('hangs each child from their parents’ line, with partners side by side in one row', () => {
    const byId = new Map(layout.people.map((p) => [p.member.id, p]));
    for (const u of layout.unions) {
      const partners = u.union.partnerIds.map((id) => byId.get(id)!);
      assert.equal(new Set(partners.map((p) => p.cy)).size, 1, u.union.id);
      for (const childId of u.union.childIds) {
        const child = byId.get(childId)!;
        assert.ok(child.cy > partners[0]!.cy, `${childId} is below ${u.union.id}`);
        const drop = u.descent.find((s) => s.x1 === child.cx && s.x2 === child.cx && s.y2 === child.symbol.y);
        assert.ok(drop, `a line comes down to ${childId}`);
      }
    }
  });

  it('marks the separation with one slash and each former partnership with two', () => {
    const marks = (a: string, b: string): number => layout.unions.find((u) => u.union.partnerIds.includes(a) && u.union.partnerIds.includes(b))!.marks.length;
    assert.equal(marks('jade', 'kyle'), 1);
    assert.equal(marks('jade', 'dean'), 2);
    assert.equal(marks('kyle', 'lisa'), 2);
    assert.equal(marks('jade', 'tom'), 0);
  });

  it('fits everything inside the drawing', () => {
    for (const s of allSegments(layout)) assert.ok(Math.max(s.x1, s.x2) <= layout.width && Math.max(s.y1, s.y2) <= layout.height);
    for (const p of layout.people) assert.ok(contains({ x: 0, y: 0, width: layout.width, height: layout.height }, p.block));
  });
});

describe('genogram layout of small families', () => {
  it('draws a mother and baby: the baby under the mother, both in the household', () => {
    const layout = layoutGenogram(motherOnly());
    const [baby, mother] = [layout.people.find((p) => p.member.isInfant)!, layout.people.find((p) => p.member.id === 'mum')!];
    assert.ok(mother.cy < baby.cy);
    assert.equal(layout.unions.length, 1);
    assert.equal(layout.unions[0]!.union.kind, 'single-parent');
    assert.ok(layout.household && contains(layout.household, baby.block) && contains(layout.household, mother.block));
  });

  it('draws an unborn baby with an unknown father: parents joined by a dashed line, father outside the household', () => {
    const layout = layoutGenogram(unbornWithUnknownFather());
    const union = layout.unions[0]!;
    assert.equal(union.union.kind, 'co-parents');
    assert.equal(union.dashed, true);
    assert.equal(union.marks.length, 0);
    const father = layout.people.find((p) => p.member.id === 'dad')!;
    assert.ok(layout.household && !overlaps(layout.household, father.block));
    assert.deepEqual(overlappingPairs(layout, (p) => p.block, 4), []);
  });

  it('draws a baby alone', () => {
    const layout = layoutGenogram({ ...motherOnly(), people: [] });
    assert.equal(layout.people.length, 1);
    assert.equal(layout.unions.length, 0);
    assert.ok(layout.household && contains(layout.household, layout.people[0]!.block));
  });
});
