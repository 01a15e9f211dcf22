// organisations create, users create, token create.
import { createOrganisation } from '../application/accounts/create-organisation.ts';
import { createUser } from '../application/accounts/create-user.ts';
import { cliOperator } from '../application/actor.ts';
import { createTokenForEmail } from '../application/auth/api-tokens.ts';
import { isTokenScope } from '../domain/shared/token-scopes.ts';
import { option, report, UsageError, withContext, type CliArguments } from './command.ts';

export function createOrganisationCommand({ values }: CliArguments): Promise<number> {
  return withContext(async (ctx) => {
    const result = await createOrganisation(ctx, cliOperator, { name: option(values, 'name'), kind: option(values, 'kind') });
    return report(result, (value) => value.id);
  });
}

export function createUserCommand({ values }: CliArguments): Promise<number> {
  return withContext(async (ctx) => {
    const result = await createUser(ctx, cliOperator, {
      email: option(values, 'email'),
      name: option(values, 'name'),
      organisationId: option(values, 'organisation'),
      role: option(values, 'role'),
      password: values.password,
    });
    if (result.ok && values.password === undefined) console.log('No password was set: the account cannot sign in until one is.');
    return report(result, (value) => value.id);
  });
}

export function createTokenCommand({ values }: CliArguments): Promise<number> {
  return withContext(async (ctx) => {
    const scopes = typeof values['scopes'] === 'string' ? values['scopes'].split(',').map((scope) => scope.trim()) : [];
    const unknown = scopes.filter((scope) => !isTokenScope(scope));
    if (unknown.length > 0) throw new UsageError(`Unknown scope ${unknown.join(', ')}: use read, write or feed, separated by commas`);
    const name = typeof values['name'] === 'string' ? values['name'] : undefined;
    const result = await createTokenForEmail(ctx, cliOperator, option(values, 'email'), { scopes: scopes.filter(isTokenScope), ...(name ? { name } : {}) });
    if (result.ok) console.log(`Token for ${option(values, 'email')}, expires ${result.value.expiresAt.toISOString()}:`);
    return report(result, (value) => value.token);
  });
}
