// Adding practitioners to the team around the family. One lead professional at a time: naming a
// new lead makes the old one a member. Only the lead and organisation oversight may do this.
// Through the one way to change a case (change-case.ts), audited. The profile reads which kinds of
// agency are in the team (a social worker: the `discharge-without-plan` finding), so a member from a
// kind of agency not yet in the team is a profile version (kind 'team'); any other change to the
// team is audited, not versioned.
import { mayManageTeam, type TeamRole } from '../../domain/access/case-access.ts';
import { ORGANISATION_KINDS, isOrganisationKind } from '../../domain/shared/organisation-kinds.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';
import { changeCase } from './change-case.ts';

export type AddToTeamFailure = 'not-found' | 'forbidden' | 'unknown-user' | 'already-in-team';

const NOT_MANAGER = 'Only the lead professional or a safeguarding lead or manager overseeing the case can change the team.';

export async function addToTeam(
  ctx: AppContext,
  actor: UserActor,
  input: { caseId: string; userId?: string; email?: string; role: TeamRole },
  /** The one-time id of the form it was posted from, noted with the member's id so that a second post is answered as the first (ADR 0026). */
  submission?: string,
): Promise<Result<{ userId: string }, AddToTeamFailure>> {
  const { caseId } = input;
  return changeCase<Result<{ userId: string }, AddToTeamFailure>>(
    ctx,
    actor,
    caseId,
    { action: 'team.add', submission },
    (refusal) => (refusal.code === 'not-found' ? fail('not-found', 'There is no record at this address.') : fail('forbidden', NOT_MANAGER)),
    async ({ trx, record, now }) => {
      // Changing the case is not enough: only the lead and organisation oversight manage the team.
      if (!mayManageTeam({ allowed: true, basis: record.basis, canChange: true, canSeeRestricted: record.canSeeRestricted })) {
        return { changed: false, answer: fail('forbidden', NOT_MANAGER), audit: { action: 'team.add', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId } };
      }
      let query = trx
        .selectFrom('users')
        .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
        .select(['users.id', 'users.name', 'organisations.kind as agency'])
        .where('users.disabled_at', 'is', null);
      query = input.userId ? query.where('users.id', '=', input.userId) : query.where('users.email', '=', (input.email ?? '').trim());
      const user = await query.executeTakeFirst();
      if (!user) return { changed: false, answer: fail('unknown-user', 'There is no active account with that email address. Check it, or ask your administrator.') };
      const current = record.team.find((member) => member.userId === user.id);
      if (current && (current.role === input.role || input.role === 'member')) return { changed: false, answer: fail('already-in-team', `${user.name} is already in the team.`) };
      if (input.role === 'lead-professional') {
        await trx.updateTable('case_team').set({ role: 'member' }).where('case_id', '=', caseId).where('role', '=', 'lead-professional').execute();
      }
      // A new kind of agency in the team changes what the profile is evaluated from.
      const newAgency = !current && !(await agencyInTeam(trx, caseId, user.agency));
      if (current) {
        await trx.updateTable('case_team').set({ role: input.role }).where('case_id', '=', caseId).where('user_id', '=', user.id).execute();
      } else {
        await trx.insertInto('case_team').values({ case_id: caseId, user_id: user.id, role: input.role, added_at: now, added_by: actor.userId }).execute();
      }
      const agencyName = isOrganisationKind(user.agency) ? ORGANISATION_KINDS[user.agency] : user.agency;
      return {
        changed: true,
        version: newAgency ? { kind: 'team', change: { summary: `${user.name} (${agencyName}) joined the team around the family`, userId: user.id, agency: user.agency }, why: null } : null,
        entriesAdded: [],
        audit: (written) => ({ action: 'team.add', caseId, subjectType: 'user', subjectId: user.id, details: { role: input.role, ...(newAgency ? { agency: user.agency, profileVersion: written.profileVersion } : {}) } }),
        answer: () => ok({ userId: user.id }),
        recordId: user.id,
      };
    },
  );
}

/** Whether someone from this kind of agency is in the case's team already. */
async function agencyInTeam(trx: Tx, caseId: string, agency: string): Promise<boolean> {
  const row = await trx
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select('case_team.user_id')
    .where('case_team.case_id', '=', caseId)
    .where('organisations.kind', '=', agency)
    .executeTakeFirst();
  return row !== undefined;
}
