// A family for the subject access tests: the mother Sarah Hart (NHS 943 476 5919), who asks; the
// father Tom Reed; the baby Lily Hart (943 476 5927); a council health visitor's entry about the
// mother, a police entry about the father, and what a neighbour told the council. The officer works
// for the council.
import { randomUUID } from 'node:crypto';
import { makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import type { AppContext } from '../context.ts';
import { grantOfficer } from './officers.ts';
import { actorFor } from '../../../test/helpers/factories.ts';

export const MOTHER_NHS = '9434765919';
export const BABY_NHS = '9434765927';
export const NOBODYS_NHS = '9434765935';

export async function seedSubjectAccessFamily(ctx: AppContext) {
  const council = await makeOrganisation(ctx, 'childrens-social-care', 'Riverside Council');
  const police = await makeOrganisation(ctx, 'police', 'Riverside Police');
  const admin = await makeUser(ctx, { role: 'admin', organisationId: council.id });
  const officer = await makeUser(ctx, { role: 'manager', organisationId: council.id, name: 'Dee Officer' });
  const practitioner = await makeUser(ctx, { organisationId: council.id });
  const otherOfficer = await makeUser(ctx, { role: 'manager', organisationId: police.id });
  for (const user of [officer, otherOfficer]) {
    const granted = await grantOfficer(ctx, actorFor(admin), user.email);
    if (!granted.ok) throw new Error(granted.message);
  }
  const { id: caseId } = await makeCase(ctx, { familyName: 'Hart', teamUserIds: [practitioner.id] });
  await ctx.db.updateTable('cases').set({ given_name: 'Lily', nhs_number: BABY_NHS }).where('id', '=', caseId).execute();
  const mother = await makePerson(ctx, caseId, { nhs_number: MOTHER_NHS });
  const father = await makePerson(ctx, caseId, { given_name: 'Tom', family_name: 'Reed', relationship_to_infant: 'father', lives_in_household: false, cares_for_infant: false, nhs_number: null });
  const entry = async (organisation: { id: string; name: string; kind: string }, summary: string, personIds: string[], source: 'observed' | 'third-party' | 'agency-record') => {
    const id = randomUUID();
    await ctx.db
      .insertInto('chronology_entries')
      .values({ case_id: caseId, id, kind: 'case-note', occurred_on: '2026-11-02', recorded_at: ctx.clock.now(), recorded_by: null, recorded_by_name: 'Someone', organisation_id: organisation.id, agency: organisation.name, agency_kind: organisation.kind, summary, source, person_ids: JSON.stringify(personIds), present_ids: '[]', victim_ids: '[]', perpetrator_ids: '[]', indicates: '[]', details: '{}' })
      .execute();
    return id;
  };
  const entries = {
    own: await entry(council, 'Mother and baby seen at home; mother coping well.', [mother.id], 'observed'),
    police: await entry(police, 'Father arrested after a disturbance.', [father.id], 'agency-record'),
    neighbour: await entry(council, 'A neighbour rang about shouting late at night.', [], 'third-party'),
  };
  return { council, police, admin, officer, practitioner, otherOfficer, caseId, mother, father, entries, entry };
}

export type SubjectAccessFamily = Awaited<ReturnType<typeof seedSubjectAccessFamily>>;
