// Teams within an organisation (issue 16, docs/adr/0019-teams.md): /teams goes to the signed-in
// person's organisation's page; /organisations/:organisationId/teams lists its teams and people and adds
// a team; …/teams/:teamId/rename and …/archive change one; …/people/:userId/team puts someone in a
// team or none. For an administrator (any organisation, from the accounts page) and a manager of the
// organisation. The use cases decide and audit every look, change and refusal; these parse and render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorFor } from '../../../application/auth/signed-in-user.ts';
import { archiveTeam, createTeam, renameTeam, setPersonTeam, viewPersonTeam, viewTeam, viewTeams, type TeamFailure } from '../../../application/teams/manage-teams.ts';
import { ROLE_LABELS } from '../../../domain/shared/roles.ts';
import { TEAM_NAME_MAX_LENGTH } from '../../../domain/teams/team-rules.ts';
import { formErrors } from '../../forms/validate-form.ts';
import { sendErrorPage } from '../../plugins/errors.ts';
import { flashSuccess, requireUser } from '../../plugins/sessions.ts';

type OrganisationParams = { organisationId: string };
type TeamParams = OrganisationParams & { teamId: string };
type PersonParams = OrganisationParams & { userId: string };

/** The value "none" on the person's form: no team. */
export const NO_TEAM_VALUE = 'none';

/** A field of the form as typed (trimmed): the use case checks it and audits a refusal, so no schema turns it away first. */
function typed(body: unknown, field: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value.trim() : '';
}

