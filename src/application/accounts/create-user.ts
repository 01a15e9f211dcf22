// Adds a practitioner account (admin page or CLI). The password is hashed with argon2id.
import { checkPassword, MIN_PASSWORD_LENGTH } from '../../domain/shared/password-policy.ts';
import { isRole } from '../../domain/shared/roles.ts';
import { hashPassword } from '../../infrastructure/security/passwords.ts';
import { actorMay } from '../access.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface NewUser {
  email: string;
  name: string;
  organisationId: string;
  role: string;
  password?: string | undefined;
}

export type CreateUserFailure = 'forbidden' | 'invalid-role' | 'weak-password' | 'unknown-organisation' | 'email-taken';

export async function createUser(ctx: AppContext, actor: Actor, input: NewUser): Promise<Result<{ id: string }, CreateUserFailure>> {
  if (!actorMay(actor, 'manage-accounts')) {
    await recordAuditAlone(ctx, actor, { action: 'user.create', outcome: 'denied', subjectType: 'user' });
    return fail('forbidden', 'Only an administrator can add accounts.');
  }
  if (!isRole(input.role)) return fail('invalid-role', `"${input.role}" is not a role. Use practitioner, safeguarding-lead, manager or admin.`);
  if (input.password !== undefined && checkPassword(input.password) !== null) {
    return fail('weak-password', `The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!organisation) return fail('unknown-organisation', 'That organisation does not exist.');
    const clash = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (clash) return fail('email-taken', `An account for ${email} already exists.`);
    const id = ctx.newId();
    await trx
      .insertInto('users')
      .values({
        id,
        email,
        name: input.name.trim(),
        organisation_id: input.organisationId,
        role: input.role,
        password_hash: passwordHash,
        created_at: ctx.clock.now(),
      })
      .execute();
    await recordAudit(trx, ctx, actor, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: id,
      details: { email, role: input.role, organisationId: input.organisationId },
    });
    return ok({ id });
  });
}
