import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authenticationMethods, matchProviderUser, oidcSignInTooOld, OIDC_SIGN_IN_WAIT_MINUTES, providerUserId, vouchedEmail, type ProviderLink } from './oidc-sign-in.ts';

describe('single sign-on rules', () => {
  it('keeps a sign-in sent to a provider for ten minutes, not a millisecond more', () => {
    const limit = OIDC_SIGN_IN_WAIT_MINUTES * 60_000;
    assert.equal(oidcSignInTooOld(1_000, 1_000 + limit), false);
    assert.equal(oidcSignInTooOld(1_000, 1_001 + limit), true);
  });

  it('takes the email address from the configured claim, trimmed', () => {
    assert.deepEqual(vouchedEmail({ email: ' ada@council.example ' }, 'email'), { ok: true, email: 'ada@council.example' });
    assert.deepEqual(vouchedEmail({ preferred_username: 'ada@nhs.example', email: 'other@x.example' }, 'preferred_username'), { ok: true, email: 'ada@nhs.example' });
    assert.deepEqual(vouchedEmail({ email: 'ada@council.example', email_verified: true }, 'email'), { ok: true, email: 'ada@council.example' });
  });

  it('vouches for nothing when the claim is missing, is not an email address, or the provider says it is not verified', () => {
    for (const claims of [{}, { email: 42 }, { email: 'not an address' }, { email: 'ada' }, { email: ['ada@x.example'] }]) {
      assert.deepEqual(vouchedEmail(claims, 'email'), { ok: false, reason: 'no-email-claim' }, JSON.stringify(claims));
    }
    assert.deepEqual(vouchedEmail({ email: 'ada@x.example', email_verified: false }, 'email'), { ok: false, reason: 'email-not-verified' });
  });

  it("reads the provider's amr and acr, ignoring what is not well formed", () => {
    assert.deepEqual(authenticationMethods({ amr: ['pwd', 'mfa'], acr: 'AAL3_ANY' }), { amr: ['pwd', 'mfa'], acr: 'AAL3_ANY' });
    assert.deepEqual(authenticationMethods({ amr: 'mfa', acr: 3 }), { amr: [], acr: undefined });
    assert.deepEqual(authenticationMethods({ amr: ['otp', 7] }), { amr: ['otp'], acr: undefined });
  });

  it("takes the user's id at the provider from the configured claim, and nothing that is not a text", () => {
    assert.equal(providerUserId({ sub: ' abc-123 ' }, 'sub'), 'abc-123');
    assert.equal(providerUserId({ sub: 'pairwise', oid: '00000000-0000-0000-0000-000000000001' }, 'oid'), '00000000-0000-0000-0000-000000000001');
    for (const claims of [{}, { sub: '' }, { sub: '  ' }, { sub: 42 }, { sub: ['a'] }, { oid: 'x' }]) assert.equal(providerUserId(claims, 'sub'), undefined, JSON.stringify(claims));
  });
});

describe("which account a provider's user is", () => {
  const email = { ok: true, email: 'ada@council.example' } as const;
  const approved = (userId: string, subject: string): ProviderLink => ({ userId, subject, approved: true });
  const waiting = (userId: string, subject: string): ProviderLink => ({ userId, subject, approved: false });

  it('signs in the account an approved link names, by the id alone: whatever address the provider gives now, or none', () => {
    for (const vouched of [email, { ok: true, email: 'ada.new-name@council.example' } as const, { ok: false, reason: 'no-email-claim' } as const]) {
      assert.deepEqual(matchProviderUser({ subject: 's-1', linkOfSubject: approved('u-1', 's-1'), email: vouched, accountByEmail: null }), { kind: 'linked', userId: 'u-1' });
    }
    assert.deepEqual(
      matchProviderUser({ subject: 's-1', linkOfSubject: approved('u-1', 's-1'), email, accountByEmail: { userId: 'u-2', link: null } }),
      { kind: 'linked', userId: 'u-1' },
      'the address now being another account’s does not move the link',
    );
  });

  it("asks an administrator's approval at the first sign-in by the account's address, and again while the approval waits", () => {
    assert.deepEqual(matchProviderUser({ subject: 's-1', linkOfSubject: null, email, accountByEmail: { userId: 'u-1', link: null } }), { kind: 'ask-approval', userId: 'u-1' });
    assert.deepEqual(matchProviderUser({ subject: 's-1', linkOfSubject: waiting('u-1', 's-1'), email, accountByEmail: { userId: 'u-1', link: waiting('u-1', 's-1') } }), { kind: 'ask-approval', userId: 'u-1' });
    assert.deepEqual(
      matchProviderUser({ subject: 's-2', linkOfSubject: null, email, accountByEmail: { userId: 'u-1', link: waiting('u-1', 's-1') } }),
      { kind: 'ask-approval', userId: 'u-1' },
      'a newer request replaces one not yet approved',
    );
    assert.deepEqual(
      matchProviderUser({ subject: 's-1', linkOfSubject: waiting('u-9', 's-1'), email, accountByEmail: { userId: 'u-1', link: null } }),
      { kind: 'ask-approval', userId: 'u-1' },
      'a waiting request is no link: the address decides which account is asked for',
    );
  });

  it('never gives an account linked to another id at this provider to someone who now has its address', () => {
    assert.deepEqual(matchProviderUser({ subject: 's-2', linkOfSubject: null, email, accountByEmail: { userId: 'u-1', link: approved('u-1', 's-1') } }), { kind: 'refused', reason: 'linked-to-another' });
    assert.deepEqual(matchProviderUser({ subject: 's-2', linkOfSubject: waiting('u-1', 's-2'), email, accountByEmail: { userId: 'u-1', link: approved('u-1', 's-1') } }), { kind: 'refused', reason: 'linked-to-another' });
  });

  it('refuses an unlinked user the provider vouches no address for, or whose address is no account here', () => {
    assert.deepEqual(matchProviderUser({ subject: 's-1', linkOfSubject: null, email: { ok: false, reason: 'no-email-claim' }, accountByEmail: null }), { kind: 'refused', reason: 'no-email-claim' });
    assert.deepEqual(matchProviderUser({ subject: 's-1', linkOfSubject: waiting('u-1', 's-1'), email: { ok: false, reason: 'email-not-verified' }, accountByEmail: null }), { kind: 'refused', reason: 'email-not-verified' });
    assert.deepEqual(matchProviderUser({ subject: 's-1', linkOfSubject: waiting('u-1', 's-1'), email, accountByEmail: null }), { kind: 'refused', reason: 'unknown-account' });
  });
});
