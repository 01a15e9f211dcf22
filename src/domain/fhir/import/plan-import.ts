// What a Bundle's resources become on each record, decided before anything is written: for each
// resource, whose it is (the record's baby or a person around them, by the Patients' matches), then
// for each record it goes to, whether it is new, unchanged since it was sent (a duplicate), changed
// (a correction of the newest version stored) or entered in error (a correction that marks the
// stored entry). What a resource about an adult says of the baby (an injury seen, an attendance, a
// discharge, a contact) is kept as a case note on the adult instead (adult-entry.ts), so that a
// mother's bruise is never the baby's; and a person a RelatedPerson of an adult proposes (her own
// mother, say) never takes the relationship to the adult as their relationship to the baby. A
// resource is stored whole or not at all: a date before the pregnancy, a date in the future or any
// other problem of one of its entries refuses the resource on that record.
import { factorById } from '../../catalogue/catalogue.ts';
import { checkNewEntry, dayOfOccurrence, ENTRY_PROBLEM_MESSAGES } from '../../chronology/entry-rules.ts';
import { entryAboutAnAdult } from './adult-entry.ts';
import type { BundleResource, ImportedEntry, MappedEntry, ProposedPerson } from './fhir-import.types.ts';
import { OUTSIDE_LIFE_MESSAGE, PATIENT_MESSAGES, RESOURCE_PROBLEM_MESSAGES } from './fhir-import-words.ts';
import { externalIdOf } from './fhir-resource.ts';
import { chainsOf, enteredInErrorMark, isEnteredInErrorMark, isFromResource, nextVersionKey, saysTheSame, scopedExternalId, type Chain, type StoredImport, type Whose } from './import-keys.ts';
import { isBeforePregnancy, type BabysDates } from './pregnancy-start.ts';
import { bundlePathOf } from './read-bundle.ts';

/** What each Patient of a Bundle is on record (found by application/fhir/match-patients.ts). */
export type PatientMatch =
  | { kind: 'infant'; caseId: string }
  | { kind: 'person'; on: { caseId: string; personId: string }[] }
  | { kind: 'unmatched' }
  | { kind: 'nhs-number-invalid'; path: string }
  /** More than one baby's record has the NHS number. */
  | { kind: 'several-records'; caseIds: string[] };

export interface BundleMatches {
  /** By the Patient's position in the Bundle. */
  patients: Map<number, PatientMatch>;
  /** By NHS number, for subjects named only by it. */
  byNhsNumber: Map<string, PatientMatch>;
}

/** An entry to write: new, or correcting the entry `corrects`. */
export type EntryInput = ImportedEntry & { corrects?: string };

export interface Target {
  caseId: string;
  whose: Whose;
}

export interface Refusal {
  code: string;
  message: string;
  details: { path: string; message: string }[];
}

/** One entry to write (new or a correction), or found already written. */
export type PlannedEntry = { how: 'new' | 'correction'; mapped: MappedEntry; caseId: string; entry: EntryInput } | { how: 'duplicate'; mapped: MappedEntry; caseId: string; id: string };

export interface ResourcePlan {
  resource: BundleResource;
  entries: PlannedEntry[];
  /** Why it is not recorded on a record (or at all, with no case). */
  refusals: (Refusal & { caseId?: string })[];
  /** Entered in error, with nothing imported from it before to correct. */
  nothingToCorrect: boolean;
}

export interface RecordFacts {
  dates: BabysDates;
  personIds: ReadonlySet<string>;
  earlier: readonly StoredImport[];
}

const CHANGED_REASON = 'The sending system sent a changed version of its record';

const refusal = (code: string, message: string, path: string): Refusal => ({ code, message, details: [{ path, message }] });

function refusalOfMatch(match: PatientMatch | undefined, patientPath: string): Refusal | undefined {
  if (match === undefined || match.kind === 'unmatched') return refusal('patient-unconfirmed', PATIENT_MESSAGES.unmatched, patientPath);
  if (match.kind === 'nhs-number-invalid') return refusal('nhs-number-invalid', PATIENT_MESSAGES['nhs-number-invalid'], match.path);
  if (match.kind === 'several-records') return refusal('several-records', PATIENT_MESSAGES['several-records'], patientPath);
  return undefined;
}

/** The records a resource goes to; a person's resource goes to the Bundle's babies' records they are on, or else to every record they are on. */
export function targetsOf(resource: BundleResource, matches: BundleMatches, babiesInBundle: ReadonlySet<string>): { ok: true; targets: Target[] } | { ok: false; refusal: Refusal } {
  const { subject } = resource;
  if ('path' in subject) {
    return { ok: false, refusal: refusal(subject.kind, RESOURCE_PROBLEM_MESSAGES[subject.kind], subject.path) };
  }
  const match = subject.kind === 'patient' ? matches.patients.get(subject.patientIndex) : matches.byNhsNumber.get(subject.nhsNumber);
  const patientPath = subject.kind === 'patient' ? `/entry/${String(subject.patientIndex)}/resource` : `/entry/${String(resource.index)}/resource/subject/identifier`;
  const refused = refusalOfMatch(match, patientPath);
  if (refused !== undefined || match === undefined) return { ok: false, refusal: refused ?? refusal('patient-unconfirmed', PATIENT_MESSAGES.unmatched, patientPath) };
  if (match.kind === 'infant') return { ok: true, targets: [{ caseId: match.caseId, whose: { kind: 'infant' } }] };
  if (match.kind !== 'person') return { ok: false, refusal: refusal('patient-unconfirmed', PATIENT_MESSAGES.unmatched, patientPath) };
  const withBaby = match.on.filter((on) => babiesInBundle.has(on.caseId));
  return { ok: true, targets: (withBaby.length > 0 ? withBaby : match.on).map((on) => ({ caseId: on.caseId, whose: { kind: 'person', personId: on.personId } })) };
}

