// "My cases": the cases whose team the practitioner is in. Reading the list is audited.
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';

export interface MyCase {
  id: string;
  name: string;
  status: 'unborn' | 'born';
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  level: string;
  teamRole: 'lead-professional' | 'member';
}

export async function listMyCases(ctx: AppContext, actor: UserActor): Promise<MyCase[]> {
  const rows = await ctx.db
    .selectFrom('case_team')
    .innerJoin('cases', 'cases.id', 'case_team.case_id')
    .select([
      'cases.id',
      'cases.status',
      'cases.given_name',
      'cases.family_name',
      'cases.date_of_birth',
      'cases.expected_delivery_date',
      'cases.level',
      'case_team.role',
    ])
    .where('case_team.user_id', '=', actor.userId)
    .orderBy('cases.family_name')
    .orderBy('cases.id')
    .execute();
  await recordAuditAlone(ctx, actor, { action: 'cases.list', details: { caseIds: rows.map((r) => r.id) } });
  return rows.map((row) => ({
    id: row.id,
    name: infantDisplayName({ status: row.status, givenName: row.given_name, familyName: row.family_name }),
    status: row.status,
    dateOfBirth: row.date_of_birth,
    expectedDeliveryDate: row.expected_delivery_date,
    level: row.level,
    teamRole: row.role,
  }));
}
