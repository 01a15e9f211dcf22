// Teams within an organisation (issue 16, docs/adr/0019-teams.md): who may manage them and what a
// team's name may be. Pure. An administrator manages any organisation's teams, a manager only their
// own organisation's; nobody else does (a safeguarding lead oversees cases, not the organisation's
// staffing). A name is what a person would call the team: not empty, at most TEAM_NAME_MAX_LENGTH
// characters, unique within the organisation among its teams not archived (the database holds the
// last with an index; the use case says it in words first).
import type { Role } from '../shared/roles.ts';

export const TEAM_NAME_MAX_LENGTH = 100;

/** Who asks: a signed-in account (its role and organisation), or an operator at the command line. */
export type TeamManager = { role: Role; organisationId: string } | 'operator';

export function mayManageTeams(who: TeamManager, organisationId: string): boolean {
  if (who === 'operator') return true;
  if (who.role === 'admin') return true;
  return who.role === 'manager' && who.organisationId === organisationId;
}

export type TeamNameProblem = 'empty' | 'too-long';

export const TEAM_NAME_MESSAGES: Record<TeamNameProblem | 'taken', (name: string) => string> = {
  empty: () => 'Enter the name of the team',
  'too-long': () => `The team’s name must be ${TEAM_NAME_MAX_LENGTH} characters or fewer`,
  taken: (name) => `This organisation already has a team called “${name}”: choose another name`,
};

/** The name as it will be kept (spaces at the ends and runs of spaces inside made one), or what is wrong with it. */
export function checkTeamName(typed: string): { ok: true; name: string } | { ok: false; problem: TeamNameProblem } {
  const name = typed.trim().replace(/\s+/g, ' ');
  if (name === '') return { ok: false, problem: 'empty' };
  if (name.length > TEAM_NAME_MAX_LENGTH) return { ok: false, problem: 'too-long' };
  return { ok: true, name };
}
