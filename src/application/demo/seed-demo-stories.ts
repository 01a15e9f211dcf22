// Plays each story family's history (demo-stories.ts) through the service's own use cases, as the
// demo practitioner who did each step: every step is its own change, with its profile version, audit
// entry and the alerts it raises, as in use. Run once, after the partnership is seeded into an empty
// database. A step the service refuses is a mistake in the story: it stops the seeding with its reason.
import { recordContact } from '../chronology/record-contact.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { recordMeasurement } from '../growth/record-measurement.ts';
import { recordMeeting } from '../meetings/record-meeting.ts';
import { recordHouseholdChildren } from '../people/household-children.ts';
import { dueChecksForVisitor } from '../plan/visitor-checks.ts';
import { updatePlan } from '../plan/update-plan.ts';
import { updateFactor } from '../profile/update-factor.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { UNIT_OF } from '../../domain/growth/growth.types.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { DEMO_ACCOUNTS, DEMO_FAMILIES } from './demo-partnership.ts';
import { DEMO_STORIES, type StoryStep } from './demo-stories.ts';

interface StoryCase {
  caseId: string;
  /** In the order of the family's `people`. */
  personIds: string[];
}

async function storyCases(ctx: AppContext): Promise<Map<string, StoryCase>> {
  const cases = await ctx.db
    .selectFrom('cases')
    .innerJoin('users', 'users.id', 'cases.created_by')
    .select(['cases.id', 'cases.family_name'])
    .where('users.email', 'in', DEMO_ACCOUNTS.map((account) => account.email))
    .execute();
  const found = new Map<string, StoryCase>();
  for (const family of DEMO_FAMILIES) {
    const caseId = cases.find((row) => row.family_name === family.familyName)?.id;
    if (caseId === undefined) continue;
    const people = await ctx.db.selectFrom('people').select(['id', 'given_name', 'family_name', 'description']).where('case_id', '=', caseId).execute();
    const personIds = family.people.map((person) => people.find((row) => row.given_name === person.givenName && row.family_name === person.familyName && row.description === (person.description ?? null))!.id);
    found.set(family.familyName, { caseId, personIds });
  }
  return found;
}

async function actors(ctx: AppContext): Promise<Map<string, UserActor>> {
  const users = await ctx.db.selectFrom('users').select(['id', 'email', 'organisation_id', 'role']).where('email', 'in', DEMO_ACCOUNTS.map((account) => account.email)).execute();
  return new Map<string, UserActor>(
    DEMO_ACCOUNTS.map((account) => {
      const user = users.find((row) => row.email === account.email)!;
      return [account.key, { kind: 'user', userId: user.id, organisationId: user.organisation_id, role: account.role, channel: 'web', ip: null } satisfies UserActor];
    }),
  );
}

function refused(family: string, index: number, result: { ok: boolean }): void {
  if (!result.ok) throw new Error(`The demo story of the ${family} family cannot be played: step ${index} was refused: ${JSON.stringify(result)}`);
}

async function play(ctx: AppContext, actor: UserActor, story: StoryCase, step: StoryStep, today: string): Promise<{ ok: boolean }> {
  const { caseId, personIds } = story;
  const ids = (indexes: readonly number[] | undefined) => (indexes ?? []).map((index) => personIds[index]!);
  if ('entry' in step) {
    const { day, time, people, victims, perpetrators, ...entry } = step.entry;
    const date = addDays(today, day);
    return recordEntry(ctx, actor, caseId, { ...entry, occurredAt: time === undefined ? date : `${date}T${time}:00Z`, personIds: ids(people), victimIds: ids(victims), perpetratorIds: ids(perpetrators) });
  }
  if ('contact' in step) {
    const { day, present, planChecks, ...answers } = step.contact;
    // The story names each check item by its words; the plan gave it its id.
    const due = planChecks === undefined ? [] : await dueChecksForVisitor(ctx, actor, caseId);
    const checks = (planChecks ?? []).map((check) => ({ ...check, itemId: due.find((item) => item.text === check.itemId)?.id ?? check.itemId }));
    return recordContact(ctx, actor, caseId, { ...answers, occurredOn: addDays(today, day), presentIds: ids(present), planChecks: checks });
  }
  if ('factor' in step) {
    const { person, source, note, ...factor } = step.factor;
    return updateFactor(ctx, actor, caseId, { ...factor, ...(person === undefined ? {} : { personId: personIds[person]! }), evidence: [{ source, note }], version: 0 });
  }
  if ('measurement' in step) {
    const { day, kind, value } = step.measurement;
    return recordMeasurement(ctx, actor, caseId, { kind, value, unit: UNIT_OF[kind], measuredOn: addDays(today, day) }, 'page');
  }
  if ('householdChildren' in step) return recordHouseholdChildren(ctx, actor, caseId, step.householdChildren);
  if ('meeting' in step) {
    const { day, ...meeting } = step.meeting;
    return recordMeeting(ctx, actor, caseId, { ...meeting, heldOn: addDays(today, day) });
  }
  const { checkItems, actions, visits, ...plan } = step.plan;
  return updatePlan(ctx, actor, caseId, {
    version: 0,
    plan: {
      ...plan,
      checkItems: checkItems.map(({ day, ...item }) => ({ ...item, since: addDays(today, day) })),
      actions: actions.map((action) => ({ ...action, dueOn: addDays(today, action.dueOn) })),
      visits: visits.map(({ day, ...visit }) => ({ ...visit, since: addDays(today, day) })),
    },
  });
}

/** Plays every story family's history; the partnership must have been seeded just before. */
export async function seedDemoStories(ctx: AppContext): Promise<void> {
  const today = serviceToday(ctx.clock.now());
  const [cases, by] = await Promise.all([storyCases(ctx), actors(ctx)]);
  for (const [family, steps] of Object.entries(DEMO_STORIES)) {
    const story = cases.get(family)!;
    for (const [index, step] of steps.entries()) refused(family, index, await play(ctx, by.get(step.by)!, story, step, today));
  }
}
