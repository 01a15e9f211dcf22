// A transfer merged into a record here (receive-transfer.ts, mergeInto) does not add the people it
// could not match by NHS number: it proposes them, as a FHIR import proposes the people another
// agency knows (fhir/store-proposed-people.ts, migration 041), for someone here to add as a new
// person, say they are someone recorded already, or say they are not part of this family
// (fhir/proposed-people.ts, each decision audited). Each proposal's id is the id the received
// entries, assessments and plan already name the person by, so a person added from it is the one
// they name. The proposal keeps the person as the pack sent them and their relationships to the
// pack's other people (migration 051: sent_in_transfer), added with them once they are confirmed.
import { normalisePersonDetails, type PersonDetails } from '../../domain/people/person-rules.ts';
import { RELATIONSHIPS_TO_INFANT, isRelationshipToInfant, type PersonRelationshipKind } from '../../domain/people/relationships.ts';
import type { ReceivedMark, TransferRecord, TransferredPerson } from '../../domain/transfer/transfer-record.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { Recorder } from '../recorder.ts';

/** A relationship the pack gave a proposed person, to a person named by their id here. */
export interface SentRelationship {
  kind: PersonRelationshipKind;
  otherPersonId: string;
  /** The proposed person is the relationship's first person (in "parent-of", the parent). */
  proposedIsFirst: boolean;
}

/** What a proposal from a merged transfer keeps (fhir_proposed_people.sent_in_transfer). */
export interface SentInTransfer {
  person: PersonDetails;
  relationships: SentRelationship[];
  received: ReceivedMark;
}

/** The person's details as sent, without the sending record's id (the pack's reader checked the sex). */
function detailsOf(sent: TransferredPerson): PersonDetails {
  return normalisePersonDetails({
    givenName: sent.givenName,
    familyName: sent.familyName,
    identityKnown: sent.identityKnown,
    description: sent.description,
    relationshipToInfant: sent.relationshipToInfant,
    dateOfBirth: sent.dateOfBirth,
    nhsNumber: sent.nhsNumber,
    sex: sent.sex as PersonDetails['sex'],
    livesInHousehold: sent.livesInHousehold,
    caresForInfant: sent.caresForInfant,
    visitsRegularly: sent.visitsRegularly,
    parentalResponsibility: sent.parentalResponsibility,
    paternityConfirmed: sent.paternityConfirmed,
    deceased: sent.deceased,
    address: sent.address,
    addressRestricted: sent.addressRestricted,
  });
}

/** The proposal's resource: the sending record's person, so the same pack merged again proposes no one twice. */
const resourceOf = (record: TransferRecord, personId: string) => `transfer:${record.sendingCaseId}/person/${personId}`;

/**
 * Proposes `unmatched` (the pack's people not found here) on the case, each under its id here
 * (`personIds`); answers how many were kept (a person proposed by the same pack before is not kept again).
 */
export async function proposeReceivedPeople(
  trx: Tx,
  recorder: Recorder,
  caseId: string,
  record: TransferRecord,
  unmatched: readonly TransferredPerson[],
  personIds: ReadonlyMap<string, string>,
  received: { mark: ReceivedMark; at: Date },
): Promise<number> {
  if (unmatched.length === 0) return 0;
  const rows = unmatched.map((sent) => {
    const id = personIds.get(sent.id)!;
    const person = detailsOf(sent);
    const relationships = record.relationships.flatMap((r): SentRelationship[] => [
      ...(r.personId === sent.id ? [{ kind: r.kind, otherPersonId: personIds.get(r.otherPersonId)!, proposedIsFirst: true }] : []),
      ...(r.otherPersonId === sent.id ? [{ kind: r.kind, otherPersonId: personIds.get(r.personId)!, proposedIsFirst: false }] : []),
    ]);
    const kept: SentInTransfer = { person, relationships, received: received.mark };
    return {
      case_id: caseId,
      id,
      organisation_id: recorder.organisationId,
      agency: record.fromArea,
      resource: resourceOf(record, sent.id),
      given_name: person.givenName,
      family_name: person.familyName,
      relationship_to_infant: isRelationshipToInfant(person.relationshipToInfant) ? person.relationshipToInfant : 'unknown',
      relationship_as_sent: isRelationshipToInfant(person.relationshipToInfant) ? RELATIONSHIPS_TO_INFANT[person.relationshipToInfant].toLowerCase() : person.relationshipToInfant,
      sex: person.sex,
      date_of_birth: person.dateOfBirth,
      nhs_number: person.nhsNumber,
      received_at: received.at,
      sent_in_transfer: JSON.stringify(kept),
    };
  });
  const kept = await trx.insertInto('fhir_proposed_people').values(rows).onConflict((conflict) => conflict.columns(['case_id', 'organisation_id', 'resource']).doNothing()).returning('id').execute();
  return kept.length;
}
