import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { EVIDENCE_SOURCE_IDS } from '../../domain/catalogue/evidence-sources.ts';
import { CASE_LEVEL_IDS } from '../../domain/shared/case-levels.ts';
import { alternativesInWords, oneOf } from './schemas.ts';

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the pieces API schemas are built from', () => {
  it('publish a domain list as the union of literals it replaced, description and all', () => {
    assert.deepEqual(json(oneOf(CASE_LEVEL_IDS)), json(Type.Union(CASE_LEVEL_IDS.map((level) => Type.Literal(level)))));
    assert.deepEqual(json(oneOf(['a', 'b'], { description: 'Which' })), { anyOf: [{ type: 'string', const: 'a' }, { type: 'string', const: 'b' }], description: 'Which' });
  });

  it('name the alternatives in words', () => {
    assert.equal(alternativesInWords(EVIDENCE_SOURCE_IDS), 'observed, agency-record, third-party, carer-account or professional-judgement');
    assert.equal(alternativesInWords(['a', 'b']), 'a or b');
    assert.equal(alternativesInWords(['a']), 'a');
    assert.equal(alternativesInWords([]), '');
  });
});
