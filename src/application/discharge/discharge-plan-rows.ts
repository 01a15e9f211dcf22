// What the discharge plan's checks need to know about a case (the baby's birth, gestation and weight,
// a neonatal stay in the chronology, a social worker on the team), and the plans as the discharge
// plan form keeps them in a chronology entry's details (`form: 'discharge-plan'`, `dischargePlan`).
// The events API refuses both keys (RESERVED_DETAIL_KEYS), so only the form's use case writes them.
import { currentEntries } from '../../domain/chronology/current-entries.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { isStayKind, type DischargeContext, type DischargePlan } from '../../domain/discharge/discharge-plan.types.ts';
import { dayOf } from '../../domain/shared/calendar-date.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';

export const DISCHARGE_FORM = 'discharge-plan';

/** The details of a discharge plan's chronology entry. */
export const dischargePlanDetails = (plan: DischargePlan): Record<string, unknown> => ({ form: DISCHARGE_FORM, dischargePlan: plan });

/** The plan kept in an entry's details, when the discharge plan form wrote it; null otherwise. */
export function planFromDetails(details: Record<string, unknown> | null | undefined): DischargePlan | null {
  if (details?.['form'] !== DISCHARGE_FORM) return null;
  const plan = details['dischargePlan'];
  if (plan === null || typeof plan !== 'object') return null;
  const candidate = plan as Partial<DischargePlan>;
  if (typeof candidate.stay !== 'string' || !isStayKind(candidate.stay) || typeof candidate.dischargeOn !== 'string' || !candidate.firstVisit || !candidate.socialWorker || !candidate.gp) return null;
  return { ...(candidate as DischargePlan), followUps: candidate.followUps ?? [], attendees: candidate.attendees ?? [], fragile: candidate.fragile ?? [] };
}

const NEONATAL_KINDS: readonly string[] = ['neonatal-admission', 'neonatal-discharge'];

/** The checks' context from the case's row, its current chronology and its team. */
export async function dischargeContext(db: Queryable, caseId: string, today: string, chronology: readonly ChronologyEntry[]): Promise<DischargeContext | null> {
  const theCase = await db.selectFrom('cases').select(['status', 'date_of_birth', 'gestation_at_birth_weeks', 'birth_weight_grams']).where('id', '=', caseId).executeTakeFirst();
  if (!theCase) return null;
  const socialWorkers = await db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select('case_team.user_id')
    .where('case_team.case_id', '=', caseId)
    .where('organisations.kind', '=', 'childrens-social-care')
    .where('users.disabled_at', 'is', null)
    .execute();
  return {
    today,
    born: theCase.status === 'born',
    dateOfBirth: dayOf(theCase.date_of_birth),
    gestationAtBirthWeeks: theCase.gestation_at_birth_weeks,
    birthWeightGrams: theCase.birth_weight_grams,
    hadNeonatalStay: currentEntries(chronology).some((entry) => NEONATAL_KINDS.includes(entry.kind)),
    teamHasSocialWorker: socialWorkers.length > 0,
  };
}

/** The days of the home visits that saw the baby, from the current entries. */
export const homeVisitsSeen = (chronology: readonly ChronologyEntry[]): string[] =>
  currentEntries(chronology).flatMap((entry) => (entry.kind === 'home-visit' && entry.babySeen === true ? [dayOf(entry.occurredAt) ?? ''] : []));

/** The details of the given entries, by id. */
export async function entryDetails(db: Queryable, caseId: string, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('chronology_entries').select(['id', 'details']).where('case_id', '=', caseId).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.details]));
}
