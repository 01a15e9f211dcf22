import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldsNotKept, withoutRestrictedAddress } from './kept-forms.ts';

describe('a kept form never holds a restricted address', () => {
  const typed = { givenName: 'Daniel', address: '1 Refuge Road', postcode: 'DE1 2AB' };

  it('leaves the address out when the form restricts it, and notes which typed fields were left out', () => {
    const kept = withoutRestrictedAddress({ ...typed, addressRestricted: 'yes' }, false);
    assert.equal(kept['address'], undefined);
    assert.equal(kept['postcode'], undefined);
    assert.equal(kept['givenName'], 'Daniel');
    assert.equal(kept['addressRestricted'], 'yes', 'the restriction itself is kept');
    assert.deepEqual(fieldsNotKept(kept), ['address', 'postcode']);
    assert.ok(!JSON.stringify(kept).includes('Refuge'));
  });

  it('leaves the address out when it is already restricted where it is saved, even with the box unticked', () => {
    const kept = withoutRestrictedAddress(typed, true);
    assert.deepEqual(Object.keys(kept).sort(), ['_notKept', 'givenName']);
    assert.deepEqual(fieldsNotKept(kept), ['address', 'postcode']);
  });

  it('notes only the address fields that held something', () => {
    assert.deepEqual(fieldsNotKept(withoutRestrictedAddress({ address: '1 Refuge Road', postcode: '  ', addressRestricted: 'yes' }, false)), ['address']);
    const nothingTyped = withoutRestrictedAddress({ givenName: 'Daniel', address: '', addressRestricted: 'yes' }, false);
    assert.deepEqual(nothingTyped, { givenName: 'Daniel', addressRestricted: 'yes' });
    assert.deepEqual(fieldsNotKept(nothingTyped), []);
  });

  it('keeps an address that is not restricted, as typed', () => {
    assert.deepEqual(withoutRestrictedAddress(typed, false), typed);
    assert.deepEqual(withoutRestrictedAddress({ ...typed, addressRestricted: 'no' }, false), { ...typed, addressRestricted: 'no' });
    assert.deepEqual(fieldsNotKept(typed), []);
  });

  it('never takes a note of fields left out from what was posted', () => {
    assert.deepEqual(withoutRestrictedAddress({ givenName: 'Daniel', _notKept: 'address' }, false), { givenName: 'Daniel' });
  });
});
