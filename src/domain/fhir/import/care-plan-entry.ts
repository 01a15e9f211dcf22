// A UK Core CarePlan from another agency as one chronology entry naming it: what the plan is for,
// its status, who wrote it and what it plans. The team's own plan is kept apart (the plan pages);
// this says that another agency has a plan, which the team may not otherwise know.
import { codeableText, joinedTexts, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ResourceReading } from './fhir-import.types.ts';
import { datedEntry, externalIdOf, skipped, summaryOf, type ResourceAt } from './fhir-resource.ts';

export function readCarePlan(resource: JsonObject, at: ResourceAt): ResourceReading {
  const status = stringAt(resource, 'status');
  if (status === 'entered-in-error') return skipped(at, 'entered-in-error', `${at.path}/status`);
  if (status === 'draft') return skipped(at, 'not-happened', `${at.path}/status`);

  // Full stops of its own dropped, as the summary puts one between its parts.
  const name = (stringAt(resource, 'title') ?? stringAt(resource, 'description') ?? joinedTexts(listAt(resource, 'category')) ?? 'A care plan').replace(/\.+$/, '');
  const description = stringAt(resource, 'title') === undefined ? undefined : stringAt(resource, 'description')?.replace(/\.+$/, '');
  const activities = listAt(resource, 'activity')
    .map((activity) => codeableText(objectAt(objectAt(activity, 'detail'), 'code')) ?? stringAt(objectAt(activity, 'detail'), 'description'))
    .filter((text): text is string => text !== undefined);
  const author = stringAt(objectAt(resource, 'author'), 'display');
  const summary = summaryOf(
    [
      `Care plan from another agency: ${name}`,
      description,
      status === undefined || status === 'active' ? undefined : `Status: ${status}`,
      activities.length > 0 ? `Activities: ${activities.join(', ')}` : undefined,
      author === undefined ? undefined : `Written by ${author}`,
    ],
    name,
  );
  const [when, whenPath] = resource['created'] !== undefined ? [resource['created'], `${at.path}/created`] : [objectAt(resource, 'period')?.['start'], `${at.path}/period/start`];
  return datedEntry(at, { kind: 'case-note', summary, source: 'agency-record', externalId: externalIdOf(at.name) }, when, whenPath);
}
