import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { FACTOR_STATUS_IDS, type FactorStatus } from '../../domain/catalogue/statuses.ts';
import { choiceItems, oneOf, YES_NO_NOT_KNOWN } from './choices.ts';

describe('the choices a form field takes', () => {
  it('are the domain’s list as a union of literals, the same schema as one written by hand', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(oneOf(FACTOR_STATUS_IDS))), JSON.parse(JSON.stringify(Type.Union(FACTOR_STATUS_IDS.map((status) => Type.Literal(status))))));
    const published = JSON.parse(JSON.stringify(oneOf(YES_NO_NOT_KNOWN))) as { anyOf: { const: string }[] };
    assert.deepEqual(published.anyOf.map((option) => option.const), ['yes', 'no', 'not-known']);
  });

  it('become GOV.UK items in the order the words are written, with hints where given', () => {
    const items = choiceItems<FactorStatus>({ present: 'Present', excluded: { text: 'Excluded', hint: 'Add the evidence.' }, 'not-assessed': 'Not yet', 'cannot-assess': { text: 'Cannot' } });
    assert.deepEqual(items, [
      { value: 'present', text: 'Present' },
      { value: 'excluded', text: 'Excluded', hint: { text: 'Add the evidence.' } },
      { value: 'not-assessed', text: 'Not yet' },
      { value: 'cannot-assess', text: 'Cannot' },
    ]);
  });
});
