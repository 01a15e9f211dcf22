import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { largeHousehold, motherOnly, unbornWithUnknownFather } from './genogram.examples.ts';
import { renderGenogram } from './render-genogram.ts';
import type { TextSection } from './genogram.text.ts';

function section(sections: TextSection[], heading: string): string[] {
  return sections.find((s) => s.heading === heading)?.items ?? [];
}

describe('the genogram text alternative', () => {
  const input = largeHousehold();
  const { textAlternative } = renderGenogram(input);

  it('lists who lives in the household and who does not, naming everyone in the diagram', () => {
    assert.deepEqual(section(textAlternative, "Living in the baby's household"), [
      'Ruby Okafor (the baby)',
      'Jade Okafor (mother)',
      "Tom Hale (mother's partner)",
      'Mia Price (half-sibling)',
      'Leo Price (half-sibling)',
      'Noah Brown (sibling)',
      'Man staying at the home (relationship not known)',
    ]);
    assert.equal(section(textAlternative, "Not living in the baby's household").length, 8);
    const everything = textAlternative.flatMap((s) => s.items).join('\n');
    for (const p of [input.infant, ...input.people]) assert.ok(everything.includes(p.label), p.label);
  });

  it('says who is partnered with whom, and whether separated or former', () => {
    assert.deepEqual(section(textAlternative, 'Partners, separated and former partners'), [
      "Jade Okafor (mother) and Tom Hale (mother's partner) are partners",
      'Jade Okafor (mother) and Kyle Brown (father) are separated',
      "Jade Okafor (mother) and Dean Price (mother's former partner) are former partners",
      "Kyle Brown (father) and Lisa Grant (father's former partner) are former partners",
      'Grace Okafor (maternal grandmother) and Samuel Okafor (maternal grandfather) are partners',
    ]);
  });

  it('says who is whose child, and says so when it is drawn from the relationship to the baby rather than recorded', () => {
    const children = section(textAlternative, 'Parents and children');
    assert.ok(children.includes('Ruby Okafor (the baby) is a child of Jade Okafor (mother) and Kyle Brown (father)'));
    assert.ok(children.includes("Mia Price (half-sibling) and Leo Price (half-sibling) are children of Jade Okafor (mother) and Dean Price (mother's former partner)"));
    assert.ok(children.includes('Kyle Brown (father) is a child of Pauline Brown (paternal grandmother)'));
    assert.ok(children.includes('Noah Brown (sibling) is a child of Jade Okafor (mother) and Kyle Brown (father) (no parent is recorded; drawn from their relationship to the baby)'));
  });

  it('lists the deceased, the adults whose identity is not known, and anyone not linked to the family', () => {
    assert.deepEqual(section(textAlternative, 'Deceased'), ['Pauline Brown (paternal grandmother)']);
    assert.deepEqual(section(textAlternative, 'Adults whose identity is not known'), ['Man staying at the home (relationship not known)']);
    assert.deepEqual(section(textAlternative, 'Not linked to anyone else in the diagram'), ['Man staying at the home (relationship not known)', 'Beatrice Okafor (other relative)']);
  });

  it('keeps a relationship it cannot draw, rather than losing it', () => {
    const odd = { ...input, relationships: [...input.relationships, { personId: 'mia', otherPersonId: 'grace', kind: 'partners' as const }] };
    assert.deepEqual(section(renderGenogram(odd).textAlternative, 'Recorded but not drawn'), [
      'Mia Price (half-sibling) and Grace Okafor (maternal grandmother) are partners: recorded, but it could not be drawn',
    ]);
  });

  it('describes small families', () => {
    const mother = renderGenogram(motherOnly()).textAlternative;
    assert.deepEqual(section(mother, 'Parents and children'), ['Baby Ashworth (the baby) is a child of Kerry Ashworth (mother)']);
    const unborn = renderGenogram(unbornWithUnknownFather()).textAlternative;
    assert.deepEqual(section(unborn, 'Parents and children'), [
      'Unborn baby Ashworth (the unborn baby) is a child of Kerry Ashworth (mother) and Father (name not known) (father) (no relationship between the parents is recorded)',
    ]);
    assert.deepEqual(section(unborn, 'Adults whose identity is not known'), ['Father (name not known) (father)']);
    assert.equal(section(unborn, 'Deceased').length, 0);
  });
});
