import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { layoutGenogram } from './genogram.layout.ts';
import type { GenogramInput, GenogramPerson, GenogramRelationship, RelationshipToInfant } from './genogram.model.ts';
import { renderGenogram } from './render-genogram.ts';
import { contains, linesThroughPeople, overlappingPairs, overlaps } from './genogram.test-support.ts';

const ROLES: RelationshipToInfant[] = [
  'mother', 'father', 'mothers-partner', 'fathers-partner', 'grandparent', 'sibling', 'half-sibling',
  'other-relative', 'friend', 'professional-carer', 'unknown',
];

const personArb = (id: string): fc.Arbitrary<GenogramPerson> =>
  fc.record({
    id: fc.constant(id),
    label: fc.string({ minLength: 1, maxLength: 40 }),
    sex: fc.constantFrom('female' as const, 'male' as const, 'unknown' as const),
    relationshipToInfant: fc.constantFrom(...ROLES),
    livesInHousehold: fc.boolean(),
    caresForInfant: fc.boolean(),
    identityKnown: fc.boolean(),
    deceased: fc.boolean(),
    dateOfBirth: fc.option(fc.integer({ min: 1930, max: 2025 }).map((y) => `${y}-06-01`)),
  });

const familyArb: fc.Arbitrary<GenogramInput> = fc.integer({ min: 0, max: 14 }).chain((count) => {
  const ids = ['baby', ...Array.from({ length: count }, (_, i) => `p${i}`)];
  const relationship: fc.Arbitrary<GenogramRelationship> = fc.record({
    personId: fc.constantFrom(...ids),
    otherPersonId: fc.constantFrom(...ids),
    kind: fc.constantFrom('partners' as const, 'ex-partners' as const, 'separated' as const, 'parent-of' as const),
  });
  return fc.record({
    infant: fc.record({ id: fc.constant('baby'), label: fc.string({ minLength: 1, maxLength: 30 }), sex: fc.constantFrom('female' as const, 'male' as const, 'unknown' as const), unborn: fc.boolean() }),
    people: fc.tuple(...ids.slice(1).map(personArb)),
    relationships: fc.array(relationship, { maxLength: 20 }),
    hrefFor: fc.constant((id: string) => `/people/${id}`),
  });
});

describe('genogram layout of any family', () => {
  it('draws everyone once, apart, with lines clear of them and the household boundary around exactly its members', () => {
    fc.assert(
      fc.property(familyArb, (input) => {
        const layout = layoutGenogram(input);
        assert.equal(layout.people.length, 1 + new Set(input.people.map((p) => p.id)).size);
        assert.deepEqual(overlappingPairs(layout, (p) => p.block, 2), []);
        assert.deepEqual(linesThroughPeople(layout), []);
        assert.ok(layout.household);
        for (const p of layout.people) {
          if (p.member.livesInHousehold) assert.ok(contains(layout.household, p.block), `${p.member.id} inside`);
          else assert.ok(!overlaps(layout.household, p.block), `${p.member.id} outside`);
        }
        const { svg } = renderGenogram(input);
        assert.equal(svg.match(/<a /g)?.length, layout.people.length);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  });
});