/** An entry as stored for whose it is: about the person, and their adult factors named as theirs. */
function entryFor(entry: ImportedEntry, whose: Whose): EntryInput {
  const externalId = scopedExternalId(entry.externalId, whose);
  if (whose.kind === 'infant') return { ...entry, externalId };
  const indicates = entry.indicates?.map((item) => (item.personId === undefined && factorById(item.factorId)?.subject === 'adult' ? { ...item, personId: whose.personId } : item));
  return { ...entry, externalId, personIds: [...new Set([...(entry.personIds ?? []), whose.personId])], ...(indicates === undefined ? {} : { indicates }) };
}

/**
 * The people a resource proposes for a record. A RelatedPerson's relationship is to its Patient, so
 * it is the relationship to the baby only when that Patient is the baby; else it is unknown, for the
 * practitioner who confirms the person to choose (the relationship as sent stays for them to read).
 */
function proposedOn(resource: BundleResource, whose: Whose): ProposedPerson[] {
  const people = resource.reading.proposedPeople ?? [];
  return whose.kind === 'infant' ? people : people.map((person) => ({ ...person, relationshipToInfant: 'unknown' }));
}

/** What one resource becomes on one record. */
export function planOnRecord(resource: BundleResource, target: Target, facts: RecordFacts, today: string): { entries: PlannedEntry[]; proposedPeople?: ProposedPerson[]; refusal?: Refusal; nothingToCorrect?: true } {
  const chains = chainsOf(facts.earlier);
  const { caseId, whose } = target;
  const { enteredInErrorPath } = resource;
  if (enteredInErrorPath !== undefined) {
    const resourceKey = scopedExternalId(externalIdOf(resource.name), whose);
    const earlier = [...chains.values()].filter((chain) => isFromResource(chain.key, resourceKey));
    if (earlier.length === 0) return { entries: [], nothingToCorrect: true };
    const mapped = (chain: Chain): MappedEntry => ({ index: resource.index, resource: resource.name, entry: { ...enteredInErrorMark(chain.newest) }, occurredAtPath: enteredInErrorPath });
    return {
      entries: earlier.map((chain): PlannedEntry => {
        if (isEnteredInErrorMark(chain.newest)) return { how: 'duplicate', mapped: mapped(chain), caseId, id: chain.newest.id };
        const mark = enteredInErrorMark(chain.newest);
        return { how: 'correction', mapped: mapped(chain), caseId, entry: { ...mark, externalId: nextVersionKey(chain), corrects: chain.newest.id, personIds: chain.newest.personIds } };
      }),
    };
  }
  const { reading } = resource;
  const [readProblem] = reading.rejected;
  if (readProblem !== undefined) return { entries: [], refusal: { code: readProblem.code, message: RESOURCE_PROBLEM_MESSAGES[readProblem.code], details: reading.rejected.map((note) => ({ path: note.path, message: RESOURCE_PROBLEM_MESSAGES[note.code] })) } };
  const entries: PlannedEntry[] = [];
  for (const read of reading.entries) {
    const mapped = whose.kind === 'infant' ? read : { ...read, entry: entryAboutAnAdult(read.entry) };
    const entry = entryFor(mapped.entry, whose);
    const day = dayOfOccurrence(entry.occurredAt);
    if (day !== null && isBeforePregnancy(day, facts.dates)) return { entries: [], refusal: refusal('before-pregnancy', OUTSIDE_LIFE_MESSAGE, mapped.occurredAtPath) };
    const chain = chains.get(entry.externalId);
    const correction = chain !== undefined && !saysTheSame(mapped.entry, entry.personIds ?? [], chain.newest);
    const problems = checkNewEntry(correction ? { ...entry, correctionReason: CHANGED_REASON } : entry, { today, personIds: facts.personIds, isCorrection: correction });
    if (problems.length > 0) {
      const details = problems.map((problem) => ({ path: bundlePathOf(mapped, problem.path), message: ENTRY_PROBLEM_MESSAGES[problem.code] }));
      return { entries: [], refusal: { code: 'invalid-entry', message: 'The resource cannot be recorded like this: see the problems.', details } };
    }
    if (chain === undefined) entries.push({ how: 'new', mapped, caseId, entry });
    else if (!correction) entries.push({ how: 'duplicate', mapped, caseId, id: chain.newest.id });
    else entries.push({ how: 'correction', mapped, caseId, entry: { ...entry, externalId: nextVersionKey(chain), corrects: chain.newest.id, correctionReason: CHANGED_REASON } });
  }
  const proposedPeople = proposedOn(resource, whose);
  return { entries, ...(proposedPeople.length > 0 ? { proposedPeople } : {}) };
}
