// The transfer pack's FHIR Bundle (issue 21): a collection of the record's UK Core resources as the
// FHIR export gives them (Patient, RelatedPerson, Flag, CarePlan, CareTeam, Consent, Encounter), for
// any FHIR system, and one Binary holding the transfer record (transfer-record.ts) as JSON, from which
// another instance of this service rebuilds the case. Reading a pack checks all of it before anything
// is stored: a pack with any problem is refused whole, each problem an OperationOutcome issue.
import { checkNewEntry, ENTRY_PROBLEM_MESSAGES } from '../chronology/entry-rules.ts';
import type { ResourceBase } from '../fhir/export/fhir-types.ts';
import { narrative } from '../fhir/export/narrative.ts';
import { UK_CORE_PROFILES } from '../fhir/export/uk-core.ts';
import { outcomeIssue, type OutcomeIssue } from '../fhir/operation-outcome.ts';
import { NO_RECORD_DETAILS, type RecordDetails } from '../people/record-details.ts';
import { answerOfBoolean, checkPersonDetails, isYesNoNotKnown, type PersonDetails } from '../people/person-rules.ts';
import { recordPartProblems } from './transfer-record-parts.ts';
import { READABLE_TRANSFER_RECORD_VERSIONS, TRANSFER_RECORD_FORMAT, type TransferRecord, type TransferredEntry, type TransferredPerson } from './transfer-record.ts';

/** The media type of the transfer record inside the pack's Binary. */
export const TRANSFER_RECORD_MEDIA_TYPE = 'application/vnd.infant-care-profile.transfer+json';
/** The identifier system of a transfer pack. */
export const TRANSFER_PACK_SYSTEM = 'urn:infant-care-profile:transfer-pack';

export interface TransferBundle {
  resourceType: 'Bundle';
  id: string;
  meta: { profile: string[] };
  identifier: { system: string; value: string };
  type: 'collection';
  timestamp: string;
  entry: { resource: ResourceBase | TransferBinary }[];
}

export interface TransferBinary {
  resourceType: 'Binary';
  id: string;
  contentType: typeof TRANSFER_RECORD_MEDIA_TYPE;
  data: string;
}

function base64OfText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function textOfBase64(data: string): string {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at += 1) bytes[at] = binary.charCodeAt(at);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The protective marking of the pack's PDF. */
export const PACK_MARKING = 'OFFICIAL-SENSITIVE';

export interface PackDocument extends ResourceBase {
  resourceType: 'DocumentReference';
  status: 'current';
  subject: { reference: string };
  date: string;
  description: string;
  securityLabel: { text: string }[];
  content: { attachment: { contentType: 'application/pdf'; url: string; title: string } }[];
}

/** The pack's PDF (the profile, the plan and the chronology), linked: it is made when it is asked for. */
export function packDocument(patientId: string, pdfUrl: string, sentAt: string): PackDocument {
  const description = `The Infant Care Profile, the plan and the chronology, marked ${PACK_MARKING}`;
  return {
    resourceType: 'DocumentReference',
    id: 'transfer-pdf',
    meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-DocumentReference'] },
    text: narrative([description]),
    status: 'current',
    subject: { reference: `Patient/${patientId}` },
    date: sentAt,
    description,
    securityLabel: [{ text: PACK_MARKING }],
    content: [{ attachment: { contentType: 'application/pdf', url: pdfUrl, title: 'Transfer pack (PDF)' } }],
  };
}

/** The pack's Bundle: the export's resources, the PDF's link, then the transfer record. */
export function transferBundle(id: string, record: TransferRecord, resources: readonly ResourceBase[], pdfUrl: string): TransferBundle {
  const binary: TransferBinary = { resourceType: 'Binary', id: 'transfer-record', contentType: TRANSFER_RECORD_MEDIA_TYPE, data: base64OfText(JSON.stringify(record)) };
  return {
    resourceType: 'Bundle',
    id,
    meta: { profile: [UK_CORE_PROFILES.Bundle] },
    identifier: { system: TRANSFER_PACK_SYSTEM, value: id },
    type: 'collection',
    timestamp: record.sentAt,
    entry: [...resources, packDocument(record.sendingCaseId, pdfUrl, record.sentAt), binary].map((resource) => ({ resource })),
  };
}

export type ReadPack = { ok: true; record: TransferRecord } | { ok: false; issues: OutcomeIssue[] };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';
const isBooleanOrNull = (value: unknown) => value === null || typeof value === 'boolean';
const isNumberOrNull = (value: unknown) => value === null || typeof value === 'number';
const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const isDateTime = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

/** Problems found in the transfer record, each a path in it and what is wrong. */
class Problems {
  readonly found: { path: string; text: string }[] = [];
  add(path: string, text: string): void {
    this.found.push({ path, text });
  }
  need(ok: boolean, path: string, text: string): void {
    if (!ok) this.add(path, text);
  }
}

