import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GenogramInput } from '../../drawings/genogram/render-genogram.ts';
import { cachedGenogram } from './genogram-cache.ts';

const family = (caseId: string, motherName: string): GenogramInput => ({
  infant: { id: `${caseId}-baby`, label: 'Baby', sex: 'female', unborn: false },
  people: [{ id: 'mum', label: motherName, sex: 'female', relationshipToInfant: 'mother', livesInHousehold: true, caresForInfant: true, identityKnown: true, deceased: false }],
  relationships: [],
  hrefFor: (personId) => `/cases/${caseId}/people/${personId}`,
});

describe('the case page’s genogram cache', () => {
  it('gives the same drawing for the same family, and draws afresh when anything in it changes', () => {
    const first = cachedGenogram(family('case-1', 'Amy'));
    assert.equal(cachedGenogram(family('case-1', 'Amy')), first, 'the very same drawing, not drawn again');
    const renamed = cachedGenogram(family('case-1', 'Amelia'));
    assert.notEqual(renamed, first);
    assert.match(renamed.svg, /Amelia/);
  });

  it('keys on the links too: the same people in another case link to that case', () => {
    const other = cachedGenogram(family('case-2', 'Amy'));
    assert.match(other.svg, /\/cases\/case-2\/people\/mum/);
    assert.doesNotMatch(other.svg, /\/cases\/case-1\//);
  });
});
