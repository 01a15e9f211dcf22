// Teams within an organisation (issue 16, docs/adr/0019-teams.md): an administrator, or a manager of
// the organisation, lists its teams and people, adds a team, renames one, archives one (its people are
// then in no team) and puts a person in a team or in none. Every look and change is audited; every
// refusal too: 'denied' for someone who may not manage the organisation's teams, or a team or person of
// another organisation asked for through this one's address; 'failure' for a name empty, too long or
// taken, a team archived, or an id that is nobody's. The dashboards count by the teams as they stand
// (dashboard-counts.ts): someone who moves team counts in the new team from then on.
import { checkTeamName, mayManageTeams, TEAM_NAME_MESSAGES, type TeamManager } from '../../domain/teams/team-rules.ts';
import type { Role } from '../../domain/shared/roles.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { Actor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

const VIEW = 'organisation-teams.view';
const CREATE = 'organisation-team.create';
const RENAME = 'organisation-team.rename';
const ARCHIVE = 'organisation-team.archive';
const ASSIGN = 'user.team-change';
export const TEAM_ACTIONS = { view: VIEW, create: CREATE, rename: RENAME, archive: ARCHIVE, assign: ASSIGN } as const;
type TeamAction = (typeof TEAM_ACTIONS)[keyof typeof TEAM_ACTIONS];

export interface TeamListing {
  id: string;
  name: string;
  archivedAt: Date | null;
  /** People in the team now (none once archived). */
  people: number;
}

export interface TeamPerson {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  disabled: boolean;
}

export interface OrganisationTeams {
  organisation: { id: string; name: string };
  /** Teams in use by name, then those archived, most recently archived first. */
  teams: TeamListing[];
  /** The organisation's people by name. */
  people: TeamPerson[];
}

export type TeamFailure = 'forbidden' | 'not-found' | 'archived' | 'invalid-name' | 'name-taken';

const manager = (actor: Actor): TeamManager => (actor.kind === 'operator' ? 'operator' : { role: actor.role, organisationId: actor.organisationId });

/** Writes the refusal, in a transaction of its own, and gives the failure back. */
async function refuse<C extends TeamFailure>(
  ctx: AppContext,
  actor: Actor,
  action: TeamAction,
  outcome: 'denied' | 'failure',
  code: C,
  message: string,
  subject: { organisationId: string; teamId?: string | undefined; userId?: string | undefined },
  details: Record<string, unknown> = {},
) {
  await recordAuditAlone(ctx, actor, {
    action,
    outcome,
    subjectType: subject.userId ? 'user' : subject.teamId ? 'team' : 'organisation',
    subjectId: subject.userId ?? subject.teamId ?? subject.organisationId,
    details: { organisationId: subject.organisationId, ...(subject.teamId ? { teamId: subject.teamId } : {}), reason: code, ...details },
  });
  return fail(code, message);
}

/** May this actor manage this organisation's teams, and does it exist? Refusals are audited. */
async function enter(ctx: AppContext, actor: Actor, action: TeamAction, organisationId: string, subject: { teamId?: string; userId?: string } = {}) {
  if (!mayManageTeams(manager(actor), organisationId)) {
    return refuse(ctx, actor, action, 'denied', 'forbidden', 'Only an administrator, or a manager of the organisation, can manage its teams.', { organisationId, ...subject });
  }
  const organisation = await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', '=', organisationId).executeTakeFirst();
  if (!organisation) return refuse(ctx, actor, action, 'failure', 'not-found', 'That organisation does not exist.', { organisationId, ...subject });
  return ok(organisation);
}

/** The team, locked, if it is this organisation's; else why not (another organisation's team is refused as denied). */
async function lockTeam(trx: Tx, organisationId: string, teamId: string) {
  const team = await trx.selectFrom('teams').select(['id', 'organisation_id', 'name', 'archived_at']).where('id', '=', teamId).forUpdate().executeTakeFirst();
  if (!team) return { found: false as const, outcome: 'failure' as const };
  if (team.organisation_id !== organisationId) return { found: false as const, outcome: 'denied' as const };
  return { found: true as const, team };
}