export async function organisationTeamsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const actor = (request: FastifyRequest) => actorFor(request.user!, 'web', request.ip);
  const guard = { preHandler: requireUser };
  const base = (organisationId: string) => `/organisations/${organisationId}`;
  const backLink = (request: FastifyRequest) => (request.user!.role === 'admin' ? '/admin/accounts' : '/');

  /** A refusal as a page: 403, 404, or 409 for an archived team (its message says why). */
  async function refusal(reply: FastifyReply, failure: { code: TeamFailure; message: string }) {
    if (failure.code === 'forbidden') return sendErrorPage(reply, 'forbidden');
    if (failure.code === 'archived') return reply.page('errors/error.njk', { title: 'This team is archived', paragraphs: [failure.message], reference: null }, 409);
    return sendErrorPage(reply, 'not-found');
  }

  app.get('/teams', guard, async (request, reply) => reply.redirect(`${base(request.user!.organisationId)}/teams`, 303));

  async function teamsPage(request: FastifyRequest, reply: FastifyReply, organisationId: string, locals: object = {}, status = 200) {
    const result = await viewTeams(ctx, actor(request), organisationId);
    if (!result.ok) return refusal(reply, result);
    const { organisation, teams, people } = result.value;
    return reply.page(
      'teams/teams.njk',
      {
        title: `Teams: ${organisation.name}`,
        organisation,
        active: teams.filter((t) => t.archivedAt === null),
        archived: teams.filter((t) => t.archivedAt !== null),
        people,
        roles: ROLE_LABELS,
        base: base(organisationId),
        maxLength: TEAM_NAME_MAX_LENGTH,
        backLink: backLink(request),
        values: {},
        ...locals,
      },
      status,
    );
  }

  app.get<{ Params: OrganisationParams }>('/organisations/:organisationId/teams', guard, async (request, reply) => teamsPage(request, reply, request.params.organisationId));

  app.post<{ Params: OrganisationParams }>('/organisations/:organisationId/teams', guard, async (request, reply) => {
    const { organisationId } = request.params;
    const name = typed(request.body, 'name');
    const result = await createTeam(ctx, actor(request), organisationId, name);
    if (!result.ok) {
      if (result.code !== 'invalid-name' && result.code !== 'name-taken') return refusal(reply, result);
      return teamsPage(request, reply, organisationId, { ...formErrors({ name: result.message }), values: { name } }, 400);
    }
    flashSuccess(request, `Team added: ${result.value.name}`);
    return reply.redirect(`${base(organisationId)}/teams`, 303);
  });

  async function renamePage(request: FastifyRequest, reply: FastifyReply, { organisationId, teamId }: TeamParams, locals: object = {}, status = 200) {
    const result = await viewTeam(ctx, actor(request), organisationId, teamId);
    if (!result.ok) return refusal(reply, result);
    const { organisation, team } = result.value;
    return reply.page(
      'teams/rename-team.njk',
      { title: `Rename ${team.name}`, organisation, team, base: base(organisationId), maxLength: TEAM_NAME_MAX_LENGTH, backLink: `${base(organisationId)}/teams`, values: { name: team.name }, ...locals },
      status,
    );
  }

  app.get<{ Params: TeamParams }>('/organisations/:organisationId/teams/:teamId/rename', guard, async (request, reply) => renamePage(request, reply, request.params));

  app.post<{ Params: TeamParams }>('/organisations/:organisationId/teams/:teamId/rename', guard, async (request, reply) => {
    const { organisationId, teamId } = request.params;
    const name = typed(request.body, 'name');
    const result = await renameTeam(ctx, actor(request), organisationId, teamId, name);
    if (!result.ok) {
      if (result.code !== 'invalid-name' && result.code !== 'name-taken') return refusal(reply, result);
      return renamePage(request, reply, request.params, { ...formErrors({ name: result.message }), values: { name } }, 400);
    }
    flashSuccess(request, `Team renamed: ${result.value.from} is now ${result.value.name}`);
    return reply.redirect(`${base(organisationId)}/teams`, 303);
  });

  app.post<{ Params: TeamParams }>('/organisations/:organisationId/teams/:teamId/archive', guard, async (request, reply) => {
    const { organisationId, teamId } = request.params;
    const result = await archiveTeam(ctx, actor(request), organisationId, teamId);
    if (!result.ok) return refusal(reply, result);
    const { name, peopleOut } = result.value;
    const out = peopleOut === 0 ? 'nobody was in it' : peopleOut === 1 ? 'the 1 person in it is now in no team' : `the ${String(peopleOut)} people in it are now in no team`;
    flashSuccess(request, `Team archived: ${name} (${out})`);
    return reply.redirect(`${base(organisationId)}/teams`, 303);
  });

  async function personPage(request: FastifyRequest, reply: FastifyReply, { organisationId, userId }: PersonParams, locals: { chosen?: string } & object = {}, status = 200) {
    const result = await viewPersonTeam(ctx, actor(request), organisationId, userId);
    if (!result.ok) return refusal(reply, result);
    const { organisation, person, teams } = result.value;
    const chosen = locals.chosen ?? person.teamId ?? NO_TEAM_VALUE;
    const items = [
      ...teams.map((t) => ({ value: t.id, text: t.name, checked: t.id === chosen })),
      ...(teams.length ? [{ divider: 'or' }] : []),
      { value: NO_TEAM_VALUE, text: 'No team', checked: chosen === NO_TEAM_VALUE },
    ];
    return reply.page(
      'teams/person-team.njk',
      { title: `Which team is ${person.name} in?`, organisation, person, items, base: base(organisationId), backLink: `${base(organisationId)}/teams`, ...locals },
      status,
    );
  }

  app.get<{ Params: PersonParams }>('/organisations/:organisationId/people/:userId/team', guard, async (request, reply) => personPage(request, reply, request.params));

  app.post<{ Params: PersonParams }>('/organisations/:organisationId/people/:userId/team', guard, async (request, reply) => {
    const { organisationId, userId } = request.params;
    const chosen = typed(request.body, 'teamId');
    if (chosen === '') {
      // Nothing chosen is a slip in the form: the person's page (its look audited, or the refusal) with the error.
      return personPage(request, reply, request.params, { ...formErrors({ teamId: 'Select a team, or No team' }), chosen: '' }, 400);
    }
    const result = await setPersonTeam(ctx, actor(request), organisationId, userId, chosen === NO_TEAM_VALUE ? null : chosen);
    if (!result.ok) return refusal(reply, result);
    const { name, teamName, changed } = result.value;
    flashSuccess(request, !changed ? `No change: ${name} was already ${teamName ? `in ${teamName}` : 'in no team'}` : teamName ? `${name} is now in ${teamName}` : `${name} is now in no team`);
    return reply.redirect(`${base(organisationId)}/teams`, 303);
  });
}
