// What the write path's tests start from: a police officer (PC Lane, County Police) recording an agency's
// events on a case whose team they are in with one colleague, the baby's mother recorded as 'mum', and
// an outsider who is in no team around the baby.
import type { UserActor } from '../../src/application/actor.ts';
import type { AppContext } from '../../src/application/context.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from './factories.ts';

export interface OfficerOnCase {
  officer: UserActor;
  outsider: UserActor;
  caseId: string;
}

export async function officerOnCase(ctx: AppContext): Promise<OfficerOnCase> {
  const police = await makeOrganisation(ctx, 'police', 'County Police');
  const user = await makeUser(ctx, { organisationId: police.id, name: 'PC Lane' });
  const outsider = actorFor(await makeUser(ctx, { name: 'Out Sider' }));
  const caseId = (await makeCase(ctx, { teamUserIds: [user.id, (await makeUser(ctx)).id] })).id;
  await makePerson(ctx, caseId, { id: 'mum' });
  return { officer: actorFor(user), outsider, caseId };
}
