import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const ENTRA = { id: 'entra', name: 'Microsoft Entra ID', issuer: 'https://login.microsoftonline.com/tenant-id/v2.0', clientId: 'client-1', clientSecret: 'a-very-secret-value' };

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
}

describe('single sign-on configuration (OIDC_PROVIDERS, PUBLIC_URL)', () => {
  it('has no providers unless OIDC_PROVIDERS is set', () => {
    assert.deepEqual(loadConfig({}).oidc, { providers: [], publicUrl: undefined });
  });

  it('reads each provider, with the email claim, "openid email" and no multi-factor acr by default, and the public address without its trailing slash', () => {
    const config = loadConfig({
      OIDC_PROVIDERS: JSON.stringify([ENTRA, { ...ENTRA, id: 'cis2', name: 'NHS CIS2', claim: 'preferred_username', idClaim: 'oid', scopes: 'openid  profile email', multiFactorAcrs: ['AAL3'] }]),
      PUBLIC_URL: 'https://icp.example.org/',
    });
    assert.equal(config.oidc.publicUrl, 'https://icp.example.org');
    assert.deepEqual(config.oidc.providers[0], { ...ENTRA, claim: 'email', idClaim: 'sub', scopes: 'openid email', multiFactorAcrs: [] });
    assert.deepEqual(config.oidc.providers[1], { ...ENTRA, id: 'cis2', name: 'NHS CIS2', claim: 'preferred_username', idClaim: 'oid', scopes: 'openid profile email', multiFactorAcrs: ['AAL3'] });
  });

  it('allows a plain http issuer only on this machine', () => {
    const config = loadConfig({ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, issuer: 'http://127.0.0.1:4000' }]), PUBLIC_URL: 'http://localhost:3000' });
    assert.equal(config.oidc.providers[0]!.issuer, 'http://127.0.0.1:4000');
    assert.match(problemsFor({ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, issuer: 'http://idp.example' }]), PUBLIC_URL: 'https://icp.example.org' })[0]!, /^OIDC_PROVIDERS\[0\]\.issuer must be an https:\/\/ URL/);
  });

  it('names each problem, and never echoes a client secret', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ OIDC_PROVIDERS: '{not json', PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS must be a JSON array of providers/],
      [{ OIDC_PROVIDERS: '[]', PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS must be a JSON array of one or more providers/],
      [{ OIDC_PROVIDERS: JSON.stringify([ENTRA]) }, /^PUBLIC_URL must be set when OIDC_PROVIDERS is/],
      [{ OIDC_PROVIDERS: JSON.stringify([ENTRA]), PUBLIC_URL: 'icp.example.org' }, /^PUBLIC_URL must be the http:\/\/ or https:\/\/ address/],
      [{ OIDC_PROVIDERS: JSON.stringify([ENTRA, ENTRA]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[1\]\.id "entra" is used twice/],
      [{ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, id: 'Entra ID' }]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[0\]\.id must be lower-case letters/],
      [{ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, name: '' }]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[0\]\.name must be a text that is not empty/],
      [{ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, clientSecret: undefined }]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[0\]\.clientSecret must be set/],
      [{ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, scopes: 'email' }]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[0\]\.scopes must include openid/],
      [{ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, claim: 'e mail' }]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[0\]\.claim must be the name of an ID token claim/],
      [{ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, idClaim: 'object id' }]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[0\]\.idClaim must be the name of an ID token claim, such as sub or oid/],
      [{ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, multiFactorAcrs: 'AAL3' }]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[0\]\.multiFactorAcrs must be a list/],
      [{ OIDC_PROVIDERS: JSON.stringify([{ ...ENTRA, secret: 'x' }]), PUBLIC_URL: 'https://icp.example.org' }, /^OIDC_PROVIDERS\[0\] has fields the service does not know: secret/],
    ];
    for (const [env, expected] of cases) {
      const problems = problemsFor(env);
      assert.match(problems[0] ?? '', expected, JSON.stringify(env));
      assert.ok(!problems.join('\n').includes(ENTRA.clientSecret), 'the secret is not echoed');
    }
  });
});
