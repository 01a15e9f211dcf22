import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { safeReturnTo } from './safe-return-to.ts';

const SITE = 'https://icp.example';

describe('safeReturnTo', () => {
  it('keeps a path on this site with its query', () => {
    assert.equal(safeReturnTo('/cases/abc?tab=people'), '/cases/abc?tab=people');
    assert.equal(safeReturnTo('/a/../cases'), '/cases');
  });

  for (const unsafe of ['//evil.example', '/..//evil.example', '/%2e%2e//evil.example', '/a/../..//evil.example', '/.//evil.example', '/./..//evil.example', 'https://evil.example', '/\\evil.example', '/\t/evil.example', '/sign-in?returnTo=//evil.example', '/sign-in/../sign-in', 'cases', '']) {
    it(`sends ${JSON.stringify(unsafe)} to the home page`, () => {
      assert.equal(safeReturnTo(unsafe), '/');
    });
  }

  it('never gives an address that leaves the site, whatever it is given', () => {
    const segment = fc.constantFrom('/', '//', '..', '.', '%2e', '%2E', '%2f', '\\', 'evil.example', 'cases', '?', '#', '@', ':', 'http:');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(segment, { maxLength: 8 }).map((parts) => parts.join(''))), (value) => {
        const target = safeReturnTo(value);
        assert.ok(target.startsWith('/') && !target.startsWith('//'), target);
        assert.equal(new URL(target, SITE).origin, SITE);
      }),
      { numRuns: 2000 },
    );
  });
});
