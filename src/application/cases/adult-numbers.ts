// The NHS numbers of the adults on a record, named as the birth's pages name them, for the check that
// the baby's NHS number is not one of theirs (domain/people/baby-nhs-number.ts).
import type { AdultNumber } from '../../domain/people/baby-nhs-number.ts';
import { personDisplayName } from '../../domain/people/relationships.ts';
import { relationshipInWords } from '../../domain/profile/plain-words.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';

export async function adultNumbersOn(trx: Tx, caseId: string): Promise<AdultNumber[]> {
  const [kept, people] = await Promise.all([
    trx.selectFrom('cases').select('mother_nhs_number').where('id', '=', caseId).executeTakeFirst(),
    trx.selectFrom('people').select(['given_name', 'family_name', 'description', 'identity_known', 'relationship_to_infant', 'nhs_number']).where('case_id', '=', caseId).where('nhs_number', 'is not', null).execute(),
  ]);
  return [
    { who: 'the mother', nhsNumber: kept?.mother_nhs_number ?? null },
    ...people.map((person) => ({
      who: `${personDisplayName({ givenName: person.given_name, familyName: person.family_name, description: person.description, identityKnown: person.identity_known })} (${relationshipInWords(person.relationship_to_infant)})`,
      nhsNumber: person.nhs_number,
    })),
  ];
}
