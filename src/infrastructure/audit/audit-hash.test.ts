import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { auditChainHash, auditEntryHash, auditEntryMac, canonicalJson, GENESIS_HASH, type HashedAuditFields } from './audit-hash.ts';

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

  it('keeps the hashes existing chains were written with', () => {
    assert.equal(auditEntryMac(entry, KEY), '8bed554b2bcdce03c9e65138b0827f0a574edf67e9917fbb083b6f77355c91a9');
    assert.equal(auditEntryMac({ ...entry, details: { profileVersion: 7, basis: 'team' } }, KEY), 'c6dc3d00b18fcfb6d699cb473478bebbb7a9aec8f46b7878f300450934e5955c');
    assert.equal(auditEntryHash(entry, GENESIS_HASH, KEY), '41b9ed43a3ac201f0ec6db763070cc8a6fa05f11c5470d13a8065952b4f4caac');
    assert.equal(auditChainHash(GENESIS_HASH, 'a'.repeat(64), KEY), 'c4e7ad60c6968a0e39babf1ad6d71650c94465888f0c337768a3ea54bef04a44');
  });

  // The text as it was first defined: JSON of the entry's fields in a list, the details with keys sorted.
  const sortedCopy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortedCopy);
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      const object = value as Record<string, unknown>;
      return Object.fromEntries(Object.keys(object).filter((key) => object[key] !== undefined).sort().map((key) => [key, sortedCopy(object[key])]));
    }
    return value;
  };
  const definedMac = (e: HashedAuditFields) =>
    createHmac('sha256', KEY.secret)
      .update(JSON.stringify(['entry', e.id, e.occurredAt.toISOString(), e.actorUserId, e.actorOrganisationId, e.channel, e.action, e.outcome, e.subjectType, e.subjectId, e.caseId, e.ip, JSON.stringify(sortedCopy(e.details)), KEY.id]))
      .digest('hex');
  const detailsOfEveryShape: Record<string, unknown>[] = [
    {},
    { basis: 'team', profileVersion: 7 },
    { z: 'last', a: 'first', m: null, skipped: undefined, yes: true, no: false, n: -1.5e-7 },
    { '10': 'ten', '9': 'nine', a: 'letter' },
    { nan: Number.NaN, infinite: Number.POSITIVE_INFINITY },
    { text: 'quotes " and \\ backslash, \u0001 control, \u2028 separator, é, 😀, lone \ud800' },
    { 'key "quoted"': 1, 'é': 2, 'E': 3 },
    { when: new Date('2026-11-22T09:00:00.000Z'), list: [3, undefined, { b: 1, a: 2 }], nested: { y: { d: 1, c: 2 }, x: [] } },
    { toJSON: 'a field named toJSON', big: 1e21, small: 5e-324 },
  ];

  it('signs the same text as the fields listed and written as JSON, whatever the details hold', () => {
    for (const details of detailsOfEveryShape) {
      const shaped = { ...entry, details, actorUserId: null, subjectType: 'case', ip: null };
      assert.equal(auditEntryMac(shaped, KEY), definedMac(shaped), JSON.stringify(details));
      assert.equal(canonicalJson(details), JSON.stringify(sortedCopy(details)), JSON.stringify(details));
    }
  });
});