const NO_TEAM = 'That team is not one of this organisation’s.';
const ARCHIVED = (name: string) => `The team “${name}” is archived: it can no longer be renamed, archived again or given people.`;

export async function viewTeams(ctx: AppContext, actor: Actor, organisationId: string): Promise<Result<OrganisationTeams, 'forbidden' | 'not-found'>> {
  const entered = await enter(ctx, actor, TEAM_ACTIONS.view, organisationId);
  if (!entered.ok) return entered;
  const [teams, people] = await Promise.all([
    ctx.db
      .selectFrom('teams')
      .leftJoin('users', 'users.team_id', 'teams.id')
      .select(['teams.id', 'teams.name', 'teams.archived_at', (eb) => eb.fn.count<string>('users.id').as('people')])
      .where('teams.organisation_id', '=', organisationId)
      .groupBy(['teams.id', 'teams.name', 'teams.archived_at'])
      .execute(),
    ctx.db
      .selectFrom('users')
      .leftJoin('teams', 'teams.id', 'users.team_id')
      .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.team_id', 'users.disabled_at', 'teams.name as team_name'])
      .where('users.organisation_id', '=', organisationId)
      .execute(),
  ]);
  await recordAuditAlone(ctx, actor, { action: TEAM_ACTIONS.view, subjectType: 'organisation', subjectId: organisationId, details: { teams: teams.length, people: people.length } });
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const active = teams.filter((t) => t.archived_at === null).sort(byName);
  const archived = teams.filter((t) => t.archived_at !== null).sort((a, b) => b.archived_at!.getTime() - a.archived_at!.getTime() || byName(a, b));
  return ok({
    organisation: entered.value,
    teams: [...active, ...archived].map((t) => ({ id: t.id, name: t.name, archivedAt: t.archived_at, people: Number(t.people) })),
    people: people
      .map((p) => ({ id: p.id, name: p.name, email: p.email, role: p.role as Role, teamId: p.team_id, teamName: p.team_name, disabled: p.disabled_at !== null }))
      .sort(byName),
  });
}

export async function createTeam(ctx: AppContext, actor: Actor, organisationId: string, typedName: string): Promise<Result<{ id: string; name: string }, TeamFailure>> {
  const entered = await enter(ctx, actor, TEAM_ACTIONS.create, organisationId);
  if (!entered.ok) return entered;
  const checked = checkTeamName(typedName);
  if (!checked.ok) return refuse(ctx, actor, TEAM_ACTIONS.create, 'failure', 'invalid-name', TEAM_NAME_MESSAGES[checked.problem](typedName), { organisationId });
  const { name } = checked;
  const done = await ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, organisationId, name)) return null;
    const id = ctx.newId();
    await trx.insertInto('teams').values({ id, organisation_id: organisationId, name, created_at: ctx.clock.now(), archived_at: null }).execute();
    await recordAudit(trx, ctx, actor, { action: TEAM_ACTIONS.create, subjectType: 'team', subjectId: id, details: { organisationId, name } });
    return { id, name };
  });
  if (!done) return refuse(ctx, actor, TEAM_ACTIONS.create, 'failure', 'name-taken', TEAM_NAME_MESSAGES.taken(name), { organisationId }, { name });
  return ok(done);
}

async function nameTaken(trx: Tx, organisationId: string, name: string, except?: string): Promise<boolean> {
  const clash = await trx
    .selectFrom('teams')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(name)])))
    .$if(except !== undefined, (q) => q.where('id', '<>', except!))
    .executeTakeFirst();
  return clash !== undefined;
}

