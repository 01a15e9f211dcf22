// Type additions Fastify's own declarations leave open: what our plugins put on app, request and reply.
import type { AppContext } from '../../application/context.ts';
import type { SignedInUser } from '../../application/auth/signed-in-user.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    user: SignedInUser | null;
    signedOutReason: 'idle' | 'absolute' | null;
  }
  interface FastifyReply {
    page(template: string, locals?: object, statusCode?: number): Promise<void>;
  }
}

declare module './server-sessions.ts' {
  interface SessionData {
    userId?: string;
    signedInAt?: number;
    lastSeenAt?: number;
    /** "Chrome on Windows": from the browser's user agent at sign-in, for the sessions list. */
    device?: string;
    address?: string;
  }
}
