// The team around the family as a UK Core CareTeam for the baby: every member with their place in
// the team (lead professional or member) and the organisation they work for. Members are named by
// display only: the service keeps no Practitioner resources, and its organisations have no ODS code.
import type { TeamRole } from '../../access/case-access.ts';
import type { CodeableConcept, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { UK_CORE_PROFILES } from './uk-core.ts';

export interface TeamMemberForExport {
  name: string;
  organisationName: string;
  role: TeamRole;
}

export interface CareTeamResource extends ResourceBase {
  resourceType: 'CareTeam';
  status: 'active';
  name: string;
  subject: Reference;
  participant?: { role: CodeableConcept[]; member: Reference; onBehalfOf: Reference }[];
}

const ROLE_WORDS: Readonly<Record<TeamRole, string>> = { 'lead-professional': 'Lead professional', member: 'Member of the team' };

export function careTeamResource(team: readonly TeamMemberForExport[], patientId: string): CareTeamResource {
  return {
    resourceType: 'CareTeam',
    id: patientId,
    meta: { profile: [UK_CORE_PROFILES.CareTeam] },
    text: narrative(['Team around the family', ...team.map((member) => `${member.name}, ${member.organisationName}: ${ROLE_WORDS[member.role]}`)]),
    status: 'active',
    name: 'Team around the family',
    subject: { reference: `Patient/${patientId}` },
    ...(team.length > 0
      ? { participant: team.map((member) => ({ role: [{ text: ROLE_WORDS[member.role] }], member: { type: 'Practitioner', display: member.name }, onBehalfOf: { type: 'Organization', display: member.organisationName } })) }
      : {}),
  };
}