const BABY_FIELDS: Record<string, (value: unknown) => boolean> = {
  givenName: isTextOrNull,
  familyName: isTextOrNull,
  sex: isTextOrNull,
  nhsNumber: isTextOrNull,
  dateOfBirth: isTextOrNull,
  expectedDeliveryDate: isTextOrNull,
  gestationAtBirthWeeks: isNumberOrNull,
  // Packs sent before the record kept the days have none: their gestation is its completed weeks.
  gestationAtBirthDays: (value) => value === undefined || isNumberOrNull(value),
  birthWeightGrams: isNumberOrNull,
  multipleBirth: isBooleanOrNull,
  independentlyMobile: isBooleanOrNull,
};

const PERSON_FIELDS: Record<string, (value: unknown) => boolean> = {
  givenName: isTextOrNull,
  familyName: isTextOrNull,
  dateOfBirth: isTextOrNull,
  nhsNumber: isTextOrNull,
  sex: isTextOrNull,
  relationshipToInfant: isText,
  livesInHousehold: (v) => typeof v === 'boolean',
  caresForInfant: (v) => typeof v === 'boolean',
  visitsRegularly: (v) => typeof v === 'boolean',
  identityKnown: (v) => typeof v === 'boolean',
  description: isTextOrNull,
  deceased: (v) => typeof v === 'boolean',
  address: isTextOrNull,
  addressRestricted: (v) => typeof v === 'boolean',
};

function checkFields(problems: Problems, value: Json, fields: Record<string, (value: unknown) => boolean>, path: string): void {
  for (const [field, ok] of Object.entries(fields)) problems.need(ok(value[field]), `${path}/${field}`, 'is missing or of the wrong type');
}

function checkBaby(problems: Problems, baby: unknown): void {
  if (!isObject(baby)) return problems.add('/baby', 'is missing');
  problems.need(baby['status'] === 'unborn' || baby['status'] === 'born', '/baby/status', 'must be unborn or born');
  checkFields(problems, baby, BABY_FIELDS, '/baby');
  problems.need(isObject(baby['details']), '/baby/details', 'is missing');
}

/** Parental responsibility and paternity: yes, no or not-known from version 3, true or false before (transfer-record.ts); null when never answered. */
const ANSWER_FIELDS = ['parentalResponsibility', 'paternityConfirmed'] as const;
const answerCheck = (version: unknown) => (typeof version === 'number' && version >= 3 ? (value: unknown) => value === null || isYesNoNotKnown(value) : isBooleanOrNull);

function checkPeople(problems: Problems, people: unknown, today: string, version: unknown): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(people)) {
    problems.add('/people', 'must be a list');
    return ids;
  }
  people.forEach((person: unknown, index) => {
    const path = `/people/${String(index)}`;
    if (!isObject(person) || !isText(person['id'])) return problems.add(path, 'must be a person with an id');
    if (ids.has(person['id'])) problems.add(`${path}/id`, 'names a person already in the pack');
    ids.add(person['id']);
    const before = problems.found.length;
    checkFields(problems, person, { ...PERSON_FIELDS, ...Object.fromEntries(ANSWER_FIELDS.map((field) => [field, answerCheck(version)])) }, path);
    problems.need(person['sex'] === null || ['female', 'male', 'unknown'].includes(person['sex'] as string), `${path}/sex`, 'must be female, male or unknown');
    if (problems.found.length > before) return;
    // As for a person added here (people/person-rules.ts).
    for (const [field, problem] of Object.entries(checkPersonDetails(personRead(person as unknown as TransferredPerson) as unknown as PersonDetails, today))) problems.add(`${path}/${field}`, `is not right (${problem})`);
  });
  return ids;
}

function checkEntries(problems: Problems, entries: unknown, personIds: ReadonlySet<string>, today: string): Set<string> {
  const earlier = new Set<string>();
  if (!Array.isArray(entries)) {
    problems.add('/entries', 'must be a list');
    return earlier;
  }
  entries.forEach((entry: unknown, index) => {
    const path = `/entries/${String(index)}`;
    if (!isObject(entry) || !isText(entry['id'])) return problems.add(path, 'must be an entry with an id');
    for (const field of ['kind', 'occurredAt', 'recordedBy', 'agency', 'agencyKind', 'source'] as const) problems.need(isText(entry[field]), `${path}/${field}`, 'is missing');
    problems.need(typeof entry['summary'] === 'string', `${path}/summary`, 'is missing');
    problems.need(isDateTime(entry['recordedAt']), `${path}/recordedAt`, 'must be a date and time');
    for (const field of ['personIds', 'presentIds', 'victimIds', 'perpetratorIds'] as const) problems.need(isIdList(entry[field]), `${path}/${field}`, 'must be a list of ids');
    problems.need(Array.isArray(entry['indicates']) && entry['indicates'].every((item: unknown) => isObject(item) && isText(item['factorId'])), `${path}/indicates`, 'must be a list of factors');
    problems.need(typeof entry['significant'] === 'boolean', `${path}/significant`, 'must be true or false');
    problems.need(isBooleanOrNull(entry['babySeen']), `${path}/babySeen`, 'must be true, false or null');
    const corrects = entry['corrects'];
    if (corrects !== undefined) problems.need(typeof corrects === 'string' && earlier.has(corrects), `${path}/corrects`, 'must name an entry earlier in the pack');
    if (problems.found.some((p) => p.path.startsWith(`${path}/`))) return;
    const typed = entry as unknown as TransferredEntry;
    for (const problem of checkNewEntry(typed, { personIds, today, isCorrection: corrects !== undefined })) problems.add(`${path}${problem.path}`, `is not right: ${ENTRY_PROBLEM_MESSAGES[problem.code]}`);
    if (earlier.has(typed.id)) problems.add(`${path}/id`, 'names an entry already in the pack');
    earlier.add(typed.id);
  });
  return earlier;
}

