// Adds an organisation to the partnership (admin page or CLI).
import { isOrganisationKind } from '../../domain/shared/organisation-kinds.ts';
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface NewOrganisation {
  name: string;
  kind: string;
}

export type CreateOrganisationFailure = 'forbidden' | 'invalid-kind' | 'name-taken';

export async function createOrganisation(
  ctx: AppContext,
  actor: Actor,
  input: NewOrganisation,
): Promise<Result<{ id: string }, CreateOrganisationFailure>> {
  if (!actorMay(actor, 'manage-accounts')) {
    await recordAuditAlone(ctx, actor, { action: 'organisation.create', outcome: 'denied', subjectType: 'organisation' });
    return fail('forbidden', 'Only an administrator can add organisations.');
  }
  const name = input.name.trim();
  if (!isOrganisationKind(input.kind)) return fail('invalid-kind', `"${input.kind}" is not a kind of organisation we know.`);
  return ctx.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('organisations')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst();
    if (clash) return fail('name-taken', `An organisation called "${name}" already exists.`);
    const id = ctx.newId();
    await trx.insertInto('organisations').values({ id, name, kind: input.kind, created_at: ctx.clock.now() }).execute();
    await recordAudit(trx, ctx, actor, {
      action: 'organisation.create',
      subjectType: 'organisation',
      subjectId: id,
      details: { name, kind: input.kind },
    });
    return ok({ id });
  });
}
