import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authenticationMethods, oidcSignInTooOld, OIDC_SIGN_IN_WAIT_MINUTES, vouchedEmail } from './oidc-sign-in.ts';

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
});
