import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES } from './roles.ts';
import { judgeTotpStep, providerSatisfiesTwoFactor, readSecondFactor, secondFactorStep, twoFactorRequiredFor } from './two-factor.ts';

describe('two-factor sign-in rules', () => {
  it('require it of administrators and safeguarding leads, of everyone when the area says so, and of nobody where it is not enforced', () => {
    const required = (everyone: boolean, enforced = true) => ROLES.filter((role) => twoFactorRequiredFor(role, { enforced, everyone }));
    assert.deepEqual(required(false), ['safeguarding-lead', 'admin']);
    assert.deepEqual(required(true), ['practitioner', 'safeguarding-lead', 'manager', 'admin']);
    assert.deepEqual(required(true, false), []);
  });

  it('read six digits as an app code and ten letters and digits as a recovery code, ignoring spaces, dashes and case', () => {
    assert.deepEqual(readSecondFactor(' 123 456 '), { kind: 'totp', code: '123456' });
    assert.deepEqual(readSecondFactor('ABCDE-FGH23'), { kind: 'recovery-code', code: 'abcdefgh23' });
    for (const typed of ['', '12345', '1234567', 'abcde-fgh2', 'abcde-fgh2l', 'abcde fgh2!', '１２３４５６']) assert.deepEqual(readSecondFactor(typed), { kind: 'malformed' }, typed);
  });

  it('accept a step only after the last one used: a reused or older code is refused, a code matching no step is wrong', () => {
    assert.equal(judgeTotpStep(100, null), 'accepted');
    assert.equal(judgeTotpStep(101, 100), 'accepted');
    assert.equal(judgeTotpStep(100, 100), 'reused');
    assert.equal(judgeTotpStep(99, 100), 'reused');
    assert.equal(judgeTotpStep(null, 100), 'wrong');
    assert.equal(judgeTotpStep(null, null), 'wrong');
  });

  it('ask for the code when an app is set up, for set-up when one must be and is not, and for nothing when a provider already asked', () => {
    assert.equal(secondFactorStep({ enrolled: true, required: false }), 'code');
    assert.equal(secondFactorStep({ enrolled: true, required: true }), 'code');
    assert.equal(secondFactorStep({ enrolled: false, required: true }), 'set-up');
    assert.equal(secondFactorStep({ enrolled: false, required: false }), 'none');
    assert.equal(secondFactorStep({ enrolled: true, required: true }, true), 'none');
    assert.equal(secondFactorStep({ enrolled: false, required: true }, true), 'none');
  });

  it("take an identity provider's amr (RFC 8176) or a configured acr as a second factor, never a password alone", () => {
    assert.equal(providerSatisfiesTwoFactor({ amr: ['pwd', 'mfa'] }), true);
    assert.equal(providerSatisfiesTwoFactor({ amr: ['pwd', 'otp'] }), true);
    assert.equal(providerSatisfiesTwoFactor({ amr: ['hwk'] }), true);
    assert.equal(providerSatisfiesTwoFactor({ amr: ['pwd'] }), false);
    assert.equal(providerSatisfiesTwoFactor({}), false);
    assert.equal(providerSatisfiesTwoFactor({ acr: 'urn:example:mfa' }, ['urn:example:mfa']), true);
    assert.equal(providerSatisfiesTwoFactor({ acr: 'urn:example:pwd' }, ['urn:example:mfa']), false);
  });
});
