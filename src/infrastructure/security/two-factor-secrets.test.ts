import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyringOf } from '../audit/audit-keys.ts';
import { hashRecoveryCode, newRecoveryCode, newSalt, recoveryCodeMatches } from './recovery-codes.ts';
import { openSecret, sealSecret } from './secret-box.ts';
import { newTotpSecret, totpCodeAt, totpCodeStep, totpStep } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 key is the ASCII "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP, recovery codes and sealed secrets', () => {
  it('make the codes of RFC 6238 (its SHA-1 vectors, six digits) and find the step of a code one step either side of now', () => {
    assert.equal(totpCodeAt(RFC_SECRET, new Date(59_000)), '287082');
    assert.equal(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000)), '081804');
    assert.equal(totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000)), '279037');
    const now = new Date('2026-11-22T09:00:10Z');
    const step = totpStep(now);
    assert.equal(totpCodeStep(RFC_SECRET, totpCodeAt(RFC_SECRET, now), now), step);
    assert.equal(totpCodeStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() - 30_000)), now), step - 1);
    assert.equal(totpCodeStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() + 30_000)), now), step + 1);
    assert.equal(totpCodeStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() - 60_000)), now), null);
    assert.match(newTotpSecret(), /^[A-Z2-7]{32}$/);
  });

  it('seal a secret so that only the key that sealed it opens it, and a changed one opens to nothing', () => {
    const keys = keyringOf([{ id: 'k1', secret: 'a'.repeat(32) }], 'test');
    const sealed = sealSecret(keys, RFC_SECRET);
    assert.ok(!sealed.includes(RFC_SECRET));
    assert.notEqual(sealSecret(keys, RFC_SECRET), sealed, 'a new nonce each time');
    assert.equal(openSecret(keys, sealed), RFC_SECRET);
    const rotated = keyringOf([{ id: 'k1', secret: 'a'.repeat(32) }, { id: 'k2', secret: 'b'.repeat(32) }], 'test');
    assert.equal(openSecret(rotated, sealed), RFC_SECRET, 'the old key still opens what it sealed');
    assert.ok(sealSecret(rotated, RFC_SECRET).startsWith('v1.k2.'));
    assert.equal(openSecret(keyringOf([{ id: 'k1', secret: 'c'.repeat(32) }], 'test'), sealed), null);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    assert.equal(openSecret(keys, parts.join('.')), null);
    assert.equal(openSecret(keys, 'nonsense'), null);
  });

  it('make recovery codes of ten characters without look-alikes, matched only by their own salt and hash', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    assert.ok(codes.every((code) => /^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/.test(code)), codes.join(' '));
    assert.equal(new Set(codes).size, 50);
    const salt = newSalt();
    const hash = hashRecoveryCode(salt, 'abcdefgh23');
    assert.equal(recoveryCodeMatches(salt, hash, 'abcdefgh23'), true);
    assert.equal(recoveryCodeMatches(salt, hash, 'abcdefgh24'), false);
    assert.equal(recoveryCodeMatches(newSalt(), hash, 'abcdefgh23'), false);
  });
});
