// Small factories for test data: an organisation, an account with a known password, a case with a team.
import type { TokenScope } from '../../src/domain/shared/token-scopes.ts';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/application/context.ts';
import type { PeopleTable } from '../../src/infrastructure/db/schema.ts';
import type { Insertable } from 'kysely';
import type { UserActor } from '../../src/application/actor.ts';
import type { Role } from '../../src/domain/shared/roles.ts';
import { hash } from '@node-rs/argon2';
import { createTokenForEmail } from '../../src/application/auth/api-tokens.ts';
import { cliOperator } from '../../src/application/actor.ts';

export const TEST_PASSWORD = 'correct horse battery';
/**
 * The test accounts' password hash, made once per process: argon2id as the service hashes, at a low
 * cost. A sign-in checks a password at the cost its hash names, so the route tests' many sign-ins
 * take well under a millisecond of CPU each instead of about 16 ms; accounts the service creates
 * (admin page, CLI) keep the library's defaults (src/infrastructure/security/passwords.ts).
 */
let cachedHash: Promise<string> | undefined;

export async function makeOrganisation(ctx: AppContext, kind = 'health-visiting', name = `Org ${randomUUID().slice(0, 8)}`) {
  const id = randomUUID();
  await ctx.db.insertInto('organisations').values({ id, name, kind, created_at: ctx.clock.now() }).execute();
  return { id, name, kind };
}

export async function makeUser(ctx: AppContext, options: { role?: Role; organisationId?: string; email?: string; name?: string } = {}) {
  const organisationId = options.organisationId ?? (await makeOrganisation(ctx)).id;
  cachedHash ??= hash(TEST_PASSWORD, { memoryCost: 1024, timeCost: 1 });
  const id = randomUUID();
  const email = options.email ?? `user-${id.slice(0, 8)}@test.example`;
  await ctx.db
    .insertInto('users')
    .values({ id, organisation_id: organisationId, email, name: options.name ?? 'Test Practitioner', role: options.role ?? 'practitioner', password_hash: await cachedHash, created_at: ctx.clock.now() })
    .execute();
  return { id, email, password: TEST_PASSWORD, organisationId, role: options.role ?? 'practitioner' };
}

/** The user as a use case's actor, signed in on the web. */
export function actorFor(user: { id: string; organisationId: string; role: Role }): UserActor {
  return { kind: 'user', userId: user.id, organisationId: user.organisationId, role: user.role, channel: 'web', ip: null };
}

export async function makeCase(ctx: AppContext, options: { familyName?: string; teamUserIds?: string[] } = {}) {
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('cases')
    .values({ id, status: 'born', given_name: 'Test', family_name: options.familyName ?? 'Baby', date_of_birth: '2026-10-01', created_at: now, updated_at: now })
    .execute();
  for (const [index, userId] of (options.teamUserIds ?? []).entries()) {
    await ctx.db
      .insertInto('case_team')
      .values({ case_id: id, user_id: userId, role: index === 0 ? 'lead-professional' : 'member', added_at: now, added_by: null })
      .execute();
  }
  return { id };
}

/** A mother who lives with and cares for the baby, unless the overrides say otherwise. */
export async function makePerson(ctx: AppContext, caseId: string, overrides: Partial<Insertable<PeopleTable>> = {}) {
  const now = ctx.clock.now();
  const values = { case_id: caseId, id: randomUUID(), given_name: 'Sarah', family_name: 'Hart', relationship_to_infant: 'mother', lives_in_household: true, cares_for_infant: true, created_at: now, updated_at: now, ...overrides };
  await ctx.db.insertInto('people').values(values).execute();
  return { id: values.id };
}

/** A bearer token for the user's email, issued as the CLI would: every scope unless some are named. */
export async function apiTokenFor(ctx: AppContext, email: string, scopes?: TokenScope[]): Promise<string> {
  const issued = await createTokenForEmail(ctx, cliOperator, email, scopes ? { scopes } : {});
  if (!issued.ok) throw new Error(`No token for ${email}: ${issued.message}`);
  return issued.value.token;
}
