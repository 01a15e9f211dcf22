// A real OpenID provider (oidc-provider) on 127.0.0.1 and a random port, for the single sign-on
// tests, and a user agent for it: authorize() follows the provider's redirects with its cookies,
// signs in as the login the test names (with the amr and acr it names) and gives back the address
// the provider sends the user to at the service. tamperIdToken lets a test make the provider's
// token endpoint answer with an ID token changed and signed again with the provider's own key,
// as a provider (or someone holding its key) might.
import { createPrivateKey, generateKeyPairSync, sign, type JsonWebKey } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { TestClock } from './test-clock.ts';

export const TEST_CLIENT_ID = 'infant-care-profile';
export const TEST_CLIENT_SECRET = 'test-client-secret-that-is-long-enough';
export const ID_TOKEN_SECONDS = 120;

export interface TestLogin {
  email: string;
  /** The user's id at the provider (`sub`); the email address unless a test gives another. */
  sub?: string;
  /** Entra ID's object id claim, for a provider configured to match by it. */
  oid?: string;
  emailVerified?: boolean;
  amr?: string[];
  acr?: string;
  /** The provider refuses instead of signing in (error=access_denied). */
  refuse?: boolean;
}

export interface TestProvider {
  issuer: string;
  /** The provider as the service's OIDC_PROVIDERS names it. */
  settings(id: string, name: string): Record<string, unknown>;
  /** Changes the next ID tokens' claims (null: as issued). */
  tamperIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  /** Who the next user to reach the provider signs in as (a browser test's user). */
  willSignIn(login: TestLogin): void;
  /** Follows the authorization request through the provider; returns the path and query it sends the user to at appOrigin. */
  authorize(authorizationUrl: string, login: TestLogin, appOrigin: string): Promise<string>;
  /** Sets the test clock to the provider's (from its Date header), so that ID token times are judged as the provider meant them. */
  alignClock(clock: TestClock): Promise<void>;
  close(): Promise<void>;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export async function startTestProvider(appOrigin: string): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' } as JsonWebKey & { kid: string };
  const logins = new Map<string, TestLogin>();
  let nextLogin: TestLogin | null = null;

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [`${appOrigin}/sign-in/oidc/test/callback`],
        post_logout_redirect_uris: [`${appOrigin}/signed-out`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-that-is-long-enough'] },
    // amr and acr in every ID token, as Entra ID and CIS2 send them.
    claims: { acr: null, amr: null, auth_time: null, sid: null, openid: ['sub', 'acr', 'amr', 'auth_time', 'oid'], email: ['email', 'email_verified'] },
    acrValues: ['aal1', 'aal3'],
    pkce: { required: () => true },
    ttl: { IdToken: ID_TOKEN_SECONDS, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const login = logins.get(sub);
      return login ? { accountId: sub, claims: () => ({ sub, email: login.email, email_verified: login.emailVerified ?? true, ...(login.oid ? { oid: login.oid } : {}) }) } : undefined;
    },
  });

  const tamper: { current: TestProvider['tamperIdToken'] } = { current: null };
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && tamper.current && body?.id_token) {
      const [header, payload] = body.id_token.split('.');
      const claims = tamper.current(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>);
      const signed = `${header!}.${base64url(JSON.stringify(claims))}`;
      body.id_token = `${signed}.${base64url(sign('sha256', Buffer.from(signed), createPrivateKey({ key: jwk, format: 'jwk' })))}`;
    }
  });

  const callback = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) {
      callback(req, res);
      return;
    }
    // The user at the provider: signs in as the test's login, and agrees to share what is asked.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        const login = nextLogin!;
        if (login.refuse) {
          await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user declined' }, { mergeWithLastSubmission: false });
          return;
        }
        const accountId = login.sub ?? login.email;
        logins.set(accountId, login);
        await provider.interactionFinished(req, res, { login: { accountId, ...(login.amr ? { amr: login.amr } : {}), ...(login.acr ? { acr: login.acr } : {}) } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    settings: (id, name) => ({ id, name, issuer, clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, scopes: 'openid email', multiFactorAcrs: ['aal3'] }),
    get tamperIdToken() {
      return tamper.current;
    },
    set tamperIdToken(change) {
      tamper.current = change;
    },
    willSignIn(login) {
      nextLogin = login;
    },
    async authorize(authorizationUrl, login, origin) {
      nextLogin = login;
      const jar = new Map<string, string>();
      let url = authorizationUrl;
      for (let hop = 0; hop < 12; hop++) {
        const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } });
        for (const cookie of response.headers.getSetCookie()) {
          const [pair = ''] = cookie.split(';');
          const at = pair.indexOf('=');
          const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
          if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
          else jar.set(name, value);
        }
        const location = response.headers.get('location');
        if (!location) throw new Error(`The provider answered ${String(response.status)} without a redirect: ${await response.text()}`);
        await response.body?.cancel();
        const next = new URL(location, url);
        if (next.origin === origin) return `${next.pathname}${next.search}`;
        url = next.href;
      }
      throw new Error('The provider redirected too many times');
    },
    async alignClock(clock) {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      await response.body?.cancel();
      const providerNow = Date.parse(response.headers.get('date')!);
      clock.advanceMinutes((providerNow - clock.now().getTime()) / 60_000);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