/** A team of this organisation, to show its rename form. Reading it is audited with the organisation's teams. */
export async function viewTeam(ctx: AppContext, actor: Actor, organisationId: string, teamId: string): Promise<Result<{ organisation: { id: string; name: string }; team: { id: string; name: string } }, TeamFailure>> {
  const entered = await enter(ctx, actor, TEAM_ACTIONS.view, organisationId, { teamId });
  if (!entered.ok) return entered;
  const team = await ctx.db.selectFrom('teams').select(['id', 'organisation_id', 'name', 'archived_at']).where('id', '=', teamId).executeTakeFirst();
  if (!team || team.organisation_id !== organisationId) return refuse(ctx, actor, TEAM_ACTIONS.view, team ? 'denied' : 'failure', 'not-found', NO_TEAM, { organisationId, teamId });
  if (team.archived_at !== null) return refuse(ctx, actor, TEAM_ACTIONS.view, 'failure', 'archived', ARCHIVED(team.name), { organisationId, teamId });
  await recordAuditAlone(ctx, actor, { action: TEAM_ACTIONS.view, subjectType: 'team', subjectId: teamId, details: { organisationId } });
  return ok({ organisation: entered.value, team: { id: team.id, name: team.name } });
}

export async function renameTeam(ctx: AppContext, actor: Actor, organisationId: string, teamId: string, typedName: string): Promise<Result<{ from: string; name: string }, TeamFailure>> {
  const entered = await enter(ctx, actor, TEAM_ACTIONS.rename, organisationId, { teamId });
  if (!entered.ok) return entered;
  const checked = checkTeamName(typedName);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockTeam(trx, organisationId, teamId);
    if (!locked.found) return { refused: 'not-found' as const, outcome: locked.outcome };
    const { team } = locked;
    if (team.archived_at !== null) return { refused: 'archived' as const, name: team.name };
    // The team is known to be this organisation's before anything is said about the name typed.
    if (!checked.ok) return { refused: 'invalid-name' as const, problem: checked.problem };
    if (await nameTaken(trx, organisationId, checked.name, teamId)) return { refused: 'name-taken' as const };
    await trx.updateTable('teams').set({ name: checked.name }).where('id', '=', teamId).execute();
    await recordAudit(trx, ctx, actor, { action: TEAM_ACTIONS.rename, subjectType: 'team', subjectId: teamId, details: { organisationId, from: team.name, to: checked.name } });
    return { renamed: { from: team.name, name: checked.name } };
  });
  const subject = { organisationId, teamId };
  if (outcome.renamed) return ok(outcome.renamed);
  switch (outcome.refused) {
    case 'not-found':
      return refuse(ctx, actor, TEAM_ACTIONS.rename, outcome.outcome, 'not-found', NO_TEAM, subject);
    case 'archived':
      return refuse(ctx, actor, TEAM_ACTIONS.rename, 'failure', 'archived', ARCHIVED(outcome.name), subject);
    case 'invalid-name':
      return refuse(ctx, actor, TEAM_ACTIONS.rename, 'failure', 'invalid-name', TEAM_NAME_MESSAGES[outcome.problem](typedName), subject);
    case 'name-taken':
      return refuse(ctx, actor, TEAM_ACTIONS.rename, 'failure', 'name-taken', TEAM_NAME_MESSAGES.taken(checked.ok ? checked.name : typedName), subject);
  }
}

export async function archiveTeam(ctx: AppContext, actor: Actor, organisationId: string, teamId: string): Promise<Result<{ name: string; peopleOut: number }, TeamFailure>> {
  const entered = await enter(ctx, actor, TEAM_ACTIONS.archive, organisationId, { teamId });
  if (!entered.ok) return entered;
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockTeam(trx, organisationId, teamId);
    if (!locked.found) return { refused: 'not-found' as const, outcome: locked.outcome };
    const { team } = locked;
    if (team.archived_at !== null) return { refused: 'archived' as const, name: team.name };
    const out = await trx.updateTable('users').set({ team_id: null }).where('team_id', '=', teamId).returning('id').execute();
    await trx.updateTable('teams').set({ archived_at: ctx.clock.now() }).where('id', '=', teamId).execute();
    await recordAudit(trx, ctx, actor, { action: TEAM_ACTIONS.archive, subjectType: 'team', subjectId: teamId, details: { organisationId, name: team.name, peopleOut: out.length } });
    return { archived: { name: team.name, peopleOut: out.length } };
  });
  const subject = { organisationId, teamId };
  if (outcome.archived) return ok(outcome.archived);
  if (outcome.refused === 'not-found') return refuse(ctx, actor, TEAM_ACTIONS.archive, outcome.outcome, 'not-found', NO_TEAM, subject);
  return refuse(ctx, actor, TEAM_ACTIONS.archive, 'failure', 'archived', ARCHIVED(outcome.name), subject);
}

