// The people a FHIR import proposes for a record (a RelatedPerson: domain/fhir/import/
// related-person-entry.ts), kept inside the import's change (which locked the records and checked
// the sender may change them) for a practitioner to decide about on the record's page
// (proposed-people.ts). One a sender's resource a record: sent again, the proposal is not kept twice.
import type { ProposedPerson } from '../../domain/fhir/import/fhir-import.types.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { recorderFor } from '../recorder.ts';

export interface ProposalOnRecord {
  caseId: string;
  person: ProposedPerson;
}

/** How many were kept (a proposal sent before is not kept again). */
export async function storeProposedPeople(trx: Tx, ctx: AppContext, actor: UserActor, proposals: readonly ProposalOnRecord[]): Promise<number> {
  if (proposals.length === 0) return 0;
  const recorder = await recorderFor(trx, actor);
  const now = ctx.clock.now();
  const rows = proposals.map(({ caseId, person }) => ({
    case_id: caseId,
    id: ctx.newId(),
    organisation_id: recorder.organisationId,
    agency: recorder.organisation,
    resource: person.resource,
    given_name: person.givenName,
    family_name: person.familyName,
    relationship_to_infant: person.relationshipToInfant,
    relationship_as_sent: person.relationshipAsSent,
    sex: person.sex,
    date_of_birth: person.dateOfBirth,
    nhs_number: person.nhsNumber,
    received_at: now,
  }));
  const kept = await trx.insertInto('fhir_proposed_people').values(rows).onConflict((conflict) => conflict.columns(['case_id', 'organisation_id', 'resource']).doNothing()).returning('id').execute();
  return kept.length;
}
