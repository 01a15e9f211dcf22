// The session of each request: its data kept server-side under a random id, the id in a signed
// cookie. Restored from the store when the cookie's signature holds and the store still has it;
// otherwise a new, empty session whose id is made only if it is ever saved (so a request that stores
// nothing, as most anonymous ones, costs no random id and no signature). Saved as the reply is sent
// only when its data changed (compared as JSON with what was read or last saved), and then the cookie
// is set again; a request that brought a cookie for no session it could use has it cleared.
// It replaces @fastify/session (issue 12), which hashed the whole session twice a request to tell
// whether it changed and built a new id, a signature and a hash for every request without a cookie.
import { randomBytes } from 'node:crypto';
import { Signer } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DatabaseSessionStore } from '../../infrastructure/security/session-store.ts';

/** What a session holds: each feature adds its own fields (declare module on this file). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface SessionData {}

declare module 'fastify' {
  interface FastifyRequest {
    session: Session;
  }
}

export interface ServerSessionOptions {
  secret: string;
  cookieName: string;
  store: DatabaseSessionStore;
  /** How long the browser keeps the cookie after each save. */
  cookieMaxAgeMs: number;
  secure: boolean | 'auto';
}

/** A stored session's data, as the store reads it and as it is written. */
type Stored = Record<string, unknown>;

/** The key older stores saved @fastify/session's cookie under, which this plugin neither needs nor keeps. */
const LEGACY_COOKIE_KEY = 'cookie';

const newSessionId = (): string => randomBytes(24).toString('base64url');

/** The store answers with what its callback is given: an Error, as the database driver throws. */
const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

function stored(store: DatabaseSessionStore, id: string): Promise<Stored | null> {
  return new Promise((resolve, reject) => store.get(id, (error, data) => (error ? reject(asError(error)) : resolve((data as Stored | null | undefined) ?? null))));
}

function storeCall(call: (callback: (error?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => call((error) => (error ? reject(asError(error)) : resolve())));
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- its data is declared by the features (SessionData), below
export class Session {
  #id: string | null;
  /** The data as last read or saved, as JSON; '{}' for a new session, which counts as unchanged while empty. */
  #savedJson: string;
  /** Whether the store may hold a row under the current id (read from it or written to it). */
  #inStore: boolean;
  #destroyed = false;
  /** Whether it is the session the request's cookie named (not a new one, nor one regenerated since). */
  #fromCookie: boolean;
  /** Whether the reply must carry the cookie: saved in this request, or signed under an older secret. */
  #cookieDue: boolean;
  readonly #store: DatabaseSessionStore;

  constructor(store: DatabaseSessionStore, id: string | null, data: Stored | null, cookieDue = false) {
    this.#store = store;
    this.#id = id;
    this.#inStore = data !== null;
    this.#fromCookie = data !== null;
    this.#cookieDue = cookieDue;
    if (data) {
      Object.assign(this, data);
      Reflect.deleteProperty(this, LEGACY_COOKIE_KEY);
    }
    this.#savedJson = JSON.stringify(this);
  }

  /** The session's id, made now if it has none yet. */
  get sessionId(): string {
    this.#id ??= newSessionId();
    return this.#id;
  }

  /** Whether its data differs from what the store holds (or, for a new session, whether it has any). */
  isModified(): boolean {
    return JSON.stringify(this) !== this.#savedJson;
  }

  get isDestroyed(): boolean {
    return this.#destroyed;
  }

  get fromCookie(): boolean {
    return this.#fromCookie;
  }

  get cookieDue(): boolean {
    return this.#cookieDue;
  }

  /** Writes the data now (and the cookie goes with the reply). */
  async save(): Promise<void> {
    if (this.#destroyed) return;
    const id = this.sessionId;
    await storeCall((done) => this.#store.set(id, this, done));
    this.#savedJson = JSON.stringify(this);
    this.#inStore = true;
    this.#cookieDue = true;
  }

  /** A new, empty session under a new id; the old one is removed from the store at once. */
  async regenerate(): Promise<void> {
    await this.#removeStored();
    for (const key of Object.keys(this)) Reflect.deleteProperty(this, key);
    this.#id = null;
    this.#fromCookie = false;
    this.#savedJson = JSON.stringify(this);
    this.#cookieDue = false;
  }

  /** Ends the session: removed from the store, never saved again in this request. */
  async destroy(): Promise<void> {
    await this.#removeStored();
    this.#destroyed = true;
  }

  async #removeStored(): Promise<void> {
    const id = this.#id;
    if (id === null || !this.#inStore) return;
    await storeCall((done) => this.#store.destroy(id, done));
    this.#inStore = false;
  }
}

// What the session holds, on the session itself (the fields each feature declares).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging -- the data rides on the object, as features read it
export interface Session extends SessionData {}

export const serverSessions = fp(
  async (app: FastifyInstance, options: ServerSessionOptions) => {
    // A secret this short could be guessed: the same rule @fastify/session had.
    if (options.secret.length < 32) throw new Error('the session secret must have length 32 or greater');
    const signer = new Signer(options.secret, 'sha256');
    const { store, cookieName } = options;
    const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: options.secure, path: '/' };

    app.decorateRequest('session', null as unknown as Session);

    /** Requests whose session the store could not give (the database unreachable): answered with an error page, their cookie left as it is. */
    const unrestored = new WeakSet<FastifyRequest>();

    app.addHook('onRequest', async (request: FastifyRequest) => {
      try {
        request.session = await restore(request.cookies[cookieName]);
      } catch (error) {
        // The error page still renders and sends through onSend, with an empty session nothing saves.
        request.session = new Session(store, null, null);
        unrestored.add(request);
        throw error;
      }
    });

    async function restore(cookie: string | undefined): Promise<Session> {
      if (!cookie) return new Session(store, null, null);
      const unsigned = signer.unsign(cookie);
      if (!unsigned.valid || unsigned.value === null) return new Session(store, null, null);
      const data = await stored(store, unsigned.value);
      if (!data) return new Session(store, null, null);
      return new Session(store, unsigned.value, data, unsigned.renew);
    }

    app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
      // None when a hook before ours answered the request (a refusal): nothing to save or set.
      const session = request.session as Session | null;
      if (session === null || session.isDestroyed || unrestored.has(request)) return;
      // A secure cookie would not come back over plain HTTP: nothing is saved for it.
      const insecure = options.secure === true && request.protocol !== 'https';
      if (!insecure && session.isModified()) await session.save();
      if (session.cookieDue) {
        reply.setCookie(cookieName, signer.sign(session.sessionId), { ...cookieOptions, expires: new Date(Date.now() + options.cookieMaxAgeMs) });
      } else if (request.cookies[cookieName] !== undefined && !session.fromCookie) {
        // It named no session that could be used (tampered with, ended, removed), or the session was regenerated.
        reply.clearCookie(cookieName, { path: '/' });
      }
    });
  },
  { name: 'server-sessions', dependencies: ['@fastify/cookie'] },
);
