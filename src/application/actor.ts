// Who is asking: a signed-in practitioner (through a page or the API) or an operator at the CLI.
import type { AuditChannel } from '../infrastructure/audit/audit-log.ts';
import type { Role } from '../domain/shared/roles.ts';

export interface UserActor {
  kind: 'user';
  userId: string;
  organisationId: string;
  role: Role;
  channel: Exclude<AuditChannel, 'cli' | 'system'>;
  ip: string | null;
}

export interface OperatorActor {
  kind: 'operator';
  channel: 'cli' | 'system';
}

export type Actor = UserActor | OperatorActor;

export const cliOperator: OperatorActor = { kind: 'operator', channel: 'cli' };
export const systemOperator: OperatorActor = { kind: 'operator', channel: 'system' };
