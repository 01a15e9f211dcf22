// A UK Core Flag (an alert another agency's system shows on the record) as one chronology entry.
// A safeguarding flag (child protection, a child in need or looked after, a cause for concern) is the
// kind of thing one agency knew and the others never heard: it becomes a 'safeguarding-flag' entry,
// a trigger that alerts the team. Any other flag (a diet, a drug allergy) is a case note naming it.
import { allCodeableWords, codeableText, joinedTexts, listAt, objectAt, stringAt, type JsonObject } from './fhir-json.ts';
import type { ResourceReading } from './fhir-import.types.ts';
import { datedEntry, externalIdOf, skipped, summaryOf, type ResourceAt } from './fhir-resource.ts';
import { wordsReport } from './finding-codes.ts';

const SAFEGUARDING =
  /\b(safeguarding|child protection|protection plan|cp-?is|child in need|looked after|in care of the local authority|cause for concern|at risk of (significant )?harm|marac|mappa|domestic abuse|domestic violence)\b/i;

export function readFlag(resource: JsonObject, at: ResourceAt): ResourceReading {
  const status = stringAt(resource, 'status');
  if (status === 'entered-in-error') return skipped(at, 'entered-in-error', `${at.path}/status`);

  const code = objectAt(resource, 'code');
  const categories = listAt(resource, 'category');
  const words = [...allCodeableWords(code), ...categories.flatMap(allCodeableWords)];
  const safeguarding = wordsReport(words, SAFEGUARDING);
  // Its own full stop dropped, as the summary puts one between its parts.
  const what = codeableText(code)?.replace(/\.+$/, '') ?? 'A flag';
  const category = joinedTexts(categories);
  const author = stringAt(objectAt(resource, 'author'), 'display');
  const summary = summaryOf(
    [`${safeguarding ? 'Safeguarding flag' : 'Flag'}: ${what}`, category === undefined ? undefined : `Category: ${category}`, status === 'inactive' ? 'No longer active' : undefined, author === undefined ? undefined : `Raised by ${author}`],
    what,
  );
  const period = objectAt(resource, 'period');
  return datedEntry(
    at,
    { kind: safeguarding && status !== 'inactive' ? 'safeguarding-flag' : 'case-note', summary, source: 'agency-record', externalId: externalIdOf(at.name) },
    period?.['start'],
    `${at.path}/period/start`,
  );
}
