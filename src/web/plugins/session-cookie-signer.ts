// Signs the session cookie as @fastify/cookie's Signer does, without signing an id twice in a request.
// @fastify/session, restoring a session, unsigns the cookie (an HMAC) and then signs the same id again
// (another HMAC) for the cookie it would set, which is the very cookie it read. This signer remembers,
// for the ids it has just found validly signed, the cookie they came in, and gives that back when asked
// to sign the id: the same string, since a valid signature is the HMAC the signing would make.
import { Signer, type UnsignResult } from '@fastify/cookie';

/** Ids unsigned and not yet signed again that the signer remembers at most: they are forgotten all at once beyond it. */
const MOST_REMEMBERED = 1000;

export class SessionCookieSigner {
  private readonly signer: Signer;
  private readonly cookieOfId = new Map<string, string>();

  constructor(secret: string) {
    // What @fastify/session asks of a secret it is given as a string; a signer it takes as it is.
    if (secret.length < 32) throw new Error('the secret must have length 32 or greater');
    this.signer = new Signer(secret, 'sha256');
  }

  sign(sessionId: string): string {
    const cookie = this.cookieOfId.get(sessionId);
    if (cookie === undefined) return this.signer.sign(sessionId);
    this.cookieOfId.delete(sessionId);
    return cookie;
  }

  unsign(cookie: string): UnsignResult {
    const result = this.signer.unsign(cookie);
    if (result.valid && !result.renew) {
      if (this.cookieOfId.size >= MOST_REMEMBERED) this.cookieOfId.clear();
      this.cookieOfId.set(result.value, cookie);
    }
    return result;
  }
}
