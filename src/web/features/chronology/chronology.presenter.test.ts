import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortened } from './chronology.presenter.ts';

describe("an entry's summary in a row of the list", () => {
  it('is the whole summary, on one line, when it fits', () => {
    assert.equal(shortened('Seen at home.\nSettled,  fed well.', 40), 'Seen at home. Settled, fed well.');
    assert.equal(shortened('x'.repeat(40), 40), 'x'.repeat(40));
  });

  it('is cut at the last space before the limit, without a stop or comma before the ellipsis', () => {
    assert.equal(shortened('Mum said the baby was fine, then cried. She asked for help with feeding', 40), 'Mum said the baby was fine, then cried…');
    assert.equal(shortened('One two three, four five six seven', 16), 'One two three…');
  });

  it('is cut at the limit when a word runs past half of it', () => {
    assert.equal(shortened(`Ab ${'c'.repeat(60)}`, 20), `Ab ${'c'.repeat(17)}…`);
  });
});
