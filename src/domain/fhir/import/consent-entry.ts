// A UK Core Consent (a person's consent, or refusal, to share information, as another agency
// recorded it) as one chronology entry. It is information for the team; it does not change the
// consent this service records itself (the consent pages), which a practitioner keeps.
import { codeableText, joinedTexts, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ResourceReading } from './fhir-import.types.ts';
import { datedEntry, externalIdOf, skipped, summaryOf, type ResourceAt } from './fhir-resource.ts';

const STATUS_WORDS: Readonly<Record<string, string>> = {
  active: 'given',
  rejected: 'refused',
  inactive: 'no longer in force',
};

export function readConsent(resource: JsonObject, at: ResourceAt): ResourceReading {
  const status = stringAt(resource, 'status');
  if (status === 'entered-in-error') return skipped(at, 'entered-in-error', `${at.path}/status`);
  if (status === 'draft' || status === 'proposed') return skipped(at, 'not-happened', `${at.path}/status`);

  const about = joinedTexts(listAt(resource, 'category')) ?? codeableText(objectAt(resource, 'scope')) ?? 'sharing information';
  const provision = objectAt(resource, 'provision');
  const denied = stringAt(provision, 'type') === 'deny';
  const purposes = listAt(provision, 'purpose')
    .map((purpose) => stringAt(purpose, 'display') ?? stringAt(purpose, 'code'))
    .filter((text): text is string => text !== undefined);
  const organisation = listAt(resource, 'organization')
    .map((organization) => stringAt(organization, 'display'))
    .find((display) => display !== undefined);
  const said = status !== undefined && Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status] : (status ?? 'status not given');
  const summary = summaryOf(
    [
      `Consent recorded by another agency (${about}): ${said}`,
      denied ? 'It refuses what it names' : undefined,
      purposes.length > 0 ? `Purpose: ${purposes.join(', ')}` : undefined,
      organisation === undefined ? undefined : `Recorded by ${organisation}`,
    ],
    'Consent',
  );
  return datedEntry(at, { kind: 'case-note', summary, source: 'agency-record', externalId: externalIdOf(at.name), ...(organisation === undefined ? {} : { agency: organisation }) }, resource['dateTime'], `${at.path}/dateTime`);
}
