// What makes a consent or information sharing record acceptable, whoever records it (the consent
// page, an agency system): a kind the service knows; a real day in 1900 or later, not after today (nothing is
// recorded before it happened); for a consent, who was asked (one person on the case, or a name), for
// what sharing, and the answer (a refusal needs nothing more); for a withdrawal, a consent on this
// case that was given and is not already withdrawn, withdrawn on or after the day it was given; for
// sharing without consent, what was shared, with whom, the lawful basis (and which, for "other"), who
// decided (a user of the service) and why. A field that belongs to another kind is refused, not
// ignored. Each problem has a JSON pointer path, so a page marks the field and an API caller is told
// exactly which part is wrong (docs/domain.md "Consent and information sharing").
import { isRealIsoDate } from '../shared/calendar-date.ts';
import { happenedDayProblem, tooEarlyWords } from '../shared/date-rules.ts';
import {
  CONSENT_LIMITS,
  isConsentAnswer,
  isConsentRecordKind,
  isLawfulBasis,
  type ConsentDraft,
  type ConsentRecord,
  type ConsentRecordKind,
  type RecordedConsent,
} from './consent.types.ts';

export const CONSENT_PROBLEM_MESSAGES = {
  'unknown-kind': 'Choose what kind of record this is.',
  'asked-needed': 'Say who was asked: choose a person on the case or enter a name.',
  'asked-twice': 'Choose a person on the case or enter a name, not both.',
  'unknown-person': 'Choose someone who is on this case.',
  'purpose-needed': 'Say what the consent was for: which agencies, or what purpose.',
  'date-needed': 'Enter the date.',
  'not-a-date': 'The date must be a real date.',
  'too-early': tooEarlyWords('The date'),
  'in-future': 'The date cannot be in the future: record it once it has happened.',
  'answer-needed': 'Say whether consent was given or refused.',
  'withdraws-needed': 'Choose the consent that was withdrawn.',
  'unknown-consent': 'Choose a consent recorded on this case.',
  'not-given': 'Only a consent that was given can be withdrawn.',
  'already-withdrawn': 'This consent has already been withdrawn.',
  'withdrawn-before-given': 'A consent cannot be withdrawn before the day it was given.',
  'shared-what-needed': 'Say what information was shared.',
  'shared-with-needed': 'Say who the information was shared with.',
  'basis-needed': 'Choose the lawful basis for sharing without consent.',
  'basis-other-needed': 'Say which lawful basis.',
  'basis-other-only-for-other': 'Say which lawful basis only when the basis is another one.',
  'decider-needed': 'Choose who decided to share without consent.',
  'unknown-decider': 'Choose someone who uses this service.',
  'reason-needed': 'Say why the information was shared without consent.',
  'too-long': 'This is too long.',
  'not-for-this-kind': 'This is not part of this kind of record: leave it out.',
} as const;

export type ConsentProblemCode = keyof typeof CONSENT_PROBLEM_MESSAGES;

export interface ConsentProblem {
  /** JSON pointer into the record as sent: /soughtOn, /basisOther, /decidedBy. */
  path: string;
  code: ConsentProblemCode;
}

export interface ConsentContext {
  /** The service's day (London). */
  today: string;
  /** The ids of the people on the case. */
  personIds: ReadonlySet<string>;
  /** The case's records so far, for a withdrawal. */
  records: readonly RecordedConsent[];
  /** Users of the service by id, with their names: at least the one named as deciding, if any. */
  users: ReadonlyMap<string, string>;
}

export type CheckedConsent = { ok: true; record: ConsentRecord } | { ok: false; problems: ConsentProblem[] };

/** The fields each kind takes; `kind` and `note` belong to every kind. */
const FIELDS: Record<ConsentRecordKind, readonly (keyof ConsentDraft)[]> = {
  consent: ['askedPersonId', 'askedName', 'purpose', 'soughtOn', 'answer'],
  withdrawal: ['withdraws', 'withdrawnOn'],
  'shared-without-consent': ['sharedWhat', 'sharedWith', 'sharedOn', 'basis', 'basisOther', 'decidedBy', 'reason'],
};
const ALL_FIELDS = Object.values(FIELDS).flat();

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The consents given and not withdrawn, by id: what a withdrawal may name. */
export function consentsStillGiven(records: readonly RecordedConsent[]): Map<string, RecordedConsent & { kind: 'consent' }> {
  const withdrawn = new Set(records.flatMap((r) => (r.kind === 'withdrawal' ? [r.withdraws] : [])));
  const given = new Map<string, RecordedConsent & { kind: 'consent' }>();
  for (const record of records) if (record.kind === 'consent' && record.answer === 'given' && !withdrawn.has(record.id)) given.set(record.id, record);
  return given;
}

