import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scopesAllow, scopesFromText, scopesText, TOKEN_SCOPES, type TokenScope } from './token-scopes.ts';

describe('API token scopes', () => {
  it('lets a token do what its scopes name', () => {
    for (const scope of TOKEN_SCOPES) assert.equal(scopesAllow([scope], scope), true, scope);
  });

  it('lets a write token add chronology entries, but not a feed token read or change anything', () => {
    assert.equal(scopesAllow(['write'], 'feed'), true);
    assert.equal(scopesAllow(['feed'], 'read'), false);
    assert.equal(scopesAllow(['feed'], 'write'), false);
  });

  it('never lets a read token change anything or add entries', () => {
    assert.equal(scopesAllow(['read'], 'write'), false);
    assert.equal(scopesAllow(['read'], 'feed'), false);
    assert.equal(scopesAllow([], 'read'), false);
  });

  it('stores scopes in a fixed order without repeats, and reads back only known ones', () => {
    assert.equal(scopesText(['feed', 'read', 'feed'] as TokenScope[]), 'read feed');
    assert.deepEqual(scopesFromText('read admin feed'), ['read', 'feed']);
  });
});
