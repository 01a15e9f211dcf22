// What an entry read from a resource becomes when the resource is about an adult around the baby
// (a mother's or a father's record) rather than the baby. Drinking, drug use, smoking, a
// safeguarding flag and notes are about whoever they are about, and stay as read. Every other kind
// the readers give is about the baby: an injury seen raises the baby's injury protocol, an
// attendance or a discharge alerts the team that the baby was taken or sent home, a contact counts
// as the baby seen, a missed appointment as the baby not brought. About an adult those would be
// false, so they become case notes that keep what happened in words, for a practitioner to read
// (a mother's injury may be a sign of domestic abuse, which is theirs to judge, not the record's).
import { eventKindById } from '../../catalogue/catalogue.ts';
import type { EventKindId } from '../../catalogue/event-kinds.ts';
import type { ImportedEntry } from './fhir-import.types.ts';
import { summaryOf } from './fhir-resource.ts';

/** The kinds that may be about an adult as read. */
const ABOUT_WHOEVER: ReadonlySet<EventKindId> = new Set(['case-note', 'substance-use-increase', 'safeguarding-flag']);

export function entryAboutAnAdult(entry: ImportedEntry): ImportedEntry {
  if (ABOUT_WHOEVER.has(entry.kind)) return entry;
  const label = eventKindById(entry.kind)?.label ?? entry.kind;
  return { ...entry, kind: 'case-note', summary: summaryOf([`${label} (an adult's record)`, entry.summary], label) };
}
