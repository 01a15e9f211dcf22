// Bearer tokens are random; only their SHA-256 is stored, so a database copy reveals no usable token.
import { createHash, randomBytes } from 'node:crypto';

export function newBearerToken(): string {
  return `icp_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
