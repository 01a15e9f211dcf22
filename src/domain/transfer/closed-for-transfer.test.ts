import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closedForTransferMessage, mayChangeCase } from './closed-for-transfer.ts';

describe('a case closed for transfer is frozen', () => {
  const closed = { toArea: 'Northshire County Council', closedOn: '2026-11-23' };

  it('refuses a change on a closed case unless the change may still be made there', () => {
    assert.equal(mayChangeCase(closed, 'refused'), false);
    assert.equal(mayChangeCase(closed, 'allowed'), true);
  });

  it('lets every change through on a case not closed', () => {
    assert.equal(mayChangeCase(null, 'refused'), true);
    assert.equal(mayChangeCase(null, 'allowed'), true);
  });

  it('says when and where the case went and what to do', () => {
    const message = closedForTransferMessage(closed);
    assert.match(message, /closed for transfer to Northshire County Council on 23 November 2026/);
    assert.match(message, /Send anything new about the family to Northshire County Council/);
    assert.match(message, /If Northshire County Council refuses the transfer, tell the case's lead professional/);
  });
});