/** Checks a record as sent, on the service's day: the record trimmed, or every problem with its path. */
export function checkConsentRecord(draft: ConsentDraft, context: ConsentContext): CheckedConsent {
  const problems: ConsentProblem[] = [];
  const problem = (path: string, code: ConsentProblemCode) => problems.push({ path, code });
  const text = (field: keyof ConsentDraft, limit: number, needed: ConsentProblemCode | null): string => {
    const value = trimmed(draft[field]);
    if (value === '' && needed) problem(`/${field}`, needed);
    else if (value.length > limit) problem(`/${field}`, 'too-long');
    return value;
  };
  const day = (field: 'soughtOn' | 'withdrawnOn' | 'sharedOn'): string => {
    const value = trimmed(draft[field]);
    if (value === '') problem(`/${field}`, 'date-needed');
    else {
      const wrong = happenedDayProblem(value, context.today);
      if (wrong) problem(`/${field}`, wrong);
    }
    return value;
  };

  const kind = trimmed(draft.kind);
  if (!isConsentRecordKind(kind)) {
    problem('/kind', 'unknown-kind');
    return { ok: false, problems };
  }
  for (const field of ALL_FIELDS) {
    if (!FIELDS[kind].includes(field) && draft[field] !== undefined && trimmed(draft[field]) !== '') problem(`/${field}`, 'not-for-this-kind');
  }
  const note = text('note', CONSENT_LIMITS.note, null);
  const withNote = note !== '' ? { note } : {};

  switch (kind) {
    case 'consent': {
      const personId = trimmed(draft.askedPersonId);
      const name = text('askedName', CONSENT_LIMITS.name, null);
      if (personId === '' && name === '') problem('/askedName', 'asked-needed');
      else if (personId !== '' && name !== '') problem('/askedName', 'asked-twice');
      else if (personId !== '' && !context.personIds.has(personId)) problem('/askedPersonId', 'unknown-person');
      const purpose = text('purpose', CONSENT_LIMITS.purpose, 'purpose-needed');
      const soughtOn = day('soughtOn');
      const answer = trimmed(draft.answer);
      if (!isConsentAnswer(answer)) problem('/answer', 'answer-needed');
      if (problems.length > 0 || !isConsentAnswer(answer)) return { ok: false, problems };
      return { ok: true, record: { kind, ...(personId !== '' ? { askedPersonId: personId } : { askedName: name }), purpose, soughtOn, answer, ...withNote } };
    }
    case 'withdrawal': {
      const withdraws = trimmed(draft.withdraws);
      const withdrawnOn = day('withdrawnOn');
      if (withdraws === '') problem('/withdraws', 'withdraws-needed');
      else {
        const consent = context.records.find((r) => r.id === withdraws);
        if (!consent) problem('/withdraws', 'unknown-consent');
        else if (consent.kind !== 'consent' || consent.answer !== 'given') problem('/withdraws', 'not-given');
        else if (!consentsStillGiven(context.records).has(withdraws)) problem('/withdraws', 'already-withdrawn');
        else if (isRealIsoDate(withdrawnOn) && withdrawnOn < consent.soughtOn) problem('/withdrawnOn', 'withdrawn-before-given');
      }
      if (problems.length > 0) return { ok: false, problems };
      return { ok: true, record: { kind, withdraws, withdrawnOn, ...withNote } };
    }
    case 'shared-without-consent': {
      const sharedWhat = text('sharedWhat', CONSENT_LIMITS.sharedWhat, 'shared-what-needed');
      const sharedWith = text('sharedWith', CONSENT_LIMITS.sharedWith, 'shared-with-needed');
      const sharedOn = day('sharedOn');
      const basis = trimmed(draft.basis);
      const basisOther = text('basisOther', CONSENT_LIMITS.basisOther, null);
      if (!isLawfulBasis(basis)) problem('/basis', 'basis-needed');
      else if (basis === 'other' && basisOther === '') problem('/basisOther', 'basis-other-needed');
      else if (basis !== 'other' && basisOther !== '') problem('/basisOther', 'basis-other-only-for-other');
      const decidedBy = trimmed(draft.decidedBy);
      const decidedByName = context.users.get(decidedBy);
      if (decidedBy === '') problem('/decidedBy', 'decider-needed');
      else if (decidedByName === undefined) problem('/decidedBy', 'unknown-decider');
      const reason = text('reason', CONSENT_LIMITS.reason, 'reason-needed');
      if (problems.length > 0 || !isLawfulBasis(basis) || decidedByName === undefined) return { ok: false, problems };
      return { ok: true, record: { kind, sharedWhat, sharedWith, sharedOn, basis, ...(basis === 'other' ? { basisOther } : {}), decidedBy, decidedByName, reason, ...withNote } };
    }
  }
}
