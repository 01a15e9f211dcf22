import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Signer } from '@fastify/cookie';
import { SessionCookieSigner } from './session-cookie-signer.ts';

const SECRET = 'a session secret of at least thirty-two characters';

describe('the session cookie signer', () => {
  const reference = new Signer(SECRET, 'sha256');

  it('signs and unsigns as @fastify/cookie does', () => {
    const signer = new SessionCookieSigner(SECRET);
    assert.equal(signer.sign('session-one'), reference.sign('session-one'));
    assert.deepEqual(signer.unsign(reference.sign('session-two')), { valid: true, renew: false, value: 'session-two' });
  });

  it('signs an id it has just found validly signed as the cookie it came in, which is its signature', () => {
    const signer = new SessionCookieSigner(SECRET);
    const cookie = reference.sign('session-three');
    signer.unsign(cookie);
    assert.equal(signer.sign('session-three'), cookie);
    assert.equal(signer.sign('session-three'), cookie, 'and again, signing it afresh');
  });

  it('refuses a cookie signed with another secret or tampered with, and never gives it back as a signature', () => {
    const signer = new SessionCookieSigner(SECRET);
    const forged = new Signer('another secret of at least thirty-two characters').sign('session-four');
    assert.deepEqual(signer.unsign(forged), { valid: false, renew: false, value: null });
    assert.equal(signer.unsign(`${reference.sign('session-four')}x`).valid, false);
    assert.equal(signer.sign('session-four'), reference.sign('session-four'));
  });

  it('still signs rightly once it has forgotten what it remembered', () => {
    const signer = new SessionCookieSigner(SECRET);
    for (let i = 0; i < 1500; i++) signer.unsign(reference.sign(`session-${String(i)}`));
    for (const i of [0, 999, 1000, 1499]) assert.equal(signer.sign(`session-${String(i)}`), reference.sign(`session-${String(i)}`));
  });

  it('takes no secret shorter than @fastify/session does', () => {
    assert.throws(() => new SessionCookieSigner('too short'), /32 or greater/);
  });
});
