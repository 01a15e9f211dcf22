import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditEntryHash, canonicalJson, GENESIS_HASH, type HashedAuditFields } from './audit-hash.ts';

const entry: HashedAuditFields = {
  id: 'e1',
  occurredAt: new Date('2026-11-22T09:00:00.000Z'),
  actorUserId: 'u1',
  actorOrganisationId: 'o1',
  channel: 'web',
  action: 'case.view',
  outcome: 'success',
  subjectType: null,
  subjectId: null,
  caseId: 'c1',
  ip: '127.0.0.1',
  details: { b: [2, { z: 1, y: 2 }], a: 1 },
};

const KEY = { id: 'k1', secret: 'a-secret-of-at-least-thirty-two-characters' };

describe('audit hash', () => {
  it('writes JSON with keys sorted at every depth, as jsonb gives them back', () => {
    assert.equal(canonicalJson({ b: [2, { z: 1, y: 2 }], a: 1 }), '{"a":1,"b":[2,{"y":2,"z":1}]}');
  });

  it('gives the same hash whatever the key order of the details', () => {
    const reordered = { ...entry, details: { a: 1, b: [2, { y: 2, z: 1 }] } };
    assert.equal(auditEntryHash(entry, GENESIS_HASH, KEY), auditEntryHash(reordered, GENESIS_HASH, KEY));
  });

  it('changes when any field or the previous hash changes', () => {
    const base = auditEntryHash(entry, GENESIS_HASH, KEY);
    assert.notEqual(auditEntryHash({ ...entry, action: 'case.edit' }, GENESIS_HASH, KEY), base);
    assert.notEqual(auditEntryHash({ ...entry, ip: null }, GENESIS_HASH, KEY), base);
    assert.notEqual(auditEntryHash({ ...entry, occurredAt: new Date('2026-11-22T09:00:00.001Z') }, GENESIS_HASH, KEY), base);
    assert.notEqual(auditEntryHash(entry, 'f'.repeat(64), KEY), base);
  });

  it('cannot be made again without the key: another secret, or the same secret under another id, gives another hash', () => {
    const base = auditEntryHash(entry, GENESIS_HASH, KEY);
    assert.notEqual(auditEntryHash(entry, GENESIS_HASH, { ...KEY, secret: `${KEY.secret}!` }), base);
    assert.notEqual(auditEntryHash(entry, GENESIS_HASH, { ...KEY, id: 'k2' }), base);
    assert.notEqual(auditEntryHash(entry, GENESIS_HASH, null), base, 'an unsigned (legacy) hash differs from a signed one');
  });

  it('does not confuse a null with the text "null"', () => {
    assert.notEqual(auditEntryHash({ ...entry, caseId: null }, GENESIS_HASH, KEY), auditEntryHash({ ...entry, caseId: 'null' }, GENESIS_HASH, KEY));
  });
});