function checkFindings(problems: Problems, findings: unknown): void {
  if (!Array.isArray(findings)) return problems.add('/findings', 'must be a list');
  findings.forEach((finding: unknown, index) => problems.need(isObject(finding) && isText(finding['id']) && isText(finding['severity']) && isText(finding['title']), `/findings/${String(index)}`, 'must be a finding with its id, severity and title'));
}

/** Every problem of a transfer record, none when it can be received. `today` is the receiving service's day. */
export function transferRecordProblems(record: unknown, today: string): { path: string; text: string }[] {
  const problems = new Problems();
  if (!isObject(record)) return [{ path: '', text: 'is not a transfer record' }];
  problems.need(record['format'] === TRANSFER_RECORD_FORMAT, '/format', `must be ${TRANSFER_RECORD_FORMAT}`);
  const version = record['version'];
  const known = typeof version === 'number' && READABLE_TRANSFER_RECORD_VERSIONS.includes(version);
  problems.need(known, '/version', `must be ${READABLE_TRANSFER_RECORD_VERSIONS.join(' or ')}: this service reads no other (a newer sending service needs this one brought up to date)`);
  for (const field of ['fromArea', 'toArea', 'sendingCaseId'] as const) problems.need(isText(record[field]), `/${field}`, 'is missing');
  problems.need(typeof record['contact'] === 'string', '/contact', 'is missing');
  problems.need(isDateTime(record['sentAt']), '/sentAt', 'must be a date and time');
  checkBaby(problems, record['baby']);
  const people = checkPeople(problems, record['people'], today, version);
  const entries = checkEntries(problems, record['entries'], people, today);
  checkFindings(problems, record['findings']);
  // Version 1 carried none of the other parts; a later version must carry them all.
  if (known && version > 1) for (const problem of recordPartProblems(record, { people, entries }, today)) problems.add(problem.path, problem.text);
  return problems.found;
}

/** A person as this version holds them: an older pack's true and false as yes and no. */
function personRead(person: TransferredPerson): TransferredPerson {
  return { ...person, parentalResponsibility: answerOfBoolean(person.parentalResponsibility), paternityConfirmed: answerOfBoolean(person.paternityConfirmed) };
}

const issue = (code: string, text: string, pointer: string) => outcomeIssue('error', code === 'not-a-pack' ? 'required' : 'invalid', code, text, pointer);

/** The transfer record of a pack, or why the pack cannot be received (nothing is then stored). */
export function readTransferPack(body: unknown, today: string): ReadPack {
  if (!isObject(body) || body['resourceType'] !== 'Bundle' || !Array.isArray(body['entry'])) {
    return { ok: false, issues: [issue('not-a-pack', 'A transfer pack is a FHIR Bundle with its entries: send the Bundle the sending area’s service made.', '/')] };
  }
  const entries = body['entry'] as unknown[];
  const at = entries.findIndex((entry) => isObject(entry) && isObject(entry['resource']) && entry['resource']['resourceType'] === 'Binary' && entry['resource']['contentType'] === TRANSFER_RECORD_MEDIA_TYPE);
  if (at < 0) return { ok: false, issues: [issue('not-a-pack', `This Bundle holds no transfer record (a Binary of ${TRANSFER_RECORD_MEDIA_TYPE}): it is not a transfer pack.`, '/entry')] };
  const pointer = `/entry/${String(at)}/resource/data`;
  let record: unknown;
  try {
    const data = ((entries[at] as Json)['resource'] as Json)['data'];
    record = JSON.parse(textOfBase64(typeof data === 'string' ? data : ''));
  } catch {
    return { ok: false, issues: [issue('record-unreadable', 'The transfer record could not be read: its data is not base64 of JSON text. Ask the sending area to send the pack again.', pointer)] };
  }
  const problems = transferRecordProblems(record, today);
  if (problems.length > 0) return { ok: false, issues: problems.map((p) => issue('record-invalid', `The transfer record's ${p.path || 'whole'} ${p.text}.`, pointer)) };
  const read = record as TransferRecord;
  const parts = read.version === 1 ? { relationships: [], assessments: [], plan: null, meetings: [], disputes: [] } : {};
  return { ok: true, record: { ...read, ...parts, baby: { ...read.baby, details: { ...NO_RECORD_DETAILS, ...(read.baby.details as Partial<RecordDetails>) } }, people: read.people.map(personRead) } };
}
