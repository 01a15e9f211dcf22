// Every /api/v1 route but token exchange needs "Authorization: Bearer <token>"; the token acts as its user.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateToken } from '../../application/auth/api-tokens.ts';
import { sendApiError } from '../api-error.ts';

export async function requireBearer(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const user = match ? await authenticateToken(request.server.ctx, match[1]!) : null;
  if (!user) {
    reply.header('WWW-Authenticate', 'Bearer');
    return sendApiError(reply, 401, 'unauthorised', 'Send a valid, unexpired token as "Authorization: Bearer <token>".');
  }
  request.user = user;
}
