// A small browser stand-in for route tests: keeps cookies between app.inject calls and fills in the
// CSRF token from the last page it fetched, as a real form would.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

const CLEARED_BEFORE = Date.parse('1970-01-02T00:00:00Z');

export class WebClient {
  private cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  /** remoteAddress: the client address the app sees (127.0.0.1 unless given); headers: sent with every request; onRequest: told of each request made. */
  constructor(
    private readonly app: FastifyInstance,
    private readonly options: { remoteAddress?: string; headers?: Record<string, string>; onRequest?: (method: string, url: string) => void } = {},
  ) {}

  private get injectOptions() {
    return this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {};
  }

  /** A client already signed in as this user. */
  static async signedIn(app: FastifyInstance, user: { email: string; password: string }): Promise<WebClient> {
    const client = new WebClient(app);
    await client.signIn(user.email, user.password);
    return client;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    this.options.onRequest?.('GET', url);
    const response = await this.app.inject({ method: 'GET', url, headers: { ...this.options.headers, cookie: this.cookieHeader }, ...this.injectOptions });
    this.remember(response);
    return response;
  }

  /** Posts a form. The CSRF token comes from the last page fetched unless the fields give one. */
  async post(url: string, fields: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    this.options.onRequest?.('POST', url);
    const body = new URLSearchParams({ ...(this.csrfToken ? { _csrf: this.csrfToken } : {}), ...fields }).toString();
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { ...this.options.headers, cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      ...this.injectOptions,
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    return this.post('/sign-in', { email, password });
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      // A server clears a cookie by dating it in 1970 (or max-age 0); the app's own clock is the test clock.
      if (cookie.maxAge === 0 || (cookie.expires && new Date(cookie.expires).getTime() <= CLEARED_BEFORE)) this.cookies.delete(cookie.name);
      else if (cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrfToken = token[1];
  }
}
