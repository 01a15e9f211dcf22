// Every /api/v1 route but token exchange needs "Authorization: Bearer <token>"; the token acts as its
// user, within its scopes. An operation needs `read` (GET), `write` (any other method) or what its
// route's `config.scope` names (`feed` for chronology entries, `any` for a token managing itself).
// A token without the scope gets 403 insufficient-scope, audited (on the case its address names).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateToken, recordScopeRefusal } from '../../application/auth/api-tokens.ts';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { scopesAllow, type TokenScope } from '../../domain/shared/token-scopes.ts';
import { sendApiError } from '../api-error.ts';
import { caseIdInAddress } from './case-in-address.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The token scope the operation needs, when not read (GET) or write (other methods). */
    scope?: TokenScope | 'any';
  }
  interface FastifyRequest {
    /** The id of the token the request came with, once requireBearer has accepted it. */
    apiTokenId?: string;
  }
}

export async function requireBearer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const holder = match ? await authenticateToken(request.server.ctx, match[1]!) : null;
  if (!holder) {
    reply.header('WWW-Authenticate', 'Bearer');
    return sendApiError(reply, 401, 'unauthorised', 'Send a valid, unexpired token as "Authorization: Bearer <token>".');
  }
  const needed = request.routeOptions.config.scope ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');
  if (needed !== 'any' && !scopesAllow(holder.scopes, needed)) {
    await recordScopeRefusal(request.server.ctx, actorFor(holder.user, 'api', request.ip), holder.tokenId, needed, { method: request.method, route: request.routeOptions.url ?? '', caseId: caseIdInAddress(request) });
    reply.header('WWW-Authenticate', `Bearer error="insufficient_scope", scope="${needed}"`);
    return sendApiError(reply, 403, 'insufficient-scope', `This token cannot do this: it needs the "${needed}" scope. Ask for a token with it.`);
  }
  request.user = holder.user;
  request.apiTokenId = holder.tokenId;
}
