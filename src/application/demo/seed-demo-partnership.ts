// Seeds the demo partnership into an empty database, in one transaction, with one audit entry.
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { hashPassword } from '../../infrastructure/security/passwords.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import { systemOperator } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { DEMO_ACCOUNTS, DEMO_FAMILIES, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TEAMS, type DemoFamily } from './demo-partnership.ts';

/** A demo adult of `ageYears` was born that many years of 365.25 days, and 100 days more, before the service's today. */
const DAYS_A_YEAR = 365.25;
const DAYS_PAST_BIRTHDAY = 100;

/** Returns false, changing nothing, when the database already has organisations. */
export async function seedDemoPartnership(ctx: AppContext): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    const now = ctx.clock.now();
    const organisationIds = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS) {
      const id = ctx.newId();
      organisationIds.set(organisation.key, id);
      await trx.insertInto('organisations').values({ id, name: organisation.name, kind: organisation.kind, created_at: now }).execute();
    }
    const userIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const id = ctx.newId();
      userIds.set(account.key, id);
      await trx
        .insertInto('users')
        .values({ id, organisation_id: organisationIds.get(account.organisation)!, email: account.email, name: account.name, role: account.role, password_hash: passwordHash, created_at: now })
        .execute();
    }
    for (const team of DEMO_TEAMS) {
      const id = ctx.newId();
      await trx.insertInto('teams').values({ id, organisation_id: organisationIds.get(team.organisation)!, name: team.name, created_at: now, archived_at: null }).execute();
      for (const member of team.members) await trx.updateTable('users').set({ team_id: id }).where('id', '=', userIds.get(member)!).execute();
    }
    for (const family of DEMO_FAMILIES) await insertFamily(trx, ctx, family, userIds, now);
    await recordAudit(trx, ctx, systemOperator, {
      action: 'demo.seed',
      details: { organisations: DEMO_ORGANISATIONS.length, accounts: DEMO_ACCOUNTS.length, families: DEMO_FAMILIES.length },
    });
    return true;
  });
}

async function insertFamily(trx: Tx, ctx: AppContext, family: DemoFamily, userIds: Map<string, string>, now: Date): Promise<void> {
  const caseId = ctx.newId();
  const born = family.dayOffset <= 0;
  const today = serviceToday(now);
  const day = addDays(today, family.dayOffset);
  await trx
    .insertInto('cases')
    .values({
      id: caseId,
      status: born ? 'born' : 'unborn',
      given_name: family.givenName,
      family_name: family.familyName,
      sex: family.sex ?? null,
      date_of_birth: born ? day : null,
      expected_delivery_date: born ? null : day,
      gestation_at_birth_weeks: born ? (family.gestationAtBirthWeeks ?? 40) : null,
      birth_weight_grams: born ? (family.birthWeightGrams ?? 3400) : null,
      multiple_birth: born ? false : null,
      independently_mobile: born ? false : null,
      level: family.level,
      created_by: userIds.get(family.team[0]!.account)!,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const personIds: string[] = [];
  for (const person of family.people) {
    const personId = ctx.newId();
    personIds.push(personId);
    await trx
      .insertInto('people')
      .values({
        case_id: caseId,
        id: personId,
        given_name: person.givenName,
        family_name: person.familyName,
        sex: person.sex ?? null,
        date_of_birth: person.ageYears === undefined ? null : addDays(today, -Math.round(person.ageYears * DAYS_A_YEAR + DAYS_PAST_BIRTHDAY)),
        relationship_to_infant: person.relationship,
        lives_in_household: person.livesInHousehold,
        cares_for_infant: person.caresForInfant,
        visits_regularly: person.visitsRegularly ?? false,
        parental_responsibility: person.parentalResponsibility ?? null,
        paternity_confirmed: person.paternityConfirmed ?? null,
        identity_known: person.givenName !== null || person.familyName !== null,
        description: person.description ?? null,
        history_checked: person.historyChecked ?? false,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  for (const relationship of family.relationships) {
    await trx
      .insertInto('person_relationships')
      .values({ case_id: caseId, id: ctx.newId(), person_id: personIds[relationship.from]!, other_person_id: personIds[relationship.to]!, kind: relationship.kind, created_at: now, created_by: null })
      .execute();
  }
  for (const member of family.team) {
    await trx
      .insertInto('case_team')
      .values({ case_id: caseId, user_id: userIds.get(member.account)!, role: member.role, added_at: now, added_by: null })
      .execute();
  }
}
