// A team around one family for the alert tests: a social worker (the lead), a health visitor and a
// hospital nurse, their organisations' safeguarding leads, and people outside the team.
import { makeCase, makeOrganisation, makeUser, actorFor } from '../../../test/helpers/factories.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import type { UserActor } from '../actor.ts';
import { recordEntry, type EntryInput } from '../chronology/record-entry.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

export interface Partnership {
  socialWorker: User;
  healthVisitor: User;
  nurse: User;
  socialCareLead: User;
  healthVisitingLead: User;
  otherOrganisationLead: User;
  outsider: User;
}

export async function makePartnership(t: TestApp): Promise<Partnership> {
  const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care', 'Southvale Children’s Social Care');
  const healthVisiting = await makeOrganisation(t.ctx, 'health-visiting', 'Southvale Health Visiting');
  const hospital = await makeOrganisation(t.ctx, 'hospital', 'Southvale General Hospital');
  const police = await makeOrganisation(t.ctx, 'police', 'Southvale Police');
  return {
    socialWorker: await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Sam Social Worker' }),
    healthVisitor: await makeUser(t.ctx, { organisationId: healthVisiting.id, name: 'Hana Visitor' }),
    nurse: await makeUser(t.ctx, { organisationId: hospital.id, name: 'Nia Nurse' }),
    socialCareLead: await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Lee Lead', role: 'safeguarding-lead' }),
    healthVisitingLead: await makeUser(t.ctx, { organisationId: healthVisiting.id, name: 'Hal Lead', role: 'safeguarding-lead' }),
    otherOrganisationLead: await makeUser(t.ctx, { organisationId: police.id, name: 'Pat Police Lead', role: 'safeguarding-lead' }),
    outsider: await makeUser(t.ctx, { organisationId: police.id, name: 'Oz Outsider' }),
  };
}

/** A baby born 2026-10-01 (under 6 months: not mobile), the social worker leading, then the health visitor and the nurse. */
export async function makeFamily(t: TestApp, p: Partnership, familyName = 'Okafor'): Promise<string> {
  return (await makeCase(t.ctx, { familyName, teamUserIds: [p.socialWorker.id, p.healthVisitor.id, p.nurse.id] })).id;
}

export const discharge: EntryInput = { kind: 'hospital-discharge', occurredAt: '2026-11-22', summary: 'Home after eight days on the ward: feeding and weight gain', source: 'agency-record' };
export const injury: EntryInput = { kind: 'injury-observed', occurredAt: '2026-11-22', summary: 'Small bruise on the left ear', source: 'observed' };
export const homeVisit: EntryInput = { kind: 'home-visit', occurredAt: '2026-11-22', summary: 'Routine visit', source: 'observed' };

export async function record(t: TestApp, who: User | UserActor, caseId: string, input: EntryInput) {
  const result = await recordEntry(t.ctx, 'kind' in who ? who : actorFor(who), caseId, input);
  if (!result.ok) throw new Error(`recording failed: ${JSON.stringify(result)}`);
  return result;
}

export function recipientsOf(t: TestApp, alertId: string) {
  return t.ctx.db.selectFrom('alert_recipients').selectAll().where('alert_id', '=', alertId).orderBy('user_id').execute();
}

export function outboxFor(t: TestApp, alertId: string) {
  return t.ctx.db.selectFrom('outbox').selectAll().where('alert_id', '=', alertId).orderBy('to_address').execute();
}
