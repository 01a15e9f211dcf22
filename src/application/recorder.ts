// Who is recording something, as written beside it: the user's name and their organisation (name,
// id and kind), read once inside the change's transaction.
import type { Tx } from '../infrastructure/db/schema.ts';
import type { UserActor } from './actor.ts';

export interface Recorder {
  userId: string;
  name: string;
  organisationId: string;
  organisation: string;
  organisationKind: string;
}

export async function recorderFor(trx: Tx, actor: UserActor): Promise<Recorder> {
  const row = await trx
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.name', 'organisations.id as organisationId', 'organisations.name as organisation', 'organisations.kind as organisationKind'])
    .where('users.id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  return { userId: actor.userId, ...row };
}
