// Shared access checks for use cases: operators at the CLI are trusted; users need the permission.
import { roleAllows, type Permission } from '../domain/shared/roles.ts';
import type { Actor } from './actor.ts';

export function actorMay(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'operator' || roleAllows(actor.role, permission);
}