export interface PersonTeamChoice {
  organisation: { id: string; name: string };
  person: { id: string; name: string; teamId: string | null };
  /** The organisation's teams in use, by name: those a person may be put in. */
  teams: { id: string; name: string }[];
}

/** A person of this organisation with the teams they may be put in, for the form. */
export async function viewPersonTeam(ctx: AppContext, actor: Actor, organisationId: string, userId: string): Promise<Result<PersonTeamChoice, TeamFailure>> {
  const entered = await enter(ctx, actor, TEAM_ACTIONS.view, organisationId, { userId });
  if (!entered.ok) return entered;
  const person = await ctx.db.selectFrom('users').select(['id', 'name', 'organisation_id', 'team_id']).where('id', '=', userId).executeTakeFirst();
  if (!person || person.organisation_id !== organisationId) {
    return refuse(ctx, actor, TEAM_ACTIONS.view, person ? 'denied' : 'failure', 'not-found', 'That person is not one of this organisation’s.', { organisationId, userId });
  }
  const teams = await ctx.db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).where('archived_at', 'is', null).orderBy('name').orderBy('id').execute();
  await recordAuditAlone(ctx, actor, { action: TEAM_ACTIONS.view, subjectType: 'user', subjectId: userId, details: { organisationId } });
  return ok({ organisation: entered.value, person: { id: person.id, name: person.name, teamId: person.team_id }, teams });
}

/** Puts a person of this organisation in one of its teams in use, or in none (teamId null). */
export async function setPersonTeam(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  userId: string,
  teamId: string | null,
): Promise<Result<{ name: string; teamName: string | null; changed: boolean }, TeamFailure>> {
  const entered = await enter(ctx, actor, TEAM_ACTIONS.assign, organisationId, { userId });
  if (!entered.ok) return entered;
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('users').select(['id', 'name', 'organisation_id', 'team_id']).where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!person || person.organisation_id !== organisationId) return { refused: 'person' as const, outcome: person ? ('denied' as const) : ('failure' as const) };
    let teamName: string | null = null;
    if (teamId !== null) {
      const locked = await lockTeam(trx, organisationId, teamId);
      if (!locked.found) return { refused: 'not-found' as const, outcome: locked.outcome };
      if (locked.team.archived_at !== null) return { refused: 'archived' as const, name: locked.team.name };
      teamName = locked.team.name;
    }
    const changed = person.team_id !== teamId;
    if (changed) {
      await trx.updateTable('users').set({ team_id: teamId }).where('id', '=', userId).execute();
      await recordAudit(trx, ctx, actor, { action: TEAM_ACTIONS.assign, subjectType: 'user', subjectId: userId, details: { organisationId, from: person.team_id, to: teamId } });
    }
    return { done: { name: person.name, teamName, changed } };
  });
  if (outcome.done) return ok(outcome.done);
  const subject = { organisationId, userId, teamId: teamId ?? undefined };
  switch (outcome.refused) {
    case 'person':
      return refuse(ctx, actor, TEAM_ACTIONS.assign, outcome.outcome, 'not-found', 'That person is not one of this organisation’s.', subject);
    case 'not-found':
      return refuse(ctx, actor, TEAM_ACTIONS.assign, outcome.outcome, 'not-found', NO_TEAM, subject);
    case 'archived':
      return refuse(ctx, actor, TEAM_ACTIONS.assign, 'failure', 'archived', ARCHIVED(outcome.name), subject);
  }
}
