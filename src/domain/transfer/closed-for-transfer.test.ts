import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closedForTransferMessage, closureOfCase, mayChangeCase } from './closed-for-transfer.ts';

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

  it('reads the closure from the case row on the service day it was sent, London time', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    assert.deepEqual(closureOfCase('Northshire County Council', new Date('2026-06-30T23:30:00Z')), { toArea: 'Northshire County Council', closedOn: '2026-07-01' });
    assert.deepEqual(closureOfCase('Northshire County Council', new Date('2026-11-23T10:00:00Z')), { toArea: 'Northshire County Council', closedOn: '2026-11-23' });
  });

  it('reads an open case as not closed: no area, or no time', () => {
    assert.equal(closureOfCase(null, null), null);
    assert.equal(closureOfCase(null, new Date('2026-11-23T10:00:00Z')), null);
    assert.equal(closureOfCase('Northshire County Council', null), null);
    assert.equal(closureOfCase('', new Date('2026-11-23T10:00:00Z')), null);
  });
});
